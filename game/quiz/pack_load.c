#include "quiz/pack_load.h"

#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/i18n.h"
#include "base/str.h"
#include "base/utf8.h"
#include "quiz/pack_load_int.h"

// libxml2 options for pack files. Deliberately absent: XML_PARSE_NOENT (no
// entity substitution), DTDLOAD/DTDATTR/DTDVALID (no DTD), XINCLUDE, RECOVER
// (a broken file is an error, not a guess) and HUGE (keep libxml2's limits).
// IGNORE_ENC: the bytes were checked to be UTF-8; a declaration claiming
// another encoding must not make libxml2 reinterpret them.
enum {
  PACK_PARSE_OPTIONS = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_IGNORE_ENC | XML_PARSE_COMPACT,
};

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
    loader_report(L, DIAG_ERROR, 1, "%s", _("the file is saved as UTF-16; save it as UTF-8"));
    return false;
  }
  const char *nul = memchr(data, '\0', len);
  if (nul) {
    loader_report(L, DIAG_ERROR, line_at(data, (size_t)(nul - data)), "%s",
                  _("the file contains a NUL byte; save it as UTF-8 text"));
    return false;
  }
  // '\n' never occurs inside a UTF-8 sequence, so line by line is exact.
  int line = 1;
  for (size_t start = 0; start < len; line++) {
    const char *nl = memchr(data + start, '\n', len - start);
    size_t end = nl ? (size_t)(nl - data) : len;
    if (!utf8_valid(data + start, end - start)) {
      loader_report(L, DIAG_ERROR, line, "%s", _("the file is not valid UTF-8; save it as UTF-8"));
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
        loader_report(L, DIAG_ERROR, line_at(data, (size_t)(p - data)),
                      i == 0 ? _("a DOCTYPE is not allowed in a quiz pack (it could pull in other files or expand "
                                 "entities without end)")
                             : _("an ENTITY declaration is not allowed in a quiz pack"));
        return false;
      }
    }
  }
  return true;
}

// libxml2 2.9 checks each attribute of a start tag against all the others
// (200,000 attributes on one element: minutes), and the schema walks every
// child of an element whatever its count. One linear pass over the bytes
// bounds all three before libxml2 sees them: attributes (namespace
// declarations included) per start tag, children per element (the root may
// hold PACK_MAX_ITEMS items), and the depth of nesting.
typedef struct MarkupScan {
  const char *data, *end;
  size_t depth;
  size_t children[PACK_MAX_DEPTH + 1];
} MarkupScan;

// Past the construct that starts at p with `open` and ends with `close`, or NULL.
static const char *skip_past(const char *p, const char *end, const char *open, const char *close) {
  size_t no = strlen(open), nc = strlen(close);
  if ((size_t)(end - p) < no || memcmp(p, open, no) != 0) {
    return NULL;
  }
  for (const char *q = p + no; (q = memchr(q, close[0], (size_t)(end - q))) != NULL; q++) {
    if ((size_t)(end - q) >= nc && memcmp(q, close, nc) == 0) {
      return q + nc;
    }
  }
  return end;  // unterminated: the parser reports it
}

// A start tag at p: counts its attributes; returns the end of the tag (after
// '>') and sets *empty for "<x/>".
static const char *scan_start_tag(const char *p, const char *end, size_t *attrs, bool *empty) {
  *attrs = 0;
  *empty = false;
  for (const char *q = p + 1; q < end; q++) {
    if (*q == '"' || *q == '\'') {
      const char *close = memchr(q + 1, *q, (size_t)(end - q - 1));
      if (!close) {
        return end;
      }
      q = close;
    } else if (*q == '=') {
      (*attrs)++;
    } else if (*q == '>') {
      *empty = q[-1] == '/';
      return q + 1;
    }
  }
  return end;
}

static bool check_markup(Loader *L, const char *data, size_t len) {
  MarkupScan m = {.data = data, .end = data + len};
  const char *p = data;
  while ((p = memchr(p, '<', (size_t)(m.end - p))) != NULL) {
    // Comments, CDATA and processing instructions start "<!" or "<?": most
    // '<' start a tag and need none of the three comparisons.
    const char *next = NULL;
    if (p + 1 < m.end && (p[1] == '!' || p[1] == '?')) {
      next = skip_past(p, m.end, "<!--", "-->");
      next = next ? next : skip_past(p, m.end, "<![CDATA[", "]]>");
      next = next ? next : skip_past(p, m.end, "<?", "?>");
    }
    if (next) {
      p = next;
      continue;
    }
    if (p + 1 < m.end && p[1] == '/') {
      m.depth -= m.depth > 0;
      p++;
      continue;
    }
    size_t attrs;
    bool empty;
    const char *tag = p;
    p = scan_start_tag(p, m.end, &attrs, &empty);
    // The line only when there is something to say: counting it for every
    // tag would make the scan quadratic.
#define TAG_LINE line_at(data, (size_t)(tag - data))
    size_t max_children = m.depth == 1 ? (size_t)PACK_MAX_ITEMS + 64 : (size_t)PACK_MAX_CHILDREN;
    if (attrs > PACK_MAX_ATTRIBUTES) {
      loader_report(L, DIAG_ERROR, TAG_LINE, _("an element has %zu attributes; the limit is %d"), attrs,
                    PACK_MAX_ATTRIBUTES);
      return false;
    }
    if (m.depth > 0 && ++m.children[m.depth - 1] > max_children) {
      loader_report(L, DIAG_ERROR, TAG_LINE, _("an element has more than %zu child elements"), max_children);
      return false;
    }
    if (!empty && m.depth >= PACK_MAX_DEPTH) {
      loader_report(L, DIAG_ERROR, TAG_LINE, _("elements are nested more than %d deep"), PACK_MAX_DEPTH);
      return false;
    }
#undef TAG_LINE
    if (!empty) {
      m.children[m.depth++] = 0;
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
  diag_add_dropped(out, L->name, L->dropped, L->dropped_errors, L->stopped);
  diag_clear(&L->diags);
}

static xmlDocPtr parse(Loader *L, const char *data, size_t len) {
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt) {
    loader_report(L, DIAG_ERROR, 0, "%s", _("out of memory while reading the pack"));
    return NULL;
  }
  ctxt->_private = L;
  ctxt->sax->serror = loader_on_parse_error;
  ctxt->sax->startElementNs = loader_sax_start_element;
  ctxt->sax->error = loader_quiet_generic;
  ctxt->sax->warning = loader_quiet_generic;
  ctxt->vctxt.error = loader_quiet_generic;
  ctxt->vctxt.warning = loader_quiet_generic;
  xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)len, L->name, NULL, PACK_PARSE_OPTIONS);
  if (!doc && !L->parse_error) {
    loader_report(L, DIAG_ERROR, 0, "%s", _("malformed XML"));
  }
  xmlFreeParserCtxt(ctxt);
  return doc;
}

// Items validated first when the checks already filled the list.
#define PREFIX_ITEMS 64

// When the checks already gave DIAG_MAX_PER_FILE problems, nothing the schema
// finds will be listed; all that is left to learn is whether the pack has an
// error. libxml2 cannot be stopped mid-document and formats a message for
// every error (most of the time of a 13 MB pack with an error per item), so
// the root is first validated with only its first PREFIX_ITEMS items: the
// items are last in the root's sequence, so an error in this prefix is one
// of the whole document. True when that settled it (the count of problems
// not listed is then a lower bound: L->stopped). The other children are
// detached and put back as one chain, in O(1).
static bool validate_prefix_settles(Loader *L, xmlSchemaValidCtxtPtr v, xmlDocPtr doc) {
  xmlNode *root = xmlDocGetRootElement(doc);
  if (L->diags.count < DIAG_MAX_PER_FILE || !root) {
    return false;
  }
  xmlNode *keep = NULL;
  int items = 0;
  for (xmlNode *c = root->children; c && items < PREFIX_ITEMS; c = c->next) {
    keep = c;
    items += c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, BAD_CAST "item");
  }
  if (!keep || !keep->next || items < PREFIX_ITEMS) {
    return false;  // short enough to validate whole
  }
  xmlNode *tail = keep->next, *last = root->last;
  keep->next = NULL;
  tail->prev = NULL;
  root->last = keep;
  size_t dropped = L->dropped, dropped_errors = L->dropped_errors;
  xmlSchemaValidateDoc(v, doc);
  keep->next = tail;
  tail->prev = keep;
  root->last = last;
  if (L->dropped_errors > dropped_errors) {
    L->stopped = true;
    return true;
  }
  L->dropped = dropped;  // the whole document is validated next: not counted twice
  L->dropped_errors = dropped_errors;
  return false;
}

static void validate(Loader *L, xmlDocPtr doc) {
  xmlSchemaPtr schema = loader_schema_get(L);
  if (!schema) {
    return;
  }
  xmlSchemaValidCtxtPtr v = xmlSchemaNewValidCtxt(schema);
  if (!v) {
    loader_report(L, DIAG_ERROR, 0, "%s", _("out of memory while checking the pack"));
    return;
  }
  xmlSchemaSetValidStructuredErrors(v, loader_on_schema_error, L);
  // libxml2 2.9 looks for the file of every error about a node by walking
  // back over every node before it (XInclude bookkeeping) when the document
  // has a URL: one error per item made a 100,000-item pack quadratic. The
  // messages name the file themselves (L->name), so the document needs none.
  xmlFree((xmlChar *)doc->URL);
  doc->URL = NULL;
  if (!validate_prefix_settles(L, v, doc)) {
    xmlSchemaValidateDoc(v, doc);
  }
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
    loader_report(&L, DIAG_ERROR, 0, _("the pack is %zu bytes; the limit is %d bytes"), len, PACK_MAX_FILE_BYTES);
    flush_diags(&L, diags);
    return NULL;
  }
  if (!check_bytes(&L, data, len) || !check_markup(&L, data, len)) {
    flush_diags(&L, diags);
    return NULL;
  }
  pthread_mutex_lock(&loader_state_lock);
  loader_ensure_init_locked();
  pthread_mutex_unlock(&loader_state_lock);

  ErrorChannels saved = loader_enter_libxml();
  xmlDocPtr doc = parse(&L, data, len);
  xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
  if (doc && !root) {
    loader_report(&L, DIAG_ERROR, 0, "%s", _("the file has no root element"));
  }
  if (root && loader_check_root(&L, root)) {
    L.pack = pack_create();
    L.item_ids = xmlHashCreate(64);
    loader_check_pack(&L, root);
    if (!L.too_many && !L.parse_error) {
      validate(&L, doc);
    }
    xmlHashFree(L.item_ids, NULL);
  }
  xmlFreeDoc(doc);
  loader_leave_libxml(&saved);

  if (L.pack && L.diags.errors == 0 && L.dropped_errors == 0) {
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

// Only the problems of this load are judged: `diags` may already hold others.
// A clean load leaves `items` NULL, and NULL + 0 is undefined in C.
static Pack *make_strict(Pack *pack, DiagList *diags, size_t first, bool *loads) {
  DiagList mine = {.items = diags->items ? diags->items + first : NULL, .count = diags->count - first};
  size_t turned = diag_make_strict(&mine);
  diags->warnings -= turned;
  diags->errors += turned;
  if (loads) {
    *loads = pack != NULL;
  }
  if (turned > 0) {
    pack_destroy(pack);
    return NULL;
  }
  return pack;
}

Pack *pack_load_file_strict(const char *path, DiagList *diags, bool *loads) {
  size_t first = diags->count;
  return make_strict(pack_load_file(path, diags), diags, first, loads);
}

Pack *pack_load_memory_strict(const char *name, const char *data, size_t len, DiagList *diags, bool *loads) {
  size_t first = diags->count;
  return make_strict(pack_load_memory(name, data, len, diags), diags, first, loads);
}
