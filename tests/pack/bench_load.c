// prebunk_bench_load: how pack loading scales, and what it costs over bare
// parsing. Generates packs of two sizes in a temporary folder, loads each
// several times (best run counts) and prints, for each size, items per second,
// the ratio of a full load to a floor measured in the same run (reading the
// file and xmlReadMemory alone, without validation, checks or copying), and
// the per-item cost relative to the smallest size (1.00 = linear scaling).
//
// With --broken every item has a schema error (its <tip> before its
// <explanation>) and the load must report each one: the cost of many
// problems must stay linear too (libxml2 2.9 once made it quadratic).
//
//   prebunk_bench_load [--sizes N,N,...] [--runs N] [--broken]

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
static char *make_pack(size_t n, bool broken) {
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
          "%s"
          "    <technique>fake-expert</technique>\n"
          "    <technique>emotion</technique>\n"
          "    <tip>Search the name of any institute you have never heard of.</tip>\n"
          "  </item>\n",
          i, i, broken ? "    <tip>Out of place.</tip>\n    <explanation>Again.</explanation>\n" : "");
    }
  }
  strbuf_append(&b, "</quizpack>\n");
  return strbuf_take(&b);
}

typedef struct Timing {
  double load_s;   // best full pack_load_file()
  double floor_s;  // best read + xmlReadMemory
} Timing;

static bool measure(const char *path, size_t n, bool broken, int runs, Timing *t) {
  t->load_s = t->floor_s = 1e30;
  for (int r = 0; r < runs; r++) {
    DiagList d = {0};
    double t0 = now_s();
    Pack *p = pack_load_file(path, &d);
    double t1 = now_s();
    bool as_expected = broken ? !p && d.errors >= n / 2 : p && p->item_count == n;
    if (!as_expected) {
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
  size_t sizes[16];
  size_t nsizes = 0;
  long runs = 5;
  const char *list = "1000,2000,5000,10000,20000";
  bool broken = false;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--sizes") == 0 && i + 1 < argc) {
      list = argv[++i];
    } else if (strcmp(argv[i], "--broken") == 0) {
      broken = true;
    } else if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc && parse_count(argv[i + 1], 1, 1000, &runs)) {
      i++;
    } else {
      fprintf(stderr, "usage: prebunk_bench_load [--sizes N,N,...] [--runs N] [--broken]\n");
      return 2;
    }
  }
  char *copy = xstrdup(list);
  for (char *tok = strtok(copy, ","); tok; tok = strtok(NULL, ",")) {
    long n;
    if (nsizes == sizeof sizes / sizeof sizes[0] || !parse_count(tok, 1, PACK_MAX_ITEMS, &n)) {
      fprintf(stderr, "prebunk_bench_load: bad --sizes '%s'\n", list);
      free(copy);
      return 2;
    }
    sizes[nsizes++] = (size_t)n;
  }
  free(copy);
  const char *base = getenv("TMPDIR");
  char *dir = xasprintf("%s/prebunk-bench-XXXXXX", base && *base ? base : "/tmp");
  if (!mkdtemp(dir)) {
    perror("mkdtemp");
    free(dir);
    return 1;
  }
  printf("%8s %10s %10s %10s %10s %10s %12s\n", "items", "bytes", "load ms", "items/s", "floor ms", "load/floor",
         "us/item rel.");
  Timing t[16];
  bool ok = true;
  for (size_t s = 0; s < nsizes && ok; s++) {
    char *text = make_pack(sizes[s], broken);
    char *path = xasprintf("%s/bench-%zu.xml", dir, sizes[s]);
    char *err = NULL;
    ok = fs_write_atomic(path, text, strlen(text), &err);
    if (!ok) {
      fprintf(stderr, "bench: cannot write %s: %s\n", path, err);
    }
    free(err);
    if (ok) {
      ok = measure(path, sizes[s], broken, (int)runs, &t[s]);
    }
    if (ok) {
      double per_item = t[s].load_s / (double)sizes[s];
      double per_item0 = t[0].load_s / (double)sizes[0];
      printf("%8zu %10zu %10.2f %10.0f %10.2f %10.2f %12.2f\n", sizes[s], strlen(text), t[s].load_s * 1e3,
             (double)sizes[s] / t[s].load_s, t[s].floor_s * 1e3, t[s].load_s / t[s].floor_s, per_item / per_item0);
    }
    unlink(path);
    free(path);
    free(text);
  }
  if (ok && nsizes > 1) {
    size_t a = 0, b = nsizes - 1;
    printf("scaling %zu -> %zu items: time x%.2f for x%.2f items (per-item cost x%.2f; 1.00 is linear)\n", sizes[a],
           sizes[b], t[b].load_s / t[a].load_s, (double)sizes[b] / (double)sizes[a],
           (t[b].load_s / (double)sizes[b]) / (t[a].load_s / (double)sizes[a]));
    printf("floor    %zu -> %zu items: time x%.2f (floor = read + xmlReadMemory, same run)\n", sizes[a], sizes[b],
           t[b].floor_s / t[a].floor_s);
  }
  rmdir(dir);
  free(dir);
  pack_loader_shutdown();
  return ok ? 0 : 1;
}
