#include "quiz/import_kahoot.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/str.h"
#include "quiz/pack_load.h"

// Header cells start with these (Kahoot writes "Question - max 120
// characters", "Time limit (sec) – 5, 10, 20, ...").
static const char *const HEADINGS[KAHOOT_COLUMN_COUNT] = {
    [KAHOOT_QUESTION] = "question",      [KAHOOT_ANSWER_1] = "answer 1", [KAHOOT_ANSWER_2] = "answer 2",
    [KAHOOT_ANSWER_3] = "answer 3",      [KAHOOT_ANSWER_4] = "answer 4", [KAHOOT_TIME_LIMIT] = "time limit",
    [KAHOOT_CORRECT] = "correct answer",
};

static bool starts_with_nocase(const char *s, const char *prefix) {
  for (; *prefix; s++, prefix++) {
    char c = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;
    if (c != *prefix) {
      return false;
    }
  }
  return true;
}

int kahoot_column(const char *header_cell) {
  char *s = str_squash_space(xstrdup(header_cell ? header_cell : ""));
  int found = -1;
  for (int c = 0; c < KAHOOT_COLUMN_COUNT && found < 0; c++) {
    size_t n = strlen(HEADINGS[c]);
    // A whole word: "Question" and "Question - max 120", not "Questionnaire".
    if (starts_with_nocase(s, HEADINGS[c]) && !(s[n] >= 'a' && s[n] <= 'z') && !(s[n] >= 'A' && s[n] <= 'Z') &&
        !(s[n] >= '0' && s[n] <= '9')) {
      found = c;
    }
  }
  free(s);
  return found;
}

bool kahoot_is_header(char *const *cells, size_t count) {
  bool seen[KAHOOT_COLUMN_COUNT] = {false};
  for (size_t i = 0; i < count; i++) {
    int c = kahoot_column(cells[i]);
    if (c >= 0) {
      seen[c] = true;
    }
  }
  return seen[KAHOOT_QUESTION] && seen[KAHOOT_ANSWER_1] && seen[KAHOOT_ANSWER_2] && seen[KAHOOT_CORRECT];
}

static const char *const TRUE_WORDS[] = {"true",    "real",      "fact",       "genuine", "yes",  "vrai", "wahr",
                                         "richtig", "verdadero", "verdadeiro", "vero",    "waar", "echt"};
static const char *const FALSE_WORDS[] = {"false", "fake", "fabricated", "made up", "made-up", "hoax",
                                          "no",    "faux", "falsch",     "falso",   "onwaar",  "nep"};

// 1 for a word that reads as true, 0 as false, -1 for anything else.
static int truth_of(const char *answer) {
  char *s = str_squash_space(xstrdup(answer));
  size_t n = strlen(s);
  while (n > 0 && (s[n - 1] == '.' || s[n - 1] == '!')) {
    s[--n] = '\0';
  }
  int truth = -1;
  for (size_t i = 0; i < sizeof TRUE_WORDS / sizeof TRUE_WORDS[0] && truth < 0; i++) {
    truth = str_casecmp(s, TRUE_WORDS[i]) == 0 ? 1 : -1;
  }
  for (size_t i = 0; i < sizeof FALSE_WORDS / sizeof FALSE_WORDS[0] && truth < 0; i++) {
    truth = str_casecmp(s, FALSE_WORDS[i]) == 0 ? 0 : -1;
  }
  free(s);
  return truth;
}

// The correct answer numbers: "2", "1,3", "1, 2" (1..4). Returns how many
// were listed, or -1 when the cell holds anything else.
static int correct_numbers(const char *cell, bool out[4]) {
  int count = 0;
  for (const char *p = cell; *p;) {
    if (*p == ' ' || *p == ',' || *p == ';' || *p == '\t') {
      p++;
      continue;
    }
    if (*p < '1' || *p > '4' || (p[1] >= '0' && p[1] <= '9')) {
      return -1;
    }
    if (!out[*p - '1']) {
      out[*p - '1'] = true;
      count++;
    }
    p++;
  }
  return count;
}

bool kahoot_true_false(const char *const answers[4], const char *correct, PackAnswer *answer, const char **why) {
  int given = 0, first = -1, second = -1;
  for (int i = 0; i < 4; i++) {
    if (!str_is_blank(answers[i])) {
      given++;
      if (first < 0) {
        first = i;
      } else if (second < 0) {
        second = i;
      }
    }
  }
  bool marked[4] = {false};
  int correct_count = correct_numbers(correct, marked);
  if (given != 2) {
    *why = given > 2 ? _("a multiple-choice question") : _("a question with fewer than two answers");
    return false;
  }
  int t1 = truth_of(answers[first]), t2 = truth_of(answers[second]);
  if (t1 < 0 || t2 < 0 || t1 == t2) {
    *why = _("its two answers do not read as true and false");
    return false;
  }
  if (correct_count != 1 || (!marked[first] && !marked[second])) {
    *why = correct_count < 0   ? _("its correct answer is not an answer number (1 to 4)")
           : correct_count > 1 ? _("it marks both answers correct")
                               : _("it marks neither of its answers correct");
    return false;
  }
  int truth = marked[first] ? t1 : t2;
  *answer = truth ? PACK_ANSWER_REAL : PACK_ANSWER_FABRICATED;
  return true;
}

void kahoot_read_header(KahootImport *k, char *const *cells, size_t count) {
  for (int c = 0; c < KAHOOT_COLUMN_COUNT; c++) {
    k->column_at[c] = -1;
  }
  for (size_t i = 0; i < count; i++) {
    int c = kahoot_column(cells[i]);
    if (c >= 0 && k->column_at[c] < 0) {
      k->column_at[c] = (int)i;
    }
  }
}

static const char *cell_at(const KahootImport *k, KahootColumn c, char *const *cells, size_t count) {
  int i = k->column_at[c];
  return i >= 0 && (size_t)i < count ? cells[i] : "";
}

// Text a pack can hold: no control character, within the headline limit.
static bool question_ok(const char *name, int line, const char *q, DiagList *diags) {
  for (const unsigned char *p = (const unsigned char *)q; *p; p++) {
    if (*p < 0x20 || *p == 0x7F) {
      diag_add(diags, DIAG_ERROR, name, line, _("the question holds a control character (byte 0x%02X)"), *p);
      return false;
    }
  }
  size_t chars = 0;
  for (const unsigned char *p = (const unsigned char *)q; *p; p++) {
    chars += (*p & 0xC0) != 0x80;
  }
  if (chars > PACK_MAX_HEADLINE_CHARS) {
    diag_add(diags, DIAG_ERROR, name, line, _("the question has %zu characters; a headline may have at most %d"), chars,
             PACK_MAX_HEADLINE_CHARS);
    return false;
  }
  return true;
}

// A question quoted in a message: cut after 60 characters (whole ones).
static char *label(const char *q) {
  size_t chars = 0, i = 0;
  for (; q[i] && chars < 60; i++) {
    chars += ((unsigned char)q[i] & 0xC0) != 0x80;
  }
  while (q[i] && ((unsigned char)q[i] & 0xC0) == 0x80) {
    i++;  // finish the last character
  }
  return q[i] ? xasprintf("%.*s...", (int)i, q) : xstrdup(q);
}

// The time limit cell in whole seconds, 0 when empty or not a number.
static int seconds_of(const char *cell) {
  long v = 0;
  char *s = str_squash_space(xstrdup(cell));
  if (!*s || !str_parse_long(s, 1, 100000, &v)) {
    v = 0;
  }
  free(s);
  return (int)v;
}

// A cell as one line: white space squashed, and a line break from an .xlsx
// cell (U+2028, see import_xlsx.h) read as a space. Owned.
static char *one_line(const char *cell) {
  char *s = xstrdup(cell);
  for (char *hit; (hit = strstr(s, "\xE2\x80\xA8")) != NULL;) {
    memset(hit, ' ', 3);
  }
  return str_squash_space(s);
}

void kahoot_read_row(KahootImport *k, const char *name, int line, char *const *cells, size_t count, Pack *pack,
                     CsvReport *report, DiagList *diags) {
  report->rows++;
  char *question = one_line(cell_at(k, KAHOOT_QUESTION, cells, count));
  char *answers[4];
  for (int i = 0; i < 4; i++) {
    answers[i] = one_line(cell_at(k, (KahootColumn)(KAHOOT_ANSWER_1 + i), cells, count));
  }
  PackAnswer answer = PACK_ANSWER_FABRICATED;
  const char *why = _("it has no question text");
  bool ok = *question &&
            kahoot_true_false((const char *const *)answers, cell_at(k, KAHOOT_CORRECT, cells, count), &answer, &why);
  if (!ok) {
    report->skipped++;
    char *shown = label(*question ? question : "?");
    diag_add(diags, DIAG_WARNING, name, line, _("row skipped: '%s' is not a true/false question (%s)"), shown, why);
    free(shown);
  } else if (question_ok(name, line, question, diags)) {
    PackItem *it = pack_add_item(pack);
    it->answer = answer;
    it->headline = question;
    question = NULL;
    it->line = line;
    bool real = answer == PACK_ANSWER_REAL;
    report->need_explanation++;
    report->need_source += real;
    diag_add(diags, DIAG_WARNING, name, line,
             real ? _("Kahoot has no explanation or source: write the <explanation> of this real headline and add "
                      "<source outlet=\"...\" date=\"YYYY-MM-DD\"/> before the pack can be used")
                  : _("Kahoot has no explanation: write the <explanation> of this fabricated headline (how to spot "
                      "it) before the pack can be used"));
    int secs = seconds_of(cell_at(k, KAHOOT_TIME_LIMIT, cells, count));
    if (k->seconds == 0) {
      k->seconds = secs;
      k->seconds_line = line;
    } else if (k->seconds != secs) {
      k->seconds = -1;
    }
  }
  for (int i = 0; i < 4; i++) {
    free(answers[i]);
  }
  free(question);
}

void kahoot_finish(const KahootImport *k, const char *name, Pack *pack, CsvReport *report, DiagList *diags) {
  if (pack->item_count == 0) {
    return;  // the caller says there is nothing to import
  }
  if (k->seconds >= PACK_MIN_ROUND_SECONDS && k->seconds <= PACK_MAX_ROUND_SECONDS) {
    pack->round_seconds = k->seconds;
  } else if (k->seconds > 0) {
    diag_add(diags, DIAG_WARNING, name, k->seconds_line,
             _("the time limit of %d s is outside the %d-%d s a pack allows: the pack sets none (players use their "
               "own setting)"),
             k->seconds, PACK_MIN_ROUND_SECONDS, PACK_MAX_ROUND_SECONDS);
  } else if (k->seconds < 0) {
    diag_add(diags, DIAG_WARNING, name, k->seconds_line, "%s",
             _("the questions have different time limits and a pack has one for all: the pack sets none (add "
               "<round seconds=\"...\"/> to choose one)"));
  }
  size_t real = pack_count_answer(pack, PACK_ANSWER_REAL);
  if (real == 0 || real == pack->item_count) {
    report->one_sided = true;
    diag_add(diags, DIAG_WARNING, name, 0, "%s",
             real ? _("every imported question is true (real): add fabricated items before the pack can be used")
                  : _("every imported question is false (fabricated): add real items before the pack can be used"));
  }
}

// Looking for Kahoot's header row among the first records.
typedef struct KahootScan {
  char **cells;
  size_t count, cap;
  size_t records;
  size_t header;  // record number of the header, 0 until found
} KahootScan;

enum { KAHOOT_SCAN_RECORDS = 50 };  // the template has a handful of instruction rows

static void scan_field(void *s, size_t len, void *data) {
  KahootScan *k = data;
  k->cells = xgrow(k->cells, &k->cap, k->count + 1, sizeof *k->cells);
  k->cells[k->count++] = xstrndup(s ? s : "", len);
}

static void scan_record(int terminator, void *data) {
  (void)terminator;
  KahootScan *k = data;
  k->records++;
  if (!k->header && kahoot_is_header(k->cells, k->count)) {
    k->header = k->records;
  }
  for (size_t i = 0; i < k->count; i++) {
    free(k->cells[i]);
  }
  k->count = 0;
}

// The record number of Kahoot's header row, or 0 when this is not its template.
size_t kahoot_find_header(const char *data, size_t len, unsigned char delim) {
  struct csv_parser parser;
  if (csv_init(&parser, 0) != 0) {
    return 0;
  }
  csv_set_delim(&parser, delim);
  KahootScan k = {0};
  // A line at a time, so the scan stops soon after the first records.
  for (size_t pos = 0; pos < len && !k.header && k.records < KAHOOT_SCAN_RECORDS;) {
    const char *nl = memchr(data + pos, '\n', len - pos);
    size_t end = nl ? (size_t)(nl - data) + 1 : len;
    if (csv_parse(&parser, data + pos, end - pos, scan_field, scan_record, &k) != end - pos) {
      break;  // the real pass reports it
    }
    pos = end;
  }
  if (!k.header) {
    csv_fini(&parser, scan_field, scan_record, &k);
  }
  csv_free(&parser);
  for (size_t i = 0; i < k.count; i++) {
    free(k.cells[i]);
  }
  free(k.cells);
  return k.header <= KAHOOT_SCAN_RECORDS ? k.header : 0;
}
