// prebunk_bench_load: how pack loading scales, and what it costs over bare
// parsing. Generates packs of two sizes in a temporary folder, loads each
// several times (best run counts) and prints items per second, the ratio of
// the large to the small load time (linear scaling gives about large/small),
// and the ratio of a full load to a floor measured in the same run: reading
// the file and xmlReadMemory alone, without validation, checks or copying.
//
//   prebunk_bench_load [--small N] [--large N] [--runs N]

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/fs.h"
#include "base/str.h"
#include "quiz/pack_load.h"

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

// A pack of `n` items shaped like the bundled ones (half real with a source,
// half fabricated with techniques, explanations of a few hundred characters).
static char *make_pack(size_t n) {
  StrBuf b = {0};
  strbuf_append(&b,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                "<quizpack xmlns=\"urn:prebunk:quizpack:1\" id=\"bench\" version=\"1\" xml:lang=\"en\">\n"
                "  <title>Benchmark</title>\n  <description>Generated.</description>\n"
                "  <round questions=\"10\" seconds=\"20\"/>\n");
  for (size_t i = 0; i < n; i++) {
    if (i % 2) {
      strbuf_appendf(
          &b,
          "  <item id=\"real-%zu\" answer=\"real\">\n"
          "    <headline>Council approves plan number %zu for the new cycle lanes on Main Street</headline>\n"
          "    <source outlet=\"The Daily Example\" date=\"2021-%02zu-%02zu\" "
          "url=\"https://news.example.org/2021/%zu/cycle-lanes\"/>\n"
          "    <explanation>Real. The council's own minutes record the vote, and two local papers\n"
          "      reported it the same week. Check the council's website for the decision and the\n"
          "      date; lateral reading finds the same story in independent outlets.</explanation>\n"
          "    <tip>Look for the original document behind a local news story.</tip>\n"
          "    <tag>local</tag>\n"
          "  </item>\n",
          i, i, i % 12 + 1, i % 28 + 1, i);
    } else {
      strbuf_appendf(
          &b,
          "  <item id=\"fake-%zu\" answer=\"fabricated\">\n"
          "    <headline>SHOCKING: scientists at the Institute of Item %zu say bananas cause forgetting</headline>\n"
          "    <source outlet=\"Viral post on social media\" date=\"2024-02\"/>\n"
          "    <explanation>Fabricated for this pack. The institute does not exist, the capital\n"
          "      letters push you to share before you think, and no study is linked. Search for the\n"
          "      institute and the study before you believe what it found.</explanation>\n"
          "    <technique>fake-expert</technique>\n"
          "    <technique>emotion</technique>\n"
          "    <tip>Search the name of any institute you have never heard of.</tip>\n"
          "  </item>\n",
          i, i);
    }
  }
  strbuf_append(&b, "</quizpack>\n");
  return strbuf_take(&b);
}

typedef struct Timing {
  double load_s;   // best full pack_load_file()
  double floor_s;  // best read + xmlReadMemory
} Timing;

static bool measure(const char *path, size_t n, int runs, Timing *t) {
  t->load_s = t->floor_s = 1e30;
  for (int r = 0; r < runs; r++) {
    DiagList d = {0};
    double t0 = now_s();
    Pack *p = pack_load_file(path, &d);
    double t1 = now_s();
    if (!p || p->item_count != n) {
      fprintf(stderr, "bench: loading %s failed\n", path);
      diag_print(&d, stderr);
      diag_clear(&d);
      pack_destroy(p);
      return false;
    }
    pack_destroy(p);
    diag_clear(&d);
    t->load_s = t1 - t0 < t->load_s ? t1 - t0 : t->load_s;

    t0 = now_s();
    char *data, *err;
    size_t len;
    if (fs_read_file(path, PACK_MAX_FILE_BYTES, &data, &len, &err) != FS_READ_OK) {
      fprintf(stderr, "bench: %s\n", err);
      free(err);
      return false;
    }
    xmlDocPtr doc = xmlReadMemory(data, (int)len, path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
    t1 = now_s();
    if (!doc) {
      free(data);
      return false;
    }
    xmlFreeDoc(doc);
    free(data);
    t->floor_s = t1 - t0 < t->floor_s ? t1 - t0 : t->floor_s;
  }
  return true;
}

static bool parse_count(const char *s, long min, long max, long *out) {
  char *end;
  long v = strtol(s, &end, 10);
  if (end == s || *end || v < min || v > max) {
    return false;
  }
  *out = v;
  return true;
}

int main(int argc, char **argv) {
  long small = 1000, large = 10000, runs = 5;
  for (int i = 1; i < argc; i++) {
    long *target = strcmp(argv[i], "--small") == 0   ? &small
                   : strcmp(argv[i], "--large") == 0 ? &large
                   : strcmp(argv[i], "--runs") == 0  ? &runs
                                                     : NULL;
    if (!target || i + 1 >= argc || !parse_count(argv[++i], 1, PACK_MAX_ITEMS, target)) {
      fprintf(stderr, "usage: prebunk_bench_load [--small N] [--large N] [--runs N]\n");
      return 2;
    }
  }
  const char *base = getenv("TMPDIR");
  char *dir = xasprintf("%s/prebunk-bench-XXXXXX", base && *base ? base : "/tmp");
  if (!mkdtemp(dir)) {
    perror("mkdtemp");
    free(dir);
    return 1;
  }
  const size_t sizes[2] = {(size_t)small, (size_t)large};
  Timing t[2];
  bool ok = true;
  for (int s = 0; s < 2 && ok; s++) {
    char *text = make_pack(sizes[s]);
    char *path = xasprintf("%s/bench-%zu.xml", dir, sizes[s]);
    char *err = NULL;
    ok = fs_write_atomic(path, text, strlen(text), &err);
    if (!ok) {
      fprintf(stderr, "bench: cannot write %s: %s\n", path, err);
    }
    free(err);
    if (ok) {
      printf("%zu items, %zu bytes\n", sizes[s], strlen(text));
      ok = measure(path, sizes[s], (int)runs, &t[s]);
    }
    if (ok) {
      printf("  full load: %8.2f ms  %10.0f items/s\n", t[s].load_s * 1e3, (double)sizes[s] / t[s].load_s);
      printf("  floor:     %8.2f ms  %10.0f items/s  (read + xmlReadMemory only)\n", t[s].floor_s * 1e3,
             (double)sizes[s] / t[s].floor_s);
      printf("  full load / floor: %.2f\n", t[s].load_s / t[s].floor_s);
    }
    unlink(path);
    free(path);
    free(text);
  }
  if (ok) {
    printf("scaling: %zu-item time / %zu-item time = %.2f (linear: %.2f)\n", sizes[1], sizes[0],
           t[1].load_s / t[0].load_s, (double)sizes[1] / (double)sizes[0]);
  }
  rmdir(dir);
  free(dir);
  pack_loader_shutdown();
  return ok ? 0 : 1;
}
