#include "scene_test_support.h"

#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "engine/engine.h"
#include "quiz/pack_library.h"
#include "quiz/pack_load.h"
#include "scenes/gameplay.h"
#include "support/test_support.h"

SceneTestFixture *scene_test_fixture_create(void) {
  SceneTestFixture *f = xcalloc(1, sizeof *f);
  f->dir = test_tmpdir();
  f->content = test_source_path("");
  f->clock = clock_manual(1000);
  return f;
}

void scene_test_fixture_destroy(SceneTestFixture *f) {
  if (!f) {
    return;
  }
  app_destroy(f->app);
  test_rmtree(f->dir);
  free(f->dir);
  free(f->content);
  free(f->pack_path);
  free(f);
}

int scene_test_teardown(void **state) {
  scene_test_fixture_destroy(*state);
  pack_loader_shutdown();
  return 0;
}

App *scene_test_app_create(SceneTestFixture *f, const SceneTestAppOptions *opt) {
  AppConfig cfg = app_config_default();
  cfg.data_dir = f->dir;
  cfg.content_dir = f->content;
  cfg.pack_path = f->pack_path;
  cfg.clock = &f->clock;
  if (opt->width > 0 && opt->height > 0) {
    cfg.width = opt->width;
    cfg.height = opt->height;
  }
  cfg.has_seed = true;
  cfg.seed = opt->seed;
  cfg.wall_base_ms = opt->wall_base_ms;
  cfg.store_read_only = opt->store_read_only;
  char *err = NULL;
  App *app = app_create(&cfg, &err);
  if (!app) {
    fail_msg("app_create: %s", err ? err : "?");
  }
  return app;
}

void scene_test_steps(App *app, int frames) {
  for (int i = 0; i < frames; i++) {
    engine_step(app->engine);
  }
}

const char *scene_test_top(const App *app) {
  const SceneVTable *vt = engine_top_scene(app->engine);
  return vt ? vt->name : "(none)";
}

UiForm *scene_test_top_form(App *app) {
  return engine_scene_data(app->engine, 0);
}

const UiButton *scene_test_button_labelled(App *app, const char *label) {
  UiForm *form = scene_test_top_form(app);
  for (int i = 0; i < form->count; i++) {
    if (form->buttons[i].label && strcmp(form->buttons[i].label, label) == 0) {
      return &form->buttons[i];
    }
  }
  fail_msg("no button '%s' on %s", label, scene_test_top(app));
  return NULL;
}

const UiButton *scene_test_button_with_id(App *app, int id) {
  UiButton *b = ui_form_button(scene_test_top_form(app), id);
  if (!b) {
    fail_msg("no button %d on %s", id, scene_test_top(app));
  }
  return b;
}

size_t scene_test_library_index(const App *app, const char *file) {
  for (size_t i = 0; i < pack_library_count(app->packs); i++) {
    if (str_ends_with(pack_library_get(app->packs, i)->path, file)) {
      return i;
    }
  }
  fail_msg("%s not in the library", file);
  return 0;
}

static Uint32 window_id(App *app) {
  return SDL_GetWindowID(engine_window(app->engine));
}

void scene_test_push_key(App *app, SDL_Keycode sym) {
  SDL_Event ev = {0};
  ev.type = SDL_KEYDOWN;
  ev.key.windowID = window_id(app);
  ev.key.state = SDL_PRESSED;
  ev.key.keysym.sym = sym;
  ev.key.keysym.scancode = SDL_GetScancodeFromKey(sym);
  SDL_PushEvent(&ev);
  ev.type = SDL_KEYUP;
  ev.key.state = SDL_RELEASED;
  SDL_PushEvent(&ev);
}

void scene_test_push_pad(App *app, SDL_GameControllerButton button) {
  (void)app;  // controller events name no window
  SDL_Event ev = {0};
  ev.type = SDL_CONTROLLERBUTTONDOWN;
  ev.cbutton.button = (Uint8)button;
  ev.cbutton.state = SDL_PRESSED;
  SDL_PushEvent(&ev);
  ev.type = SDL_CONTROLLERBUTTONUP;
  ev.cbutton.state = SDL_RELEASED;
  SDL_PushEvent(&ev);
}

void scene_test_push_text(App *app, const char *text) {
  SDL_Event ev = {0};
  ev.type = SDL_TEXTINPUT;
  ev.text.windowID = window_id(app);
  str_copy(ev.text.text, sizeof ev.text.text, text);
  SDL_PushEvent(&ev);
}

// Window coordinates of a logical point, through the current letterboxed
// view. With the dummy video driver window units are output pixels.
static void window_point(App *app, float lx, float ly, Sint32 *x, Sint32 *y) {
  const View *v = engine_view(app->engine);
  *x = (Sint32)(view_px_x(v, lx) + 0.5f);
  *y = (Sint32)(view_px_y(v, ly) + 0.5f);
}

void scene_test_push_mouse_move(App *app, float lx, float ly) {
  SDL_Event ev = {0};
  ev.type = SDL_MOUSEMOTION;
  ev.motion.windowID = window_id(app);
  window_point(app, lx, ly, &ev.motion.x, &ev.motion.y);
  SDL_PushEvent(&ev);
}

void scene_test_push_mouse_button(App *app, float lx, float ly, bool down) {
  SDL_Event ev = {0};
  ev.type = down ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
  ev.button.windowID = window_id(app);
  ev.button.button = SDL_BUTTON_LEFT;
  ev.button.state = down ? SDL_PRESSED : SDL_RELEASED;
  ev.button.clicks = 1;
  window_point(app, lx, ly, &ev.button.x, &ev.button.y);
  SDL_PushEvent(&ev);
}

void scene_test_push_click(App *app, float lx, float ly) {
  scene_test_push_mouse_move(app, lx, ly);
  scene_test_push_mouse_button(app, lx, ly, true);
  scene_test_push_mouse_button(app, lx, ly, false);
}

void scene_test_step(SceneTestFixture *f) {
  scene_test_steps(f->app, 3);
}

void scene_test_advance(SceneTestFixture *f, uint64_t ms) {
  clock_advance(&f->clock, ms);
  scene_test_step(f);
}

void scene_test_key(SceneTestFixture *f, SDL_Keycode sym) {
  scene_test_push_key(f->app, sym);
  scene_test_step(f);
}

void scene_test_pad(SceneTestFixture *f, SDL_GameControllerButton button) {
  scene_test_push_pad(f->app, button);
  scene_test_step(f);
}

void scene_test_type(SceneTestFixture *f, const char *text) {
  scene_test_push_text(f->app, text);
  scene_test_step(f);
}

void scene_test_click(SceneTestFixture *f, float lx, float ly) {
  scene_test_push_click(f->app, lx, ly);
  scene_test_step(f);
}

void scene_test_menu_key(App *app, SDL_Keycode sym) {
  scene_test_push_key(app, sym);
  scene_test_steps(app, 2);
}

void scene_test_menu_pad(App *app, SDL_GameControllerButton button) {
  scene_test_push_pad(app, button);
  scene_test_steps(app, 2);
}

void scene_test_pass_forewarning(App *app, SceneTestInput how) {
  assert_string_equal(scene_test_top(app), "forewarn");
  if (how == SCENE_TEST_MOUSE) {
    Rect r = scene_test_button_labelled(app, "Continue")->rect;
    scene_test_push_click(app, r.x + r.w / 2, r.y + r.h / 2);
  } else if (how == SCENE_TEST_PAD) {
    scene_test_push_pad(app, SDL_CONTROLLER_BUTTON_A);
  } else {
    scene_test_push_key(app, SDLK_RETURN);
  }
  scene_test_steps(app, 3);
  assert_string_equal(scene_test_top(app), "round");
}

void scene_test_skip_taps(SceneTestFixture *f, SceneTestInput how) {
  for (int i = 0; i < 3; i++) {
    assert_string_equal(scene_test_top(f->app), "feedback");
    if (scene_feedback_peek_step(engine_scene_data(f->app->engine, 0), NULL) == FEEDBACK_STEP_PAGE) {
      return;
    }
    if (how == SCENE_TEST_MOUSE) {
      Rect r = scene_test_button_with_id(f->app, 1)->rect;  // the footer's button (ID_NEXT)
      scene_test_click(f, r.x + r.w / 2, r.y + r.h / 2);
    } else if (how == SCENE_TEST_PAD) {
      scene_test_pad(f, SDL_CONTROLLER_BUTTON_A);
    } else {
      scene_test_key(f, SDLK_RETURN);
    }
  }
  fail_msg("the feedback page did not come");
}
