// prebunk import-moodle / import-csv: convert what educators already have
// (a Moodle question bank export, a spreadsheet) into a quiz pack.

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/fs.h"
#include "base/i18n.h"
#include "base/str.h"
#include "cli/cli.h"
#include "cli/cli_util.h"
#include "quiz/diag.h"
#include "quiz/import_csv.h"
#include "quiz/import_moodle.h"
#include "quiz/pack_load.h"
#include "quiz/pack_write.h"

typedef enum ImportFormat {
  IMPORT_MOODLE,
  IMPORT_CSV,
} ImportFormat;

typedef struct ImportArgs {
  const char *in;
  const char *out;
  const char *id;
  const char *title;
  const char *description;
  const char *lang;
  bool force;
} ImportArgs;

static void usage_moodle(FILE *f) {
  fputs(_("Usage: prebunk import-moodle IN.xml -o OUT.xml [OPTION]...\n"
          "Convert the true/false questions of a Moodle XML export into a quiz pack.\n"
          "\n"
          "  -o, --output FILE     the pack to write (required)\n"
          "      --id ID           pack id: letters, digits, '-' and '_'\n"
          "                        (default: the output file name without .xml)\n"
          "      --title TEXT      pack title (default: the first question category,\n"
          "                        else the input file name)\n"
          "      --description TEXT  pack description (default: the first category's\n"
          "                        description, else \"Imported from IN.xml.\")\n"
          "      --lang LANG       language of the questions, e.g. en, fr, pt-BR (default: en)\n"
          "      --force           replace OUT.xml if it exists (without it an existing\n"
          "                        pack, perhaps edited by hand, is never overwritten)\n"
          "  -h, --help            show this help and exit\n"
          "\n"
          "What carries over: the question text becomes the headline (HTML reduced to\n"
          "plain text); the correct answer 'true' means real, 'false' fabricated; the\n"
          "general feedback and the answers' feedback become the explanation (repeats\n"
          "left out, and so are verdicts on the student's choice such as \"Correct!\" or\n"
          "\"Wrong.\" at the start of an answer's feedback, since everyone reads it);\n"
          "the question name gives the item id; categories and Moodle tags become tags.\n"
          "Images and embedded files are left out with a warning. Other question types\n"
          "(multichoice, essay, ...) are skipped and counted.\n"
          "\n"
          "Moodle has no field for where and when a real headline was published, and\n"
          "the importer does not guess. Write it in the question's general feedback (or\n"
          "an answer's feedback) as a paragraph of its own:\n"
          "  Source: The Guardian, 2016-04-17, https://www.theguardian.com/...\n"
          "(the outlet, then the date as YYYY-MM-DD, YYYY-MM or YYYY, then an optional\n"
          "http:// or https:// address, separated by commas). It becomes the item's\n"
          "<source> and is left out of the explanation; a Source line that does not fit\n"
          "this form is a warning at its line and gives no source. Give fabricated items\n"
          "one too (where they circulated). A Moodle tag such as 'technique:fake-expert'\n"
          "names a technique the headline uses (see quizzes/README.md).\n"
          "\n"
          "A real item without a Source line gets a warning: add one in Moodle and import\n"
          "again, or add\n"
          "  <source outlet=\"...\" date=\"YYYY-MM-DD\"/>\n"
          "after its <headline>. The same goes for a question without feedback (write\n"
          "its <explanation>) and for a bank whose questions are all true or all false\n"
          "(add items of the other kind). The pack is written anyway, so nothing you\n"
          "wrote in Moodle is lost; the last line of output says whether it is ready to\n"
          "play, judged exactly as 'prebunk validate --strict OUT.xml' judges it (its\n"
          "problems are listed above that line).\n"
          "\n"
          "Exit status: 0 the pack was written and is ready to play;\n"
          "             1 the pack was written but is NOT ready to play (the last line\n"
          "               says what is missing), or nothing could be imported (then\n"
          "               nothing was written and the last line says so);\n"
          "             2 usage error.\n"),
        f);
}

static void usage_csv(FILE *f) {
  fputs(_("Usage: prebunk import-csv IN.csv -o OUT.xml [OPTION]...\n"
          "Convert a spreadsheet saved as CSV (\"CSV UTF-8\") into a quiz pack.\n"
          "\n"
          "  -o, --output FILE     the pack to write (required)\n"
          "      --id ID           pack id: letters, digits, '-' and '_'\n"
          "                        (default: the output file name without .xml)\n"
          "      --title TEXT      pack title (default: the input file name)\n"
          "      --description TEXT  pack description (default: \"Imported from IN.csv.\")\n"
          "      --lang LANG       language of the headlines, e.g. en, fr, pt-BR (default: en)\n"
          "      --force           replace OUT.xml if it exists (without it an existing\n"
          "                        pack, perhaps edited by hand, is never overwritten)\n"
          "  -h, --help            show this help and exit\n"
          "\n"
          "The first row names the columns, in any order, in any case:\n"
          "  headline, answer, explanation   required\n"
          "  outlet, date                    required on rows whose answer is real\n"
          "  url, techniques, tip, tags, id  optional; other columns are ignored\n"
          "answer: real or fabricated (true is read as real; false and fake as\n"
          "fabricated). date: YYYY-MM-DD, YYYY-MM or YYYY; 17/04/2016 is refused, since\n"
          "countries order day and month differently. techniques: names such as\n"
          "emotion or fake-expert, separated by ';', ',' or spaces. tags: separated by\n"
          "';' or ','. A line break in an explanation or tip starts a paragraph. Rows\n"
          "without an id get one made from the headline. quizzes/template.csv is a\n"
          "template to start from.\n"
          "\n"
          "IN may also be an Excel workbook (.xlsx): its first sheet is read.\n"
          "Kahoot's quiz template (.xlsx, or saved as CSV) is recognised by its header row\n"
          "(Question, Answer 1-4, Time limit, Correct answer): its true/false questions\n"
          "(two answers reading as true/false or real/fake) become items, every other\n"
          "row is skipped with a warning at its line; Kahoot has no explanation or\n"
          "source, so the pack is written for you to complete (NOT READY until then).\n"
          "\n"
          "The spreadsheet has a column for everything a pack needs, so problems are\n"
          "fixed there: every problem is listed as IN.csv:LINE (the line where the\n"
          "row starts) and nothing is written until there are none.\n"
          "\n"
          "The written pack is then checked exactly as 'prebunk validate --strict'\n"
          "checks it (warnings count, e.g. a real headline without url): the last line\n"
          "says 'OUT.xml is ready to play', or NOT READY with what is left to do.\n"
          "\n"
          "Exit status: 0 the pack was written and is ready to play;\n"
          "             1 the spreadsheet has problems (nothing written), or the pack\n"
          "               was written but is NOT ready to play;\n"
          "             2 usage error.\n"),
        f);
}

static void usage(ImportFormat format, FILE *f) {
  if (format == IMPORT_MOODLE) {
    usage_moodle(f);
  } else {
    usage_csv(f);
  }
}

// BCP 47 in the shape the game needs: a 2-8 letter language, then subtags.
static bool lang_valid(const char *lang) {
  size_t first = strspn(lang, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
  if (first < 2 || first > 8) {
    return false;
  }
  const char *p = lang + first;
  while (*p) {
    if (*p != '-') {
      return false;
    }
    p++;
    size_t n = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
    if (n < 1 || n > 8) {
      return false;
    }
    p += n;
  }
  return true;
}

// Parses the command line; returns -1 to go on, else the exit status.
static int parse_args(ImportFormat format, int argc, char **argv, ImportArgs *a) {
  enum { OPT_ID = 256, OPT_TITLE, OPT_DESCRIPTION, OPT_LANG, OPT_FORCE };
  static const struct option longopts[] = {
      {"help", no_argument, NULL, 'h'},
      {"output", required_argument, NULL, 'o'},
      {"id", required_argument, NULL, OPT_ID},
      {"title", required_argument, NULL, OPT_TITLE},
      {"description", required_argument, NULL, OPT_DESCRIPTION},
      {"lang", required_argument, NULL, OPT_LANG},
      {"force", no_argument, NULL, OPT_FORCE},
      {NULL, 0, NULL, 0},
  };
  // The full help is long: a usage error ends with a hint to ask for it.
  const CliCommand command = {.name = argv[0]};
  *a = (ImportArgs){.lang = "en"};
  cli_getopt_reset();
  int c;
  while ((c = getopt_long(argc, argv, ":ho:", longopts, NULL)) != -1) {
    switch (c) {
    case 'h':
      usage(format, stdout);
      return 0;
    case 'o':
      a->out = optarg;
      break;
    case OPT_ID:
      a->id = optarg;
      break;
    case OPT_TITLE:
      a->title = optarg;
      break;
    case OPT_DESCRIPTION:
      a->description = optarg;
      break;
    case OPT_LANG:
      a->lang = optarg;
      break;
    case OPT_FORCE:
      a->force = true;
      break;
    default:  // ':' or '?'
      return cli_getopt_error(&command, c, argv);
    }
  }
  if (optind >= argc) {
    return cli_usage_error(
        &command, "%s",
        format == IMPORT_MOODLE ? _("no input file (the Moodle XML export)") : _("no input file (the CSV file)"));
  }
  a->in = argv[optind++];
  if (optind < argc) {
    return cli_unexpected_argument(&command, argv[optind]);
  }
  if (!a->out || !*a->out) {
    return cli_usage_error(&command, "%s", _("no output file: give one with -o OUT.xml"));
  }
  if (a->id && !pack_id_valid(a->id)) {
    return cli_usage_error(&command, _("--id '%s': use 1 to %d letters, digits, '-' and '_'"), a->id,
                           PACK_MAX_ID_CHARS);
  }
  if (!lang_valid(a->lang)) {
    return cli_usage_error(&command, _("--lang '%s' is not a language tag such as en, fr or pt-BR"), a->lang);
  }
  if (a->title && (str_is_blank(a->title) || !str_utf8_valid(a->title, strlen(a->title)))) {
    return cli_usage_error(&command, "%s", _("--title needs some text"));
  }
  if (a->description && (str_is_blank(a->description) || !str_utf8_valid(a->description, strlen(a->description)))) {
    return cli_usage_error(&command, "%s", _("--description needs some text"));
  }
  return -1;
}

static bool same_file(const char *a, const char *b) {
  struct stat sa, sb;
  return a && b && stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

// "media-literacy_week2.csv" -> "media literacy week2": a title of last resort.
static char *title_from_path(const char *path) {
  char *t = xstrdup(fs_basename(path));
  char *dot = strrchr(t, '.');
  if (dot && dot != t) {
    *dot = '\0';
  }
  for (char *p = t; *p; p++) {
    if (*p == '-' || *p == '_') {
      *p = ' ';
    }
  }
  str_squash_space(t);
  if (!*t || !str_utf8_valid(t, strlen(t))) {
    free(t);
    t = xstrdup(_("Imported questions"));
  }
  return t;
}

// Fills in what the importer leaves to the command line.
static bool apply_metadata(Pack *pack, const ImportArgs *a, const char *cmd) {
  char *id;
  if (a->id) {
    id = xstrdup(a->id);
  } else {
    char *name = xstrdup(fs_basename(a->out));
    if (str_ends_with(name, ".xml")) {
      name[strlen(name) - 4] = '\0';
    }
    id = pack_id_from_text(name, PACK_MAX_ID_CHARS);
    free(name);
    if (!*id) {
      fprintf(stderr, _("prebunk %s: cannot make a pack id from '%s': give one with --id\n"), cmd, a->out);
      free(id);
      return false;
    }
  }
  free(pack->id);
  pack->id = id;
  free(pack->lang);
  pack->lang = xstrdup(a->lang);
  pack->version = 1;
  pack->kind = PACK_KIND_PRACTICE;
  if (a->title) {
    free(pack->title);
    pack->title = str_squash_space(xstrdup(a->title));
  } else if (!pack->title) {
    pack->title = title_from_path(a->in);
  }
  if (a->description) {
    free(pack->description);
    pack->description = str_trim(xstrdup(a->description));
  } else if (!pack->description) {
    const char *base = fs_basename(a->in);
    pack->description = str_utf8_valid(base, strlen(base)) ? xasprintf(_("Imported from %s."), base)
                                                           : xstrdup(_("Imported questions."));
  }
  return true;
}

// "read Kahoot's quiz template (header on line 5); skipped 3 rows that are
// not true/false questions (see the warnings above)", or NULL. Owned.
static char *csv_skipped_text(const CsvReport *csv) {
  if (!csv->kahoot) {
    return NULL;
  }
  StrBuf b = {0};
  strbuf_appendf(&b, _("read Kahoot's quiz template (header on line %d)"), csv->kahoot_header_line);
  if (csv->skipped) {
    strbuf_append(&b, "; ");
    strbuf_appendf(&b,
                   ngettext("skipped %zu row that is not a true/false question (see the warnings above)",
                            "skipped %zu rows that are not true/false questions (see the warnings above)",
                            (unsigned long)csv->skipped),
                   csv->skipped);
  }
  return strbuf_take(&b);
}

static void print_summary(const Pack *pack, const char *out, const char *skipped) {
  size_t real = pack_count_answer(pack, PACK_ANSWER_REAL), fab = pack_count_answer(pack, PACK_ANSWER_FABRICATED);
  printf(ngettext("wrote %s: %zu item (%zu real, %zu fabricated)", "wrote %s: %zu items (%zu real, %zu fabricated)",
                  (unsigned long)pack->item_count),
         out, pack->item_count, real, fab);
  if (skipped) {
    printf("; %s", skipped);
  }
  putchar('\n');
}

// What an importer knows the pack still needs from its author.
typedef struct ImportTodo {
  size_t need_source, need_explanation, too_long;
  bool one_sided;
} ImportTodo;

// That list for the NOT READY line; "" when there is nothing on it. Owned.
static char *todo_text(const ImportTodo *moodle, const Pack *pack) {
  StrBuf todo = {0};
  strbuf_append(&todo, "");
  if (moodle->need_source) {
    strbuf_appendf(&todo,
                   ngettext("%zu real item needs its source (outlet and date)",
                            "%zu real items need their source (outlet and date)", (unsigned long)moodle->need_source),
                   moodle->need_source);
  }
  if (moodle->need_explanation) {
    strbuf_appendf(&todo,
                   ngettext("%s%zu item needs an explanation", "%s%zu items need an explanation",
                            (unsigned long)moodle->need_explanation),
                   todo.len ? ", " : "", moodle->need_explanation);
  }
  if (moodle->one_sided) {
    strbuf_appendf(
        &todo, "%s%s", todo.len ? ", " : "",
        pack_count_answer(pack, PACK_ANSWER_REAL) ? _("it needs fabricated items") : _("it needs real items"));
  }
  if (moodle->too_long) {
    strbuf_appendf(
        &todo,
        ngettext("%s%zu item has text to shorten", "%s%zu items have text to shorten", (unsigned long)moodle->too_long),
        todo.len ? ", " : "", moodle->too_long);
  }
  return strbuf_take(&todo);
}

// The last line of an import whose pack is not ready: what is missing, from
// the importer when it knows, else the count of what validate --strict found.
static void print_not_ready(const char *cmd, const char *out, const char *todo, const DiagList *check) {
  char *reasons =
      *todo ? xstrdup(todo)
            : xasprintf(ngettext("%zu problem that 'prebunk validate --strict' reports",
                                 "%zu problems that 'prebunk validate --strict' reports", (unsigned long)check->errors),
                        check->errors);
  fprintf(stderr,
          _("prebunk %s: NOT READY: %s was written but cannot be played yet: %s (see above); complete it, then "
            "check it with 'prebunk validate --strict %s'\n"),
          cmd, out, reasons, out);
  free(reasons);
}

// Writes the pack and says whether it is ready to play, judged by exactly
// the check of `prebunk validate --strict` (pack_load_memory_strict) on the
// bytes written. Returns the exit status.
static int write_and_judge(ImportFormat format, const Pack *pack, const ImportArgs *a, const ImportTodo *todo_of,
                           const char *skipped) {
  const char *cmd = format == IMPORT_MOODLE ? "import-moodle" : "import-csv";
  char *err = NULL;
  char *xml = pack_write_xml_checked(pack, &err);
  DiagList check = {0};
  bool loads = false;
  Pack *reloaded = xml ? pack_load_memory_strict(a->out, xml, strlen(xml), &check, &loads) : NULL;
  bool ready = reloaded != NULL;
  pack_destroy(reloaded);
  char *todo = todo_text(todo_of, pack);
  int status = 1;
  if (!xml) {
    fprintf(stderr, "prebunk %s: %s\n", cmd, err);
  } else if (!loads && !*todo) {
    // Not something the importer knew about: show the loader's verdict
    // rather than write a pack that does not load.
    diag_print(&check, stderr);
    fprintf(stderr, _("prebunk %s: the converted pack does not validate; nothing was written\n"), cmd);
  } else if (!fs_write_atomic(a->out, xml, strlen(xml), &err)) {
    fprintf(stderr, "prebunk %s: %s\n", cmd, err);
  } else {
    // Every problem validate --strict would print, once, about OUT.xml.
    diag_print(&check, stderr);
    print_summary(pack, a->out, skipped);
    // The verdict below (stderr) must come last, even when both streams
    // go to one file and stdout is fully buffered.
    fflush(stdout);
    // Success means a pack the game can play: a script chaining the import
    // with the game (or an educator checking $?) must not take a pack the
    // game refuses for done. It is written all the same, so nothing typed
    // in Moodle is lost; the last line says which case this is.
    if (ready) {
      printf(_("%s is ready to play\n"), a->out);
      status = 0;
    } else {
      print_not_ready(cmd, a->out, todo, &check);
    }
  }
  free(todo);
  diag_clear(&check);
  free(xml);
  free(err);
  return status;
}

static int run(ImportFormat format, int argc, char **argv) {
  const char *cmd = argv[0];
  ImportArgs a;
  int status = parse_args(format, argc, argv, &a);
  if (status >= 0) {
    return status;
  }
  if (same_file(a.in, a.out)) {
    fprintf(stderr, _("prebunk %s: the output %s is the input file; choose another name\n"), cmd, a.out);
    return 1;
  }
  if (fs_exists(a.out) && !a.force) {
    fprintf(stderr,
            _("prebunk %s: %s already exists; nothing was written (use --force to replace it, or choose another "
              "name)\n"),
            cmd, a.out);
    return 1;
  }

  DiagList diags = {0};
  MoodleReport moodle = {0};
  CsvReport csv = {0};
  Pack *pack =
      format == IMPORT_MOODLE ? import_moodle_file(a.in, &moodle, &diags) : import_csv_file(a.in, &csv, &diags);
  diag_print(&diags, stderr);
  status = 1;
  if (!pack) {
    fprintf(stderr, _("prebunk %s: nothing was written\n"), cmd);
  } else if (apply_metadata(pack, &a, cmd)) {
    ImportTodo todo = {moodle.need_source + csv.need_source, moodle.need_explanation + csv.need_explanation,
                       moodle.too_long, moodle.one_sided || csv.one_sided};
    char *skipped = format == IMPORT_MOODLE ? moodle_report_skipped_text(&moodle) : csv_skipped_text(&csv);
    status = write_and_judge(format, pack, &a, &todo, skipped);
    free(skipped);
  }
  pack_destroy(pack);
  moodle_report_clear(&moodle);
  diag_clear(&diags);
  pack_loader_shutdown();
  return status;
}

int cmd_import_moodle(int argc, char **argv) {
  return run(IMPORT_MOODLE, argc, argv);
}

int cmd_import_csv(int argc, char **argv) {
  return run(IMPORT_CSV, argc, argv);
}
