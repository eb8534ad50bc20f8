// The confirm and notice overlays' shared body (scene_dialog.h).

#include "scenes/scene_dialog.h"

#include <assert.h>
#include <stdlib.h>

#include "base/str.h"

DialogScene *scene_dialog_create(const char *title, const char *message) {
  DialogScene *d = xcalloc(1, sizeof *d);
  d->title = xstrdup(title ? title : "");
  d->message = xstrdup(message ? message : "");
  ui_form_init(&d->form, false);
  return d;
}

void scene_dialog_add(DialogScene *d, const char *label, const char *hint) {
  assert(d->count < 2);
  d->labels[d->count] = xstrdup(label ? label : "");
  d->hints[d->count] = hint;
  d->count++;
}

static UiDialogSpec dialog_spec(const DialogScene *d) {
  UiDialogSpec spec = {
      .title = d->title, .message = d->message, .count = d->count, .centred = d->centred, .warning = d->warning};
  for (int i = 0; i < d->count; i++) {
    spec.labels[i] = d->labels[i];
  }
  return spec;
}

// Button i has id i + 1; the focus stays on the button it was on.
void scene_dialog_layout(SceneCtx *ctx) {
  DialogScene *d = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  int focus = d->form.count ? ui_form_focused_id(&d->form) : UI_FOCUS_NONE;
  UiDialogSpec spec = dialog_spec(d);
  ui_dialog_layout(&d->dialog, &ui, &spec);
  ui_form_init(&d->form, ui.rtl);
  for (int i = 0; i < d->count; i++) {
    UiButton b = ui_button(i + 1, d->dialog.buttons[i], d->labels[i], i == 0 ? UI_BUTTON_PRIMARY : UI_BUTTON_NORMAL);
    b.key_hint = d->hints[i];
    ui_form_add(&d->form, b);
  }
  if (focus == UI_FOCUS_NONE || !ui_form_focus_id(&d->form, focus)) {
    ui_form_focus_id(&d->form, 1);
  }
}

static void answer(SceneCtx *ctx, bool yes) {
  DialogScene *d = ctx->data;
  if (d->answered) {
    return;
  }
  d->answered = true;
  engine_pop_scene(ctx->engine);
  if (d->fn) {
    d->fn(app_from_ctx(ctx), d->user, yes);
  }
}

// Leaving unanswered (the window closed, a scene change) is a "no".
void scene_dialog_leave(SceneCtx *ctx) {
  DialogScene *d = ctx->data;
  if (d && !d->answered && d->fn) {
    d->answered = true;
    d->fn(app_from_ctx(ctx), d->user, false);
  }
}

void scene_dialog_free(void *data) {
  DialogScene *d = data;
  if (!d) {
    return;
  }
  free(d->title);
  free(d->message);
  for (int i = 0; i < d->count; i++) {
    free(d->labels[i]);
  }
  free(d);
}

bool scene_dialog_event(SceneCtx *ctx, const InputEvent *ev) {
  DialogScene *d = ctx->data;
  UiResult r = ui_form_event(&d->form, ev);
  if (r.kind == UI_RESULT_ACTIVATE) {
    answer(ctx, r.id == 2);
    return true;
  }
  if (ev->type == INPUT_EVENT_ACTION &&
      (ev->action == INPUT_ACTION_BACK || (d->confirm_closes && ev->action == INPUT_ACTION_CONFIRM))) {
    answer(ctx, false);  // Back is button 0's answer, not a pop of the screen beneath
    return true;
  }
  return r.kind != UI_RESULT_IGNORED;
}

void scene_dialog_draw(SceneCtx *ctx) {
  DialogScene *d = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  UiDialogSpec spec = dialog_spec(d);
  ui_dialog_draw(&ui, &d->dialog, &spec);
  ui_form_draw(&ui, &d->form);
}
