#include "quiz/import_csv.h"

#include <csv.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/str.h"
#include "quiz/import_kahoot.h"
#include "quiz/import_xlsx.h"
#include "quiz/pack_load.h"
#include "quiz/pack_rules.h"
#include "quiz/pack_write.h"

enum {
  CSV_ID_LEN = 48,  // ids made from headlines, leaving room for "-2"
};

typedef enum CsvColumn {
  COL_HEADLINE,
  COL_ANSWER,
  COL_OUTLET,
  COL_DATE,
  COL_URL,
  COL_EXPLANATION,
  COL_TECHNIQUES,
  COL_TIP,
  COL_TAGS,
  COL_ID,
  COL_COUNT,
  COL_UNKNOWN = -1,
} CsvColumn;

static const char *const column_names[COL_COUNT] = {
    [COL_HEADLINE] = "headline",
    [COL_ANSWER] = "answer",
    [COL_OUTLET] = "outlet",
    [COL_DATE] = "date",
    [COL_URL] = "url",
    [COL_EXPLANATION] = "explanation",
    [COL_TECHNIQUES] = "techniques",
    [COL_TIP] = "tip",
    [COL_TAGS] = "tags",
    [COL_ID] = "id",
};

static CsvColumn column_from_name(const char *name) {
  for (int c = 0; c < COL_COUNT; c++) {
    if (str_casecmp(name, column_names[c]) == 0) {
      return (CsvColumn)c;
    }
  }
  if (str_casecmp(name, "technique") == 0) {
    return COL_TECHNIQUES;
  }
  if (str_casecmp(name, "tag") == 0) {
    return COL_TAGS;
  }
  return COL_UNKNOWN;
}

typedef struct CsvImport {
  const char *name;
  const char *data;  // the whole input (after the BOM)
  size_t len;
  DiagList *diags;
  CsvReport *report;
  Pack *pack;
  PackIdSet *ids;
  // The record being read.
  char **fields;
  size_t field_count;
  size_t field_cap;
  int line;             // physical line of the segment being parsed
  int record_line;      // line where the current record starts
  int last_end_line;    // line where the last complete record ended
  size_t last_end_pos;  // offset just after that line
  // The header.
  bool have_header;
  int *columns;  // CsvColumn of each field index
  size_t column_count;
  int column_at[COL_COUNT];  // field index of each known column, -1 if absent
  bool header_ok;            // the required columns are there
  bool told_missing_source_columns;
  bool told_too_many;
  size_t records;  // records seen, blank ones and the header included
  // Kahoot's template: its header is record number kahoot_header (1-based).
  size_t kahoot_header;  // 0: not Kahoot's template
  KahootImport kahoot;
} CsvImport;

static void err_at(CsvImport *im, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void err_at(CsvImport *im, int line, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *msg = xvasprintf(fmt, ap);
  va_end(ap);
  diag_add(im->diags, DIAG_ERROR, im->name, line, "%s", msg);
  free(msg);
}

static size_t utf8_chars(const char *s) {
  size_t n = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    n += (*p & 0xC0) != 0x80;
  }
  return n;
}

// Line breaks inside a cell: CRLF, LF or a lone CR count as one.
static int count_breaks(const char *s, size_t len) {
  int n = 0;
  for (size_t i = 0; i < len; i++) {
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == len || s[i + 1] != '\n'))) {
      n++;
    }
  }
  return n;
}

static void on_field(void *s, size_t len, void *data) {
  CsvImport *im = data;
  if (im->field_count == 0) {
    // libcsv reports a field when its delimiter is read, on line im->line;
    // the record began as many lines earlier as the first cell has breaks.
    im->record_line = im->line - count_breaks(s, len);
  }
  im->fields = xgrow(im->fields, &im->field_cap, im->field_count + 1, sizeof *im->fields);
  im->fields[im->field_count++] = xstrndup(s ? s : "", len);
}

static void clear_fields(CsvImport *im) {
  for (size_t i = 0; i < im->field_count; i++) {
    free(im->fields[i]);
  }
  im->field_count = 0;
}

/* ---- cells ---- */

// `s` with each U+2028 (a line break inside an .xlsx cell, see
// import_xlsx.h) replaced by `with`. Owned.
static char *line_breaks_as(const char *s, const char *with) {
  StrBuf b = {0};
  strbuf_append(&b, "");
  for (const char *hit; (hit = strstr(s, "\xE2\x80\xA8")) != NULL; s = hit + 3) {
    strbuf_append_n(&b, s, (size_t)(hit - s));
    strbuf_append(&b, with);
  }
  strbuf_append(&b, s);
  return strbuf_take(&b);
}

// A one-line cell: white space runs (line breaks too) become one space.
static char *cell_line(const char *s) {
  return str_squash_space(line_breaks_as(s, " "));
}

// A cell that may hold paragraphs: each line break starts one.
static char *cell_paragraphs(const char *cell) {
  char *text = line_breaks_as(cell, "\n");
  const char *s = text;
  StrBuf b = {0};
  strbuf_append(&b, "");
  const char *p = s;
  while (*p) {
    size_t n = strcspn(p, "\r\n");
    char *line = str_squash_space(xstrndup(p, n));
    if (*line) {
      if (b.len) {
        strbuf_append_char(&b, '\n');
      }
      strbuf_append(&b, line);
    }
    free(line);
    p += n;
    while (*p == '\r' || *p == '\n') {
      p++;
    }
  }
  free(text);
  return strbuf_take(&b);
}

static bool parse_answer(const char *s, PackAnswer *out) {
  if (str_casecmp(s, "real") == 0 || str_casecmp(s, "true") == 0) {
    *out = PACK_ANSWER_REAL;
    return true;
  }
  if (str_casecmp(s, "fabricated") == 0 || str_casecmp(s, "fake") == 0 || str_casecmp(s, "false") == 0) {
    *out = PACK_ANSWER_FABRICATED;
    return true;
  }
  return false;
}

// Techniques as words: lower-cased, '_' read as '-'.
static char **split_words(const char *s, const char *seps, size_t *count) {
  char **words = NULL;
  *count = 0;
  const char *p = s;
  while (*p) {
    p += strspn(p, seps);
    size_t n = strcspn(p, seps);
    if (n == 0) {
      break;
    }
    char *w = str_squash_space(xstrndup(p, n));
    if (*w) {
      words = xrealloc(words, (*count + 1) * sizeof *words);
      words[(*count)++] = w;
    } else {
      free(w);
    }
    p += n;
  }
  return words;
}

static void free_words(char **words, size_t count) {
  for (size_t i = 0; i < count; i++) {
    free(words[i]);
  }
  free(words);
}

static bool read_techniques(CsvImport *im, int line, const char *cell, TechniqueSet *out) {
  size_t count;
  char **words = split_words(cell, ";, \t\r\n", &count);
  for (size_t i = 0; i < count; i++) {
    for (char *c = words[i]; *c; c++) {
      *c = *c == '_' ? '-' : (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
    }
  }
  bool ok = true;
  for (size_t i = 0; i < count; i++) {
    Technique t;
    if (technique_from_name(words[i], &t)) {
      *out |= 1u << t;
      continue;
    }
    // "fake expert", "misleading statistic": two words meant as one name.
    if (i + 1 < count) {
      char *joined = xasprintf("%s-%s", words[i], words[i + 1]);
      bool found = technique_from_name(joined, &t);
      free(joined);
      if (found) {
        *out |= 1u << t;
        i++;
        continue;
      }
    }
    const char *hint = technique_suggest(words[i]);
    if (hint) {
      err_at(im, line, _("unknown technique '%s' (did you mean '%s'?)"), words[i], hint);
    } else {
      StrBuf names = {0};
      for (int k = 0; k < TECHNIQUE_COUNT; k++) {
        strbuf_appendf(&names, "%s%s", k ? ", " : "", technique_name((Technique)k));
      }
      err_at(im, line, _("unknown technique '%s'; the techniques are: %s"), words[i], names.data);
      strbuf_free(&names);
    }
    ok = false;
  }
  free_words(words, count);
  return ok;
}

// Control characters other than tab and line breaks cannot be written to XML.
static bool cell_clean(CsvImport *im, int line, const char *cell, const char *column) {
  for (const unsigned char *p = (const unsigned char *)cell; *p; p++) {
    if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == 0x7F) {
      err_at(im, line, _("column '%s' holds a control character (byte 0x%02X), which a pack cannot contain"), column,
             *p);
      return false;
    }
  }
  return true;
}

static const char *cell(const CsvImport *im, CsvColumn c) {
  int i = im->column_at[c];
  return i >= 0 && (size_t)i < im->field_count ? im->fields[i] : "";
}

static bool too_long(CsvImport *im, int line, const char *column, const char *text, size_t max) {
  size_t n = utf8_chars(text);
  if (n <= max) {
    return false;
  }
  err_at(im, line, _("column '%s' has %zu characters; the limit is %zu"), column, n, max);
  return true;
}

/* ---- rows ---- */

static bool row_blank(const CsvImport *im) {
  for (size_t i = 0; i < im->field_count; i++) {
    if (!str_is_blank(im->fields[i])) {
      return false;
    }
  }
  return true;
}

static void read_header(CsvImport *im, int line) {
  im->have_header = true;
  im->columns = xcalloc(im->field_count, sizeof *im->columns);
  im->column_count = im->field_count;
  for (size_t i = 0; i < im->field_count; i++) {
    char *name = str_squash_space(xstrdup(im->fields[i]));
    CsvColumn c = column_from_name(name);
    im->columns[i] = c;
    if (c == COL_UNKNOWN) {
      if (*name) {
        const char *best = NULL;
        for (int k = 0; k < COL_COUNT && !best; k++) {
          if (str_edit_distance(name, column_names[k], 2) <= 2) {
            best = column_names[k];
          }
        }
        if (best) {
          diag_add(im->diags, DIAG_WARNING, im->name, line, _("unknown column '%s' ignored (did you mean '%s'?)"), name,
                   best);
        } else {
          diag_add(im->diags, DIAG_WARNING, im->name, line, _("unknown column '%s' ignored"), name);
        }
      }
    } else if (im->column_at[c] >= 0) {
      err_at(im, line, _("column '%s' appears twice"), column_names[c]);
    } else {
      im->column_at[c] = (int)i;
    }
    free(name);
  }
  static const CsvColumn required[] = {COL_HEADLINE, COL_ANSWER, COL_EXPLANATION};
  im->header_ok = true;
  for (size_t r = 0; r < sizeof required / sizeof required[0]; r++) {
    if (im->column_at[required[r]] < 0) {
      err_at(im, line, _("missing column '%s': the first row must name the columns, e.g. %s"),
             column_names[required[r]], "headline,answer,outlet,date,url,explanation,techniques,tip");
      im->header_ok = false;
    }
  }
}

// The row's cells fit the header and hold no control character.
static bool row_cells_ok(CsvImport *im, int line) {
  for (size_t i = 0; i < im->field_count; i++) {
    if (i >= im->column_count) {
      if (!str_is_blank(im->fields[i])) {
        err_at(im, line,
               _("this row has %zu cells but the first row names %zu columns (is a cell with a comma not "
                 "in quotes?)"),
               im->field_count, im->column_count);
        return false;
      }
    } else if (im->columns[i] >= 0 && !cell_clean(im, line, im->fields[i], column_names[im->columns[i]])) {
      return false;  // ignored columns may hold anything
    }
  }
  return true;
}

// The date cell's shape, and a real headline's outlet and date.
static void check_source_cells(CsvImport *im, int line, bool real, const char *outlet, const char *date) {
  if (*date) {
    switch (pack_rules_date(date)) {
    case PACK_DATE_OK:
      break;
    case PACK_DATE_AMBIGUOUS:
      err_at(im, line,
             _("date '%s' is ambiguous (day and month come in different orders in different countries): write it "
               "as YYYY-MM-DD, e.g. 2016-04-17"),
             date);
      break;
    case PACK_DATE_NO_SUCH_DAY:
      err_at(im, line, _("date '%s' does not exist"), date);
      break;
    case PACK_DATE_BAD:
      err_at(im, line, _("date '%s' is not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY"), date);
      break;
    }
  }
  if (real) {
    bool no_outlet_col = im->column_at[COL_OUTLET] < 0, no_date_col = im->column_at[COL_DATE] < 0;
    if (no_outlet_col || no_date_col) {
      if (!im->told_missing_source_columns) {
        im->told_missing_source_columns = true;
        err_at(im, line,
               _("this headline is real, but there is no '%s' column: a real headline needs the outlet that "
                 "published it and the date"),
               no_outlet_col ? "outlet" : "date");
      }
    } else if (!*outlet && !*date) {
      err_at(im, line, "%s", _("this headline is real: fill in its outlet and date (where and when it was published)"));
    } else if (!*outlet) {
      err_at(im, line, "%s", _("this headline is real: fill in its outlet (where it was published)"));
    } else if (!*date) {
      err_at(im, line, "%s", _("this headline is real: fill in its date (when it was published)"));
    }
  }
  too_long(im, line, "outlet", outlet, PACK_MAX_NAME_CHARS);
}

// Moves a row's texts into the item (headline, outlet, date, url,
// explanation, tip, in that order); an empty optional one stays out (NULL).
// Each string taken is set to NULL in the row.
static void take_texts(PackItem *it, char **texts[6]) {
  char **slots[] = {&it->headline, &it->outlet, &it->date, &it->url, &it->explanation, &it->tip};
  for (size_t i = 0; i < 6; i++) {
    bool required = i == 0 || i == 4;
    if (required || **texts[i]) {
      *slots[i] = *texts[i];
      *texts[i] = NULL;
    }
  }
}

// The row's own id, claimed (owned); NULL when it has none or a bad one
// (reported).
static char *claim_id(CsvImport *im, int line, const char *id) {
  char *claimed = NULL;
  if (*id) {
    if (!pack_id_valid(id)) {
      err_at(im, line, _("id '%s' may only use letters, digits, '-' and '_' (at most %d)"), id, PACK_MAX_ID_CHARS);
    } else {
      claimed = pack_id_set_claim(im->ids, id);
      if (strcmp(claimed, id) != 0) {
        err_at(im, line, _("id '%s' is used by an earlier row"), id);
      }
    }
  }
  return claimed;
}

static void read_row(CsvImport *im, int line) {
  im->report->rows++;
  if (!im->header_ok) {
    return;  // the header's errors say it all
  }
  if (im->pack->item_count >= PACK_MAX_ITEMS) {
    if (!im->told_too_many) {
      im->told_too_many = true;
      err_at(im, line, _("more than %d rows; a pack holds at most %d items"), PACK_MAX_ITEMS, PACK_MAX_ITEMS);
    }
    return;
  }
  size_t errors_before = im->diags->errors;
  if (!row_cells_ok(im, line)) {
    return;
  }

  char *headline = cell_line(cell(im, COL_HEADLINE));
  char *answer_text = cell_line(cell(im, COL_ANSWER));
  char *outlet = cell_line(cell(im, COL_OUTLET));
  char *date = cell_line(cell(im, COL_DATE));
  char *url = cell_line(cell(im, COL_URL));
  char *explanation = cell_paragraphs(cell(im, COL_EXPLANATION));
  char *tip = cell_paragraphs(cell(im, COL_TIP));
  char *id = cell_line(cell(im, COL_ID));
  PackAnswer answer = PACK_ANSWER_FABRICATED;
  TechniqueSet techniques = 0;

  if (!*headline) {
    err_at(im, line, "%s", _("the headline is empty"));
  } else {
    too_long(im, line, "headline", headline, PACK_MAX_HEADLINE_CHARS);
  }
  bool answer_ok = parse_answer(answer_text, &answer);
  if (!answer_ok) {
    err_at(im, line, _("answer '%s' is not 'real' or 'fabricated' ('true', 'false' and 'fake' are accepted too)"),
           answer_text);
  }
  check_source_cells(im, line, answer_ok && answer == PACK_ANSWER_REAL, outlet, date);
  if (*url) {
    if (!pack_rules_url_ok(url)) {
      err_at(im, line, _("url '%s' is not a web address starting with http:// or https://"), url);
    } else {
      too_long(im, line, "url", url, PACK_MAX_URL_CHARS);
    }
  }
  if (!*explanation) {
    err_at(im, line, "%s", _("the explanation is empty: say why the headline is real or fabricated"));
  } else {
    too_long(im, line, "explanation", explanation, PACK_MAX_EXPLANATION_CHARS);
  }
  too_long(im, line, "tip", tip, PACK_MAX_TIP_CHARS);
  read_techniques(im, line, cell(im, COL_TECHNIQUES), &techniques);
  size_t tag_count;
  char **tags = split_words(cell(im, COL_TAGS), ";,\r\n", &tag_count);
  if (tag_count > PACK_MAX_TAGS) {
    err_at(im, line, _("%zu tags; an item can have at most %d"), tag_count, PACK_MAX_TAGS);
  }
  for (size_t i = 0; i < tag_count; i++) {
    too_long(im, line, "tags", tags[i], PACK_MAX_TAG_CHARS);
  }
  char *claimed = claim_id(im, line, id);

  if (im->diags->errors == errors_before) {
    PackItem *it = pack_add_item(im->pack);
    it->id = claimed;  // rows without an id get one once all rows are read
    claimed = NULL;
    it->answer = answer;
    it->techniques = techniques;
    it->line = line;
    char **texts[] = {&headline, &outlet, &date, &url, &explanation, &tip};
    take_texts(it, texts);
    for (size_t i = 0; i < tag_count; i++) {
      bool seen = false;
      for (size_t k = 0; k < it->tag_count && !seen; k++) {
        seen = strcmp(it->tags[k], tags[i]) == 0;
      }
      if (!seen) {
        pack_item_add_tag(it, tags[i]);
      }
    }
  }
  free(claimed);
  free_words(tags, tag_count);
  free(headline);
  free(answer_text);
  free(outlet);
  free(date);
  free(url);
  free(explanation);
  free(tip);
  free(id);
}

static void on_record(int terminator, void *data) {
  (void)terminator;
  CsvImport *im = data;
  im->records++;
  int line = im->field_count ? im->record_line : im->line;
  if (im->kahoot_header && im->records < im->kahoot_header) {
    // Kahoot's instructions above its header row.
  } else if (im->kahoot_header && im->records == im->kahoot_header) {
    im->have_header = im->header_ok = true;
    im->report->kahoot_header_line = line;
    kahoot_read_header(&im->kahoot, im->fields, im->field_count);
  } else if (!row_blank(im)) {
    if (!im->have_header) {
      read_header(im, line);
    } else if (im->kahoot_header) {
      kahoot_read_row(&im->kahoot, im->name, line, im->fields, im->field_count, im->pack, im->report, im->diags);
    } else {
      read_row(im, line);
    }
  } else if (im->have_header) {
    im->report->blank_rows++;
  }
  clear_fields(im);
}

/* ---- the file ---- */

// The first line's separator: ';' or tab when the header has no comma.
static unsigned char detect_delimiter(const char *data, size_t len) {
  size_t n = 0, commas = 0, semis = 0, tabs = 0;
  bool quoted = false;
  for (; n < len && (quoted || (data[n] != '\n' && data[n] != '\r')); n++) {
    if (data[n] == '"') {
      quoted = !quoted;
    } else if (!quoted) {
      commas += data[n] == ',';
      semis += data[n] == ';';
      tabs += data[n] == '\t';
    }
  }
  if (commas == 0 && semis > 0) {
    return ';';
  }
  if (commas == 0 && semis == 0 && tabs > 0) {
    return '\t';
  }
  return ',';
}

static int space_only(unsigned char c) {
  return c == ' ';
}

static int space_or_tab(unsigned char c) {
  return c == ' ' || c == '\t';
}

// Refuses what is not UTF-8 text, naming the line of the first bad byte.
static bool check_text(CsvImport *im) {
  if (im->len >= 2 && (((unsigned char)im->data[0] == 0xFF && (unsigned char)im->data[1] == 0xFE) ||
                       ((unsigned char)im->data[0] == 0xFE && (unsigned char)im->data[1] == 0xFF))) {
    err_at(im, 1, "%s", _("the file is UTF-16 text: save the spreadsheet as \"CSV UTF-8\" instead"));
    return false;
  }
  int line = 1;
  size_t start = 0;
  for (size_t i = 0; i <= im->len; i++) {
    if (i < im->len && im->data[i] == '\0') {
      err_at(
          im, line, "%s",
          _("the file contains NUL bytes, so it is not UTF-8 text (UTF-16?): save the spreadsheet as \"CSV UTF-8\""));
      return false;
    }
    if (i == im->len || im->data[i] == '\n') {
      // No UTF-8 sequence contains a newline byte, so line by line is exact.
      if (!str_utf8_valid(im->data + start, i - start)) {
        err_at(im, line, "%s",
               _("this line is not valid UTF-8 text: save the spreadsheet as \"CSV UTF-8\" (Unicode) and import that"));
        return false;
      }
      line++;
      start = i + 1;
    }
  }
  return true;
}

// The line where an unfinished record starts: the first non-blank line after
// the last complete record.
static int unfinished_record_line(const CsvImport *im) {
  int line = im->last_end_line + 1;
  for (size_t i = im->last_end_pos; i < im->len; i++) {
    char c = im->data[i];
    if (c == '\n' || (c == '\r' && (i + 1 == im->len || im->data[i + 1] != '\n'))) {
      line++;
    } else if (c != ' ' && c != '\t' && c != '\r') {
      break;
    }
  }
  return line;
}

static void assign_ids(CsvImport *im) {
  for (size_t i = 0; i < im->pack->item_count; i++) {
    PackItem *it = &im->pack->items[i];
    if (it->id) {
      continue;
    }
    char *base = pack_id_from_text(it->headline, CSV_ID_LEN);
    if (!*base) {
      free(base);
      base = xasprintf("item-%d", it->line);
    }
    it->id = pack_id_set_claim(im->ids, base);
    free(base);
  }
}

// What only the whole file can tell, once every row was read without error.
static void check_whole(CsvImport *im) {
  size_t real = pack_count_answer(im->pack, PACK_ANSWER_REAL);
  if (!im->have_header) {
    err_at(im, 0, "%s", _("the file is empty: the first row must name the columns"));
  } else if (im->kahoot_header && im->pack->item_count == 0) {
    err_at(im, 0,
           ngettext("no true/false question to import from this Kahoot quiz (%zu row skipped, see above): packs are "
                    "made of real-or-fabricated items, so only questions answered true or false carry over",
                    "no true/false question to import from this Kahoot quiz (%zu rows skipped, see above): packs are "
                    "made of real-or-fabricated items, so only questions answered true or false carry over",
                    (unsigned long)im->report->skipped),
           im->report->skipped);
  } else if (im->kahoot_header) {
    kahoot_finish(&im->kahoot, im->name, im->pack, im->report, im->diags);
  } else if (im->pack->item_count == 0) {
    err_at(im, 0, "%s", _("there are no rows below the column names"));
  } else if (real == 0) {
    err_at(im, 0, "%s",
           _("no row is real: add real headlines too; with one kind of answer a pack teaches players to always "
             "give it"));
  } else if (real == im->pack->item_count) {
    err_at(im, 0, "%s",
           _("no row is fabricated: add fabricated headlines too; with one kind of answer a pack teaches players "
             "to always give it"));
  }
}

Pack *import_csv_memory(const char *name, const char *data, size_t len, CsvReport *report, DiagList *diags) {
  *report = (CsvReport){0};
  if (import_xlsx_sniff(data, len) && len <= PACK_MAX_FILE_BYTES) {
    // An .xlsx workbook: its first sheet as CSV text, row N on line N.
    size_t csv_len = 0;
    char *csv = import_xlsx_to_csv(name, data, len, &csv_len, diags);
    Pack *pack = csv ? import_csv_memory(name, csv, csv_len, report, diags) : NULL;
    free(csv);
    return pack;
  }
  size_t errors_before = diags->errors;
  CsvImport im = {.name = name, .data = data, .len = len, .diags = diags, .report = report};
  if (len > PACK_MAX_FILE_BYTES) {
    err_at(&im, 0, _("file is larger than the limit of %d bytes"), PACK_MAX_FILE_BYTES);
    return NULL;
  }
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
    im.data += 3;
    im.len -= 3;
  }
  if (!check_text(&im)) {
    return NULL;
  }
  for (int c = 0; c < COL_COUNT; c++) {
    im.column_at[c] = -1;
  }
  struct csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
    err_at(&im, 0, "%s", _("out of memory"));
    return NULL;
  }
  unsigned char delim = detect_delimiter(im.data, im.len);
  im.kahoot_header = kahoot_find_header(im.data, im.len, delim);
  report->kahoot = im.kahoot_header > 0;
  csv_set_delim(&parser, delim);
  csv_set_space_func(&parser, delim == '\t' ? space_only : space_or_tab);
  im.pack = pack_create();
  im.ids = pack_id_set_create();

  // Feed one physical line at a time so callbacks know the line they are on.
  size_t pos = 0;
  im.line = 1;
  bool parse_failed = false;
  while (pos < im.len) {
    size_t end = pos;
    while (end < im.len && im.data[end] != '\n' &&
           !(im.data[end] == '\r' && end + 1 < im.len && im.data[end + 1] != '\n')) {
      end++;
    }
    if (end < im.len) {
      end++;  // include the line break
    }
    size_t records_before = im.records;
    if (csv_parse(&parser, im.data + pos, end - pos, on_field, on_record, &im) != end - pos) {
      if (csv_error(&parser) == CSV_EPARSE) {
        err_at(&im, im.line, "%s",
               _("malformed CSV: a quote inside a cell that does not start with a quote, or text after a closing "
                 "quote; put the whole cell in quotes and double each quote inside it (\"\")"));
      } else {
        err_at(&im, im.line, "%s", csv_strerror(csv_error(&parser)));
      }
      parse_failed = true;
      break;
    }
    if (im.records != records_before) {
      im.last_end_line = im.line;
      im.last_end_pos = end;
    }
    pos = end;
    im.line++;
  }
  if (!parse_failed) {
    // What csv_fini still reports is the last record, when the file does
    // not end with a line break: it is on the last line.
    im.line = im.line > 1 ? im.line - 1 : 1;
    if (csv_fini(&parser, on_field, on_record, &im) != 0) {
      err_at(&im, unfinished_record_line(&im), "%s",
             _("a quoted cell is not closed: its closing quote (\") is missing"));
    }
  }
  csv_free(&parser);
  clear_fields(&im);
  free(im.fields);
  free(im.columns);

  if (diags->errors == errors_before) {
    check_whole(&im);
  }
  Pack *pack = im.pack;
  if (diags->errors > errors_before) {
    pack_destroy(pack);
    pack = NULL;
  } else {
    assign_ids(&im);
  }
  pack_id_set_destroy(im.ids);
  return pack;
}

static Pack *parse_csv(const char *name, const char *data, size_t len, void *report, DiagList *diags) {
  return import_csv_memory(name, data, len, report, diags);
}

Pack *import_csv_file(const char *path, CsvReport *report, DiagList *diags) {
  *report = (CsvReport){0};
  return pack_rules_parse_file(path, parse_csv, report, diags);
}
