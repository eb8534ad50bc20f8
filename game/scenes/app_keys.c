// Keys that mean the same on every screen, in one place (see app.h), and the
// brief notice drawn above every screen.

#include <math.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "base/log.h"
#include "base/str.h"
#include "scenes/app.h"
#include "scenes/scenes.h"

static void toggle_sound(App *app) {
  bool on = !engine_sound_on(app->engine);
  engine_set_sound(app->engine, on);
  app->settings.sound = on;
  log_info("sound %s", on ? "on" : "off");
  char *err = NULL;
  if (!app_save_settings(app, &err)) {
    log_warn("cannot save settings: %s", err ? err : "?");
    free(err);
  }
  app_toast(app, on ? _("Sound on") : _("Sound off"));
}

bool app_global_event(void *user, const InputEvent *ev) {
  App *app = user;
  if (ev->type != INPUT_EVENT_ACTION) {
    return false;
  }
  switch (ev->action) {
  case INPUT_ACTION_MUTE:
    if (!ev->repeat) {
      toggle_sound(app);
    }
    return true;
  case INPUT_ACTION_HELP:
    scene_help_push(app);
    return true;
  case INPUT_ACTION_SETTINGS:
    scene_settings_push(app);
    return true;
  case INPUT_ACTION_BACK:
    if (engine_scene_count(app->engine) > 1) {
      engine_pop_scene(app->engine);
      return true;
    }
    return false;
  default:
    return false;
  }
}

void app_toast(App *app, const char *text) {
  str_copy(app->toast, sizeof app->toast, text);
  app->toast_until_ms = app_now_ms(app) + APP_TOAST_MS;
  engine_request_redraw(app->engine);
}

bool app_toast_step(void *user, uint64_t now_ms) {
  App *app = user;
  if (app->toast_until_ms && now_ms >= app->toast_until_ms) {
    app->toast_until_ms = 0;
    return true;  // one frame without it
  }
  return false;
}

void app_draw_toast(void *user) {
  App *app = user;
  if (!app->toast_until_ms) {
    return;
  }
  Ui ui = app_ui(app);
  const Theme *t = ui.theme;
  TextStyle st = ui_text_style(&ui, THEME_TEXT_BUTTON, t->text);
  st.weight = TEXT_WEIGHT_BOLD;
  st.align = TEXT_ALIGN_CENTER;
  st.valign = TEXT_VALIGN_MIDDLE;
  float pad = 2 * UI_GAP;
  float w = fminf(text_measure(ui.engine, app->toast, &st).w + 2 * pad, ui_w(&ui) - 2 * UI_MARGIN);
  float h = st.size * 1.3f + pad;
  Rect box = {(ui_w(&ui) - w) / 2, ui_h(&ui) - h - 3 * UI_GAP, w, h};
  ui_card_draw(&ui, box);
  ui_text_line(&ui, app->toast, &st, rect_inset(box, UI_GAP), st.size * 0.6f);
}
