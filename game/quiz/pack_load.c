#include "quiz/pack_load.h"

#include <libxml/SAX2.h>
#include <libxml/globals.h>
#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/i18n.h"
#include "base/str.h"
#include "quiz/pack_rules.h"
#include "quiz/schema.h"

#define PACK_NS "urn:prebunk:quizpack:1"
#define XML_LANG_NS "http://www.w3.org/XML/1998/namespace"

// libxml2 options for pack files. Deliberately absent: XML_PARSE_NOENT (no
// entity substitution), DTDLOAD/DTDATTR/DTDVALID (no DTD), XINCLUDE, RECOVER
// (a broken file is an error, not a guess) and HUGE (keep libxml2's limits).
// IGNORE_ENC: the bytes were checked to be UTF-8; a declaration claiming
// another encoding must not make libxml2 reinterpret them.
enum {
  PACK_PARSE_OPTIONS = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_IGNORE_ENC | XML_PARSE_COMPACT,
  SCHEMA_PARSE_OPTIONS = XML_PARSE_NONET | XML_PARSE_NOCDATA,
};

// ---------------------------------------------------------------------------
// Process state: the compiled schema, built once and shared (a compiled
// xmlSchema is read-only while validating). Guarded by `state_lock`.

static pthread_mutex_t state_lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
  bool initialised;
  bool schema_failed;  // compiling the built-in schema failed: report, retry later
  xmlDocPtr schema_doc;
  xmlSchemaPtr schema;
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

__attribute__((format(printf, 2, 3))) static void quiet_generic(void *ctx, const char *msg, ...) {
  (void)ctx;
  (void)msg;
}

typedef struct ErrorChannels {
  xmlGenericErrorFunc generic;
  void *generic_ctx;
  xmlStructuredErrorFunc structured;
  void *structured_ctx;
} ErrorChannels;

// The thread's libxml2 error channels are swapped for quiet ones while the
// loader runs and restored afterwards.
static ErrorChannels enter_libxml(void) {
  ErrorChannels saved = {xmlGenericError, xmlGenericErrorContext, xmlStructuredError, xmlStructuredErrorContext};
  xmlSetGenericErrorFunc(NULL, quiet_generic);
  xmlSetStructuredErrorFunc(NULL, quiet_structured);
  loading_depth++;
  return saved;
}

static void leave_libxml(const ErrorChannels *saved) {
  loading_depth--;
  xmlSetGenericErrorFunc(saved->generic_ctx, saved->generic);
  xmlSetStructuredErrorFunc(saved->structured_ctx, saved->structured);
}

// ---------------------------------------------------------------------------
// Per-load state.

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
  MARK_BITS = 16,
};

static const struct {
  const char *name;
  unsigned mark;
} attr_marks[] = {
    {"id", MARK_ATTR_ID},           {"answer", MARK_ATTR_ANSWER}, {"version", MARK_ATTR_VERSION},
    {"kind", MARK_ATTR_KIND},       {"lang", MARK_ATTR_LANG},     {"outlet", MARK_ATTR_OUTLET},
    {"date", MARK_ATTR_DATE},       {"url", MARK_ATTR_URL},       {"questions", MARK_ATTR_QUESTIONS},
    {"seconds", MARK_ATTR_SECONDS},
};

typedef struct Loader {
  const char *name;  // FILE in messages
  DiagList diags;    // collected here, sorted by line at the end
  bool parse_error;  // the first XML syntax error is kept, the cascade is not
  Pack *pack;
  xmlHashTablePtr item_ids;  // id -> line of its first use
  bool assessment;
  bool answer_error;  // some item's answer was missing or unreadable
  bool too_many;      // stopped at PACK_MAX_ITEMS
  char *quoted;       // see quote()
} Loader;

// Each element's _private holds (line << MARK_BITS) | marks. The line is that
// of the start tag's '<', counted by us: libxml2 keeps only 16 bits of it.
static int node_line(const xmlNode *n) {
  if (!n) {
    return 0;
  }
  uintptr_t v = (uintptr_t)n->_private;
  return v ? (int)(v >> MARK_BITS) : (int)xmlGetLineNo(n);
}

static void node_mark(xmlNode *n, unsigned mark) {
  n->_private = (void *)((uintptr_t)n->_private | mark);
}

static bool node_marked(const xmlNode *n, unsigned mark) {
  return ((uintptr_t)n->_private & mark) != 0;
}

static void sax_start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
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
static char *shown_cut(const char *s, size_t max) {
  StrBuf b = {0};
  size_t chars = 0;
  const unsigned char *p = (const unsigned char *)(s ? s : "");
  strbuf_append(&b, "");
  while (*p) {
    if ((*p & 0xC0) != 0x80 && ++chars > max) {
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

static char *shown(const char *s) {
  return shown_cut(s, 60);
}

__attribute__((format(printf, 4, 5))) static void report(Loader *L, DiagSeverity sev, int line, const char *fmt, ...) {
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
  char *out = shown_cut(s, 1000);  // messages quote file content
  free(s);
  return out;
}

// Parser errors (well-formedness, namespaces) for our parser context.
static void on_parse_error(void *user, xmlErrorPtr err) {
  xmlParserCtxtPtr ctxt = user;
  Loader *L = ctxt ? ctxt->_private : NULL;
  if (!L || !err) {
    return;
  }
  if (err->level == XML_ERR_WARNING) {
    char *msg = tidy_libxml_message(err->message);
    report(L, DIAG_WARNING, err->line, "%s", msg);
    free(msg);
    return;
  }
  if (L->parse_error) {
    return;  // errors after the first are mostly its echo
  }
  L->parse_error = true;
  char *msg = tidy_libxml_message(err->message);
  report(L, DIAG_ERROR, err->line, _("malformed XML: %s"), msg);
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
static bool schema_error_covered(const xmlErrorPtr err) {
  const xmlNode *node = err->node;
  if (!node || !err->message) {
    return false;
  }
  const char *msg = err->message;
  if (err->code == XML_SCHEMAV_ELEMENT_CONTENT) {
    // "Missing child element(s)" is about this element; "This element is
    // not expected" usually means a required sibling before it is missing.
    return node_marked(node, MARK_CONTENT) || (node->parent && node_marked(node->parent, MARK_CONTENT));
  }
  if (strstr(msg, "identity-constraint")) {
    return node_marked(node, MARK_ATTR_ID);
  }
  unsigned mark = schema_message_attr_mark(msg);
  if (mark) {
    return node_marked(node, mark);
  }
  return node_marked(node, MARK_TEXT);
}

static void on_schema_error(void *user, xmlErrorPtr err) {
  Loader *L = user;
  if (!err || schema_error_covered(err)) {
    return;
  }
  char *msg = tidy_libxml_message(err->message);
  int line = err->node ? node_line(err->node) : err->line;
  report(L, err->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_ERROR, line, "%s", msg);
  free(msg);
}

// Errors while compiling the built-in schema: a build problem, not the pack's.
static void on_schema_build_error(void *user, xmlErrorPtr err) {
  Loader *L = user;
  if (L && err && err->level != XML_ERR_WARNING) {
    char *msg = tidy_libxml_message(err->message);
    report(L, DIAG_ERROR, 0, _("internal error: the built-in pack schema is broken (line %d): %s"), err->line, msg);
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

static void ensure_init_locked(void) {
  if (!state.initialised) {
    xmlInitParser();
    state.previous_loader = xmlGetExternalEntityLoader();
    xmlSetExternalEntityLoader(deny_entity_loader);
    state.initialised = true;
  }
}

static xmlSchemaPtr schema_get(Loader *L) {
  pthread_mutex_lock(&state_lock);
  ensure_init_locked();
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
    if (!state.schema) {
      state.schema_failed = true;
      xmlFreeDoc(state.schema_doc);
      state.schema_doc = NULL;
    }
  }
  xmlSchemaPtr schema = state.schema;
  pthread_mutex_unlock(&state_lock);
  if (!schema && L->diags.errors == 0) {
    report(L, DIAG_ERROR, 0, "%s", _("internal error: the built-in pack schema could not be loaded"));
  }
  return schema;
}

void pack_loader_shutdown(void) {
  pthread_mutex_lock(&state_lock);
  xmlSchemaFree(state.schema);
  xmlFreeDoc(state.schema_doc);
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
  pthread_mutex_unlock(&state_lock);
}

// ---------------------------------------------------------------------------
// Checks on the raw bytes, before libxml2.

static int line_at(const char *data, size_t pos) {
  int line = 1;
  for (const char *p = data; (p = memchr(p, '\n', (size_t)(data + pos - p))) != NULL; p++) {
    line++;
  }
  return line;
}

static bool check_bytes(Loader *L, const char *data, size_t len) {
  const unsigned char *u = (const unsigned char *)data;
  if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
    report(L, DIAG_ERROR, 1, "%s", _("the file is saved as UTF-16; save it as UTF-8"));
    return false;
  }
  const char *nul = memchr(data, '\0', len);
  if (nul) {
    report(L, DIAG_ERROR, line_at(data, (size_t)(nul - data)), "%s",
           _("the file contains a NUL byte; save it as UTF-8 text"));
    return false;
  }
  // '\n' never occurs inside a UTF-8 sequence, so line by line is exact.
  int line = 1;
  for (size_t start = 0; start < len; line++) {
    const char *nl = memchr(data + start, '\n', len - start);
    size_t end = nl ? (size_t)(nl - data) : len;
    if (!str_utf8_valid(data + start, end - start)) {
      report(L, DIAG_ERROR, line, "%s", _("the file is not valid UTF-8; save it as UTF-8"));
      return false;
    }
    start = end + 1;
  }
  // A DTD is the door to entity bombs and external entities, and libxml2
  // would parse its declarations before we could object. These tokens are
  // refused everywhere, comments and CDATA included: skipping comments would
  // let a crafted processing instruction or comment hide a real DOCTYPE.
  static const char *const banned[] = {"<!DOCTYPE", "<!ENTITY"};
  for (const char *p = data; (p = memchr(p, '<', len - (size_t)(p - data))) != NULL; p++) {
    for (size_t i = 0; i < 2; i++) {
      size_t n = strlen(banned[i]);
      if ((size_t)(data + len - p) >= n && memcmp(p, banned[i], n) == 0) {
        report(L, DIAG_ERROR, line_at(data, (size_t)(p - data)),
               i == 0 ? _("a DOCTYPE is not allowed in a quiz pack (it could pull in other files or expand "
                          "entities without end)")
                      : _("an ENTITY declaration is not allowed in a quiz pack"));
        return false;
      }
    }
  }
  return true;
}

bool pack_load_sniff(const char *head, size_t len) {
  const char *p = head, *end = head + len;
  if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
    p += 3;
  }
  while (p < end) {
    if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') {
      p++;
      continue;
    }
    if (*p != '<' || p + 1 >= end) {
      return true;
    }
    const char *close = NULL;
    if (p[1] == '?') {
      for (const char *q = p + 2; q + 1 < end && !close; q++) {
        close = (q[0] == '?' && q[1] == '>') ? q + 2 : NULL;
      }
    } else if (p[1] == '!') {
      if (end - p < 4 || memcmp(p, "<!--", 4) != 0) {
        return true;  // a DOCTYPE or junk: let the loader say what is wrong
      }
      for (const char *q = p + 4; q + 2 < end && !close; q++) {
        close = (q[0] == '-' && q[1] == '-' && q[2] == '>') ? q + 3 : NULL;
      }
    } else {
      const char *name = p + 1, *q = name;
      while (q < end && *q != '>' && *q != '/' && *q != ' ' && *q != '\t' && *q != '\r' && *q != '\n') {
        q++;
      }
      if (q >= end) {
        return true;
      }
      const char *colon = memchr(name, ':', (size_t)(q - name));
      const char *local = colon ? colon + 1 : name;
      return (size_t)(q - local) == strlen("quizpack") && memcmp(local, "quizpack", strlen("quizpack")) == 0;
    }
    if (!close) {
      return true;
    }
    p = close;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Text helpers.

static size_t utf8_chars(const char *s) {
  size_t n = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    n += (*p & 0xC0) != 0x80;
  }
  return n;
}

static bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Squashes white space in place; with `paragraphs`, a run holding a blank line
// becomes one '\n' instead of a space.
static char *normalise_text(char *s, bool paragraphs) {
  char *w = s;
  bool pending = false;
  int newlines = 0;
  for (const char *r = s; *r; r++) {
    if (is_space(*r)) {
      pending = true;
      newlines += *r == '\n';
      continue;
    }
    if (pending && w != s) {
      *w++ = paragraphs && newlines >= 2 ? '\n' : ' ';
    }
    pending = false;
    newlines = 0;
    *w++ = *r;
  }
  *w = '\0';
  return s;
}

static bool is_pack_element(const xmlNode *n, const char *name) {
  return n->type == XML_ELEMENT_NODE && n->ns && n->ns->href && xmlStrEqual(n->ns->href, BAD_CAST PACK_NS) &&
         (!name || xmlStrEqual(n->name, BAD_CAST name));
}

// An attribute's value (owned) or NULL when absent.
static char *attr_get(const xmlNode *el, const char *name) {
  xmlChar *v = xmlGetNoNsProp(el, BAD_CAST name);
  if (!v) {
    return NULL;
  }
  char *s = xstrdup((const char *)v);
  xmlFree(v);
  return s;
}

static char *element_text(const xmlNode *el) {
  xmlChar *v = xmlNodeGetContent(el);
  char *s = xstrdup(v ? (const char *)v : "");
  xmlFree(v);
  return s;
}

static bool id_valid(const char *id) {
  if (!*id) {
    return false;
  }
  for (const char *p = id; *p; p++) {
    char c = *p;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
      return false;
    }
  }
  return true;
}

// Checks a text field's length; true when within `max`.
static bool check_length(Loader *L, int line, const char *what, const char *text, size_t max) {
  size_t n = utf8_chars(text);
  if (n > max) {
    report(L, DIAG_ERROR, line, _("%s is %zu characters long; the limit is %zu"), what, n, max);
    return false;
  }
  return true;
}

// A value from the file made safe to quote in a message (see shown()).
// Borrowed: valid until the next quote() call on this loader.
static const char *quote(Loader *L, const char *value) {
  free(L->quoted);
  L->quoted = shown(value);
  return L->quoted;
}

// BCP 47 in its common shape: a 2-8 letter language, then subtags of 1-8
// letters or digits (en, pt-BR, zh-Hant-TW, es-419).
static bool lang_tag_ok(const char *s) {
  size_t len = 0, first = 0;
  bool in_first = true;
  for (const char *p = s;; p++) {
    if (*p == '-' || !*p) {
      if (len < (in_first ? 2u : 1u) || len > 8) {
        return false;
      }
      if (in_first) {
        first = len;
      }
      if (!*p) {
        return first >= 2;
      }
      in_first = false;
      len = 0;
      continue;
    }
    char c = *p;
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    bool digit = c >= '0' && c <= '9';
    if (!(letter || (digit && !in_first))) {
      return false;
    }
    len++;
  }
}

// xml:lang of `el` (owned) or NULL; reports a malformed one.
static char *lang_get(Loader *L, xmlNode *el) {
  xmlChar *v = xmlGetNsProp(el, BAD_CAST "lang", BAD_CAST XML_LANG_NS);
  if (!v) {
    return NULL;
  }
  char *lang = xstrdup((const char *)v);
  xmlFree(v);
  str_trim(lang);
  if (!lang_tag_ok(lang)) {
    report(L, DIAG_ERROR, node_line(el), _("xml:lang must be a language tag such as \"en\" or \"pt-BR\", not \"%s\""),
           quote(L, lang));
    node_mark(el, MARK_ATTR_LANG);
    free(lang);
    return xstrdup("");  // present but unusable: reported here, not again as missing
  }
  return lang;
}

// Text of an element, which must not be empty (owned), or NULL after reporting.
static char *nonempty_text(Loader *L, xmlNode *el, const char *what, bool paragraphs, size_t max) {
  // Markup inside text is refused, not flattened: it is a mistake (HTML
  // pasted in) or an attempt (XInclude, which is never processed).
  for (xmlNode *c = el->children; c; c = c->next) {
    if (c->type == XML_ELEMENT_NODE) {
      char *qname = c->ns && c->ns->prefix ? xasprintf("%s:%s", (const char *)c->ns->prefix, (const char *)c->name)
                                           : xstrdup((const char *)c->name);
      report(L, DIAG_ERROR, node_line(c), _("%s must be plain text, without elements such as <%s>"), what,
             quote(L, qname));
      free(qname);
      node_mark(el, MARK_TEXT);
      return NULL;
    }
  }
  char *text = normalise_text(element_text(el), paragraphs);
  if (!*text || !check_length(L, node_line(el), what, text, max)) {
    if (!*text) {
      report(L, DIAG_ERROR, node_line(el), _("%s is empty"), what);
    }
    node_mark(el, MARK_TEXT);
    free(text);
    return NULL;
  }
  return text;
}

static void check_source(Loader *L, xmlNode *src, PackItem *it) {
  int line = node_line(src);
  char *outlet = attr_get(src, "outlet");
  if (outlet && !*normalise_text(outlet, false)) {
    free(outlet);
    outlet = NULL;  // an empty outlet is no outlet
  }
  if (outlet && !check_length(L, line, _("outlet"), outlet, PACK_MAX_NAME_CHARS)) {
    node_mark(src, MARK_ATTR_OUTLET);
  }
  it->outlet = outlet;

  char *date = attr_get(src, "date");
  if (date) {
    switch (pack_rules_date(date)) {
    case PACK_DATE_OK:
      break;
    case PACK_DATE_AMBIGUOUS:
    case PACK_DATE_BAD:
      report(L, DIAG_ERROR, line, _("date must be YYYY, YYYY-MM or YYYY-MM-DD, not \"%s\""), quote(L, date));
      node_mark(src, MARK_ATTR_DATE);
      break;
    case PACK_DATE_NO_SUCH_DAY:
      report(L, DIAG_ERROR, line, _("date \"%s\" does not exist"), quote(L, date));
      node_mark(src, MARK_ATTR_DATE);
      break;
    }
  }
  it->date = date;

  char *url = attr_get(src, "url");
  if (url && !pack_rules_url_ok(url)) {
    report(L, DIAG_ERROR, line, _("url must be a web address starting with http:// or https://, not \"%s\""),
           quote(L, url));
    node_mark(src, MARK_ATTR_URL);
  } else if (url && !check_length(L, line, _("url"), url, PACK_MAX_URL_CHARS)) {
    node_mark(src, MARK_ATTR_URL);
  }
  it->url = url;
}

static void check_technique(Loader *L, xmlNode *el, PackItem *it) {
  char *name = normalise_text(element_text(el), false);
  Technique t;
  if (technique_from_name(name, &t)) {
    it->techniques |= (TechniqueSet)1 << t;
    free(name);
    return;
  }
  char *q = shown(name);
  const char *hint = technique_suggest(name);
  if (hint) {
    report(L, DIAG_ERROR, node_line(el), _("unknown technique \"%s\"; did you mean \"%s\"?"), q, hint);
  } else {
    StrBuf known = {0};
    for (int i = 0; i < TECHNIQUE_COUNT; i++) {
      strbuf_appendf(&known, "%s%s", i ? ", " : "", technique_name((Technique)i));
    }
    report(L, DIAG_ERROR, node_line(el), _("unknown technique \"%s\" (the techniques are: %s)"), q, known.data);
    strbuf_free(&known);
  }
  free(q);
  node_mark(el, MARK_TEXT);
  free(name);
}

static void check_item_id(Loader *L, xmlNode *el, PackItem *it) {
  int line = node_line(el);
  char *id = attr_get(el, "id");
  if (!id) {
    report(L, DIAG_ERROR, line, "%s", _("item has no id"));
  } else if (!id_valid(id)) {
    report(L, DIAG_ERROR, line, _("item id \"%s\" may contain only letters, digits, \"-\" and \"_\""), quote(L, id));
  } else if (!check_length(L, line, _("item id"), id, PACK_MAX_ID_CHARS)) {
    // reported
  } else {
    void *first = xmlHashLookup(L->item_ids, BAD_CAST id);
    if (!first) {
      xmlHashAddEntry(L->item_ids, BAD_CAST id, (void *)(intptr_t)line);
      it->id = id;
      return;
    }
    report(L, DIAG_ERROR, line, _("item id \"%s\" is used twice (first on line %d)"), id, (int)(intptr_t)first);
  }
  node_mark(el, MARK_ATTR_ID);
  it->id = id ? id : xstrdup("");
}

// False when the answer is missing or unreadable (reported).
static bool check_item_answer(Loader *L, xmlNode *el, PackItem *it) {
  char *answer = attr_get(el, "answer");
  bool ok = true;
  if (answer && strcmp(answer, "real") == 0) {
    it->answer = PACK_ANSWER_REAL;
  } else if (answer && strcmp(answer, "fabricated") == 0) {
    it->answer = PACK_ANSWER_FABRICATED;
  } else {
    ok = false;
    if (answer) {
      report(L, DIAG_ERROR, node_line(el), _("answer must be \"real\" or \"fabricated\", not \"%s\""),
             quote(L, answer));
    } else {
      report(L, DIAG_ERROR, node_line(el), "%s", _("item has no answer (answer=\"real\" or answer=\"fabricated\")"));
    }
    node_mark(el, MARK_ATTR_ANSWER);
    L->answer_error = true;
  }
  free(answer);
  return ok;
}

static void check_item(Loader *L, xmlNode *el) {
  int line = node_line(el);
  PackItem *it = pack_add_item(L->pack);
  it->line = line;
  check_item_id(L, el, it);
  bool answer_ok = check_item_answer(L, el, it);
  it->lang = lang_get(L, el);

  bool has_headline = false, has_explanation = false, has_tip = false, has_technique = false;
  xmlNode *source = NULL;
  for (xmlNode *c = el->children; c; c = c->next) {
    if (!is_pack_element(c, NULL)) {
      continue;  // anything else is the schema's to report
    }
    const char *cn = (const char *)c->name;
    if (strcmp(cn, "headline") == 0 && !has_headline) {
      has_headline = true;
      it->headline = nonempty_text(L, c, _("<headline>"), false, PACK_MAX_HEADLINE_CHARS);
      if (it->headline && utf8_chars(it->headline) > PACK_LONG_HEADLINE_CHARS) {
        report(L, DIAG_WARNING, node_line(c), _("headline is longer than %d characters"), PACK_LONG_HEADLINE_CHARS);
      }
    } else if (strcmp(cn, "explanation") == 0 && !has_explanation) {
      has_explanation = true;
      it->explanation = nonempty_text(L, c, _("<explanation>"), true, PACK_MAX_EXPLANATION_CHARS);
    } else if (strcmp(cn, "source") == 0 && !source) {
      source = c;
      check_source(L, c, it);
    } else if (strcmp(cn, "technique") == 0) {
      has_technique = true;
      check_technique(L, c, it);
    } else if (strcmp(cn, "tip") == 0 && !has_tip) {
      has_tip = true;
      it->tip = nonempty_text(L, c, _("<tip>"), true, PACK_MAX_TIP_CHARS);
    } else if (strcmp(cn, "tag") == 0) {
      char *tag = nonempty_text(L, c, _("<tag>"), false, PACK_MAX_TAG_CHARS);
      if (tag && it->tag_count >= PACK_MAX_TAGS) {
        report(L, DIAG_ERROR, node_line(c), _("item has more than %d tags"), PACK_MAX_TAGS);
      } else if (tag) {
        pack_item_add_tag(it, tag);
      }
      free(tag);
    }
  }
  if (!has_headline) {
    report(L, DIAG_ERROR, line, "%s", _("item has no <headline>"));
    node_mark(el, MARK_CONTENT);
  }
  if (!has_explanation) {
    report(L, DIAG_ERROR, line, "%s", _("item has no <explanation>"));
    node_mark(el, MARK_CONTENT);
  }
  // Assessment packs (fixed tests such as MIST-20) give no feedback per item
  // and often cannot cite sources: the feedback-related rules do not apply.
  if (!answer_ok || L->assessment) {
    return;
  }
  if (it->answer == PACK_ANSWER_REAL) {
    if (!source) {
      report(L, DIAG_ERROR, line, "%s", _("real item needs <source> with outlet and date"));
      node_mark(el, MARK_CONTENT);
      return;
    }
    if (!it->outlet) {
      report(L, DIAG_ERROR, node_line(source), "%s", _("real item needs an outlet in <source>"));
      node_mark(source, MARK_ATTR_OUTLET);
    }
    if (!it->date) {
      report(L, DIAG_ERROR, node_line(source), "%s", _("real item needs a date in <source>"));
      node_mark(source, MARK_ATTR_DATE);
    }
    if (!it->url) {
      report(L, DIAG_WARNING, node_line(source), "%s",
             _("real item has no url; players cannot look the story up at its source"));
    }
  } else if (!has_technique) {
    report(L, DIAG_WARNING, line, "%s",
           _("fabricated item names no <technique>; players learn more when they see how it misleads"));
  }
}

// An optional whole-number attribute: 0 when absent or invalid (reported).
static int int_attr(Loader *L, xmlNode *el, const char *attr, unsigned mark, int min, int max) {
  char *v = attr_get(el, attr);
  if (!v) {
    return 0;
  }
  str_trim(v);
  char *end;
  long n = strtol(v, &end, 10);
  if (end == v || *end || v[0] == '-' || n < min || n > max) {
    char *q = shown(v);
    report(L, DIAG_ERROR, node_line(el), _("%s must be a whole number from %d to %d, not \"%s\""), attr, min, max, q);
    free(q);
    node_mark(el, mark);
    n = 0;
  }
  free(v);
  return (int)n;
}

// Returns false when the document is not a pack at all (nothing else to say).
static bool check_root(Loader *L, xmlNode *root) {
  int line = node_line(root);
  if (!xmlStrEqual(root->name, BAD_CAST "quizpack")) {
    report(L, DIAG_ERROR, line,
           _("this is not a quiz pack: the root element is <%s>, not <quizpack xmlns=\"" PACK_NS "\">"),
           quote(L, (const char *)root->name));
    return false;
  }
  if (!root->ns) {
    report(L, DIAG_ERROR, line, "%s", _("<quizpack> needs xmlns=\"" PACK_NS "\""));
    return false;
  }
  if (!xmlStrEqual(root->ns->href, BAD_CAST PACK_NS)) {
    report(L, DIAG_ERROR, line, _("<quizpack> must be in namespace \"" PACK_NS "\", not \"%s\""),
           quote(L, (const char *)root->ns->href));
    return false;
  }
  return true;
}

static void check_pack_attributes(Loader *L, xmlNode *root) {
  Pack *p = L->pack;
  int line = node_line(root);
  char *id = attr_get(root, "id");
  if (!id) {
    report(L, DIAG_ERROR, line, "%s", _("the pack has no id"));
    node_mark(root, MARK_ATTR_ID);
  } else if (!id_valid(id)) {
    report(L, DIAG_ERROR, line, _("pack id \"%s\" may contain only letters, digits, \"-\" and \"_\""), quote(L, id));
    node_mark(root, MARK_ATTR_ID);
  } else if (!check_length(L, line, _("pack id"), id, PACK_MAX_ID_CHARS)) {
    node_mark(root, MARK_ATTR_ID);
  }
  p->id = id;

  if (!xmlHasNsProp(root, BAD_CAST "version", NULL)) {
    report(L, DIAG_ERROR, line, "%s",
           _("the pack has no version (version=\"1\", raised whenever the content changes)"));
    node_mark(root, MARK_ATTR_VERSION);
  }
  p->version = int_attr(L, root, "version", MARK_ATTR_VERSION, 1, INT32_MAX);

  p->lang = lang_get(L, root);
  if (!p->lang) {
    report(L, DIAG_ERROR, line, "%s", _("the pack has no xml:lang (the language of its text, e.g. xml:lang=\"en\")"));
  }

  char *kind = attr_get(root, "kind");
  if (kind && strcmp(kind, "assessment") == 0) {
    p->kind = PACK_KIND_ASSESSMENT;
  } else if (kind && strcmp(kind, "practice") != 0) {
    report(L, DIAG_ERROR, line, _("kind must be \"practice\" or \"assessment\", not \"%s\""), quote(L, kind));
    node_mark(root, MARK_ATTR_KIND);
  }
  free(kind);
  L->assessment = p->kind == PACK_KIND_ASSESSMENT;
}

// Pack-wide rules, once every item was read.
static void check_balance(Loader *L, xmlNode *root, const xmlNode *round) {
  const Pack *p = L->pack;
  int line = node_line(root);
  size_t real = pack_count_answer(p, PACK_ANSWER_REAL);
  size_t fabricated = p->item_count - real;
  if (p->item_count == 0) {
    report(L, DIAG_ERROR, line, "%s", _("the pack has no items"));
    node_mark(root, MARK_CONTENT);
  } else if (L->answer_error) {
    // The balance cannot be judged until every answer is readable.
  } else if (real == 0) {
    report(L, DIAG_ERROR, line, "%s",
           _("the pack has no real items; with one kind of answer it teaches players to always give it"));
  } else if (fabricated == 0) {
    report(L, DIAG_ERROR, line, "%s",
           _("the pack has no fabricated items; with one kind of answer it teaches players to always give it"));
  } else if (real * 4 < p->item_count || fabricated * 4 < p->item_count) {
    report(L, DIAG_WARNING, line,
           _("the pack has %zu real and %zu fabricated items; a lopsided pack rewards always giving the same answer"),
           real, fabricated);
  }
  if (round && p->round_questions > 0 && (size_t)p->round_questions > p->item_count) {
    report(L, DIAG_WARNING, node_line(round), _("the round asks for %d questions but the pack has only %zu items"),
           p->round_questions, p->item_count);
  }
}

static void check_pack(Loader *L, xmlNode *root) {
  Pack *p = L->pack;
  check_pack_attributes(L, root);
  bool has_title = false, has_description = false, has_author = false, has_license = false;
  xmlNode *round = NULL;
  for (xmlNode *c = root->children; c; c = c->next) {
    if (!is_pack_element(c, NULL)) {
      continue;
    }
    const char *cn = (const char *)c->name;
    if (strcmp(cn, "item") == 0) {
      if (p->item_count >= PACK_MAX_ITEMS) {
        report(L, DIAG_ERROR, node_line(c), _("the pack has more than %d items"), PACK_MAX_ITEMS);
        L->too_many = true;
        return;
      }
      check_item(L, c);
    } else if (strcmp(cn, "title") == 0 && !has_title) {
      has_title = true;
      p->title = nonempty_text(L, c, _("<title>"), false, PACK_MAX_TITLE_CHARS);
    } else if (strcmp(cn, "description") == 0 && !has_description) {
      has_description = true;
      p->description = nonempty_text(L, c, _("<description>"), true, PACK_MAX_DESCRIPTION_CHARS);
    } else if (strcmp(cn, "author") == 0 && !has_author) {
      has_author = true;
      p->author = nonempty_text(L, c, _("<author>"), false, PACK_MAX_NAME_CHARS);
    } else if (strcmp(cn, "license") == 0 && !has_license) {
      has_license = true;
      p->license = nonempty_text(L, c, _("<license>"), false, PACK_MAX_NAME_CHARS);
    } else if (strcmp(cn, "round") == 0 && !round) {
      round = c;
      p->round_questions = int_attr(L, c, "questions", MARK_ATTR_QUESTIONS, 1, PACK_MAX_ROUND_QUESTIONS);
      p->round_seconds = int_attr(L, c, "seconds", MARK_ATTR_SECONDS, PACK_MIN_ROUND_SECONDS, PACK_MAX_ROUND_SECONDS);
    }
  }
  if (!has_title) {
    report(L, DIAG_ERROR, node_line(root), "%s", _("the pack has no <title>"));
    node_mark(root, MARK_CONTENT);
  }
  if (!has_description) {
    report(L, DIAG_ERROR, node_line(root), "%s", _("the pack has no <description>"));
    node_mark(root, MARK_CONTENT);
  }
  check_balance(L, root, round);
}

// ---------------------------------------------------------------------------

// Stable merge sort by line: the walk finds problems in document order, the
// schema afterwards, pack-wide ones last; readers want them in line order.
static void sort_by_line(Diag *d, Diag *tmp, size_t n) {
  if (n < 2) {
    return;
  }
  size_t half = n / 2;
  sort_by_line(d, tmp, half);
  sort_by_line(d + half, tmp, n - half);
  size_t i = 0, j = half, k = 0;
  while (i < half && j < n) {
    tmp[k++] = d[j].line < d[i].line ? d[j++] : d[i++];
  }
  while (i < half) {
    tmp[k++] = d[i++];
  }
  while (j < n) {
    tmp[k++] = d[j++];
  }
  memcpy(d, tmp, n * sizeof *d);
}

static void flush_diags(Loader *L, DiagList *out) {
  size_t n = L->diags.count;
  if (n > 1) {
    Diag *tmp = xmalloc(n * sizeof *tmp);
    sort_by_line(L->diags.items, tmp, n);
    free(tmp);
  }
  for (size_t i = 0; i < n; i++) {
    const Diag *d = &L->diags.items[i];
    diag_add(out, d->severity, d->file, d->line, "%s", d->message);
  }
  diag_clear(&L->diags);
}

static xmlDocPtr parse(Loader *L, const char *data, size_t len) {
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt) {
    report(L, DIAG_ERROR, 0, "%s", _("out of memory while reading the pack"));
    return NULL;
  }
  ctxt->_private = L;
  ctxt->sax->serror = on_parse_error;
  ctxt->sax->startElementNs = sax_start_element;
  ctxt->sax->error = quiet_generic;
  ctxt->sax->warning = quiet_generic;
  ctxt->vctxt.error = quiet_generic;
  ctxt->vctxt.warning = quiet_generic;
  xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)len, L->name, NULL, PACK_PARSE_OPTIONS);
  if (!doc && !L->parse_error) {
    report(L, DIAG_ERROR, 0, "%s", _("malformed XML"));
  }
  xmlFreeParserCtxt(ctxt);
  return doc;
}

static void validate(Loader *L, xmlDocPtr doc) {
  xmlSchemaPtr schema = schema_get(L);
  if (!schema) {
    return;
  }
  xmlSchemaValidCtxtPtr v = xmlSchemaNewValidCtxt(schema);
  if (!v) {
    report(L, DIAG_ERROR, 0, "%s", _("out of memory while checking the pack"));
    return;
  }
  xmlSchemaSetValidStructuredErrors(v, on_schema_error, L);
  xmlSchemaValidateDoc(v, doc);
  xmlSchemaFreeValidCtxt(v);
}

Pack *pack_load_memory(const char *name, const char *data, size_t len, DiagList *diags) {
  Loader L = {.name = name ? name : "<memory>"};
  Pack *pack = NULL;
  if (!data) {
    data = "";
    len = 0;
  }
  if (len > PACK_MAX_FILE_BYTES) {
    report(&L, DIAG_ERROR, 0, _("the pack is %zu bytes; the limit is %d bytes"), len, PACK_MAX_FILE_BYTES);
    flush_diags(&L, diags);
    return NULL;
  }
  if (!check_bytes(&L, data, len)) {
    flush_diags(&L, diags);
    return NULL;
  }
  pthread_mutex_lock(&state_lock);
  ensure_init_locked();
  pthread_mutex_unlock(&state_lock);

  ErrorChannels saved = enter_libxml();
  xmlDocPtr doc = parse(&L, data, len);
  xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
  if (doc && !root) {
    report(&L, DIAG_ERROR, 0, "%s", _("the file has no root element"));
  }
  if (root && check_root(&L, root)) {
    L.pack = pack_create();
    L.item_ids = xmlHashCreate(64);
    check_pack(&L, root);
    if (!L.too_many && !L.parse_error) {
      validate(&L, doc);
    }
    xmlHashFree(L.item_ids, NULL);
  }
  xmlFreeDoc(doc);
  leave_libxml(&saved);

  if (L.pack && L.diags.errors == 0) {
    pack = L.pack;
    pack->path = xstrdup(name);
  } else {
    pack_destroy(L.pack);
  }
  free(L.quoted);
  flush_diags(&L, diags);
  return pack;
}

Pack *pack_load_file(const char *path, DiagList *diags) {
  char *data = NULL, *err = NULL;
  size_t len = 0;
  switch (fs_read_file(path, PACK_MAX_FILE_BYTES, &data, &len, &err)) {
  case FS_READ_OK:
    break;
  case FS_READ_TOO_BIG:
    diag_add(diags, DIAG_ERROR, path, 0, _("the file is larger than the limit of %d bytes (16 MiB)"),
             PACK_MAX_FILE_BYTES);
    free(err);
    return NULL;
  case FS_READ_ERROR:
    diag_add(diags, DIAG_ERROR, path, 0, _("cannot read the file: %s"), err);
    free(err);
    return NULL;
  }
  Pack *pack = pack_load_memory(path, data, len, diags);
  free(data);
  return pack;
}
