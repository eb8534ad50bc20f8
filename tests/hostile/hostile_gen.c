// Writes the hostile pack files of issue #11 into a folder, one file per
// case, named after the case. Made at test time (nothing large is committed):
//   hostile_gen OUTDIR SECRET_PATH
// SECRET_PATH is a local file the external-entity and XInclude cases point at;
// the test proves its content never appears in any output.

#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *outdir;
static const char *secret;

static FILE *open_case(const char *name) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s.xml", outdir, name);
  FILE *f = fopen(path, "wb");
  if (!f) {
    fprintf(stderr, "hostile_gen: cannot create %s: %s\n", path, strerror(errno));
    exit(2);
  }
  return f;
}

static void close_case(FILE *f) {
  if (fclose(f) != 0) {
    fprintf(stderr, "hostile_gen: write error: %s\n", strerror(errno));
    exit(2);
  }
}

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define ROOT_OPEN "<quizpack xmlns=\"urn:prebunk:quizpack:1\" id=\"hostile\" version=\"1\" xml:lang=\"en\">\n"
#define META "<title>Hostile</title>\n<description>A hostile pack.</description>\n"
#define ITEM_REAL                                                                                                 \
  "<item id=\"r1\" answer=\"real\"><headline>A real headline</headline>"                                          \
  "<source outlet=\"Outlet\" date=\"2020-01-01\" url=\"https://example.org/a\"/><explanation>Real.</explanation>" \
  "</item>\n"
#define ITEM_FAB                                                                     \
  "<item id=\"f1\" answer=\"fabricated\"><headline>A fabricated headline</headline>" \
  "<explanation>Fabricated.</explanation><technique>emotion</technique></item>\n"

static void text_case(const char *name, const char *text) {
  FILE *f = open_case(name);
  fputs(text, f);
  close_case(f);
}

static void entity_cases(void) {
  FILE *f = open_case("xxe-local");
  fprintf(f,
          HEAD "<!DOCTYPE quizpack [<!ENTITY s SYSTEM \"file://%s\">]>\n" ROOT_OPEN META
               "<item id=\"r1\" answer=\"real\"><headline>&s;</headline></item>\n</quizpack>\n",
          secret);
  close_case(f);
  text_case("xxe-network",
            HEAD "<!DOCTYPE quizpack [<!ENTITY s SYSTEM \"http://127.0.0.1:9/secret\">]>\n" ROOT_OPEN META
                 "<item id=\"r1\" answer=\"real\"><headline>&s;</headline></item>\n</quizpack>\n");
  f = open_case("parameter-entity");
  fprintf(f, HEAD "<!DOCTYPE quizpack [<!ENTITY %% p SYSTEM \"file://%s\"> %%p;]>\n" ROOT_OPEN META "</quizpack>\n",
          secret);
  close_case(f);
  f = open_case("billion-laughs");
  fputs(HEAD "<!DOCTYPE quizpack [<!ENTITY l0 \"lol\">\n", f);
  for (int i = 1; i < 10; i++) {
    fprintf(f, "<!ENTITY l%d \"&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;\">\n", i, i - 1, i - 1, i - 1, i - 1,
            i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
  }
  fputs("]>\n" ROOT_OPEN "<title>&l9;</title></quizpack>\n", f);
  close_case(f);
  f = open_case("quadratic-blowup");
  fputs(HEAD "<!DOCTYPE quizpack [<!ENTITY a \"", f);
  for (int i = 0; i < 50000; i++) {
    fputc('a', f);
  }
  fputs("\">]>\n" ROOT_OPEN "<title>", f);
  for (int i = 0; i < 50000; i++) {
    fputs("&a;", f);
  }
  fputs("</title></quizpack>\n", f);
  close_case(f);
  f = open_case("xinclude");
  fprintf(f,
          HEAD ROOT_OPEN META
          "<item id=\"r1\" answer=\"real\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"><headline><xi:include "
          "href=\"%s\" parse=\"text\"/></headline>"
          "<source outlet=\"O\" date=\"2020\"/><explanation>x</explanation></item>\n" ITEM_FAB "</quizpack>\n",
          secret);
  close_case(f);
}

static void size_cases(void) {
  FILE *f = open_case("deep-nesting");
  fputs(HEAD ROOT_OPEN META, f);
  for (int i = 0; i < 100000; i++) {
    fputs("<a>", f);
  }
  for (int i = 0; i < 100000; i++) {
    fputs("</a>", f);
  }
  fputs("</quizpack>\n", f);
  close_case(f);
  // 200,000 attributes on one element, about 2.2 MB.
  f = open_case("many-attributes");
  fputs(HEAD "<quizpack xmlns=\"urn:prebunk:quizpack:1\" id=\"hostile\" version=\"1\" xml:lang=\"en\"", f);
  for (int i = 0; i < 200000; i++) {
    fprintf(f, " a%d=\"\"", i);
  }
  fputs(">\n" META ITEM_REAL ITEM_FAB "</quizpack>\n", f);
  close_case(f);
  f = open_case("many-namespaces");
  fputs(HEAD "<quizpack xmlns=\"urn:prebunk:quizpack:1\" id=\"hostile\" version=\"1\" xml:lang=\"en\"", f);
  for (int i = 0; i < 100000; i++) {
    fprintf(f, " xmlns:p%d=\"urn:x:%d\"", i, i);
  }
  fputs(">\n" META ITEM_REAL ITEM_FAB "</quizpack>\n", f);
  close_case(f);
  // An item with 200,000 unknown techniques.
  f = open_case("many-techniques");
  fputs(HEAD ROOT_OPEN META ITEM_REAL
        "<item id=\"f1\" answer=\"fabricated\"><headline>H</headline>"
        "<explanation>E.</explanation>\n",
        f);
  for (int i = 0; i < 200000; i++) {
    fprintf(f, "<technique>no-such-%d</technique>\n", i);
  }
  fputs("</item>\n</quizpack>\n", f);
  close_case(f);
  // About 13 MB and 900,000 problems: 75,000 items with 12 unknown elements each.
  f = open_case("many-errors");
  fputs(HEAD ROOT_OPEN META ITEM_REAL ITEM_FAB, f);
  for (int i = 0; i < 75000; i++) {
    fprintf(f, "<item id=\"e%d\" answer=\"fabricated\"><headline>H</headline><explanation>E.</explanation>", i);
    for (int k = 0; k < 12; k++) {
      fputs("<z>x</z>", f);
    }
    fputs("</item>\n", f);
  }
  fputs("</quizpack>\n", f);
  close_case(f);
  // A 20 MB headline.
  f = open_case("huge-headline");
  fputs(HEAD ROOT_OPEN META "<item id=\"r1\" answer=\"real\"><headline>", f);
  for (int i = 0; i < 20 * 1024; i++) {
    for (int k = 0; k < 1024; k++) {
      fputc('a' + k % 26, f);
    }
  }
  fputs("</headline></item>\n</quizpack>\n", f);
  close_case(f);
  // 200 MB, sparse: a valid start, then holes (NUL bytes) the disk never stores.
  f = open_case("huge-sparse");
  fputs(HEAD ROOT_OPEN META, f);
  fflush(f);
  if (ftruncate(fileno(f), 200L * 1024 * 1024) != 0) {
    fprintf(stderr, "hostile_gen: ftruncate: %s\n", strerror(errno));
    exit(2);
  }
  close_case(f);
}

static void encoding_cases(void) {
  text_case("invalid-utf8", HEAD ROOT_OPEN "<title>caf\xC3\x28</title>\n</quizpack>\n");
  FILE *f = open_case("nul-byte");
  fputs(HEAD ROOT_OPEN "<title>a", f);
  fputc('\0', f);
  fputs("b</title>\n</quizpack>\n", f);
  close_case(f);
  const char *ascii = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" ROOT_OPEN META "</quizpack>\n";
  for (int bom = 0; bom < 2; bom++) {
    f = open_case(bom ? "utf16-bom" : "utf16-no-bom");
    if (bom) {
      fputs("\xFF\xFE", f);
    }
    for (const char *p = ascii; *p; p++) {
      fputc(*p, f);
      fputc('\0', f);
    }
    close_case(f);
  }
}

static void shape_cases(void) {
  text_case("truncated", HEAD ROOT_OPEN META "<item id=\"r1\" answer=\"real\"><headline>A real hea");
  text_case("empty", "");
  text_case("garbage",
            "\x7f"
            "ELF\x02\x01\x01 this is not XML at all {}[]<<>>&&\n");
  text_case("wrong-root", HEAD "<html xmlns=\"urn:prebunk:quizpack:1\"><body/></html>\n");
  text_case("wrong-namespace", HEAD
            "<quizpack xmlns=\"urn:evil:1\" id=\"hostile\" version=\"1\" xml:lang=\"en\">\n" META ITEM_REAL ITEM_FAB
            "</quizpack>\n");
  text_case("duplicate-ids", HEAD ROOT_OPEN META ITEM_REAL ITEM_FAB
            "<item id=\"f1\" answer=\"fabricated\"><headline>Another</headline>"
            "<explanation>Fabricated.</explanation><technique>emotion</technique></item>\n</quizpack>\n");
  text_case("duplicate-ids-charref", HEAD ROOT_OPEN META ITEM_REAL ITEM_FAB
            "<item id=\"&#102;&#x31;\" answer=\"fabricated\"><headline>Another</headline>"
            "<explanation>Fabricated.</explanation><technique>emotion</technique></item>\n</quizpack>\n");
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: hostile_gen OUTDIR SECRET_PATH\n");
    return 2;
  }
  outdir = argv[1];
  secret = argv[2];
  if (mkdir(outdir, 0755) != 0 && errno != EEXIST) {
    fprintf(stderr, "hostile_gen: cannot create %s: %s\n", outdir, strerror(errno));
    return 2;
  }
  entity_cases();
  size_cases();
  encoding_cases();
  shape_cases();
  return 0;
}
