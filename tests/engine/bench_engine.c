// Engine measurements (not a test: numbers depend on the machine).
//  1. text rasterisations on a steady frame (should be 0);
//  2. time to draw a screen full of text at 1080p (software renderer), first
//     frame (rasterising) vs. steady frames (cached), and the steady frame
//     against a floor measured in the same run: an empty frame (clear and
//     present only) at the same size;
//  3. CPU used by an idle engine_run() over 3 s, in a child process.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/fs.h"
#include "base/log.h"
#include "demo_scene.h"
#include "engine/engine.h"

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static Engine *open_engine(int w, int h) {
  const char *src = getenv("PREBUNK_SOURCE_DIR");
  char *fonts = fs_join(src ? src : ".", "assets/fonts");
  EngineConfig cfg = engine_config_default();
  cfg.width = w;
  cfg.height = h;
  cfg.font_dir = fonts;
  static const EngineFont shipped[] = {
      {"DejaVuSans.ttf", false, NULL},
      {"DejaVuSans-Bold.ttf", true, NULL},
      {"NotoSansArabic-Regular.ttf", false, "Arab"},
      {"NotoSansArabic-Bold.ttf", true, "Arab"},
  };
  cfg.fonts = shipped;
  cfg.nfonts = sizeof shipped / sizeof shipped[0];
  char *err = NULL;
  Engine *e = engine_create(&cfg, &err);
  free(fonts);
  if (!e) {
    fprintf(stderr, "bench_engine: %s\n", err);
    free(err);
    exit(1);
  }
  return e;
}

// utime + stime of this process in seconds, from /proc/self/stat.
static double cpu_seconds(void) {
  FILE *f = fopen("/proc/self/stat", "r");
  if (!f) {
    return -1;
  }
  char buf[1024];
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[n] = '\0';
  // Fields after the command name (which may contain spaces) start after ')'.
  char *p = strrchr(buf, ')');
  unsigned long utime = 0, stime = 0;
  if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime, &stime) != 2) {
    return -1;
  }
  return (double)(utime + stime) / (double)sysconf(_SC_CLK_TCK);
}

static Uint32 push_quit(Uint32 interval, void *param) {
  (void)interval;
  (void)param;
  SDL_Event q = {.type = SDL_QUIT};
  SDL_PushEvent(&q);
  return 0;
}

static void idle_child(void) {
  Engine *e = open_engine(1280, 720);
  engine_push_scene(e, &demo_scene, demo_create("idle", DEMO_DRAW_FULL));
  engine_step(e);  // first frame drawn, then nothing changes
  uint64_t frames = engine_stats(e).frames_drawn;
  double c0 = cpu_seconds(), t0 = now_s();
  SDL_AddTimer(3000, push_quit, NULL);
  engine_run(e);
  double c1 = cpu_seconds(), t1 = now_s();
  printf("idle engine_run: %.2f s wall, %.3f s CPU (%.2f%%), %llu frames drawn while idle, video driver %s\n", t1 - t0,
         c1 - c0, 100.0 * (c1 - c0) / (t1 - t0), (unsigned long long)(engine_stats(e).frames_drawn - frames),
         SDL_GetCurrentVideoDriver());
  engine_destroy(e);
}

static const char *renderer_name(Engine *e) {
  SDL_RendererInfo info;
  return SDL_GetRendererInfo(engine_renderer(e), &info) == 0 ? info.name : "unknown";
}

// Mean time of `frames` redrawn frames of the top scene.
static double steady_frame_s(Engine *e, int frames) {
  double t0 = now_s();
  for (int i = 0; i < frames; i++) {
    engine_request_redraw(e);
    engine_step(e);
  }
  return (now_s() - t0) / frames;
}

int main(void) {
  log_set_stderr(false);
  Engine *e = open_engine(1920, 1080);
  engine_push_scene(e, &demo_scene, demo_create("empty", DEMO_DRAW_NOTHING));
  engine_step(e);
  double floor_s = steady_frame_s(e, 100);
  // Requested between steps, the replacement applies at the start of the next
  // step, which then draws the new scene for the first time.
  engine_replace_scene(e, &demo_scene, demo_create("full", DEMO_DRAW_FULL));
  double t0 = now_s();
  engine_step(e);
  double first = now_s() - t0;
  EngineStats s0 = engine_stats(e);
  const int frames = 100;
  double steady = steady_frame_s(e, frames);
  EngineStats s1 = engine_stats(e);
  printf(
      "1080p text-heavy frame (%s renderer, video driver %s): first %.2f ms (%llu rasterisations), steady %.2f "
      "ms/frame, first/steady %.1fx\n",
      renderer_name(e), SDL_GetCurrentVideoDriver(), first * 1e3, (unsigned long long)s0.text_rasterisations,
      steady * 1e3, first / steady);
  printf("floor (empty 1080p frame, same run): %.2f ms; text-heavy steady / floor: %.1fx\n", floor_s * 1e3,
         steady / floor_s);
  printf("rasterisations per steady frame: %.2f (over %d frames); cache %zu KiB, %zu fonts open\n",
         (double)(s1.text_rasterisations - s0.text_rasterisations) / frames, frames, s1.text_cache_bytes / 1024,
         s1.fonts_open);
  engine_destroy(e);

  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    idle_child();
    fflush(stdout);
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
