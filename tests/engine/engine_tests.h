#pragma once
// Groups of the engine test executable, and a helper to open a headless engine.

#include "demo_scene.h"
#include "engine/engine.h"
#include "support/test_support.h"

int run_view_tests(void);
int run_audio_tests(void);
int run_text_tests(void);
int run_scene_tests(void);
int run_input_tests(void);
int run_screenshot_tests(void);

// A 1280x720 engine on the dummy video driver, fonts from the source tree,
// `log` as the app pointer (may be NULL), `clock` may be NULL. Fails the test
// when it cannot be created.
Engine *test_engine_new(DemoLog *log, const Clock *clock);
// The shipped fonts, as a game would name them (static), `*count` entries.
const EngineFont *test_fonts(size_t *count);
// Same, with a config the caller adjusted (font_dir is filled in, and the
// fonts when the caller gave none).
Engine *test_engine_with(EngineConfig *cfg);
