// prebunk scores: prints the score history kept by the game, as an aligned
// table or as RFC 4180 CSV. Read-only: it never creates, migrates or repairs
// the database, and it can run while the game is playing.

// wcwidth() is XSI: _XOPEN_SOURCE comes from the build (game/CMakeLists.txt),
// since base/harmful.h is included before this file's first line.

#include "cli/cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "base/i18n.h"
#include "base/str.h"
#include "base/utf8.h"
#include "cli/cli_util.h"
#include "store/store.h"

typedef struct ScoresOptions {
  const char *data_dir;
  const char *pack_id;
  const char *player;
  bool csv;
  bool answers;
} ScoresOptions;

static void scores_usage(FILE *out) {
  fputs(_("Usage: prebunk scores [--data-dir DIR] [--pack ID] [--player NAME] [--csv] [--answers]\n"
          "\n"
          "Print the score history, oldest round first.\n"
          "\n"
          "Options:\n"
          "  --data-dir DIR   read the scores kept in DIR (default: the user's data folder)\n"
          "  --pack ID        only rounds of the pack with this id\n"
          "  --player NAME    only rounds of this player (case does not matter)\n"
          "  --csv            write CSV (RFC 4180) instead of a table\n"
          "  --answers        one row per answer instead of one row per round\n"
          "  -h, --help       show this help and exit\n"
          "\n"
          "Exit status: 0 success, 1 the scores cannot be read, 2 usage error.\n"),
        out);
}

static const CliCommand SCORES = {"scores", scores_usage};

// ---- formatting --------------------------------------------------------------

// "YYYY-MM-DD HH:MM" in the user's time zone, for people reading a table.
static void format_local(int64_t ms, char *buf, size_t size) {
  time_t t = (time_t)(ms / 1000);
  struct tm tm;
  if (ms <= 0 || !localtime_r(&t, &tm) || strftime(buf, size, "%Y-%m-%d %H:%M", &tm) == 0) {
    snprintf(buf, size, "-");
  }
}

// ISO 8601 UTC with milliseconds, for CSV read by programs; "" when unset.
static void format_utc(int64_t ms, char *buf, size_t size) {
  time_t t = (time_t)(ms / 1000);
  struct tm tm;
  char base[32];
  if (ms <= 0 || !gmtime_r(&t, &tm) || strftime(base, sizeof base, "%Y-%m-%dT%H:%M:%S", &tm) == 0) {
    buf[0] = '\0';
    return;
  }
  snprintf(buf, size, "%s.%03dZ", base, (int)(ms % 1000));
}

static const char *status_label(StoreRoundStatus status) {
  switch (status) {
  case STORE_ROUND_COMPLETED:
    return _("completed");
  case STORE_ROUND_ABANDONED:
    return _("abandoned");
  case STORE_ROUND_IN_PROGRESS:
    break;
  }
  return _("in progress");
}

static const char *verdict_label(StoreVerdict verdict) {
  switch (verdict) {
  case STORE_VERDICT_REAL:
    return _("real");
  case STORE_VERDICT_FABRICATED:
    return _("fabricated");
  case STORE_VERDICT_NONE:
    break;
  }
  return _("(no answer)");
}

// ---- CSV (RFC 4180) ------------------------------------------------------------

// A field is quoted when it holds a comma, a quote, CR or LF; quotes inside
// are doubled. Records end with CRLF.
static void csv_field(FILE *out, const char *raw, bool first) {
  if (!first) {
    fputc(',', out);
  }
  // Terminal and bidi controls shown as escapes ("\u202e"), as on the table.
  char *s = utf8_escape_terminal(raw);
  if (!s[strcspn(s, ",\"\r\n")]) {
    fputs(s, out);
    free(s);
    return;
  }
  fputc('"', out);
  for (const char *p = s; *p; p++) {
    if (*p == '"') {
      fputc('"', out);
    }
    fputc(*p, out);
  }
  fputc('"', out);
  free(s);
}

static void csv_row(FILE *out, const char *const *fields, size_t count) {
  for (size_t i = 0; i < count; i++) {
    csv_field(out, fields[i], i == 0);
  }
  fputs("\r\n", out);
}

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

// Column names are a stable machine interface: not translated.
static const char *const ROUND_CSV_HEADER[] = {"round_id",    "started_utc",  "ended_utc", "player",
                                               "pack_id",     "pack_version", "questions", "seconds_per_question",
                                               "speed_bonus", "seed",         "score",     "answered",
                                               "correct",     "timed_out",    "status"};
static const char *const ANSWER_CSV_HEADER[] = {"round_id", "player",      "pack_id",    "question",
                                                "item_id",  "truth",       "given",      "correct",
                                                "points",   "response_ms", "techniques", "answered_utc"};

static void csv_rounds(FILE *out, const StoreRoundList *rounds) {
  csv_row(out, ROUND_CSV_HEADER, COUNT_OF(ROUND_CSV_HEADER));
  for (size_t i = 0; i < rounds->count; i++) {
    const StoreRound *r = &rounds->items[i];
    char id[24], started[40], ended[40], version[16], questions[16], seconds[16], seed[24], score[16], answered[16],
        correct[16], timed_out[16];
    snprintf(id, sizeof id, "%lld", (long long)r->id);
    format_utc(r->started_ms, started, sizeof started);
    format_utc(r->ended_ms, ended, sizeof ended);
    snprintf(version, sizeof version, "%d", r->pack_version);
    snprintf(questions, sizeof questions, "%d", r->questions);
    snprintf(seconds, sizeof seconds, "%d", r->seconds_per_question);
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)r->seed);
    snprintf(score, sizeof score, "%d", r->score);
    snprintf(answered, sizeof answered, "%d", r->answered);
    snprintf(correct, sizeof correct, "%d", r->correct);
    snprintf(timed_out, sizeof timed_out, "%d", r->timed_out);
    const char *fields[] = {id,
                            started,
                            ended,
                            r->player_name,
                            r->pack_id,
                            version,
                            questions,
                            seconds,
                            r->speed_bonus ? "1" : "0",
                            seed,
                            score,
                            answered,
                            correct,
                            timed_out,
                            store_round_status_name(r->status)};
    csv_row(out, fields, COUNT_OF(fields));
  }
}

static void csv_answers(FILE *out, const StoreAnswerList *answers) {
  csv_row(out, ANSWER_CSV_HEADER, COUNT_OF(ANSWER_CSV_HEADER));
  for (size_t i = 0; i < answers->count; i++) {
    const StoreAnswer *a = &answers->items[i];
    char id[24], question[16], points[16], response[16], at[40];
    snprintf(id, sizeof id, "%lld", (long long)a->round_id);
    snprintf(question, sizeof question, "%d", a->position + 1);
    snprintf(points, sizeof points, "%d", a->points);
    snprintf(response, sizeof response, "%d", a->response_ms);
    format_utc(a->answered_ms, at, sizeof at);
    const char *fields[] = {id,
                            a->player_name,
                            a->pack_id,
                            question,
                            a->item_id,
                            store_verdict_name(a->truth),
                            store_verdict_name(a->given),
                            a->correct ? "1" : "0",
                            points,
                            response,
                            a->techniques,
                            at};
    csv_row(out, fields, COUNT_OF(fields));
  }
}

// ---- aligned table -------------------------------------------------------------

typedef struct Table {
  size_t cols;
  char **cells;  // rows * cols, owned; row 0 is the header
  size_t rows;
  size_t cap;
  const bool *right;  // per column: right-align (numbers)
} Table;

// Terminal columns taken by a UTF-8 string: wide (CJK) characters count 2,
// combining marks 0; bytes that are not UTF-8 count 1 each.
static size_t display_width(const char *s) {
  size_t w = 0, len = strlen(s);
  for (size_t i = 0; i < len;) {
    size_t adv;
    int32_t cp = utf8_decode(s + i, len - i, &adv);
    if (cp == UTF8_INVALID) {
      w++;  // adv is 1: the bad byte alone
    } else {
      int cw = wcwidth((wchar_t)cp);
      w += cw < 0 ? 1 : (size_t)cw;
    }
    i += adv;
  }
  return w;
}

// Control characters (a newline in a pack id) would break the alignment.
static char *table_text(const char *s) {
  char *t = xstrdup(s);
  for (char *p = t; *p; p++) {
    if ((unsigned char)*p < 0x20 || *p == 0x7F) {
      *p = ' ';
    }
  }
  return t;
}

static void table_add(Table *t, const char *const *cells) {
  t->cells = xgrow(t->cells, &t->cap, (t->rows + 1) * t->cols, sizeof *t->cells);
  for (size_t c = 0; c < t->cols; c++) {
    t->cells[t->rows * t->cols + c] = table_text(cells[c]);
  }
  t->rows++;
}

static void table_print(FILE *out, Table *t) {
  size_t *width = xcalloc(t->cols, sizeof *width);
  for (size_t r = 0; r < t->rows; r++) {
    for (size_t c = 0; c < t->cols; c++) {
      size_t w = display_width(t->cells[r * t->cols + c]);
      if (w > width[c]) {
        width[c] = w;
      }
    }
  }
  for (size_t r = 0; r < t->rows; r++) {
    StrBuf line = {0};
    for (size_t c = 0; c < t->cols; c++) {
      const char *cell = t->cells[r * t->cols + c];
      size_t pad = width[c] - display_width(cell);
      if (c > 0) {
        strbuf_append(&line, "  ");
      }
      if (t->right[c]) {
        strbuf_appendf(&line, "%*s%s", (int)pad, "", cell);
      } else {
        strbuf_appendf(&line, "%s%*s", cell, c + 1 < t->cols ? (int)pad : 0, "");
      }
    }
    cli_printf(out, "%s\n", line.data);
    strbuf_free(&line);
  }
  free(width);
  for (size_t i = 0; i < t->rows * t->cols; i++) {
    free(t->cells[i]);
  }
  free(t->cells);
}

static void table_rounds(FILE *out, const StoreRoundList *rounds) {
  static const bool right[] = {false, false, false, true, true, false};
  Table t = {.cols = COUNT_OF(right), .right = right};
  const char *header[] = {_("Date"), _("Player"), _("Pack"), _("Score"), _("Correct"), _("Status")};
  table_add(&t, header);
  for (size_t i = 0; i < rounds->count; i++) {
    const StoreRound *r = &rounds->items[i];
    char date[40], score[16], correct[32];
    format_local(r->started_ms, date, sizeof date);
    snprintf(score, sizeof score, "%d", r->score);
    snprintf(correct, sizeof correct, "%d/%d", r->correct, r->answered);
    const char *row[] = {date, r->player_name, r->pack_id, score, correct, status_label(r->status)};
    table_add(&t, row);
  }
  table_print(out, &t);
}

static void table_answers(FILE *out, const StoreAnswerList *answers) {
  static const bool right[] = {false, false, false, true, false, false, false, true, true};
  Table t = {.cols = COUNT_OF(right), .right = right};
  const char *header[] = {_("Date"),  _("Player"), _("Pack"),   _("#"),      _("Item"),
                          _("Truth"), _("Answer"), _("Points"), _("Seconds")};
  table_add(&t, header);
  for (size_t i = 0; i < answers->count; i++) {
    const StoreAnswer *a = &answers->items[i];
    char date[40], question[16], points[16], seconds[32];
    format_local(a->answered_ms, date, sizeof date);
    snprintf(question, sizeof question, "%d", a->position + 1);
    snprintf(points, sizeof points, "%d", a->points);
    snprintf(seconds, sizeof seconds, "%d.%01d", a->response_ms / 1000, (a->response_ms % 1000) / 100);
    const char *row[] = {
        date,   a->player_name, a->pack_id, question, a->item_id, verdict_label(a->truth), verdict_label(a->given),
        points, seconds};
    table_add(&t, row);
  }
  table_print(out, &t);
}

// ---- the command -----------------------------------------------------------------

static int scores_print(Store *store, const ScoresOptions *o, bool no_database) {
  StoreFilter filter = {.pack_id = o->pack_id, .player_name = o->player, .oldest_first = true};
  StoreRoundList rounds = {0};
  StoreAnswerList answers = {0};
  char *err = NULL;
  bool ok = o->answers ? store_answers(store, &filter, &answers, &err) : store_rounds(store, &filter, &rounds, &err);
  if (!ok) {
    cli_printf(stderr, _("prebunk scores: error: cannot read the scores: %s\n"), err);
    free(err);
    return 1;
  }
  size_t count = o->answers ? answers.count : rounds.count;
  if (o->csv) {
    // Even an empty history is valid CSV: the header line alone.
    if (o->answers) {
      csv_answers(stdout, &answers);
    } else {
      csv_rounds(stdout, &rounds);
    }
  } else if (count == 0) {
    if (no_database || (!o->pack_id && !o->player)) {
      puts(_("No scores yet: play a round and your results will appear here."));
    } else {
      puts(_("No scores match these filters."));
    }
  } else if (o->answers) {
    table_answers(stdout, &answers);
  } else {
    table_rounds(stdout, &rounds);
  }
  store_round_list_free(&rounds);
  store_answer_list_free(&answers);
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fputs(_("prebunk scores: error: cannot write the output\n"), stderr);
    return 1;
  }
  return 0;
}

int cmd_scores(int argc, char **argv, const char *data_dir) {
  enum { OPT_DATA_DIR = 256, OPT_PACK, OPT_PLAYER, OPT_CSV, OPT_ANSWERS };
  static const struct option longopts[] = {
      {"help", no_argument, NULL, 'h'},
      {"data-dir", required_argument, NULL, OPT_DATA_DIR},
      {"pack", required_argument, NULL, OPT_PACK},
      {"player", required_argument, NULL, OPT_PLAYER},
      {"csv", no_argument, NULL, OPT_CSV},
      {"answers", no_argument, NULL, OPT_ANSWERS},
      {NULL, 0, NULL, 0},
  };
  ScoresOptions o = {.data_dir = data_dir};
  cli_getopt_reset();
  int c;
  while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
    switch (c) {
    case 'h':
      scores_usage(stdout);
      return 0;
    case OPT_DATA_DIR:
      o.data_dir = optarg;
      break;
    case OPT_PACK:
      o.pack_id = optarg;
      break;
    case OPT_PLAYER:
      o.player = optarg;
      break;
    case OPT_CSV:
      o.csv = true;
      break;
    case OPT_ANSWERS:
      o.answers = true;
      break;
    default:  // ':' or '?'
      return cli_getopt_error(&SCORES, c, argv);
    }
  }
  if (optind < argc) {
    return cli_unexpected_argument(&SCORES, argv[optind]);
  }

  // An explicit folder is only read, never created; the default one is
  // the game's own (paths_user_dir creates it, as the game would).
  char *dir = o.data_dir ? xstrdup(o.data_dir) : paths_user_dir(NULL);
  if (!dir) {
    return 1;
  }
  StoreOpenResult res;
  // Names as stored: what the table and the CSV print is escaped
  // (cli_printf, csv_field), so a bidi control shows as "\u202e".
  Store *store = store_open(dir, &(StoreOptions){.query_only = true, .raw_names = true}, &res);
  free(dir);
  int status;
  switch (res.status) {
  case STORE_OPEN_OK:
  case STORE_OPEN_MISSING:
    status = scores_print(store, &o, res.status == STORE_OPEN_MISSING);
    break;
  default: {
    char *msg = store_open_result_message(&res);
    cli_printf(stderr, _("prebunk scores: error: %s\n"), msg);
    if (res.detail && !(res.status == STORE_OPEN_UNREADABLE && !res.read_errno)) {  // else in the message
      cli_printf(stderr, "prebunk scores: %s\n", res.detail);
    }
    free(msg);
    status = 1;
    break;
  }
  }
  store_close(store);
  store_open_result_clear(&res);
  return status;
}
