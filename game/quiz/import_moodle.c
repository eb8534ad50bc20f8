#include "quiz/import_moodle.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/str.h"
#include "quiz/import_moodle_int.h"
#include "quiz/pack_load.h"
#include "quiz/pack_rules.h"
#include "quiz/pack_write.h"

enum {
  MOODLE_MAX_PARSE_ERRORS = 20,  // more would drown the first, which matters
  MOODLE_ID_LEN = 48,            // ids from question names, leaving room for "-2"
};

/* ---- Moodle XML ---- */

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

bool moodle_has_name(const xmlNode *n, const char *name) {
  return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

xmlNodePtr moodle_child(const xmlNode *parent, const char *name) {
  for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next) {
    if (moodle_has_name(c, name)) {
      return c;
    }
  }
  return NULL;
}

int moodle_line_of(const xmlNode *n) {
  long line = n ? xmlGetLineNo(n) : 0;
  return line > 0 && line < INT32_MAX ? (int)line : 0;
}

// The whole text content of a node (CDATA included), owned; "" when absent.
char *moodle_content_of(const xmlNode *n) {
  xmlChar *c = n ? xmlNodeGetContent(n) : NULL;
  char *s = xstrdup(c ? (const char *)c : "");
  xmlFree(c);
  return s;
}

// Content of the <text> child Moodle wraps most values in (older exports put
// the text directly in the element: accept both).
char *moodle_text_of(const xmlNode *n) {
  if (!n) {
    return xstrdup("");
  }
  xmlNodePtr t = moodle_child(n, "text");
  return moodle_content_of(t ? t : n);
}

char *moodle_attr_of(const xmlNode *n, const char *name) {
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
      strbuf_append_char(&b, MOODLE_BREAK);
    } else {
      const char *q = p + 1;
      while (*q == ' ' || *q == '\t' || *q == '\r') {
        q++;
      }
      strbuf_append_char(&b, *q == '\n' ? MOODLE_BREAK : ' ');
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
  char *format = moodle_attr_of(field, "format");
  char *raw = moodle_text_of(field);
  char *text;
  if (format && (strcmp(format, "plain_text") == 0 || strcmp(format, "markdown") == 0)) {
    char *broken = breaks_from_newlines(raw, format);
    text = moodle_normalise(broken, mode);
    free(broken);
  } else {
    int images = 0;
    char *html = format && strcmp(format, "moodle_auto_format") == 0 ? breaks_from_newlines(raw, format) : NULL;
    text = moodle_html_to_text(html ? html : raw, strlen(html ? html : raw), mode, &images);
    free(html);
    if (images > 0) {
      xmlNodePtr t = moodle_child(field, "text");
      diag_add(im->diags, DIAG_WARNING, im->name, moodle_line_of(t ? t : field),
               ngettext("question '%s': %d image in the %s was left out (packs hold text only); check that the "
                        "text still makes sense without it",
                        "question '%s': %d images in the %s were left out (packs hold text only); check that the "
                        "text still makes sense without them",
                        (unsigned long)images),
               qname, images, what);
    }
  }
  for (xmlNodePtr f = field->children; f; f = f->next) {
    if (moodle_has_name(f, "file")) {
      char *fname = moodle_attr_of(f, "name");
      diag_add(im->diags, DIAG_WARNING, im->name, moodle_line_of(f),
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
  char *path = moodle_text_of(moodle_child(q, "category"));
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
    moodle_cut_chars(s, PACK_MAX_TAG_CHARS);
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
    im->pack->title = moodle_cut_chars(xstrdup(im->category_tags[im->category_tag_count - 1]), PACK_MAX_TITLE_CHARS);
    // The category's description (Moodle 3.x+ <info>) describes the same set.
    xmlNodePtr info = moodle_child(q, "info");
    if (info && !im->pack->description) {
      char *d = field_text(im, info, MOODLE_TEXT_PARAGRAPHS, im->pack->title, _("category description"));
      if (*d && moodle_utf8_chars(d) <= PACK_MAX_DESCRIPTION_CHARS) {
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
  if (!moodle_has_prefix_nocase(tag, prefix)) {
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
      diag_add(im->diags, DIAG_WARNING, im->name, moodle_line_of(t),
               _("question '%s': tag '%s' names no known technique (did you mean 'technique:%s'?); it was left out"),
               label, tag, hint);
    } else {
      StrBuf known = {0};
      for (int i = 0; i < TECHNIQUE_COUNT; i++) {
        strbuf_appendf(&known, "%s%s", i ? ", " : "", technique_name((Technique)i));
      }
      diag_add(im->diags, DIAG_WARNING, im->name, moodle_line_of(t),
               _("question '%s': tag '%s' names no known technique; it was left out. The techniques are: %s"), label,
               tag, known.data);
      strbuf_free(&known);
    }
  }
  free(name);
  return true;
}

// The two answers: matched on the text "true"/"false" as Moodle writes
// them; very old exports wrote a translated word, in the order true, false
// (then returns true). Source lines in their feedback go to `sources`.
static bool read_answers(Import *im, const xmlNode *q, const char *label, Sources *sources, Answer *t, Answer *f) {
  // answers: matched on the text "true"/"false" as Moodle writes them; very
  // old exports wrote a translated word, in the order true, false.
  bool positional = false;
  int index = 0;
  for (xmlNodePtr a = q->children; a; a = a->next) {
    if (!moodle_has_name(a, "answer")) {
      continue;
    }
    char *text = str_trim(moodle_text_of(a));
    Answer *slot;
    if (str_casecmp(text, "true") == 0) {
      slot = t;
    } else if (str_casecmp(text, "false") == 0) {
      slot = f;
    } else {
      positional = true;
      slot = index == 0 ? t : f;
    }
    index++;
    free(text);
    if (slot->present || index > 2) {
      continue;
    }
    char *fraction = moodle_attr_of(a, "fraction");
    slot->present = true;
    slot->correct = moodle_fraction_is_full(fraction);
    free(fraction);
    xmlNodePtr feedback = moodle_child(a, "feedback");
    slot->feedback = field_text(im, feedback, MOODLE_TEXT_PARAGRAPHS, label, _("answer feedback"));
    // Before the verdicts go: "Source:" would look like one.
    moodle_take_sources(im, feedback, slot->feedback, label, sources);
    moodle_strip_verdict(slot->feedback);
  }

  return positional;
}

// What a pack still needs from the author of imported item `it`: each a
// warning and a count in the report. `no_source_line`: the question had no
// Source line at all (an unusable one has had its own warning).
static void check_imported(Import *im, const char *label, int line, bool no_source_line, PackItem *it) {
  bool real = it->answer == PACK_ANSWER_REAL;
  if (real && !it->outlet) {
    im->report->need_source++;
    // A Source line that was there but unusable has had its own warning.
    if (no_source_line) {
      diag_add(im->diags, DIAG_WARNING, im->name, line,
               _("question '%s' is a real headline without a Source line: add one to its general feedback in "
                 "Moodle (Source: Outlet, YYYY-MM-DD, https://...) and import again, or add <source "
                 "outlet=\"...\" date=\"YYYY-MM-DD\"/> to item '%s'; the pack cannot be used before"),
               label, it->id);
    }
  }
  size_t headline_chars = moodle_utf8_chars(it->headline), explanation_chars = moodle_utf8_chars(it->explanation);
  if (it->tip && moodle_utf8_chars(it->tip) > PACK_MAX_TIP_CHARS) {
    im->report->too_long++;
    diag_add(im->diags, DIAG_WARNING, im->name, line,
             _("question '%s': its Tip has %zu characters, more than the %d a pack allows: shorten the <tip> of "
               "item '%s' before the pack can be used"),
             label, moodle_utf8_chars(it->tip), PACK_MAX_TIP_CHARS, it->id);
  } else if (headline_chars > PACK_MAX_HEADLINE_CHARS || explanation_chars > PACK_MAX_EXPLANATION_CHARS) {
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

static void read_truefalse(Import *im, const xmlNode *q) {
  int line = moodle_line_of(q);
  char *name = str_squash_space(moodle_text_of(moodle_child(q, "name")));
  char *label = *name ? xstrdup(name) : xasprintf(_("#%zu"), im->report->questions);
  char *headline = field_text(im, moodle_child(q, "questiontext"), MOODLE_TEXT_LINE, label, _("question text"));
  xmlNodePtr general_field = moodle_child(q, "generalfeedback");
  char *general = field_text(im, general_field, MOODLE_TEXT_PARAGRAPHS, label, _("general feedback"));
  Sources sources = {0};
  moodle_take_sources(im, general_field, general, label, &sources);

  Answer ans_true = {0}, ans_false = {0};
  bool positional = read_answers(im, q, label, &sources, &ans_true, &ans_false);

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
    // A "Tip:" paragraph (and what follows it) in a feedback is the tip.
    for (size_t i = 0; i < 3 && !it->tip; i++) {
      it->tip = moodle_take_tip(parts[i]);
    }
    it->explanation = moodle_combine_feedback(parts, 3);
    for (size_t i = 0; i < im->category_tag_count; i++) {
      add_tag_once(it, im->category_tags[i]);
    }
    for (xmlNodePtr t = moodle_child(moodle_child(q, "tags"), "tag"); t; t = t->next) {
      if (moodle_has_name(t, "tag")) {
        char *tag = str_squash_space(moodle_text_of(t));
        if (!read_technique_tag(im, label, t, tag, it)) {
          moodle_cut_chars(tag, PACK_MAX_TAG_CHARS);
          if (*tag) {
            add_tag_once(it, tag);
          }
        }
        free(tag);
      }
    }
    size_t source_lines = sources.count;
    moodle_apply_sources(im, label, &sources, it);
    im->report->imported++;
    check_imported(im, label, line, !sources.malformed && source_lines == 0, it);
  }
  moodle_sources_clear(&sources);
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
    if (!moodle_has_name(q, "question")) {
      diag_add(im->diags, DIAG_WARNING, im->name, moodle_line_of(q), _("unexpected <%s> in <quiz> ignored"),
               (const char *)q->name);
      continue;
    }
    char *type = moodle_attr_of(q, "type");
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
    if (!root || !moodle_has_name(root, "quiz") || root->ns) {
      diag_add(diags, DIAG_ERROR, name, moodle_line_of(root),
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
