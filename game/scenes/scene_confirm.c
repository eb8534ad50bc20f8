// A yes/no question over the current screen ("Quit this round?"). The answer
// goes to a callback, called exactly once.

#include <stdlib.h>

#include "base/i18n.h"
#include "base/str.h"
#include "scenes/scenes.h"

enum { ID_YES = 1, ID_NO = 2 };

typedef struct ConfirmScene {
  UiForm form;  // first: see scenes.h
  char *question;
  char *yes;
  char *no;
  SceneConfirmFn fn;
  void *user;
  bool answered;
  Rect card;
} ConfirmScene;

void scene_confirm_push(App *app, const char *question, const char *yes_label, const char *no_label, SceneConfirmFn fn,
                        void *user) {
  ConfirmScene *s = xcalloc(1, sizeof *s);
  s->question = xstrdup(question ? question : "");
  s->yes = xstrdup(yes_label ? yes_label : _("Yes"));
  s->no = xstrdup(no_label ? no_label : _("No"));
  s->fn = fn;
  s->user = user;
  engine_push_scene(app->engine, &scene_confirm_vtable, s);
}

static void confirm_enter(SceneCtx *ctx) {
  ConfirmScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  s->card = (Rect){(ui_w(&ui) - 1200) / 2.0f, (ui_h(&ui) - 520) / 2.0f, 1200, 520};
  ui_form_init(&s->form, ui.rtl);
  float bw = 440, pad = UI_MARGIN / 1.5f;
  float y = s->card.y + s->card.h - pad - UI_BUTTON_H;
  Rect no = {s->card.x + pad, y, bw, UI_BUTTON_H};
  Rect yes = {s->card.x + s->card.w - pad - bw, y, bw, UI_BUTTON_H};
  UiButton bn = ui_button(ID_NO, ui_mirror(&ui, no), s->no, UI_BUTTON_NORMAL);
  bn.key_hint = _("Esc");
  UiButton by = ui_button(ID_YES, ui_mirror(&ui, yes), s->yes, UI_BUTTON_PRIMARY);
  ui_form_add(&s->form, bn);
  ui_form_add(&s->form, by);
  ui_form_focus_id(&s->form, ID_NO);  // the safe answer is the default
}

static void answer(SceneCtx *ctx, bool yes) {
  ConfirmScene *s = ctx->data;
  if (s->answered) {
    return;
  }
  s->answered = true;
  engine_pop_scene(ctx->engine);
  if (s->fn) {
    s->fn(app_from_ctx(ctx), s->user, yes);
  }
}

static void confirm_leave(SceneCtx *ctx) {
  ConfirmScene *s = ctx->data;
  if (!s) {
    return;
  }
  if (!s->answered && s->fn) {
    s->answered = true;
    s->fn(app_from_ctx(ctx), s->user, false);
  }
  free(s->question);
  free(s->yes);
  free(s->no);
  free(s);
}

static bool confirm_event(SceneCtx *ctx, const InputEvent *ev) {
  ConfirmScene *s = ctx->data;
  UiResult r = ui_form_event(&s->form, ev);
  if (r.kind == UI_RESULT_ACTIVATE) {
    answer(ctx, r.id == ID_YES);
  } else if (ev->type == INPUT_EVENT_ACTION && ev->action == INPUT_ACTION_BACK) {
    answer(ctx, false);
  } else if (ev->type == INPUT_EVENT_ACTION && ev->action == INPUT_ACTION_HELP) {
    scene_help_push(app_from_ctx(ctx));
  }
  engine_request_redraw(ctx->engine);
  return true;
}

static void confirm_draw(SceneCtx *ctx) {
  ConfirmScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  ui_scrim_draw(&ui);
  ui_card_draw(&ui, s->card);
  float pad = UI_MARGIN / 1.5f;
  Rect q = {s->card.x + pad, s->card.y + pad, s->card.w - 2 * pad, s->card.h - 3 * pad - UI_BUTTON_H};
  TextStyle st = ui_text_style(&ui, THEME_TEXT_TITLE, ui.theme->text);
  st.weight = TEXT_WEIGHT_BOLD;
  st.align = TEXT_ALIGN_CENTER;
  st.valign = TEXT_VALIGN_MIDDLE;
  ui_text_fitted(&ui, s->question, &st, q, 30);
  ui_form_draw(&ui, &s->form);
}

const SceneVTable scene_confirm_vtable = {
    .name = "confirm",
    .overlay = true,
    .enter = confirm_enter,
    .leave = confirm_leave,
    .event = confirm_event,
    .draw = confirm_draw,
};
