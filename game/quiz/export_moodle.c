#include "quiz/export_moodle.h"

#include <libxml/tree.h>
#include <libxml/xmlsave.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/str.h"
#include "quiz/technique.h"

// Escapes text for HTML inside a CDATA section: with '>' escaped, "]]>"
// can never occur, so the section cannot be closed early.
static void append_html_escaped(StrBuf *b, const char *s, size_t len) {
  for (size_t i = 0; i < len; i++) {
    switch (s[i]) {
    case '&':
      strbuf_append(b, "&amp;");
      break;
    case '<':
      strbuf_append(b, "&lt;");
      break;
    case '>':
      strbuf_append(b, "&gt;");
      break;
    case '"':
      strbuf_append(b, "&quot;");
      break;
    default:
      strbuf_append_char(b, s[i]);
    }
  }
}

// One <p> per paragraph of `text` (paragraphs are split by '\n'); the first
// starts with `lead` (plain text, may be NULL).
static void append_paragraphs(StrBuf *b, const char *lead, const char *text) {
  const char *p = text;
  bool first = true;
  do {
    size_t len = strcspn(p, "\n");
    strbuf_append(b, "<p>");
    if (first && lead) {
      append_html_escaped(b, lead, strlen(lead));
    }
    append_html_escaped(b, p, len);
    strbuf_append(b, "</p>");
    first = false;
    p += len + (p[len] == '\n');
  } while (*p);
}

static xmlNodePtr add(xmlNodePtr parent, const char *name, const char *content) {
  return xmlNewTextChild(parent, NULL, BAD_CAST name, content ? BAD_CAST content : NULL);
}

// <NAME format="FORMAT"><text>TEXT</text></NAME>, TEXT in CDATA when `cdata`.
static xmlNodePtr add_text_field(xmlNodePtr parent, const char *name, const char *format, const char *text,
                                 bool cdata) {
  xmlNodePtr field = add(parent, name, NULL);
  if (format) {
    xmlNewProp(field, BAD_CAST "format", BAD_CAST format);
  }
  xmlNodePtr t = add(field, "text", cdata ? NULL : text);
  if (cdata) {
    xmlAddChild(t, xmlNewCDataBlock(parent->doc, BAD_CAST text, (int)strlen(text)));
  }
  return field;
}

static void add_category(xmlNodePtr quiz, const Pack *pack) {
  xmlNodePtr q = add(quiz, "question", NULL);
  xmlNewProp(q, BAD_CAST "type", BAD_CAST "category");
  StrBuf path = {0};
  strbuf_append(&path, "$course$/top/");
  for (const char *p = pack->title ? pack->title : pack->id; p && *p; p++) {
    strbuf_append(&path, *p == '/' ? "//" : (char[]){*p, '\0'});  // Moodle writes a '/' in a name as "//"
  }
  add_text_field(q, "category", NULL, path.data, false);
  strbuf_free(&path);
  if (pack->description) {
    StrBuf info = {0};
    append_paragraphs(&info, NULL, pack->description);
    add_text_field(q, "info", "html", info.data, true);
    strbuf_free(&info);
  }
}

static void add_answer(xmlNodePtr q, bool value, bool correct) {
  xmlNodePtr a = add(q, "answer", NULL);
  xmlNewProp(a, BAD_CAST "fraction", BAD_CAST(correct ? "100" : "0"));
  xmlNewProp(a, BAD_CAST "format", BAD_CAST "moodle_auto_format");
  add(a, "text", value ? "true" : "false");
  // A verdict only: the importer leaves verdicts out of the explanation.
  add_text_field(a, "feedback", "html", correct ? "Correct." : "Incorrect.", false);
}

static void add_tags(xmlNodePtr q, const PackItem *it) {
  if (!it->techniques && it->tag_count == 0) {
    return;
  }
  xmlNodePtr tags = add(q, "tags", NULL);
  for (int t = 0; t < TECHNIQUE_COUNT; t++) {
    if (it->techniques & ((TechniqueSet)1 << t)) {
      char *s = xasprintf("technique:%s", technique_name((Technique)t));
      add(add(tags, "tag", NULL), "text", s);
      free(s);
    }
  }
  for (size_t i = 0; i < it->tag_count; i++) {
    add(add(tags, "tag", NULL), "text", it->tags[i]);
  }
}

// The general feedback: explanation, Source line, tip.
static char *general_feedback(const Pack *pack, const PackItem *it, MoodleExportReport *report, DiagList *diags) {
  StrBuf b = {0};
  strbuf_append(&b, "");
  if (it->explanation && *it->explanation) {
    append_paragraphs(&b, NULL, it->explanation);
  }
  if (it->outlet && it->date) {
    char *line =
        it->url ? xasprintf("%s, %s, %s", it->outlet, it->date, it->url) : xasprintf("%s, %s", it->outlet, it->date);
    append_paragraphs(&b, "Source: ", line);
    free(line);
  } else if (it->outlet || it->url) {
    report->sources_left++;
    diag_add(diags, DIAG_WARNING, pack->path, it->line,
             _("item '%s': its source has no date, which a Source line needs; it is left out of the Moodle "
               "question"),
             it->id);
  }
  if (it->tip) {
    append_paragraphs(&b, "Tip: ", it->tip);
  }
  return strbuf_take(&b);
}

static void add_item(xmlNodePtr quiz, const Pack *pack, const PackItem *it, MoodleExportReport *report,
                     DiagList *diags) {
  bool real = it->answer == PACK_ANSWER_REAL;
  xmlNodePtr q = add(quiz, "question", NULL);
  xmlNewProp(q, BAD_CAST "type", BAD_CAST "truefalse");
  add_text_field(q, "name", NULL, it->id, false);
  StrBuf text = {0};
  append_paragraphs(&text, NULL, it->headline ? it->headline : "");
  add_text_field(q, "questiontext", "html", text.data, true);
  strbuf_free(&text);
  char *general = general_feedback(pack, it, report, diags);
  add_text_field(q, "generalfeedback", "html", general, true);
  free(general);
  add(q, "defaultgrade", "1.0000000");
  add(q, "penalty", "1.0000000");
  add(q, "hidden", "0");
  add_answer(q, true, real);
  add_answer(q, false, !real);
  add_tags(q, it);
  report->questions++;
}

// True when XML can carry `s`: UTF-8 without control characters other than
// tab, newline and carriage return, and without U+FFFE and U+FFFF.
static bool text_ok(const char *s) {
  if (!s) {
    return true;
  }
  if (!str_utf8_valid(s, strlen(s)) || strstr(s, "\xEF\xBF\xBE") || strstr(s, "\xEF\xBF\xBF")) {
    return false;
  }
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') {
      return false;
    }
  }
  return true;
}

// The first string of the pack XML cannot carry, named for *err; NULL if none.
static char *bad_string(const Pack *pack) {
  const char *top[] = {pack->id, pack->title, pack->description};
  for (size_t i = 0; i < 3; i++) {
    if (!text_ok(top[i])) {
      return xstrdup(_("the pack's id, title or description is not UTF-8 text that XML can carry"));
    }
  }
  for (size_t i = 0; i < pack->item_count; i++) {
    const PackItem *it = &pack->items[i];
    const char *fields[] = {it->id, it->headline, it->explanation, it->tip, it->outlet, it->date, it->url};
    bool ok = true;
    for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++) {
      ok = ok && text_ok(fields[k]);
    }
    for (size_t k = 0; k < it->tag_count; k++) {
      ok = ok && text_ok(it->tags[k]);
    }
    if (!ok) {
      return xasprintf(_("item %zu has text that is not UTF-8 text XML can carry"), i + 1);
    }
  }
  return NULL;
}

char *export_moodle_xml(const Pack *pack, MoodleExportReport *report, DiagList *diags, char **err) {
  *report = (MoodleExportReport){0};
  char *bad = bad_string(pack);
  if (bad) {
    if (err) {
      *err = bad;
    } else {
      free(bad);
    }
    return NULL;
  }
  xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
  xmlNodePtr quiz = xmlNewNode(NULL, BAD_CAST "quiz");
  xmlDocSetRootElement(doc, quiz);
  add_category(quiz, pack);
  for (size_t i = 0; i < pack->item_count; i++) {
    add_item(quiz, pack, &pack->items[i], report, diags);
  }
  xmlChar *out = NULL;
  int len = 0;
  xmlDocDumpFormatMemoryEnc(doc, &out, &len, "UTF-8", 1);
  xmlFreeDoc(doc);
  char *xml = out ? xstrdup((const char *)out) : NULL;
  xmlFree(out);
  if (!xml && err) {
    *err = xstrdup(_("out of memory while writing the Moodle XML"));
  }
  return xml;
}
