// What Moodle feedback says, sorted out: verdicts on the student's choice
// dropped, parts combined without repeats, "Source:" lines read (see
// import_moodle_int.h).

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
char *moodle_combine_feedback(char *const *parts, size_t count) {
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

bool moodle_fraction_is_full(const char *s) {
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
        if (!moodle_is_ws(*p)) {
          break;
        }
        while (moodle_is_ws(*p)) {
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
char *moodle_strip_verdict(char *text) {
  const char *p = text;
  for (;;) {
    while (moodle_is_ws(*p)) {
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
bool moodle_has_prefix_nocase(const char *s, const char *prefix) {
  for (; *prefix; s++, prefix++) {
    char c = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;
    if (c != *prefix) {
      return false;
    }
  }
  return true;
}

/* ---- "Source:" lines ---- */

void moodle_sources_clear(Sources *src) {
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
    if (moodle_is_ws(*p)) {
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
  xmlNodePtr t = moodle_child(field, "text");
  const xmlNode *holder = t ? t : field;
  return (MentionCursor){.raw = moodle_content_of(holder), .line = moodle_line_of(holder)};
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
  if (moodle_has_prefix_nocase(s, "www.")) {
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
  while (tail > 0 && !moodle_is_ws(s[tail - 1])) {
    tail--;
  }
  size_t gap = tail;
  while (gap > 0 && moodle_is_ws(s[gap - 1])) {
    gap--;
  }
  for (size_t i = gap > 0 && s[gap - 1] == ',' ? gap - 1 : tail; i < end && !url; i++) {
    const char *after = s + i + 1;
    while (moodle_is_ws(*after)) {
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
  } else if (moodle_utf8_chars(outlet) > PACK_MAX_NAME_CHARS || (url && moodle_utf8_chars(url) > PACK_MAX_URL_CHARS)) {
    bool long_outlet = moodle_utf8_chars(outlet) > PACK_MAX_NAME_CHARS;
    diag_add(im->diags, DIAG_WARNING, im->name, line,
             _("question '%s': the %s in its Source line has %zu characters, more than the %d a pack allows; no "
               "source was taken"),
             label, long_outlet ? _("outlet") : _("url"), moodle_utf8_chars(long_outlet ? outlet : url),
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
void moodle_take_sources(Import *im, const xmlNode *field, char *text, const char *label, Sources *src) {
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
  // What is kept is never longer than `text`, so this never cuts.
  str_copy(text, strlen(text) + 1, kept.data ? kept.data : "");
  strbuf_free(&kept);
}

static bool same_or_both_null(const char *a, const char *b) {
  return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

// Gives the item the source its Source lines agree on (none when they
// disagree: which one is right is the author's call).
void moodle_apply_sources(Import *im, const char *label, const Sources *src, PackItem *it) {
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

char *moodle_take_tip(char *text) {
  if (!text) {
    return NULL;
  }
  for (char *para = text; *para;) {
    const char *p = para;
    while (*p == ' ') {
      p++;
    }
    if (moodle_has_prefix_nocase(p, "tip:")) {
      char *tip = str_trim(xstrdup(p + strlen("tip:")));
      // The explanation ends before the tip.
      *para = '\0';
      str_trim(text);
      if (!*tip) {
        free(tip);
        return NULL;
      }
      return tip;
    }
    size_t len = strcspn(para, "\n");
    para += len + (para[len] == '\n');
  }
  return NULL;
}
