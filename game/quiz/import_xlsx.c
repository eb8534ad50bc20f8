#include "quiz/import_xlsx.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "base/i18n.h"
#include "base/str.h"

typedef struct Xlsx {
  const char *name;
  DiagList *diags;
  zip_t *zip;
  size_t unpacked;  // bytes unpacked so far, all parts together
  char **strings;   // the shared strings (owned)
  size_t string_count, string_cap;
} Xlsx;

bool import_xlsx_sniff(const char *data, size_t len) {
  return len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0;
}

// The part `part` unpacked (owned, NUL-terminated), or NULL: absent (no
// message when `optional`), or refused (reported).
static char *read_part(Xlsx *x, const char *part, bool optional, size_t *out_len) {
  zip_int64_t idx = zip_name_locate(x->zip, part, 0);
  if (idx < 0) {
    if (!optional) {
      diag_add(x->diags, DIAG_ERROR, x->name, 0, _("this workbook has no %s: is it an Excel .xlsx file?"), part);
    }
    return NULL;
  }
  zip_file_t *f = zip_fopen_index(x->zip, (zip_uint64_t)idx, 0);
  if (!f) {
    diag_add(x->diags, DIAG_ERROR, x->name, 0, _("cannot unpack %s of this workbook: %s"), part, zip_strerror(x->zip));
    return NULL;
  }
  size_t cap = (size_t)64 * 1024, len = 0;
  char *buf = xmalloc(cap + 1);
  bool ok = true;
  for (;;) {
    if (len == cap) {
      cap *= 2;
      buf = xrealloc(buf, cap + 1);
    }
    zip_int64_t n = zip_fread(f, buf + len, cap - len);
    if (n < 0) {
      diag_add(x->diags, DIAG_ERROR, x->name, 0, _("cannot unpack %s of this workbook: %s"), part,
               zip_file_strerror(f));
      ok = false;
      break;
    }
    if (n == 0) {
      break;
    }
    len += (size_t)n;
    x->unpacked += (size_t)n;
    // The caps hold whatever sizes the zip's directory claims.
    if (len > XLSX_MAX_PART_BYTES || x->unpacked > XLSX_MAX_TOTAL_BYTES) {
      diag_add(x->diags, DIAG_ERROR, x->name, 0,
               _("%s of this workbook unpacks to more than %d MiB: refused (a sheet that large, or a zip bomb)"), part,
               (len > XLSX_MAX_PART_BYTES ? XLSX_MAX_PART_BYTES : XLSX_MAX_TOTAL_BYTES) / (1024 * 1024));
      ok = false;
      break;
    }
  }
  zip_fclose(f);
  if (!ok) {
    free(buf);
    return NULL;
  }
  buf[len] = '\0';
  *out_len = len;
  return buf;
}

// The first parse error is kept for the message; libxml2 prints nothing.
static void quiet_error(void *user, xmlErrorPtr err) {
  xmlParserCtxtPtr ctxt = user;
  char **first = ctxt ? ctxt->_private : NULL;
  if (first && !*first && err && err->level >= XML_ERR_ERROR) {
    *first = str_trim(xstrdup(err->message ? err->message : "?"));
  }
}

// A part parsed as XML (owned doc), or NULL reported.
static xmlDocPtr parse_part(Xlsx *x, const char *part, bool optional) {
  size_t len = 0;
  char *data = read_part(x, part, optional, &len);
  if (!data) {
    return NULL;
  }
  // No DTD is ever part of a workbook; it is how entity bombs get in.
  if (len > INT32_MAX || strstr(data, "<!DOCTYPE") || strstr(data, "<!ENTITY") || memchr(data, '\0', len)) {
    diag_add(x->diags, DIAG_ERROR, x->name, 0, _("%s of this workbook is refused: it holds a DOCTYPE or is not text"),
             part);
    free(data);
    return NULL;
  }
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  char *first = NULL;
  xmlDocPtr doc = NULL;
  if (ctxt) {
    ctxt->_private = &first;
    ctxt->sax->serror = quiet_error;
    doc = xmlCtxtReadMemory(ctxt, data, (int)len, part, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING);
    xmlFreeParserCtxt(ctxt);
  }
  if (!doc) {
    diag_add(x->diags, DIAG_ERROR, x->name, 0, _("%s of this workbook is not well-formed XML: %s"), part,
             first ? first : "?");
  }
  free(first);
  free(data);
  return doc;
}

static bool is_el(const xmlNode *n, const char *name) {
  return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static const xmlNode *first_child(const xmlNode *n, const char *name) {
  for (const xmlNode *c = n ? n->children : NULL; c; c = c->next) {
    if (is_el(c, name)) {
      return c;
    }
  }
  return NULL;
}

static void append_content(StrBuf *b, const xmlNode *n) {
  xmlChar *c = xmlNodeGetContent(n);
  strbuf_append(b, c ? (const char *)c : "");
  xmlFree(c);
}

// The text of a shared string <si> or an inline <is>: its <t>, or the <t>
// of each rich-text run <r>; phonetic guides (<rPh>) are not text.
static char *string_item_text(const xmlNode *si) {
  StrBuf b = {0};
  strbuf_append(&b, "");
  for (const xmlNode *c = si->children; c; c = c->next) {
    if (is_el(c, "t")) {
      append_content(&b, c);
    } else if (is_el(c, "r")) {
      const xmlNode *t = first_child(c, "t");
      if (t) {
        append_content(&b, t);
      }
    }
  }
  return strbuf_take(&b);
}

static bool read_shared_strings(Xlsx *x) {
  size_t before = x->diags->errors;
  xmlDocPtr doc = parse_part(x, "xl/sharedStrings.xml", true);
  if (!doc) {
    return x->diags->errors == before;  // a workbook without strings has none to share
  }
  const xmlNode *sst = xmlDocGetRootElement(doc);
  for (const xmlNode *si = sst ? sst->children : NULL; si; si = si->next) {
    if (is_el(si, "si")) {
      x->strings = xgrow(x->strings, &x->string_cap, x->string_count + 1, sizeof *x->strings);
      x->strings[x->string_count++] = string_item_text(si);
    }
  }
  xmlFreeDoc(doc);
  return true;
}

static char *attr(const xmlNode *n, const char *name) {
  xmlChar *v = xmlGetProp(n, BAD_CAST name);
  char *s = v ? xstrdup((const char *)v) : NULL;
  xmlFree(v);
  return s;
}

// A relation's target that stays inside xl/: a plain relative name.
static bool safe_target(const char *t) {
  static const char allowed[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./";
  return t && *t && t[0] != '/' && !strstr(t, "..") && strspn(t, allowed) == strlen(t);
}

// The part of the first sheet: from the workbook's first <sheet> and its
// relation, else the usual name. Owned.
static char *first_sheet_part(Xlsx *x) {
  char *part = NULL, *rid = NULL;
  xmlDocPtr wb = parse_part(x, "xl/workbook.xml", true);
  const xmlNode *sheets = wb ? first_child(xmlDocGetRootElement(wb), "sheets") : NULL;
  const xmlNode *sheet = first_child(sheets, "sheet");
  if (sheet) {
    xmlChar *v = xmlGetNsProp(sheet, BAD_CAST "id",
                              BAD_CAST "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
    rid = v ? xstrdup((const char *)v) : NULL;
    xmlFree(v);
  }
  xmlDocPtr rels = rid ? parse_part(x, "xl/_rels/workbook.xml.rels", true) : NULL;
  const xmlNode *root = rels ? xmlDocGetRootElement(rels) : NULL;
  for (const xmlNode *r = root ? root->children : NULL; r && !part; r = r->next) {
    char *id = is_el(r, "Relationship") ? attr(r, "Id") : NULL;
    char *target = id && strcmp(id, rid) == 0 ? attr(r, "Target") : NULL;
    if (safe_target(target)) {
      part = xasprintf("xl/%s", target);  // only a part inside the zip, opened by name
    }
    free(target);
    free(id);
  }
  xmlFreeDoc(rels);
  xmlFreeDoc(wb);
  free(rid);
  return part ? part : xstrdup("xl/worksheets/sheet1.xml");
}

// "C12" -> column 2 (0-based), or -1.
static int column_of(const char *ref) {
  int col = 0, letters = 0;
  for (const char *p = ref; *p >= 'A' && *p <= 'Z'; p++, letters++) {
    if (letters >= 3) {
      return -1;
    }
    col = col * 26 + (*p - 'A' + 1);
  }
  return letters ? col - 1 : -1;
}

// A cell's text (owned).
static char *cell_text(const Xlsx *x, const xmlNode *c) {
  char *type = attr(c, "t");
  const xmlNode *v = first_child(c, "v");
  xmlChar *raw = v ? xmlNodeGetContent(v) : NULL;
  char *text;
  if (type && strcmp(type, "inlineStr") == 0) {
    const xmlNode *is = first_child(c, "is");
    text = is ? string_item_text(is) : xstrdup("");
  } else if (type && strcmp(type, "s") == 0) {
    long i = -1;
    char *s = str_trim(xstrdup(raw ? (const char *)raw : ""));
    text = str_parse_long(s, 0, INT32_MAX, &i) && (size_t)i < x->string_count ? xstrdup(x->strings[i]) : xstrdup("");
    free(s);
  } else if (type && strcmp(type, "b") == 0) {
    text = xstrdup(raw && raw[0] == '1' ? "TRUE" : "FALSE");
  } else {
    text = xstrdup(raw ? (const char *)raw : "");
  }
  xmlFree(raw);
  free(type);
  return text;
}

// One cell written as a quoted CSV field: quotes doubled, line breaks as U+2028.
static void append_field(StrBuf *b, const char *text) {
  strbuf_append_char(b, '"');
  for (const char *p = text; *p; p++) {
    if (*p == '"') {
      strbuf_append(b, "\"\"");
    } else if (*p == '\r' || *p == '\n') {
      strbuf_append(b, "\xE2\x80\xA8");
      if (*p == '\r' && p[1] == '\n') {
        p++;
      }
    } else {
      strbuf_append_char(b, *p);
    }
  }
  strbuf_append_char(b, '"');
}

// One <row> as a CSV line (without the line break).
static void append_row(const Xlsx *x, StrBuf *b, const xmlNode *row) {
  int next = 0;
  for (const xmlNode *c = row->children; c; c = c->next) {
    if (!is_el(c, "c")) {
      continue;
    }
    char *ref = attr(c, "r");
    int col = ref ? column_of(ref) : next;
    free(ref);
    if (col < next || col >= XLSX_MAX_COLUMNS) {
      continue;  // out of order or too far right
    }
    for (; next < col; next++) {
      strbuf_append(b, next ? ",\"\"" : "\"\"");
    }
    if (next) {
      strbuf_append_char(b, ',');
    }
    char *text = cell_text(x, c);
    append_field(b, text);
    free(text);
    next = col + 1;
  }
}

static char *sheet_to_csv(Xlsx *x, const xmlNode *sheet_data, size_t *out_len) {
  StrBuf b = {0};
  strbuf_append(&b, "");
  long line = 0;  // rows written so far; row N goes on line N
  for (const xmlNode *row = sheet_data ? sheet_data->children : NULL; row; row = row->next) {
    if (!is_el(row, "row")) {
      continue;
    }
    char *r = attr(row, "r");
    long n = line + 1;
    if (r && !str_parse_long(r, 1, XLSX_MAX_ROWS, &n)) {
      n = XLSX_MAX_ROWS + 1L;
    }
    free(r);
    if (n > XLSX_MAX_ROWS) {
      diag_add(x->diags, DIAG_ERROR, x->name, 0, _("the sheet has more than %d rows"), XLSX_MAX_ROWS);
      strbuf_free(&b);
      return NULL;
    }
    if (n <= line) {
      continue;  // rows out of order: Excel never writes them
    }
    for (; line < n - 1; line++) {
      strbuf_append(&b, "\r\n");  // empty rows keep the numbering
    }
    append_row(x, &b, row);
    strbuf_append(&b, "\r\n");
    line = n;
  }
  *out_len = b.len;
  return strbuf_take(&b);
}

char *import_xlsx_to_csv(const char *name, const char *data, size_t len, size_t *out_len, DiagList *diags) {
  Xlsx x = {.name = name, .diags = diags};
  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t *src = zip_source_buffer_create(data, len, 0, &zerr);
  x.zip = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &zerr) : NULL;
  if (!x.zip) {
    diag_add(diags, DIAG_ERROR, name, 0, _("this is not a readable .xlsx workbook (zip: %s)"),
             zip_error_strerror(&zerr));
    if (src) {
      zip_source_free(src);
    }
    zip_error_fini(&zerr);
    return NULL;
  }
  zip_error_fini(&zerr);
  char *csv = NULL;
  if (zip_get_num_entries(x.zip, 0) > XLSX_MAX_ENTRIES) {
    diag_add(diags, DIAG_ERROR, name, 0, _("this workbook has more than %d parts: refused"), XLSX_MAX_ENTRIES);
  } else if (read_shared_strings(&x)) {
    char *part = first_sheet_part(&x);
    xmlDocPtr sheet = parse_part(&x, part, false);
    if (sheet) {
      csv = sheet_to_csv(&x, first_child(xmlDocGetRootElement(sheet), "sheetData"), out_len);
      xmlFreeDoc(sheet);
    }
    free(part);
  }
  zip_discard(x.zip);  // frees the source too; nothing is ever written
  for (size_t i = 0; i < x.string_count; i++) {
    free(x.strings[i]);
  }
  free(x.strings);
  return csv;
}
