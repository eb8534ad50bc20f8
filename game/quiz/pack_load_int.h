#pragma once
// Internal to the pack loader (pack_load*.c): the per-load state and the
// helpers its files share. Not part of the quiz core's API.
//   pack_load.c        entry points, raw-byte checks, parse, validate, sort
//   pack_load_xml.c    libxml2 plumbing: error channels, entity loader, the
//                      built-in schema, line numbers and marks on nodes
//   pack_load_check.c  the C checks on a parsed pack (ids, text, sources, ...)
//   pack_load_msg.c    plain words for libxml2's commonest messages

#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <pthread.h>
#include <stdbool.h>

#include "quiz/diag.h"
#include "quiz/pack.h"

#define PACK_NS "urn:prebunk:quizpack:1"
#define XML_LANG_NS "http://www.w3.org/XML/1998/namespace"

// What the C checks already reported about a node, so that the schema's
// less friendly message about the same thing is not shown as well.
enum {
  MARK_CONTENT = 1u << 0,  // missing or misplaced children
  MARK_TEXT = 1u << 1,     // the element's own text
  MARK_ATTR_ID = 1u << 2,
  MARK_ATTR_ANSWER = 1u << 3,
  MARK_ATTR_VERSION = 1u << 4,
  MARK_ATTR_KIND = 1u << 5,
  MARK_ATTR_LANG = 1u << 6,
  MARK_ATTR_OUTLET = 1u << 7,
  MARK_ATTR_DATE = 1u << 8,
  MARK_ATTR_URL = 1u << 9,
  MARK_ATTR_QUESTIONS = 1u << 10,
  MARK_ATTR_SECONDS = 1u << 11,
  MARK_ATTR_REAL_SHARE = 1u << 12,
  MARK_ATTR_PAIR = 1u << 13,
  MARK_ATTR_MIN_AGE = 1u << 14,
  MARK_ATTR_ORDER = 1u << 15,
  MARK_BITS = 16,
};

typedef struct Loader {
  const char *name;  // FILE in messages
  DiagList diags;    // collected here, sorted by line at the end
  bool parse_error;  // the first XML syntax error is kept, the cascade is not
  Pack *pack;
  xmlHashTablePtr item_ids;  // id -> line of its first use
  bool assessment;
  bool answer_error;  // some item's answer was missing or unreadable
  bool too_many;      // stopped at PACK_MAX_ITEMS, or past DIAG_MAX_PER_FILE errors
  size_t dropped;     // problems past DIAG_MAX_PER_FILE: counted, not kept
  size_t dropped_errors;
  bool stopped;  // the checks ended early because of the cap
  char *quoted;  // see quote()
} Loader;

// Guards the loader's process state (the compiled schema, the entity loader).
extern pthread_mutex_t loader_state_lock;

// The thread's libxml2 error channels, swapped for quiet ones while the
// loader runs (loader_enter_libxml) and restored afterwards.
typedef struct ErrorChannels {
  xmlGenericErrorFunc generic;
  void *generic_ctx;
  xmlStructuredErrorFunc structured;
  void *structured_ctx;
} ErrorChannels;

ErrorChannels loader_enter_libxml(void);
void loader_leave_libxml(const ErrorChannels *saved);
// Installs the deny-all entity loader once; call with loader_state_lock held.
void loader_ensure_init_locked(void);
// The compiled built-in schema (borrowed, process-wide), or NULL reported.
xmlSchemaPtr loader_schema_get(Loader *L);
void loader_quiet_generic(void *ctx, const char *msg, ...) __attribute__((format(printf, 2, 3)));
// SAX start-element hook recording the start tag's line (see loader_node_line).
void loader_sax_start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                              int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
                              const xmlChar **attributes);
void loader_on_parse_error(void *user, xmlErrorPtr err);
void loader_on_schema_error(void *user, xmlErrorPtr err);

int loader_node_line(const xmlNode *n);
void loader_node_mark(xmlNode *n, unsigned mark);
bool loader_node_marked(const xmlNode *n, unsigned mark);
// Text from the file made safe to echo: cut after `max` characters, control
// characters replaced. Owned.
char *loader_shown_cut(const char *s, size_t max);
char *loader_shown(const char *s);  // cut at 60 characters
// A value quoted in a message; borrowed until the next call on `L`.
const char *loader_quote(Loader *L, const char *value);
void loader_report(Loader *L, DiagSeverity sev, int line, const char *fmt, ...) __attribute__((format(printf, 4, 5)));

// The built-in schema's document (borrowed; valid while the compiled
// schema is, i.e. until pack_loader_shutdown), or NULL.
xmlDocPtr loader_schema_doc(void);
// The built-in schema's sequences (pack_load_msg.c), built with the schema
// and freed with it; borrowed from loader_schema_sequences while loading.
typedef struct LoaderSequences LoaderSequences;
LoaderSequences *loader_sequences_build(xmlDocPtr xsd);
void loader_sequences_free(LoaderSequences *seqs);  // NULL is a no-op
const LoaderSequences *loader_schema_sequences(void);
// Plain words for libxml2's commonest messages (pack_load_msg.c): an owned
// message, or NULL to keep libxml2's own. The parser one uses `ctxt` to find
// the line where an unclosed element was opened.
char *loader_schema_message(const xmlError *err);
// True when `node` is a pack element its parent's type does not declare.
bool loader_schema_unknown_child(const xmlNode *node);
char *loader_parse_message(const xmlParserCtxt *ctxt, const xmlError *err);

// The C checks (pack_load_check.c). check_root returns false when the
// document is not a pack at all; check_pack fills L->pack.
bool loader_check_root(Loader *L, xmlNode *root);
void loader_check_pack(Loader *L, xmlNode *root);
