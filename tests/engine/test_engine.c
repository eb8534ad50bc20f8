#include <stdlib.h>

#include "base/log.h"
#include "base/str.h"
#include "engine_tests.h"

const EngineFont *test_fonts(size_t *count) {
  static const EngineFont fonts[] = {
      {"DejaVuSans.ttf", false, NULL},
      {"DejaVuSans-Bold.ttf", true, NULL},
      {"NotoSansArabic-Regular.ttf", false, "Arab"},
      {"NotoSansArabic-Bold.ttf", true, "Arab"},
  };
  *count = sizeof fonts / sizeof fonts[0];
  return fonts;
}

Engine *test_engine_with(EngineConfig *cfg) {
  if (!cfg->fonts) {
    cfg->fonts = test_fonts(&cfg->nfonts);
  }
  char *fonts = test_source_path("assets/fonts");
  cfg->font_dir = fonts;
  char *err = NULL;
  Engine *e = engine_create(cfg, &err);
  if (!e) {
    fail_msg("engine_create: %s", err);
  }
  free(fonts);
  cfg->font_dir = NULL;
  return e;
}

Engine *test_engine_new(DemoLog *log, const Clock *clock) {
  EngineConfig cfg = engine_config_default();
  cfg.title = "prebunk engine test";
  cfg.app = log;
  cfg.clock = clock;
  cfg.on_unhandled_event = demo_unhandled;
  return test_engine_with(&cfg);
}

int main(void) {
  log_set_stderr(getenv("PREBUNK_DEBUG") != NULL);
  int failed = 0;
  failed += run_view_tests();
  failed += run_audio_tests();
  failed += run_text_tests();
  failed += run_scene_tests();
  failed += run_input_tests();
  failed += run_screenshot_tests();
  return failed ? 1 : 0;
}
