// The pack loader's libxml2 plumbing: process state, error channels, the
// deny-all entity loader, the built-in schema, and line numbers and marks
// kept on nodes. See pack_load_int.h.

#include <libxml/SAX2.h>
#include <libxml/globals.h>
#include <libxml/parserInternals.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/str.h"
#include "base/utf8.h"
#include "quiz/pack_load.h"
#include "quiz/pack_load_int.h"
#include "quiz/schema.h"

enum {
  SCHEMA_PARSE_OPTIONS = XML_PARSE_NONET | XML_PARSE_NOCDATA,
};

// ---------------------------------------------------------------------------
// Process state: the compiled schema, built once and shared (a compiled
// xmlSchema is read-only while validating). Guarded by `loader_state_lock`.

pthread_mutex_t loader_state_lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
  bool initialised;
  bool schema_failed;  // compiling the built-in schema failed: report, retry later
  xmlDocPtr schema_doc;
  xmlSchemaPtr schema;
  LoaderSequences *sequences;  // the schema's element order, for messages
  xmlExternalEntityLoader previous_loader;
} state;

// Set while this thread runs the loader. The entity loader is process-wide in
// libxml2; other code in the game (the Moodle importer) may legitimately read
// files through it, so it refuses only while a pack or the schema is loaded.
static _Thread_local int loading_depth;

static xmlParserInputPtr deny_entity_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
  if (loading_depth > 0) {
    return NULL;  // nothing outside the pack's own bytes is ever read
  }
  return state.previous_loader ? state.previous_loader(url, id, ctxt) : NULL;
}

// libxml2 errors that arrive without a context (or via the generic channel)
// while we load are dropped here instead of going to stderr; everything that
// matters comes through the per-context handlers below.
static void quiet_structured(void *user, xmlErrorPtr err) {
  (void)user;
  (void)err;
}

void loader_quiet_generic(void *ctx, const char *msg, ...) {
  (void)ctx;
  (void)msg;
}

// The thread's libxml2 error channels are swapped for quiet ones while the
// loader runs and restored afterwards.
ErrorChannels loader_enter_libxml(void) {
  ErrorChannels saved = {xmlGenericError, xmlGenericErrorContext, xmlStructuredError, xmlStructuredErrorContext};
  xmlSetGenericErrorFunc(NULL, loader_quiet_generic);
  xmlSetStructuredErrorFunc(NULL, quiet_structured);
  loading_depth++;
  return saved;
}

void loader_leave_libxml(const ErrorChannels *saved) {
  loading_depth--;
  xmlSetGenericErrorFunc(saved->generic_ctx, saved->generic);
  xmlSetStructuredErrorFunc(saved->structured_ctx, saved->structured);
}

static const struct {
  const char *name;
  unsigned mark;
} attr_marks[] = {
    {"id", MARK_ATTR_ID},
    {"answer", MARK_ATTR_ANSWER},
    {"version", MARK_ATTR_VERSION},
    {"kind", MARK_ATTR_KIND},
    {"lang", MARK_ATTR_LANG},
    {"outlet", MARK_ATTR_OUTLET},
    {"date", MARK_ATTR_DATE},
    {"url", MARK_ATTR_URL},
    {"questions", MARK_ATTR_QUESTIONS},
    {"seconds", MARK_ATTR_SECONDS},
    {"real-share", MARK_ATTR_REAL_SHARE},
    {"pair", MARK_ATTR_PAIR},
    {"min-age", MARK_ATTR_MIN_AGE},
    {"order", MARK_ATTR_ORDER},
};

// Each element's _private holds (line << MARK_BITS) | marks. The line is that
// of the start tag's '<', counted by us: libxml2 keeps only 16 bits of it.
int loader_node_line(const xmlNode *n) {
  if (!n) {
    return 0;
  }
  uintptr_t v = (uintptr_t)n->_private;
  return v ? (int)(v >> MARK_BITS) : (int)xmlGetLineNo(n);
}

void loader_node_mark(xmlNode *n, unsigned mark) {
  n->_private = (void *)((uintptr_t)n->_private | mark);
}

bool loader_node_marked(const xmlNode *n, unsigned mark) {
  return ((uintptr_t)n->_private & mark) != 0;
}

void loader_sax_start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                              int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
                              const xmlChar **attributes) {
  xmlParserCtxtPtr ctxt = ctx;
  xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes, nb_defaulted,
                        attributes);
  xmlNodePtr node = ctxt->node;
  if (!node || !ctxt->input || !ctxt->input->cur || !ctxt->input->base) {
    return;
  }
  // The parser stands at the end of the start tag; '<' cannot occur inside
  // attribute values, so the last '<' before here is where the tag began.
  long line = ctxt->input->line;
  long at_end = line;
  const xmlChar *p = ctxt->input->cur;
  while (p > ctxt->input->base && *p != '<') {
    p--;
    if (*p == '\n') {
      line--;
    }
  }
  if (*p != '<' || line < 1) {
    line = at_end;
  }
  node->_private = (void *)((uintptr_t)line << MARK_BITS);
}

// Echoing text from the file into a message: cut it after `max` characters
// and replace control characters (C0, DEL, C1) that could drive the terminal.
char *loader_shown_cut(const char *s, size_t max) {
  StrBuf b = {0};
  size_t chars = 0;
  const unsigned char *p = (const unsigned char *)(s ? s : "");
  strbuf_append(&b, "");
  while (*p) {
    if (utf8_is_boundary((const char *)p, 1, 0) && ++chars > max) {
      strbuf_append(&b, "...");
      break;
    }
    if (*p < 0x20 || *p == 0x7F) {
      strbuf_append_char(&b, '?');
    } else if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
      strbuf_append_char(&b, '?');
      p++;
    } else {
      strbuf_append_char(&b, (char)*p);
    }
    p++;
  }
  return strbuf_take(&b);
}

char *loader_shown(const char *s) {
  return loader_shown_cut(s, 60);
}

__attribute__((format(printf, 4, 5))) void loader_report(Loader *L, DiagSeverity sev, int line, const char *fmt, ...) {
  if (L->diags.count >= DIAG_MAX_PER_FILE) {
    L->dropped++;  // counted without formatting: the cap bounds the work too
    L->dropped_errors += sev == DIAG_ERROR;
    return;
  }
  va_list ap;
  va_start(ap, fmt);
  char *msg = xvasprintf(fmt, ap);
  va_end(ap);
  diag_add(&L->diags, sev, L->name, line, "%s", msg);
  free(msg);
}

// libxml2 messages name elements as {urn:prebunk:quizpack:1}item; pack
// authors know them as item.
static char *tidy_libxml_message(const char *msg) {
  StrBuf b = {0};
  strbuf_append(&b, "");
  static const char ns[] = "{" PACK_NS "}";
  const char *p = msg ? msg : "";
  for (const char *hit; (hit = strstr(p, ns)) != NULL; p = hit + sizeof ns - 1) {
    strbuf_append_n(&b, p, (size_t)(hit - p));
  }
  strbuf_append(&b, p);
  char *s = strbuf_take(&b);
  str_trim(s);
  char *out = loader_shown_cut(s, 1000);  // messages quote file content
  free(s);
  return out;
}

// Parser errors (well-formedness, namespaces) for our parser context.
void loader_on_parse_error(void *user, xmlErrorPtr err) {
  xmlParserCtxtPtr ctxt = user;
  Loader *L = ctxt ? ctxt->_private : NULL;
  if (!L || !err) {
    return;
  }
  if (err->level == XML_ERR_WARNING) {
    char *msg = tidy_libxml_message(err->message);
    loader_report(L, DIAG_WARNING, err->line, "%s", msg);
    free(msg);
    return;
  }
  if (L->parse_error) {
    return;  // errors after the first are mostly its echo
  }
  L->parse_error = true;
  char *msg = loader_parse_message(ctxt, err);
  if (!msg) {
    msg = tidy_libxml_message(err->message);
  }
  loader_report(L, DIAG_ERROR, err->line, _("malformed XML: %s"), msg);
  free(msg);
}

// The name of the attribute a schema message is about, or NULL.
static unsigned schema_message_attr_mark(const char *msg) {
  const char *a = strstr(msg, "attribute '");
  if (!a) {
    return 0;
  }
  a += strlen("attribute '");
  if (*a == '{') {  // {namespace}name
    const char *close = strchr(a, '}');
    if (!close) {
      return 0;
    }
    a = close + 1;
  }
  const char *end = strchr(a, '\'');
  if (!end) {
    return 0;
  }
  for (size_t i = 0; i < sizeof attr_marks / sizeof attr_marks[0]; i++) {
    if (strlen(attr_marks[i].name) == (size_t)(end - a) && strncmp(a, attr_marks[i].name, (size_t)(end - a)) == 0) {
      return attr_marks[i].mark;
    }
  }
  return 0;
}

// True when the C checks already said the same thing in friendlier words.
static bool schema_error_covered(const xmlError *err) {
  const xmlNode *node = err->node;
  if (!node || !err->message) {
    return false;
  }
  const char *msg = err->message;
  if (err->code == XML_SCHEMAV_ELEMENT_CONTENT) {
    // "Missing child element(s)" is about this element; "This element is
    // not expected" usually means a required sibling before it is missing,
    // unless the element is one the schema does not know (a typo to name).
    if (loader_schema_unknown_child(node)) {
      return false;
    }
    return loader_node_marked(node, MARK_CONTENT) || (node->parent && loader_node_marked(node->parent, MARK_CONTENT));
  }
  if (strstr(msg, "identity-constraint")) {
    return loader_node_marked(node, MARK_ATTR_ID);
  }
  unsigned mark = schema_message_attr_mark(msg);
  if (mark) {
    return loader_node_marked(node, mark);
  }
  return loader_node_marked(node, MARK_TEXT);
}

void loader_on_schema_error(void *user, xmlErrorPtr err) {
  Loader *L = user;
  if (!err || schema_error_covered(err)) {
    return;
  }
  if (L->diags.count >= DIAG_MAX_PER_FILE) {
    // Past the cap: count it without building the message (that cost more
    // than the validation itself on a pack with an error per item).
    loader_report(L, err->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_ERROR, 0, "%s", "");
    return;
  }
  char *msg = loader_schema_message(err);
  if (!msg) {
    msg = tidy_libxml_message(err->message);
  }
  int line = err->node ? loader_node_line(err->node) : err->line;
  loader_report(L, err->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_ERROR, line, "%s", msg);
  free(msg);
}

// Errors while compiling the built-in schema: a build problem, not the pack's.
static void on_schema_build_error(void *user, xmlErrorPtr err) {
  Loader *L = user;
  if (L && err && err->level != XML_ERR_WARNING) {
    char *msg = tidy_libxml_message(err->message);
    loader_report(L, DIAG_ERROR, 0, _("internal error: the built-in pack schema is broken (line %d): %s"), err->line,
                  msg);
    free(msg);
  }
}

// The same while parsing the schema document (user is its parser context).
static void on_schema_doc_error(void *user, xmlErrorPtr err) {
  xmlParserCtxtPtr ctxt = user;
  on_schema_build_error(ctxt ? ctxt->_private : NULL, err);
}

// ---------------------------------------------------------------------------
// The schema.

void loader_ensure_init_locked(void) {
  if (!state.initialised) {
    xmlInitParser();
    state.previous_loader = xmlGetExternalEntityLoader();
    xmlSetExternalEntityLoader(deny_entity_loader);
    state.initialised = true;
  }
}

xmlDocPtr loader_schema_doc(void) {
  return state.schema_doc;
}

const LoaderSequences *loader_schema_sequences(void) {
  return state.sequences;
}

xmlSchemaPtr loader_schema_get(Loader *L) {
  pthread_mutex_lock(&loader_state_lock);
  loader_ensure_init_locked();
  if (!state.schema && !state.schema_failed) {
    xmlParserCtxtPtr pctxt = xmlNewParserCtxt();
    if (pctxt) {
      pctxt->_private = L;
      pctxt->sax->serror = on_schema_doc_error;
      state.schema_doc = xmlCtxtReadMemory(pctxt, (const char *)schema_quizpack1_xsd, (int)schema_quizpack1_xsd_len,
                                           "quizpack-1.xsd", NULL, SCHEMA_PARSE_OPTIONS);
      xmlFreeParserCtxt(pctxt);
    }
    if (state.schema_doc) {
      // The compiled schema points into the document: both live until shutdown.
      xmlSchemaParserCtxtPtr sctxt = xmlSchemaNewDocParserCtxt(state.schema_doc);
      xmlSchemaSetParserStructuredErrors(sctxt, on_schema_build_error, L);
      state.schema = xmlSchemaParse(sctxt);
      xmlSchemaFreeParserCtxt(sctxt);
    }
    if (state.schema) {
      state.sequences = loader_sequences_build(state.schema_doc);
    } else {
      state.schema_failed = true;
      xmlFreeDoc(state.schema_doc);
      state.schema_doc = NULL;
    }
  }
  xmlSchemaPtr schema = state.schema;
  pthread_mutex_unlock(&loader_state_lock);
  if (!schema && L->diags.errors == 0) {
    loader_report(L, DIAG_ERROR, 0, "%s", _("internal error: the built-in pack schema could not be loaded"));
  }
  return schema;
}

void pack_loader_shutdown(void) {
  pthread_mutex_lock(&loader_state_lock);
  xmlSchemaFree(state.schema);
  xmlFreeDoc(state.schema_doc);
  loader_sequences_free(state.sequences);
  state.sequences = NULL;
  if (state.initialised) {
    xmlSetExternalEntityLoader(state.previous_loader);
  }
  // Not xmlCleanupParser(): other modules may still use libxml2, and what it
  // keeps is reachable process state, not a leak.
  state.schema = NULL;
  state.schema_doc = NULL;
  state.schema_failed = false;
  state.initialised = false;
  state.previous_loader = NULL;
  pthread_mutex_unlock(&loader_state_lock);
}
