#include "quiz/import_moodle.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/str.h"
#include "quiz/pack_load.h"
#include "quiz/pack_rules.h"
#include "quiz/pack_write.h"

enum {
  MOODLE_MAX_PARSE_ERRORS = 20,  // more would drown the first, which matters
  MOODLE_ID_LEN = 48,            // ids from question names, leaving room for "-2"
};

// Marks a paragraph break while HTML text is gathered; control characters
// are dropped from the text itself, so it cannot clash with content.
static const char BREAK = '\x01';

/* ---- HTML to plain text ---- */

static bool is_block(const char *name) {
  static const char *const blocks[] = {
      "p",          "div",    "br",         "li",      "ul",      "ol",      "h1",      "h2",       "h3",
      "h4",         "h5",     "h6",         "tr",      "pre",     "hr",      "dl",      "dt",       "dd",
      "table",      "thead",  "tbody",      "center",  "section", "article", "header",  "footer",   "aside",
      "blockquote", "figure", "figcaption", "address", "nav",     "main",    "caption", "fieldset",
  };
  for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++) {
    if (str_casecmp(name, blocks[i]) == 0) {
      return true;
    }
  }
  return false;
}

static bool is_media(const char *name) {
  static const char *const media[] = {"img", "video", "audio", "iframe", "object", "embed", "svg", "picture"};
  for (size_t i = 0; i < sizeof media / sizeof media[0]; i++) {
    if (str_casecmp(name, media[i]) == 0) {
      return true;
    }
  }
  return false;
}

static bool is_hidden(const char *name) {
  return str_casecmp(name, "script") == 0 || str_casecmp(name, "style") == 0 || str_casecmp(name, "head") == 0 ||
         str_casecmp(name, "template") == 0 || str_casecmp(name, "noscript") == 0;
}

// Appends text, turning U+00A0 into a space and dropping control characters.
static void append_text(StrBuf *b, const char *s) {
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (p[0] == 0xC2 && p[1] == 0xA0) {
      strbuf_append_char(b, ' ');
      p++;
    } else if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') {
      continue;
    } else if (*p == 0x7F) {
      continue;
    } else {
      strbuf_append_char(b, (char)*p);
    }
  }
}

static size_t utf8_chars(const char *s) {
  size_t n = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    n += (*p & 0xC0) != 0x80;
  }
  return n;
}

// Cuts `s` in place to at most `max` characters, on a character boundary.
static char *cut_chars(char *s, size_t max) {
  size_t n = 0;
  for (char *p = s; *p; p++) {
    if (((unsigned char)*p & 0xC0) != 0x80 && n++ == max) {
      *p = '\0';
      str_trim(s);
      break;
    }
  }
  return s;
}

static bool is_ws(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Collapses white space; BREAK marks become "\n" (paragraphs) or spaces (line).
static char *normalise(const char *raw, MoodleTextMode mode) {
  StrBuf out = {0};
  strbuf_append(&out, "");
  bool pending_space = false, pending_break = false;
  for (const char *p = raw; *p; p++) {
    if (*p == BREAK) {
      if (mode == MOODLE_TEXT_PARAGRAPHS) {
        pending_break = out.len > 0;
      } else {
        pending_space = out.len > 0;
      }
      continue;
    }
    if (is_ws(*p)) {
      pending_space = out.len > 0;
      continue;
    }
    if (pending_break) {
      strbuf_append_char(&out, '\n');
    } else if (pending_space) {
      strbuf_append_char(&out, ' ');
    }
    pending_break = pending_space = false;
    strbuf_append_char(&out, *p);
  }
  return strbuf_take(&out);
}

static void html_ignore_error(void *data, xmlErrorPtr error) {
  (void)data;
  (void)error;
}

char *moodle_html_to_text(const char *html, size_t len, MoodleTextMode mode, int *images) {
  if (images) {
    *images = 0;
  }
  if (!html || len == 0 || len > INT32_MAX) {
    return xstrdup("");
  }
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  if (!ctxt) {
    return xstrdup("");
  }
  // Broken HTML is normal in question text: take what the parser recovers,
  // silently; it never loads anything (NONET) and has no DTD to expand.
  ctxt->sax->serror = html_ignore_error;
  htmlDocPtr doc = htmlCtxtReadMemory(ctxt, html, (int)len, NULL, "UTF-8",
                                      HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  StrBuf raw = {0};
  strbuf_append(&raw, "");
  int media = 0;
  xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
  // Iterative walk: depth is whatever the (untrusted) input says.
  xmlNodePtr n = root;
  while (n) {
    bool descend = false;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content) {
        append_text(&raw, (const char *)n->content);
      }
    } else if (n->type == XML_ELEMENT_NODE) {
      const char *name = (const char *)n->name;
      if (is_media(name)) {
        media++;
      } else if (!is_hidden(name)) {
        if (is_block(name)) {
          strbuf_append_char(&raw, BREAK);
        } else if (str_casecmp(name, "td") == 0 || str_casecmp(name, "th") == 0) {
          strbuf_append_char(&raw, ' ');
        }
        descend = n->children != NULL;
      }
    }
    if (descend) {
      n = n->children;
      continue;
    }
    // Leaving n (and then each finished parent): close blocks, move on.
    while (n) {
      if (n->type == XML_ELEMENT_NODE && is_block((const char *)n->name)) {
        strbuf_append_char(&raw, BREAK);
      }
      if (n == root) {
        n = NULL;
        break;
      }
      if (n->next) {
        n = n->next;
        break;
      }
      n = n->parent;
    }
  }
  xmlFreeDoc(doc);
  htmlFreeParserCtxt(ctxt);
  char *text = normalise(raw.data, mode);
  strbuf_free(&raw);
  if (images) {
    *images = media;
  }
  return text;
}

/* ---- Moodle XML ---- */

typedef struct Import {
  const char *name;  // FILE in messages
  DiagList *diags;
  MoodleReport *report;
  Pack *pack;
  PackIdSet *ids;
  char **category_tags;  // tags of the current category (owned)
  size_t category_tag_count;
  int parse_errors;
  bool saw_doctype;
} Import;

static void xml_error(void *data, xmlErrorPtr error) {
  xmlParserCtxtPtr ctxt = data;
  Import *im = ctxt->_private;
  if (error->level < XML_ERR_ERROR || im->parse_errors >= MOODLE_MAX_PARSE_ERRORS) {
    return;
  }
  im->parse_errors++;
  char *msg = xstrdup(error->message ? error->message : "?");
  str_trim(msg);
  diag_add(im->diags, DIAG_ERROR, im->name, error->line, _("not well-formed XML: %s"), msg);
  free(msg);
}

// A DOCTYPE is never part of a Moodle export; it is how entity bombs and
// external entities get in, so parsing stops at the first sign of one.
static void xml_internal_subset(void *data, const xmlChar *name, const xmlChar *external_id, const xmlChar *system_id) {
  (void)name;
  (void)external_id;
  (void)system_id;
  xmlParserCtxtPtr ctxt = data;
  Import *im = ctxt->_private;
  if (!im->saw_doctype) {
    im->saw_doctype = true;
    diag_add(im->diags, DIAG_ERROR, im->name, ctxt->input ? ctxt->input->line : 0, "%s",
             _("a DOCTYPE is not allowed in a Moodle XML file (Moodle never writes one)"));
  }
  xmlStopParser(ctxt);
}

static xmlParserInputPtr deny_external_entity(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
  (void)url;
  (void)id;
  (void)ctxt;
  return NULL;
}

static bool has_name(const xmlNode *n, const char *name) {
  return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static xmlNodePtr child(const xmlNode *parent, const char *name) {
  for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next) {
    if (has_name(c, name)) {
      return c;
    }
  }
  return NULL;
}

static int line_of(const xmlNode *n) {
  long line = n ? xmlGetLineNo(n) : 0;
  return line > 0 && line < INT32_MAX ? (int)line : 0;
}

// The whole text content of a node (CDATA included), owned; "" when absent.
static char *content_of(const xmlNode *n) {
  xmlChar *c = n ? xmlNodeGetContent(n) : NULL;
  char *s = xstrdup(c ? (const char *)c : "");
  xmlFree(c);
  return s;
}

// Content of the <text> child Moodle wraps most values in (older exports put
// the text directly in the element: accept both).
static char *text_of(const xmlNode *n) {
  if (!n) {
    return xstrdup("");
  }
  xmlNodePtr t = child(n, "text");
  return content_of(t ? t : n);
}

static char *attr_of(const xmlNode *n, const char *name) {
  xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
  char *s = v ? xstrdup((const char *)v) : NULL;
  xmlFree(v);
  return s;
}

// Moodle shows a line break typed in a plain-text or auto-format field as a
// line break, and a blank line in markdown as a new paragraph: mark them so
// (a "Source:" line typed there is a paragraph of its own here too). HTML
// fields need nothing: their paragraphs are elements.
static char *breaks_from_newlines(const char *raw, const char *format) {
  bool markdown = strcmp(format, "markdown") == 0, auto_format = strcmp(format, "moodle_auto_format") == 0;
  StrBuf b = {0};
  strbuf_append(&b, "");
  for (const char *p = raw; *p; p++) {
    if (*p != '\n') {
      strbuf_append_char(&b, *p);
    } else if (auto_format) {
      strbuf_append(&b, "<br>");
    } else if (!markdown) {
      strbuf_append_char(&b, BREAK);
    } else {
      const char *q = p + 1;
      while (*q == ' ' || *q == '\t' || *q == '\r') {
        q++;
      }
      strbuf_append_char(&b, *q == '\n' ? BREAK : ' ');
    }
  }
  return strbuf_take(&b);
}

// Text of a Moodle rich-text field (<questiontext format="html"><text>..),
// reduced to plain text. Warns about images and embedded files it leaves out.
static char *field_text(Import *im, const xmlNode *field, MoodleTextMode mode, const char *qname, const char *what) {
  if (!field) {
    return xstrdup("");
  }
  char *format = attr_of(field, "format");
  char *raw = text_of(field);
  char *text;
  if (format && (strcmp(format, "plain_text") == 0 || strcmp(format, "markdown") == 0)) {
    char *broken = breaks_from_newlines(raw, format);
    text = normalise(broken, mode);
    free(broken);
  } else {
    int images = 0;
    char *html = format && strcmp(format, "moodle_auto_format") == 0 ? breaks_from_newlines(raw, format) : NULL;
    text = moodle_html_to_text(html ? html : raw, strlen(html ? html : raw), mode, &images);
    free(html);
    if (images > 0) {
      xmlNodePtr t = child(field, "text");
      diag_add(im->diags, DIAG_WARNING, im->name, line_of(t ? t : field),
               ngettext("question '%s': %d image in the %s was left out (packs hold text only); check that the "
                        "text still makes sense without it",
                        "question '%s': %d images in the %s were left out (packs hold text only); check that the "
                        "text still makes sense without them",
                        (unsigned long)images),
               qname, images, what);
    }
  }
  for (xmlNodePtr f = field->children; f; f = f->next) {
    if (has_name(f, "file")) {
      char *fname = attr_of(f, "name");
      diag_add(im->diags, DIAG_WARNING, im->name, line_of(f),
               _("question '%s': embedded file '%s' in the %s was not imported (packs hold text only)"), qname,
               fname ? fname : "?", what);
      free(fname);
    }
  }
  free(raw);
  free(format);
  return text;
}

static void clear_category(Import *im) {
  for (size_t i = 0; i < im->category_tag_count; i++) {
    free(im->category_tags[i]);
  }
  free(im->category_tags);
  im->category_tags = NULL;
  im->category_tag_count = 0;
}

// Moodle category paths look like "$course$/top/Media literacy/Elections";
// a '/' inside a name is written "//". Each named level becomes a tag.
static void read_category(Import *im, const xmlNode *q) {
  clear_category(im);
  char *path = text_of(child(q, "category"));
  StrBuf seg = {0};
  strbuf_append(&seg, "");
  for (const char *p = path;; p++) {
    if (*p == '/' && p[1] == '/') {
      strbuf_append_char(&seg, '/');
      p++;
      continue;
    }
    if (*p && *p != '/') {
      strbuf_append_char(&seg, *p);
      continue;
    }
    char *s = str_squash_space(strbuf_take(&seg));
    bool context = s[0] == '$' && str_ends_with(s, "$") && strlen(s) > 1;  // $course$, $system$, ...
    bool top = strcmp(s, "top") == 0 && im->category_tag_count == 0;
    cut_chars(s, PACK_MAX_TAG_CHARS);
    if (*s && !context && !top) {
      im->category_tags = xrealloc(im->category_tags, (im->category_tag_count + 1) * sizeof *im->category_tags);
      im->category_tags[im->category_tag_count++] = s;
    } else {
      free(s);
    }
    strbuf_append(&seg, "");
    if (!*p) {
      break;
    }
  }
  strbuf_free(&seg);
  free(path);
  if (!im->pack->title && im->category_tag_count > 0) {
    im->pack->title = cut_chars(xstrdup(im->category_tags[im->category_tag_count - 1]), PACK_MAX_TITLE_CHARS);
    // The category's description (Moodle 3.x+ <info>) describes the same set.
    xmlNodePtr info = child(q, "info");
    if (info && !im->pack->description) {
      char *d = field_text(im, info, MOODLE_TEXT_PARAGRAPHS, im->pack->title, _("category description"));
      if (*d && utf8_chars(d) <= PACK_MAX_DESCRIPTION_CHARS) {
        im->pack->description = d;
      } else {
        free(d);
      }
    }
  }
}

static void count_skipped(MoodleReport *r, const char *type) {
  r->skipped_total++;
  for (size_t i = 0; i < r->skipped_kinds; i++) {
    if (strcmp(r->skipped[i].type, type) == 0) {
      r->skipped[i].count++;
      return;
    }
  }
  r->skipped = xrealloc(r->skipped, (r->skipped_kinds + 1) * sizeof *r->skipped);
  r->skipped[r->skipped_kinds++] = (MoodleSkipped){.type = xstrdup(type), .count = 1};
}

// Letters and digits only, lower-cased: "Correct! It's real." and "correct,
// it's real" compare equal, so repeated feedback is written once.
static char *fold(const char *s) {
  StrBuf b = {0};
  strbuf_append(&b, "");
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p >= 0x80) {
      strbuf_append_char(&b, (char)*p);
    } else if (*p >= 'A' && *p <= 'Z') {
      strbuf_append_char(&b, (char)(*p - 'A' + 'a'));
    }
  }
  return strbuf_take(&b);
}

// Joins the non-empty parts with newlines, leaving out a part whose letters and
// digits already appear in a kept one (and replacing a kept part by a new one
// that contains it).
static char *combine_feedback(char *const *parts, size_t count) {
  char **kept = xcalloc(count, sizeof *kept);
  char **kept_fold = xcalloc(count, sizeof *kept_fold);
  size_t n = 0;
  for (size_t i = 0; i < count; i++) {
    if (!parts[i] || !*parts[i]) {
      continue;
    }
    char *f = fold(parts[i]);
    bool dup = !*f;
    for (size_t k = 0; k < n && !dup; k++) {
      if (strstr(kept_fold[k], f)) {
        dup = true;
      } else if (strstr(f, kept_fold[k])) {
        // The new part says everything the kept one did and more: keep the
        // longer one in the earlier place.
        free(kept_fold[k]);
        kept_fold[k] = f;
        kept[k] = parts[i];
        f = NULL;
        dup = true;
      }
    }
    if (dup) {
      free(f);
      continue;
    }
    kept[n] = parts[i];
    kept_fold[n++] = f;
  }
  StrBuf b = {0};
  strbuf_append(&b, "");
  for (size_t k = 0; k < n; k++) {
    if (k > 0) {
      strbuf_append_char(&b, '\n');
    }
    strbuf_append(&b, kept[k]);
    free(kept_fold[k]);
  }
  free(kept);
  free(kept_fold);
  return strbuf_take(&b);
}

static bool fraction_is_full(const char *s) {
  if (!s) {
    return false;
  }
  char *end;
  double v = strtod(s, &end);
  return end != s && v >= 99.99;
}

// What Moodle's per-answer feedback says to the student who chose that answer
// about their choice: right for one half of the class, wrong for the other,
// so out of place in an explanation everyone reads. Only such judgements of
// the choice are listed (lower case, one space between words, ' for any
// apostrophe); words about the headline itself ("Real:", "Made up:",
// "False:") explain it and are kept.
static const char *const VERDICTS[] = {
    // en
    "correct",
    "incorrect",
    "right",
    "wrong",
    "well done",
    "well spotted",
    "good job",
    "great job",
    "nice try",
    "exactly",
    "not so",
    "not quite",
    "nope",
    "oops",
    "sorry",
    "yes",
    "no",
    "that's right",
    "that's correct",
    "that's wrong",
    "that's incorrect",
    "that's not right",
    "you got it",
    "you're right",
    "you're wrong",
    "correct answer",
    "wrong answer",
    "your answer is correct",
    "your answer is incorrect",
    // de, fr, es, pt, it, nl
    "richtig",
    "stimmt",
    "genau",
    "leider nicht",
    "nicht ganz",
    "bravo",
    "bonne réponse",
    "mauvaise réponse",
    "correcto",
    "incorrecto",
    "muy bien",
    "certo",
    "errado",
    "correto",
    "incorreto",
    "giusto",
    "sbagliato",
    "esatto",
    "goed",
    "fout",
    "juist",
    "helaas",
};

static bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Length of the longest verdict at `s` (ASCII case-insensitive, whole words,
// any run of spaces between words, ' or U+2019 as the apostrophe), 0 if none.
static size_t verdict_at(const char *s) {
  size_t best = 0;
  for (size_t i = 0; i < sizeof VERDICTS / sizeof VERDICTS[0]; i++) {
    const char *v = VERDICTS[i], *p = s;
    for (; *v; v++) {
      if (*v == ' ') {
        if (!is_ws(*p)) {
          break;
        }
        while (is_ws(*p)) {
          p++;
        }
      } else if (*v == '\'' && str_starts_with(p, "\xE2\x80\x99")) {
        p += 3;
      } else if (*p && (*p == *v || (*p >= 'A' && *p <= 'Z' && *p - 'A' + 'a' == *v))) {
        p++;
      } else {
        break;
      }
    }
    if (!*v && !is_word_byte((unsigned char)*p) && (size_t)(p - s) > best) {
      best = (size_t)(p - s);
    }
  }
  return best;
}

// Drops verdicts at the start of a feedback: "Correct!", "Well done.",
// "Not so: ..." (a verdict counts only when punctuation follows it, so "No
// hospital said this" is kept). A feedback that is nothing but verdicts
// becomes "". Nothing else is ever dropped, however short.
static char *strip_verdict(char *text) {
  const char *p = text;
  for (;;) {
    while (is_ws(*p)) {
      p++;
    }
    size_t n = verdict_at(p);
    if (n == 0) {
      break;
    }
    const char *q = p + n;
    while (*q == ' ' || *q == '\t') {
      q++;
    }
    size_t punct = strspn(q, ".!:,;?");
    if (punct == 0 && str_starts_with(q, "\xE2\x80\x94")) {  // em dash
      punct = 3;
    }
    if (punct == 0 && *q) {
      break;  // a sentence that starts with the word
    }
    p = q + punct;
  }
  if (p != text) {
    memmove(text, p, strlen(p) + 1);
    str_trim(text);
    if (text[0] >= 'a' && text[0] <= 'z') {
      text[0] = (char)(text[0] - 'a' + 'A');
    }
  }
  return text;
}

// ASCII case-insensitive prefix test.
static bool has_prefix_nocase(const char *s, const char *prefix) {
  for (; *prefix; s++, prefix++) {
    char c = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;
    if (c != *prefix) {
      return false;
    }
  }
  return true;
}

/* ---- "Source:" lines ---- */

// Moodle has no field for where and when a headline was published, so the
// importer reads it from a paragraph of the feedback of the form
//   Source: Outlet, YYYY-MM-DD, https://...
// (date also YYYY-MM or YYYY; the url optional; the outlet may hold commas:
// "CNN, via WWSB"). Nothing is guessed: a line that does not fit is a
// warning and gives no source.
typedef struct SourceLine {
  char *outlet, *date, *url;  // owned; url NULL when absent
  int line;
} SourceLine;

typedef struct Sources {
  SourceLine *lines;
  size_t count;
  bool malformed;  // some Source line was warned about
} Sources;

static void sources_clear(Sources *src) {
  for (size_t i = 0; i < src->count; i++) {
    free(src->lines[i].outlet);
    free(src->lines[i].date);
    free(src->lines[i].url);
  }
  free(src->lines);
  *src = (Sources){0};
}

// Where "source" then ':' (white space and, in HTML, a few tags between
// allowed) starts a mention at `p`; returns what follows the ':' or NULL.
static const char *source_keyword(const char *p, bool html) {
  static const char word[] = "source";
  for (size_t i = 0; word[i]; i++) {
    char c = p[i] >= 'A' && p[i] <= 'Z' ? (char)(p[i] - 'A' + 'a') : p[i];
    if (c != word[i]) {
      return NULL;
    }
  }
  p += sizeof word - 1;
  // Bounded: the text is untrusted and every "source" is looked at.
  for (int tags = 0;;) {
    if (is_ws(*p)) {
      p++;
    } else if (html && *p == '<' && tags < 4) {
      size_t n = strcspn(p, ">");
      if (p[n] != '>' || n > 256) {
        break;
      }
      p += n + 1;
      tags++;
    } else {
      break;
    }
  }
  return *p == ':' ? p + 1 : NULL;
}

static bool mention_at(const char *text, size_t i, bool html) {
  return (i == 0 || !is_word_byte((unsigned char)text[i - 1])) && source_keyword(text + i, html);
}

// Number of "source:" mentions in text[0..len).
static size_t count_mentions(const char *text, size_t len) {
  size_t n = 0;
  for (size_t i = 0; i < len; i++) {
    n += mention_at(text, i, false);
  }
  return n;
}

// Finds the file line of the nth "source:" mention of a field's raw text,
// for increasing n: the line its <text> starts on plus the line breaks
// before the mention (one pass over the text for all of them).
typedef struct MentionCursor {
  char *raw;  // owned
  size_t pos, seen;
  int line;
} MentionCursor;

static MentionCursor mention_cursor(const xmlNode *field) {
  xmlNodePtr t = child(field, "text");
  const xmlNode *holder = t ? t : field;
  return (MentionCursor){.raw = content_of(holder), .line = line_of(holder)};
}

static int mention_line(MentionCursor *c, size_t nth) {
  for (; c->raw[c->pos]; c->pos++) {
    if (mention_at(c->raw, c->pos, true) && c->seen++ == nth) {
      c->pos++;  // at 's': no line break passed
      return c->line;
    }
    c->line += c->raw[c->pos] == '\n';
  }
  return c->line;  // not found as written (an entity, say): the last line seen
}

// Starts like an address: "scheme:" or "www.".
static bool looks_like_address(const char *s) {
  if (has_prefix_nocase(s, "www.")) {
    return true;
  }
  size_t n = 0;
  while (n < 32 && ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z') ||
                    (n > 0 && ((s[n] >= '0' && s[n] <= '9') || s[n] == '+' || s[n] == '.' || s[n] == '-')))) {
    n++;
  }
  return n > 0 && s[n] == ':';
}

// Parses what follows "Source:". Fills `out` (outlet, date, url) and returns
// true, or warns at `line` and returns false.
static bool parse_source(Import *im, const char *label, const char *spec, int line, SourceLine *out) {
  static const char *const form = "Source: Outlet, YYYY-MM-DD, https://...";
  char *s = str_trim(xstrdup(spec));
  char *url = NULL;
  // The url is the last part; it has no spaces but may hold commas: take the
  // leftmost comma before the space-free tail, or in it, that an address
  // follows.
  size_t end = strlen(s), tail = end;
  while (tail > 0 && !is_ws(s[tail - 1])) {
    tail--;
  }
  size_t gap = tail;
  while (gap > 0 && is_ws(s[gap - 1])) {
    gap--;
  }
  for (size_t i = gap > 0 && s[gap - 1] == ',' ? gap - 1 : tail; i < end && !url; i++) {
    const char *after = s + i + 1;
    while (is_ws(*after)) {
      after++;
    }
    if (s[i] == ',' && *after && looks_like_address(after)) {
      url = xstrdup(after);
      s[i] = '\0';
      str_trim(s);
    }
  }
  char *comma = strrchr(s, ',');
  char *date = str_trim(xstrdup(comma ? comma + 1 : s));
  if (comma) {
    *comma = '\0';
  }
  char *outlet = str_squash_space(xstrdup(comma ? s : ""));
  PackDate date_state = pack_rules_date(date);
  bool ok = false;
  if (!*outlet && !*date && !url) {
    diag_add(im->diags, DIAG_WARNING, im->name, line,
             _("question '%s': its Source line is empty: write it as \"%s\"; no source was taken"), label, form);
  } else if (!comma && date_state != PACK_DATE_OK && !url) {
    // One part that is not a date: the outlet without a date, or both without
    // a comma between them. Either way the date is missing where expected.
    diag_add(im->diags, DIAG_WARNING, im->name, line,
             _("question '%s': its Source line has no date after the outlet: write it as \"%s\", with commas between "
               "the parts; no source was taken"),
             label, form);
  } else if (!*outlet) {
    diag_add(im->diags, DIAG_WARNING, im->name, line,
             _("question '%s': its Source line names no outlet: write it as \"%s\"; no source was taken"), label, form);
  } else if (date_state == PACK_DATE_AMBIGUOUS) {
    diag_add(im->diags, DIAG_WARNING, im->name, line,
             _("question '%s': the date '%s' in its Source line is ambiguous (day and month come in different orders "
               "in different countries): write it as YYYY-MM-DD, YYYY-MM or YYYY; no source was taken"),
             label, date);
  } else if (date_state == PACK_DATE_NO_SUCH_DAY) {
    diag_add(im->diags, DIAG_WARNING, im->name, line,
             _("question '%s': the date '%s' in its Source line does not exist; no source was taken"), label, date);
  } else if (date_state == PACK_DATE_BAD) {
    diag_add(im->diags, DIAG_WARNING, im->name, line,
             _("question '%s': the date '%s' in its Source line is not a date: write it as YYYY-MM-DD, YYYY-MM or "
               "YYYY; no source was taken"),
             label, date);
  } else if (url && !pack_rules_url_ok(url)) {
    diag_add(im->diags, DIAG_WARNING, im->name, line,
             _("question '%s': the url '%s' in its Source line is not a web address starting with http:// or "
               "https://; no source was taken"),
             label, url);
  } else if (utf8_chars(outlet) > PACK_MAX_NAME_CHARS || (url && utf8_chars(url) > PACK_MAX_URL_CHARS)) {
    bool long_outlet = utf8_chars(outlet) > PACK_MAX_NAME_CHARS;
    diag_add(im->diags, DIAG_WARNING, im->name, line,
             _("question '%s': the %s in its Source line has %zu characters, more than the %d a pack allows; no "
               "source was taken"),
             label, long_outlet ? _("outlet") : _("url"), utf8_chars(long_outlet ? outlet : url),
             long_outlet ? PACK_MAX_NAME_CHARS : PACK_MAX_URL_CHARS);
  } else {
    *out = (SourceLine){.outlet = outlet, .date = date, .url = url, .line = line};
    outlet = date = url = NULL;
    ok = true;
  }
  free(outlet);
  free(date);
  free(url);
  free(s);
  return ok;
}

// Takes the "Source:" paragraphs out of `text` (the plain text of `field`),
// adding each well-formed one to `src` and warning about the others.
static void take_sources(Import *im, const xmlNode *field, char *text, const char *label, Sources *src) {
  if (!field || !*text) {
    return;
  }
  StrBuf kept = {0};
  strbuf_append(&kept, "");
  MentionCursor cursor = mention_cursor(field);
  size_t mentions = 0;  // "source:" mentions in the text before `para`
  for (char *para = text; *para;) {
    size_t len = strcspn(para, "\n");
    char *next = para + len + (para[len] == '\n');
    const char *spec = source_keyword(para, false);
    if (!spec || (size_t)(spec - para) > len) {
      if (kept.len) {
        strbuf_append_char(&kept, '\n');
      }
      strbuf_append_n(&kept, para, len);
    } else {
      char *line_text = xstrdup(spec);
      line_text[len - (size_t)(spec - para)] = '\0';
      int line = mention_line(&cursor, mentions);
      SourceLine found;
      if (parse_source(im, label, line_text, line, &found)) {
        src->lines = xrealloc(src->lines, (src->count + 1) * sizeof *src->lines);
        src->lines[src->count++] = found;
      } else {
        src->malformed = true;
      }
      free(line_text);
    }
    mentions += count_mentions(para, len);
    para = next;
  }
  free(cursor.raw);
  strcpy(text, kept.data);  // never longer than `text`
  strbuf_free(&kept);
}

static bool same_or_both_null(const char *a, const char *b) {
  return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

// Gives the item the source its Source lines agree on (none when they
// disagree: which one is right is the author's call).
static void apply_sources(Import *im, const char *label, const Sources *src, PackItem *it) {
  if (src->count == 0) {
    return;
  }
  const SourceLine *first = &src->lines[0];
  for (size_t i = 1; i < src->count; i++) {
    const SourceLine *l = &src->lines[i];
    if (strcmp(l->outlet, first->outlet) != 0 || strcmp(l->date, first->date) != 0 ||
        !same_or_both_null(l->url, first->url)) {
      diag_add(im->diags, DIAG_WARNING, im->name, l->line,
               _("question '%s': its Source lines on lines %d and %d differ; no source was taken: keep one"), label,
               first->line, l->line);
      return;
    }
  }
  it->outlet = xstrdup(first->outlet);
  it->date = xstrdup(first->date);
  it->url = first->url ? xstrdup(first->url) : NULL;
}

typedef struct Answer {
  bool present;
  bool correct;
  char *feedback;
} Answer;

static void add_tag_once(PackItem *it, const char *tag) {
  if (it->tag_count >= PACK_MAX_TAGS) {
    return;  // more levels of categories and tags than a pack keeps
  }
  for (size_t i = 0; i < it->tag_count; i++) {
    if (strcmp(it->tags[i], tag) == 0) {
      return;
    }
  }
  pack_item_add_tag(it, tag);
}

// Moodle tags of the form "technique:NAME" give the item's techniques (the
// pack format's names, any case); other tags are kept as tags. True when
// `tag` was of that form (used, or warned about).
static bool read_technique_tag(Import *im, const char *label, const xmlNode *t, const char *tag, PackItem *it) {
  static const char prefix[] = "technique:";
  if (!has_prefix_nocase(tag, prefix)) {
    return false;
  }
  char *name = str_trim(xstrdup(tag + sizeof prefix - 1));
  for (char *p = name; *p; p++) {
    *p = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
  }
  Technique tech;
  if (technique_from_name(name, &tech)) {
    it->techniques |= (TechniqueSet)1 << tech;
  } else {
    const char *hint = technique_suggest(name);
    if (hint) {
      diag_add(im->diags, DIAG_WARNING, im->name, line_of(t),
               _("question '%s': tag '%s' names no known technique (did you mean 'technique:%s'?); it was left out"),
               label, tag, hint);
    } else {
      StrBuf known = {0};
      for (int i = 0; i < TECHNIQUE_COUNT; i++) {
        strbuf_appendf(&known, "%s%s", i ? ", " : "", technique_name((Technique)i));
      }
      diag_add(im->diags, DIAG_WARNING, im->name, line_of(t),
               _("question '%s': tag '%s' names no known technique; it was left out. The techniques are: %s"), label,
               tag, known.data);
      strbuf_free(&known);
    }
  }
  free(name);
  return true;
}

static void read_truefalse(Import *im, const xmlNode *q) {
  int line = line_of(q);
  char *name = str_squash_space(text_of(child(q, "name")));
  char *label = *name ? xstrdup(name) : xasprintf(_("#%zu"), im->report->questions);
  char *headline = field_text(im, child(q, "questiontext"), MOODLE_TEXT_LINE, label, _("question text"));
  xmlNodePtr general_field = child(q, "generalfeedback");
  char *general = field_text(im, general_field, MOODLE_TEXT_PARAGRAPHS, label, _("general feedback"));
  Sources sources = {0};
  take_sources(im, general_field, general, label, &sources);

  // answers: matched on the text "true"/"false" as Moodle writes them; very
  // old exports wrote a translated word, in the order true, false.
  Answer ans_true = {0}, ans_false = {0};
  bool positional = false;
  int index = 0;
  for (xmlNodePtr a = q->children; a; a = a->next) {
    if (!has_name(a, "answer")) {
      continue;
    }
    char *text = str_trim(text_of(a));
    Answer *slot;
    if (str_casecmp(text, "true") == 0) {
      slot = &ans_true;
    } else if (str_casecmp(text, "false") == 0) {
      slot = &ans_false;
    } else {
      positional = true;
      slot = index == 0 ? &ans_true : &ans_false;
    }
    index++;
    free(text);
    if (slot->present || index > 2) {
      continue;
    }
    char *fraction = attr_of(a, "fraction");
    slot->present = true;
    slot->correct = fraction_is_full(fraction);
    free(fraction);
    xmlNodePtr feedback = child(a, "feedback");
    slot->feedback = field_text(im, feedback, MOODLE_TEXT_PARAGRAPHS, label, _("answer feedback"));
    // Before the verdicts go: "Source:" would look like one.
    take_sources(im, feedback, slot->feedback, label, &sources);
    strip_verdict(slot->feedback);
  }

  const char *problem = NULL;
  if (!*headline) {
    problem = _("its question text is empty once images and formatting are left out");
  } else if (!ans_true.present && !ans_false.present) {
    problem = _("it has no <answer>");
  } else if (ans_true.present && ans_false.present && ans_true.correct == ans_false.correct) {
    problem = ans_true.correct ? _("both answers are marked correct (fraction=\"100\")")
                               : _("neither answer is marked correct (fraction=\"100\")");
  }
  if (problem) {
    diag_add(im->diags, DIAG_WARNING, im->name, line, _("true/false question '%s' was left out: %s"), label, problem);
    im->report->dropped++;
  } else {
    if (positional) {
      diag_add(im->diags, DIAG_WARNING, im->name, line,
               _("question '%s': its answers are not named 'true' and 'false'; taking the first as 'true', as older "
                 "Moodle versions wrote them"),
               label);
    }
    // "true" is correct <=> the headline is real.
    bool real = ans_true.present ? ans_true.correct : !ans_false.correct;
    PackItem *it = pack_add_item(im->pack);
    it->answer = real ? PACK_ANSWER_REAL : PACK_ANSWER_FABRICATED;
    it->headline = headline;
    headline = NULL;
    it->line = line;
    char *base = pack_id_from_text(name, MOODLE_ID_LEN);
    if (!*base) {
      free(base);
      base = pack_id_from_text(it->headline, MOODLE_ID_LEN);
    }
    if (!*base) {
      free(base);
      base = xasprintf("question-%zu", im->report->questions);
    }
    it->id = pack_id_set_claim(im->ids, base);
    free(base);
    // Everyone sees the general feedback; then what Moodle showed for the
    // right answer, then for the wrong one, each only if it adds something.
    Answer *right = real ? &ans_true : &ans_false;
    Answer *wrong = real ? &ans_false : &ans_true;
    char *parts[] = {general, right->feedback, wrong->feedback};
    it->explanation = combine_feedback(parts, 3);
    for (size_t i = 0; i < im->category_tag_count; i++) {
      add_tag_once(it, im->category_tags[i]);
    }
    for (xmlNodePtr t = child(child(q, "tags"), "tag"); t; t = t->next) {
      if (has_name(t, "tag")) {
        char *tag = str_squash_space(text_of(t));
        if (!read_technique_tag(im, label, t, tag, it)) {
          cut_chars(tag, PACK_MAX_TAG_CHARS);
          if (*tag) {
            add_tag_once(it, tag);
          }
        }
        free(tag);
      }
    }
    size_t source_lines = sources.count;
    apply_sources(im, label, &sources, it);
    im->report->imported++;
    if (real && !it->outlet) {
      im->report->need_source++;
      // A Source line that was there but unusable has had its own warning.
      if (!sources.malformed && source_lines == 0) {
        diag_add(im->diags, DIAG_WARNING, im->name, line,
                 _("question '%s' is a real headline without a Source line: add one to its general feedback in "
                   "Moodle (Source: Outlet, YYYY-MM-DD, https://...) and import again, or add <source "
                   "outlet=\"...\" date=\"YYYY-MM-DD\"/> to item '%s'; the pack cannot be used before"),
                 label, it->id);
      }
    }
    size_t headline_chars = utf8_chars(it->headline), explanation_chars = utf8_chars(it->explanation);
    if (headline_chars > PACK_MAX_HEADLINE_CHARS || explanation_chars > PACK_MAX_EXPLANATION_CHARS) {
      im->report->too_long++;
      bool head = headline_chars > PACK_MAX_HEADLINE_CHARS;
      diag_add(im->diags, DIAG_WARNING, im->name, line,
               _("question '%s': its %s has %zu characters, more than the %d a pack allows: shorten the %s of item "
                 "'%s' before the pack can be used"),
               label, head ? _("question text") : _("feedback"), head ? headline_chars : explanation_chars,
               head ? PACK_MAX_HEADLINE_CHARS : PACK_MAX_EXPLANATION_CHARS, head ? "<headline>" : "<explanation>",
               it->id);
    }
    if (!*it->explanation) {
      im->report->need_explanation++;
      diag_add(im->diags, DIAG_WARNING, im->name, line,
               _("question '%s' has no feedback to explain its answer: write the <explanation> of item '%s' before "
                 "the pack can be used"),
               label, it->id);
    }
  }
  sources_clear(&sources);
  free(ans_true.feedback);
  free(ans_false.feedback);
  free(headline);
  free(general);
  free(label);
  free(name);
}

static void read_quiz(Import *im, const xmlNode *quiz) {
  for (xmlNodePtr q = quiz->children; q; q = q->next) {
    if (q->type != XML_ELEMENT_NODE) {
      continue;
    }
    if (!has_name(q, "question")) {
      diag_add(im->diags, DIAG_WARNING, im->name, line_of(q), _("unexpected <%s> in <quiz> ignored"),
               (const char *)q->name);
      continue;
    }
    char *type = attr_of(q, "type");
    if (type && strcmp(type, "category") == 0) {
      read_category(im, q);
    } else {
      im->report->questions++;
      if (type && strcmp(type, "truefalse") == 0) {
        read_truefalse(im, q);
      } else {
        count_skipped(im->report, type && *type ? type : "?");
      }
    }
    free(type);
  }
}

Pack *import_moodle_memory(const char *name, const char *data, size_t len, MoodleReport *report, DiagList *diags) {
  *report = (MoodleReport){0};
  if (len > PACK_MAX_FILE_BYTES) {
    diag_add(diags, DIAG_ERROR, name, 0, _("file is larger than the limit of %d bytes"), PACK_MAX_FILE_BYTES);
    return NULL;
  }
  Import im = {.name = name, .diags = diags, .report = report};
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt) {
    diag_add(diags, DIAG_ERROR, name, 0, "%s", _("out of memory"));
    return NULL;
  }
  ctxt->_private = &im;
  ctxt->sax->serror = xml_error;
  ctxt->sax->internalSubset = xml_internal_subset;
  // libxml2 2.9 has no per-parser resource loader: install a deny-all one for
  // this parse and put the previous one back.
  xmlExternalEntityLoader previous = xmlGetExternalEntityLoader();
  xmlSetExternalEntityLoader(deny_external_entity);
  xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)len, name, NULL, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
  xmlSetExternalEntityLoader(previous);
  bool failed = !doc || im.saw_doctype || diag_has_errors(diags, false);
  if (!doc && !im.saw_doctype && im.parse_errors == 0) {
    diag_add(diags, DIAG_ERROR, name, 0, "%s", _("not well-formed XML"));
  }
  xmlFreeParserCtxt(ctxt);
  Pack *pack = NULL;
  if (!failed) {
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!root || !has_name(root, "quiz") || root->ns) {
      diag_add(diags, DIAG_ERROR, name, line_of(root),
               _("not a Moodle XML file: the root element is <%s>, Moodle writes <quiz>"),
               root ? (const char *)root->name : "");
    } else {
      im.pack = pack_create();
      im.ids = pack_id_set_create();
      read_quiz(&im, root);
      clear_category(&im);
      pack_id_set_destroy(im.ids);
      pack = im.pack;
      size_t real = pack_count_answer(pack, PACK_ANSWER_REAL);
      if (pack->item_count > 0 && (real == 0 || real == pack->item_count)) {
        report->one_sided = true;
        diag_add(diags, DIAG_WARNING, name, 0, "%s",
                 real ? _("every imported question is true (real): add fabricated items before the pack can be "
                          "used; with one kind of answer it teaches players to always give it")
                      : _("every imported question is false (fabricated): add real items before the pack can be "
                          "used; with one kind of answer it teaches players to always give it"));
      }
      if (pack->item_count == 0) {
        diag_add(diags, DIAG_ERROR, name, 0,
                 ngettext("no true/false question to import (%zu question of another type); packs are made of "
                          "real-or-fabricated items, so only Moodle's true/false questions carry over",
                          "no true/false question to import (%zu questions of other types); packs are made of "
                          "real-or-fabricated items, so only Moodle's true/false questions carry over",
                          (unsigned long)report->skipped_total),
                 report->skipped_total);
        pack_destroy(pack);
        pack = NULL;
      }
    }
  }
  xmlFreeDoc(doc);
  return pack;
}

static Pack *parse_moodle(const char *name, const char *data, size_t len, void *report, DiagList *diags) {
  return import_moodle_memory(name, data, len, report, diags);
}

Pack *import_moodle_file(const char *path, MoodleReport *report, DiagList *diags) {
  *report = (MoodleReport){0};
  return pack_rules_parse_file(path, parse_moodle, report, diags);
}

void moodle_report_clear(MoodleReport *report) {
  for (size_t i = 0; i < report->skipped_kinds; i++) {
    free(report->skipped[i].type);
  }
  free(report->skipped);
  *report = (MoodleReport){0};
}

char *moodle_report_skipped_text(const MoodleReport *report) {
  if (report->skipped_total == 0) {
    return NULL;
  }
  StrBuf b = {0};
  strbuf_appendf(&b,
                 ngettext("skipped %zu question that is not true/false: ",
                          "skipped %zu questions that are not true/false: ", (unsigned long)report->skipped_total),
                 report->skipped_total);
  for (size_t i = 0; i < report->skipped_kinds; i++) {
    strbuf_appendf(&b, "%s%zu %s", i ? ", " : "", report->skipped[i].count, report->skipped[i].type);
  }
  return strbuf_take(&b);
}
