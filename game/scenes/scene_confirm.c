// A yes/no question over the current screen ("Quit this round?"). The answer
// goes to a callback, called exactly once. The safe answer ("Keep playing",
// the `no` label) is the primary, focused button: Enter or a stray tap never
// does the destructive thing.

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
  UiDialog dialog;
} ConfirmScene;

static UiDialogSpec confirm_spec(const ConfirmScene *s) {
  // Start to end side: the safe answer, then the destructive one.
  return (UiDialogSpec){.title = s->question, .labels = {s->no, s->yes}, .count = 2, .centred = true};
}

void scene_confirm_push(App *app, const char *question, const char *yes_label, const char *no_label, SceneConfirmFn fn,
                        void *user) {
  ConfirmScene *s = xcalloc(1, sizeof *s);
  s->question = xstrdup(question ? question : "");
  s->yes = xstrdup(yes_label ? yes_label : _("Yes"));
  s->no = xstrdup(no_label ? no_label : _("No"));
  s->fn = fn;
  s->user = user;
  ui_form_init(&s->form, false);
  engine_push_scene(app->engine, &scene_confirm_vtable, s);
}

static void confirm_layout(SceneCtx *ctx) {
  ConfirmScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  int focus = ui_form_focused_id(&s->form);
  UiDialogSpec spec = confirm_spec(s);
  ui_dialog_layout(&s->dialog, &ui, &spec);
  ui_form_init(&s->form, ui.rtl);
  UiButton no = ui_button(ID_NO, s->dialog.buttons[0], s->no, UI_BUTTON_PRIMARY);
  UiButton yes = ui_button(ID_YES, s->dialog.buttons[1], s->yes, UI_BUTTON_NORMAL);
  no.key_hint = _("Esc");
  ui_form_add(&s->form, no);
  ui_form_add(&s->form, yes);
  if (focus != ID_YES || !ui_form_focus_id(&s->form, ID_YES)) {
    ui_form_focus_id(&s->form, ID_NO);  // the safe answer is the default
  }
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

// Leaving unanswered (the window closed, a scene change) is a "no".
static void confirm_leave(SceneCtx *ctx) {
  ConfirmScene *s = ctx->data;
  if (s && !s->answered && s->fn) {
    s->answered = true;
    s->fn(app_from_ctx(ctx), s->user, false);
  }
}

static void confirm_free(void *data) {
  ConfirmScene *s = data;
  if (s) {
    free(s->question);
    free(s->yes);
    free(s->no);
    free(s);
  }
}

static bool confirm_event(SceneCtx *ctx, const InputEvent *ev) {
  ConfirmScene *s = ctx->data;
  UiResult r = ui_form_event(&s->form, ev);
  if (r.kind == UI_RESULT_ACTIVATE) {
    answer(ctx, r.id == ID_YES);
    return true;
  }
  if (ev->type == INPUT_EVENT_ACTION && ev->action == INPUT_ACTION_BACK) {
    answer(ctx, false);  // Back is "no", not a pop of the screen beneath
    return true;
  }
  return r.kind != UI_RESULT_IGNORED;
}

static void confirm_draw(SceneCtx *ctx) {
  ConfirmScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  UiDialogSpec spec = confirm_spec(s);
  ui_dialog_draw(&ui, &s->dialog, &spec);
  ui_form_draw(&ui, &s->form);
}

const SceneVTable scene_confirm_vtable = {
    .name = "confirm",
    .overlay = true,
    .leave = confirm_leave,
    .free_data = confirm_free,
    .layout = confirm_layout,
    .event = confirm_event,
    .draw = confirm_draw,
};
