// The notice overlay: a title, a message and an OK button. Used for what the
// player must know but cannot act on (a damaged score file set aside, a
// read-only folder).

#include <stdlib.h>

#include "base/i18n.h"
#include "base/str.h"
#include "scenes/scenes.h"

enum { ID_OK = 1 };

typedef struct NoticeScene {
  UiForm form;  // first: see scenes.h
  char *title;
  char *message;
  Rect card;
} NoticeScene;

void scene_notice_push(App *app, const char *title, const char *message) {
  NoticeScene *s = xcalloc(1, sizeof *s);
  s->title = xstrdup(title ? title : "");
  s->message = xstrdup(message ? message : "");
  engine_push_scene(app->engine, &scene_notice_vtable, s);
}

static void notice_enter(SceneCtx *ctx) {
  NoticeScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  s->card = (Rect){(ui_w(&ui) - 1280) / 2.0f, (ui_h(&ui) - 640) / 2.0f, 1280, 640};
  ui_form_init(&s->form, ui.rtl);
  float bw = 360;
  Rect ok = {s->card.x + s->card.w - UI_MARGIN - bw, s->card.y + s->card.h - UI_MARGIN / 1.5f - UI_BUTTON_H, bw,
             UI_BUTTON_H};
  UiButton b = ui_button(ID_OK, ui_mirror(&ui, ok), _("OK"), UI_BUTTON_PRIMARY);
  b.key_hint = _("Enter");
  ui_form_add(&s->form, b);
}

static void notice_leave(SceneCtx *ctx) {
  NoticeScene *s = ctx->data;
  if (s) {
    free(s->title);
    free(s->message);
    free(s);
  }
}

static bool notice_event(SceneCtx *ctx, const InputEvent *ev) {
  NoticeScene *s = ctx->data;
  UiResult r = ui_form_event(&s->form, ev);
  if (r.kind == UI_RESULT_ACTIVATE ||
      (ev->type == INPUT_EVENT_ACTION && (ev->action == INPUT_ACTION_BACK || ev->action == INPUT_ACTION_CONFIRM))) {
    engine_pop_scene(ctx->engine);
  } else if (ev->type == INPUT_EVENT_ACTION && ev->action == INPUT_ACTION_HELP) {
    scene_help_push(app_from_ctx(ctx));
  }
  engine_request_redraw(ctx->engine);
  return true;
}

static void notice_draw(SceneCtx *ctx) {
  NoticeScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  const Theme *t = ui.theme;
  ui_scrim_draw(&ui);
  ui_card_draw(&ui, s->card);
  Rect inner = rect_inset(s->card, UI_MARGIN / 1.5f);
  Rect title = {inner.x, inner.y, inner.w, 90};
  TextStyle ts = ui_text_style(&ui, THEME_TEXT_TITLE, t->warning);
  ts.weight = TEXT_WEIGHT_BOLD;
  ts.valign = TEXT_VALIGN_MIDDLE;
  ui_text_fitted(&ui, s->title, &ts, title, 32);
  Rect body = {inner.x, inner.y + 120, inner.w, inner.h - 120 - UI_BUTTON_H - UI_GAP};
  TextStyle bs = ui_text_style(&ui, THEME_TEXT_BODY, t->text);
  ui_text_fitted(&ui, s->message, &bs, body, 24);
  ui_form_draw(&ui, &s->form);
}

const SceneVTable scene_notice_vtable = {
    .name = "notice",
    .overlay = true,
    .enter = notice_enter,
    .leave = notice_leave,
    .event = notice_event,
    .draw = notice_draw,
};
