// The pack loader's C checks on a parsed document: what the schema cannot
// say, or cannot say in words an author understands. See pack_load_int.h.

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/str.h"
#include "base/utf8.h"
#include "quiz/pack_load.h"
#include "quiz/pack_load_int.h"
#include "quiz/pack_rules.h"

// ---------------------------------------------------------------------------
// Text helpers.

static size_t utf8_chars(const char *s) {
  return utf8_length(s);
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

// Checks a text field's length; true when within `max`. `what` is an
// untranslated label (N_): translated only when there is something to say,
// not once per item of a 75,000-item pack.
static bool check_length(Loader *L, int line, const char *what, const char *text, size_t max) {
  size_t n = utf8_chars(text);
  if (n > max) {
    loader_report(L, DIAG_ERROR, line, _("%s is %zu characters long; the limit is %zu"), _(what), n, max);
    return false;
  }
  // A bidi control makes text display in another order than it reads:
  // "efas ton" shown as "not safe", an outlet shown as one it is not.
  const char *bidi = utf8_find_bidi_control(text);
  if (bidi) {
    size_t adv = 0;
    loader_report(L, DIAG_ERROR, line,
                  _("%s contains the invisible direction control U+%04X, which can make text display as something "
                    "it does not say; remove it"),
                  _(what), (unsigned)utf8_decode(bidi, strlen(bidi), &adv));
    return false;
  }
  return true;
}

// A value from the file made safe to quote in a message (see loader_shown()).
// Borrowed: valid until the next loader_quote() call on this loader.
const char *loader_quote(Loader *L, const char *value) {
  free(L->quoted);
  L->quoted = loader_shown(value);
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
    loader_report(L, DIAG_ERROR, loader_node_line(el),
                  _("xml:lang must be a language tag such as \"en\" or \"pt-BR\", not \"%s\""), loader_quote(L, lang));
    loader_node_mark(el, MARK_ATTR_LANG);
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
      loader_report(L, DIAG_ERROR, loader_node_line(c), _("%s must be plain text, without elements such as <%s>"),
                    _(what), loader_quote(L, qname));
      free(qname);
      loader_node_mark(el, MARK_TEXT);
      return NULL;
    }
  }
  char *text = normalise_text(element_text(el), paragraphs);
  if (!*text || !check_length(L, loader_node_line(el), what, text, max)) {
    if (!*text) {
      loader_report(L, DIAG_ERROR, loader_node_line(el), _("%s is empty"), _(what));
    }
    loader_node_mark(el, MARK_TEXT);
    free(text);
    return NULL;
  }
  return text;
}

static void check_source(Loader *L, xmlNode *src, PackItem *it) {
  int line = loader_node_line(src);
  char *outlet = attr_get(src, "outlet");
  if (outlet && !*normalise_text(outlet, false)) {
    free(outlet);
    outlet = NULL;  // an empty outlet is no outlet
  }
  if (outlet && !check_length(L, line, N_("outlet"), outlet, PACK_MAX_NAME_CHARS)) {
    loader_node_mark(src, MARK_ATTR_OUTLET);
  }
  it->outlet = outlet;

  char *date = attr_get(src, "date");
  if (date) {
    switch (pack_rules_date(date)) {
    case PACK_DATE_OK:
      break;
    case PACK_DATE_AMBIGUOUS:
    case PACK_DATE_BAD:
      loader_report(L, DIAG_ERROR, line, _("date must be YYYY, YYYY-MM or YYYY-MM-DD, not \"%s\""),
                    loader_quote(L, date));
      loader_node_mark(src, MARK_ATTR_DATE);
      break;
    case PACK_DATE_NO_SUCH_DAY:
      loader_report(L, DIAG_ERROR, line, _("date \"%s\" does not exist"), loader_quote(L, date));
      loader_node_mark(src, MARK_ATTR_DATE);
      break;
    }
  }
  it->date = date;

  char *url = attr_get(src, "url");
  if (url && !pack_rules_url_ok(url)) {
    loader_report(L, DIAG_ERROR, line, _("url must be a web address starting with http:// or https://, not \"%s\""),
                  loader_quote(L, url));
    loader_node_mark(src, MARK_ATTR_URL);
  } else if (url && !check_length(L, line, N_("url"), url, PACK_MAX_URL_CHARS)) {
    loader_node_mark(src, MARK_ATTR_URL);
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
  char *q = loader_shown(name);
  const char *hint = technique_suggest(name);
  if (hint) {
    loader_report(L, DIAG_ERROR, loader_node_line(el), _("unknown technique \"%s\"; did you mean \"%s\"?"), q, hint);
  } else {
    StrBuf known = {0};
    for (int i = 0; i < TECHNIQUE_COUNT; i++) {
      strbuf_appendf(&known, "%s%s", i ? ", " : "", technique_name((Technique)i));
    }
    loader_report(L, DIAG_ERROR, loader_node_line(el), _("unknown technique \"%s\" (the techniques are: %s)"), q,
                  known.data);
    strbuf_free(&known);
  }
  free(q);
  loader_node_mark(el, MARK_TEXT);
  free(name);
}

static void check_item_id(Loader *L, xmlNode *el, PackItem *it) {
  int line = loader_node_line(el);
  char *id = attr_get(el, "id");
  if (!id) {
    loader_report(L, DIAG_ERROR, line, "%s", _("item has no id"));
  } else if (!id_valid(id)) {
    loader_report(L, DIAG_ERROR, line, _("item id \"%s\" may contain only letters, digits, \"-\" and \"_\""),
                  loader_quote(L, id));
  } else if (!check_length(L, line, N_("item id"), id, PACK_MAX_ID_CHARS)) {
    // reported
  } else {
    void *first = xmlHashLookup(L->item_ids, BAD_CAST id);
    if (!first) {
      xmlHashAddEntry(L->item_ids, BAD_CAST id, (void *)(intptr_t)line);
      it->id = id;
      return;
    }
    loader_report(L, DIAG_ERROR, line, _("item id \"%s\" is used twice (first on line %d)"), id, (int)(intptr_t)first);
  }
  loader_node_mark(el, MARK_ATTR_ID);
  it->id = id ? id : xstrdup("");
}

// pair="ID": kept when well formed; whether it pairs is check_pairs()'s.
static void check_item_pair(Loader *L, xmlNode *el, PackItem *it) {
  char *pair = attr_get(el, "pair");
  if (!pair) {
    return;
  }
  int line = loader_node_line(el);
  if (!id_valid(pair)) {
    loader_report(L, DIAG_ERROR, line, _("pair \"%s\" may contain only letters, digits, \"-\" and \"_\""),
                  loader_quote(L, pair));
  } else if (check_length(L, line, N_("pair id"), pair, PACK_MAX_ID_CHARS)) {
    it->pair = pair;
    return;
  }
  loader_node_mark(el, MARK_ATTR_PAIR);
  free(pair);
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
      loader_report(L, DIAG_ERROR, loader_node_line(el), _("answer must be \"real\" or \"fabricated\", not \"%s\""),
                    loader_quote(L, answer));
    } else {
      loader_report(L, DIAG_ERROR, loader_node_line(el), "%s",
                    _("item has no answer (answer=\"real\" or answer=\"fabricated\")"));
    }
    loader_node_mark(el, MARK_ATTR_ANSWER);
    L->answer_error = true;
  }
  free(answer);
  return ok;
}

static void check_item(Loader *L, xmlNode *el) {
  int line = loader_node_line(el);
  PackItem *it = pack_add_item(L->pack);
  it->line = line;
  check_item_id(L, el, it);
  bool answer_ok = check_item_answer(L, el, it);
  it->lang = lang_get(L, el);
  check_item_pair(L, el, it);

  bool has_headline = false, has_explanation = false, has_tip = false, has_technique = false;
  xmlNode *source = NULL;
  for (xmlNode *c = el->children; c; c = c->next) {
    if (!is_pack_element(c, NULL)) {
      continue;  // anything else is the schema's to report
    }
    const char *cn = (const char *)c->name;
    if (strcmp(cn, "headline") == 0 && !has_headline) {
      has_headline = true;
      it->headline = nonempty_text(L, c, N_("<headline>"), false, PACK_MAX_HEADLINE_CHARS);
      if (it->headline && utf8_chars(it->headline) > PACK_LONG_HEADLINE_CHARS) {
        loader_report(L, DIAG_WARNING, loader_node_line(c), _("headline is longer than %d characters"),
                      PACK_LONG_HEADLINE_CHARS);
      }
    } else if (strcmp(cn, "explanation") == 0 && !has_explanation) {
      has_explanation = true;
      it->explanation = nonempty_text(L, c, N_("<explanation>"), true, PACK_MAX_EXPLANATION_CHARS);
    } else if (strcmp(cn, "source") == 0 && !source) {
      source = c;
      check_source(L, c, it);
    } else if (strcmp(cn, "technique") == 0) {
      has_technique = true;
      check_technique(L, c, it);
    } else if (strcmp(cn, "tip") == 0 && !has_tip) {
      has_tip = true;
      it->tip = nonempty_text(L, c, N_("<tip>"), true, PACK_MAX_TIP_CHARS);
    } else if (strcmp(cn, "tag") == 0) {
      char *tag = nonempty_text(L, c, N_("<tag>"), false, PACK_MAX_TAG_CHARS);
      if (tag && it->tag_count >= PACK_MAX_TAGS) {
        loader_report(L, DIAG_ERROR, loader_node_line(c), _("item has more than %d tags"), PACK_MAX_TAGS);
      } else if (tag) {
        pack_item_add_tag(it, tag);
      }
      free(tag);
    }
  }
  if (!has_headline) {
    loader_report(L, DIAG_ERROR, line, "%s", _("item has no <headline>"));
    loader_node_mark(el, MARK_CONTENT);
  }
  if (!has_explanation) {
    loader_report(L, DIAG_ERROR, line, "%s", _("item has no <explanation>"));
    loader_node_mark(el, MARK_CONTENT);
  }
  // Assessment packs (fixed tests such as MIST-20) give no feedback per item
  // and often cannot cite sources: the feedback-related rules do not apply.
  if (!answer_ok || L->assessment) {
    return;
  }
  if (it->answer == PACK_ANSWER_REAL) {
    if (!source) {
      loader_report(L, DIAG_ERROR, line, "%s", _("real item needs <source> with outlet and date"));
      loader_node_mark(el, MARK_CONTENT);
      return;
    }
    if (!it->outlet) {
      loader_report(L, DIAG_ERROR, loader_node_line(source), "%s", _("real item needs an outlet in <source>"));
      loader_node_mark(source, MARK_ATTR_OUTLET);
    }
    if (!it->date) {
      loader_report(L, DIAG_ERROR, loader_node_line(source), "%s", _("real item needs a date in <source>"));
      loader_node_mark(source, MARK_ATTR_DATE);
    }
    if (!it->url) {
      loader_report(L, DIAG_WARNING, loader_node_line(source), "%s",
                    _("real item has no url; players cannot look the story up at its source"));
    }
  } else if (!has_technique) {
    loader_report(L, DIAG_WARNING, line, "%s",
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
    char *q = loader_shown(v);
    loader_report(L, DIAG_ERROR, loader_node_line(el), _("%s must be a whole number from %d to %d, not \"%s\""), attr,
                  min, max, q);
    free(q);
    loader_node_mark(el, mark);
    n = 0;
  }
  free(v);
  return (int)n;
}

// <round real-share="0.6">: percent of real items, 0 when absent or invalid
// (reported). Parsed by hand: strtod would follow the locale's decimal point.
static int real_share_attr(Loader *L, xmlNode *el) {
  char *v = attr_get(el, "real-share");
  if (!v) {
    return 0;
  }
  str_trim(v);
  const char *p = v;
  int whole = 0, percent = -1;
  if (*p == '0' || *p == '1') {
    whole = *p++ - '0';
  }
  if (p > v && !*p) {
    percent = whole * 100;
  } else if (*p == '.' && p[1] >= '0' && p[1] <= '9' && (!p[2] || (p[2] >= '0' && p[2] <= '9' && !p[3]))) {
    percent = whole * 100 + (p[1] - '0') * 10 + (p[2] ? p[2] - '0' : 0);
  }
  int line = loader_node_line(el);
  if (percent < PACK_MIN_REAL_PERCENT || percent > PACK_MAX_REAL_PERCENT) {
    loader_report(L, DIAG_ERROR, line,
                  _("real-share must be a fraction from 0.%d to 0.%d such as 0.6 (60 %% real), not \"%s\""),
                  PACK_MIN_REAL_PERCENT, PACK_MAX_REAL_PERCENT, loader_quote(L, v));
    loader_node_mark(el, MARK_ATTR_REAL_SHARE);
    percent = 0;
  } else if (percent < PACK_ADVISED_REAL_PERCENT && !L->assessment) {
    loader_report(L, DIAG_WARNING, line,
                  _("real-share %s makes practice rounds mostly fabricated; more fakes than real headlines teach "
                    "distrust, not discernment (0.6 is the default)"),
                  loader_quote(L, v));
  }
  free(v);
  return percent;
}

// Returns false when the document is not a pack at all (nothing else to say).
bool loader_check_root(Loader *L, xmlNode *root) {
  int line = loader_node_line(root);
  if (!xmlStrEqual(root->name, BAD_CAST "quizpack")) {
    loader_report(L, DIAG_ERROR, line,
                  _("this is not a quiz pack: the root element is <%s>, not <quizpack xmlns=\"" PACK_NS "\">"),
                  loader_quote(L, (const char *)root->name));
    return false;
  }
  if (!root->ns) {
    loader_report(L, DIAG_ERROR, line, "%s", _("<quizpack> needs xmlns=\"" PACK_NS "\""));
    return false;
  }
  if (!xmlStrEqual(root->ns->href, BAD_CAST PACK_NS)) {
    loader_report(L, DIAG_ERROR, line, _("<quizpack> must be in namespace \"" PACK_NS "\", not \"%s\""),
                  loader_quote(L, (const char *)root->ns->href));
    return false;
  }
  return true;
}

static void check_pack_attributes(Loader *L, xmlNode *root) {
  Pack *p = L->pack;
  int line = loader_node_line(root);
  char *id = attr_get(root, "id");
  if (!id) {
    loader_report(L, DIAG_ERROR, line, "%s", _("the pack has no id"));
    loader_node_mark(root, MARK_ATTR_ID);
  } else if (!id_valid(id)) {
    loader_report(L, DIAG_ERROR, line, _("pack id \"%s\" may contain only letters, digits, \"-\" and \"_\""),
                  loader_quote(L, id));
    loader_node_mark(root, MARK_ATTR_ID);
  } else if (!check_length(L, line, N_("pack id"), id, PACK_MAX_ID_CHARS)) {
    loader_node_mark(root, MARK_ATTR_ID);
  }
  p->id = id;

  if (!xmlHasNsProp(root, BAD_CAST "version", NULL)) {
    loader_report(L, DIAG_ERROR, line, "%s",
                  _("the pack has no version (version=\"1\", raised whenever the content changes)"));
    loader_node_mark(root, MARK_ATTR_VERSION);
  }
  p->version = int_attr(L, root, "version", MARK_ATTR_VERSION, 1, INT32_MAX);

  p->lang = lang_get(L, root);
  if (!p->lang) {
    loader_report(L, DIAG_ERROR, line, "%s",
                  _("the pack has no xml:lang (the language of its text, e.g. xml:lang=\"en\")"));
  }

  char *kind = attr_get(root, "kind");
  if (kind && strcmp(kind, "assessment") == 0) {
    p->kind = PACK_KIND_ASSESSMENT;
  } else if (kind && strcmp(kind, "practice") != 0) {
    loader_report(L, DIAG_ERROR, line, _("kind must be \"practice\" or \"assessment\", not \"%s\""),
                  loader_quote(L, kind));
    loader_node_mark(root, MARK_ATTR_KIND);
  }
  free(kind);
  L->assessment = p->kind == PACK_KIND_ASSESSMENT;
  p->min_age = int_attr(L, root, "min-age", MARK_ATTR_MIN_AGE, PACK_MIN_AGE_LOWEST, PACK_MIN_AGE_HIGHEST);
  p->order = int_attr(L, root, "order", MARK_ATTR_ORDER, 1, PACK_MAX_ORDER);
}

// The items seen so far with one pair id (indices into the pack's items).
typedef struct PairSeen {
  const PackItem *of[2];  // by PackAnswer
} PairSeen;

static void pair_seen_free(void *payload, const xmlChar *name) {
  (void)name;
  free(payload);
}

// Each pair id must be held by exactly one real and one fabricated item:
// a second item of the same answer, or an item alone, is an error on it.
static void check_pairs(Loader *L) {
  const Pack *p = L->pack;
  xmlHashTablePtr seen = xmlHashCreate(16);
  for (size_t i = 0; i < p->item_count; i++) {
    const PackItem *it = &p->items[i];
    if (!it->pair || !it->id || !*it->id) {
      continue;
    }
    PairSeen *ps = xmlHashLookup(seen, BAD_CAST it->pair);
    if (!ps) {
      ps = xcalloc(1, sizeof *ps);
      xmlHashAddEntry(seen, BAD_CAST it->pair, ps);
    }
    const PackItem *first = ps->of[it->answer];
    if (first) {
      loader_report(L, DIAG_ERROR, it->line,
                    _("pair \"%s\" already has a %s item (line %d); a pair is one real and one fabricated item"),
                    it->pair, pack_answer_name(it->answer), first->line);
    } else {
      ps->of[it->answer] = it;
    }
  }
  for (size_t i = 0; i < p->item_count; i++) {
    const PackItem *it = &p->items[i];
    const PairSeen *ps = it->pair ? xmlHashLookup(seen, BAD_CAST it->pair) : NULL;
    PackAnswer other = it->answer == PACK_ANSWER_REAL ? PACK_ANSWER_FABRICATED : PACK_ANSWER_REAL;
    if (ps && ps->of[it->answer] == it && !ps->of[other]) {
      const char *name = pack_answer_name(other);
      loader_report(L, DIAG_ERROR, it->line,
                    _("pair \"%s\" has no %s item; give pair=\"%s\" to one %s item on the same topic"), it->pair, name,
                    it->pair, name);
    }
  }
  xmlHashFree(seen, pair_seen_free);
}

// Pack-wide rules, once every item was read.
static void check_balance(Loader *L, xmlNode *root, const xmlNode *round) {
  const Pack *p = L->pack;
  int line = loader_node_line(root);
  size_t real = pack_count_answer(p, PACK_ANSWER_REAL);
  size_t fabricated = p->item_count - real;
  if (p->item_count == 0) {
    loader_report(L, DIAG_ERROR, line, "%s", _("the pack has no items"));
    loader_node_mark(root, MARK_CONTENT);
  } else if (L->answer_error) {
    // The balance cannot be judged until every answer is readable.
  } else if (real == 0) {
    loader_report(L, DIAG_ERROR, line, "%s",
                  _("the pack has no real items; with one kind of answer it teaches players to always give it"));
  } else if (fabricated == 0) {
    loader_report(L, DIAG_ERROR, line, "%s",
                  _("the pack has no fabricated items; with one kind of answer it teaches players to always give it"));
  } else if (real * 4 < p->item_count || fabricated * 4 < p->item_count) {
    loader_report(
        L, DIAG_WARNING, line,
        _("the pack has %zu real and %zu fabricated items; a lopsided pack rewards always giving the same answer"),
        real, fabricated);
  } else if (!L->assessment && fabricated > real) {
    loader_report(L, DIAG_WARNING, line,
                  _("the pack has %zu fabricated and %zu real items; practice with more fakes than real headlines "
                    "teaches distrust, not discernment"),
                  fabricated, real);
  }
  if (round && p->round_questions > 0 && (size_t)p->round_questions > p->item_count) {
    loader_report(L, DIAG_WARNING, loader_node_line(round),
                  _("the round asks for %d questions but the pack has only %zu items"), p->round_questions,
                  p->item_count);
  }
}

void loader_check_pack(Loader *L, xmlNode *root) {
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
        loader_report(L, DIAG_ERROR, loader_node_line(c), _("the pack has more than %d items"), PACK_MAX_ITEMS);
        L->too_many = true;
        return;
      }
      if (L->dropped_errors > 0) {
        L->too_many = true;  // past the cap: the rest is not worth checking
        L->stopped = true;
        return;
      }
      check_item(L, c);
    } else if (strcmp(cn, "title") == 0 && !has_title) {
      has_title = true;
      p->title = nonempty_text(L, c, N_("<title>"), false, PACK_MAX_TITLE_CHARS);
    } else if (strcmp(cn, "description") == 0 && !has_description) {
      has_description = true;
      p->description = nonempty_text(L, c, N_("<description>"), true, PACK_MAX_DESCRIPTION_CHARS);
    } else if (strcmp(cn, "author") == 0 && !has_author) {
      has_author = true;
      p->author = nonempty_text(L, c, N_("<author>"), false, PACK_MAX_NAME_CHARS);
    } else if (strcmp(cn, "license") == 0 && !has_license) {
      has_license = true;
      p->license = nonempty_text(L, c, N_("<license>"), false, PACK_MAX_NAME_CHARS);
    } else if (strcmp(cn, "round") == 0 && !round) {
      round = c;
      p->round_questions = int_attr(L, c, "questions", MARK_ATTR_QUESTIONS, 1, PACK_MAX_ROUND_QUESTIONS);
      p->round_seconds = int_attr(L, c, "seconds", MARK_ATTR_SECONDS, PACK_MIN_ROUND_SECONDS, PACK_MAX_ROUND_SECONDS);
      p->round_real_percent = real_share_attr(L, c);
    }
  }
  if (!has_title) {
    loader_report(L, DIAG_ERROR, loader_node_line(root), "%s", _("the pack has no <title>"));
    loader_node_mark(root, MARK_CONTENT);
  }
  if (!has_description) {
    loader_report(L, DIAG_ERROR, loader_node_line(root), "%s", _("the pack has no <description>"));
    loader_node_mark(root, MARK_CONTENT);
  }
  check_balance(L, root, round);
  if (!L->answer_error) {
    check_pairs(L);
  }
}
