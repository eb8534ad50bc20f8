// The header's Back, Help and Settings buttons, and the actions of the same
// names, mean the same on every screen (see the conventions in scenes.h);
// and the page of a screen that has only a message to show.

#include "scenes/scenes.h"

#include "scenes/ui.h"

bool scene_header_activate(SceneCtx *ctx, int id) {
  switch (id) {
  case UI_ID_BACK:
    engine_pop_scene(ctx->engine);
    return true;
  case UI_ID_HELP:
    scene_help_push(app_from_ctx(ctx));
    return true;
  case UI_ID_SETTINGS:
    scene_settings_push(app_from_ctx(ctx));
    return true;
  default:
    return false;
  }
}

bool scene_header_action(SceneCtx *ctx, const InputEvent *ev) {
  if (ev->type != INPUT_EVENT_ACTION) {
    return false;
  }
  switch (ev->action) {
  case INPUT_ACTION_BACK:
    return scene_header_activate(ctx, UI_ID_BACK);
  case INPUT_ACTION_HELP:
    return scene_header_activate(ctx, UI_ID_HELP);
  case INPUT_ACTION_SETTINGS:
    return scene_header_activate(ctx, UI_ID_SETTINGS);
  default:
    return false;
  }
}

void scene_message_draw(const Ui *ui, const char *title, const char *message, Color color, const UiForm *form) {
  ui_header_draw(ui, title);
  if (message) {
    Rect box = rect_inset(ui_content_rect(ui), 40.0f);
    ui_text(ui, message, THEME_TEXT_BODY, color, box, TEXT_ALIGN_CENTER, TEXT_VALIGN_MIDDLE);
  }
  ui_form_draw(ui, form);
}
