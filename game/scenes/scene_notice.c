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
  UiDialog dialog;
} NoticeScene;

static UiDialogSpec notice_spec(const NoticeScene *s) {
  return (UiDialogSpec){.title = s->title, .message = s->message, .labels = {_("OK")}, .count = 1, .warning = true};
}

void scene_notice_push(App *app, const char *title, const char *message) {
  NoticeScene *s = xcalloc(1, sizeof *s);
  s->title = xstrdup(title ? title : "");
  s->message = xstrdup(message ? message : "");
  ui_form_init(&s->form, false);
  engine_push_scene(app->engine, &scene_notice_vtable, s);
}

static void notice_layout(SceneCtx *ctx) {
  NoticeScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  UiDialogSpec spec = notice_spec(s);
  ui_dialog_layout(&s->dialog, &ui, &spec);
  ui_form_init(&s->form, ui.rtl);
  UiButton b = ui_button(ID_OK, s->dialog.buttons[0], _("OK"), UI_BUTTON_PRIMARY);
  b.key_hint = _("Enter");
  ui_form_add(&s->form, b);
}

static void notice_free(void *data) {
  NoticeScene *s = data;
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
    return true;
  }
  return r.kind != UI_RESULT_IGNORED;
}

static void notice_draw(SceneCtx *ctx) {
  NoticeScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  UiDialogSpec spec = notice_spec(s);
  ui_dialog_draw(&ui, &s->dialog, &spec);
  ui_form_draw(&ui, &s->form);
}

const SceneVTable scene_notice_vtable = {
    .name = "notice",
    .overlay = true,
    .free_data = notice_free,
    .layout = notice_layout,
    .event = notice_event,
    .draw = notice_draw,
};
