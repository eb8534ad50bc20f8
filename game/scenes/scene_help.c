// The help overlay: every key (keyboard and controller) and the scoring
// rules, reachable from every screen with F1, H, the controller's Back
// button or the header's Help button (and from the round's pause menu).

#include <stdlib.h>

#include "base/i18n.h"
#include "base/str.h"
#include "scenes/scenes.h"

enum { ID_CLOSE = 1 };

typedef struct HelpScene {
  UiForm form;
  Rect card;
  bool text_input_was_active;
} HelpScene;

typedef struct HelpKey {
  const char *keys;        // keyboard
  const char *controller;  // game controller
  const char *action;
} HelpKey;

static const HelpKey help_keys[] = {
    {N_("R or Left"), N_("X"), N_("Answer REAL")},
    {N_("F or Right"), N_("Y"), N_("Answer FABRICATED")},
    {N_("Arrow keys"), N_("D-pad or stick"), N_("Move between buttons and lists")},
    {N_("Enter or Space"), N_("A"), N_("Choose, continue")},
    {N_("Esc"), N_("B"), N_("Back one step (asks before leaving a round)")},
    {N_("P"), N_("Start"), N_("Pause the round (the clock stops)")},
    {N_("F1 or H"), N_("Back"), N_("This help")},
    {N_("F2"), N_("-"), N_("Settings, from every screen")},
    {N_("M"), N_("-"), N_("Sound on or off")},
    {N_("F11 or Alt+Enter"), N_("-"), N_("Fullscreen on or off")},
};
#define HELP_KEY_COUNT (sizeof help_keys / sizeof help_keys[0])

static const char *const help_rules[] = {
    N_("100 points for a correct answer."),
    N_("A speed bonus of up to 50 for answering early (can be turned off in Settings)."),
    N_("Nothing is taken away for a wrong answer."),
    N_("No streak bonus: every question counts the same."),
    N_("Calling everything fabricated is as wrong as believing everything: the summary shows both kinds of mistake."),
};
#define HELP_RULE_COUNT (sizeof help_rules / sizeof help_rules[0])

void scene_help_push(App *app) {
  // One help at a time: asking again from the help itself does nothing.
  if (engine_top_scene(app->engine) == &scene_help_vtable) {
    return;
  }
  engine_push_scene(app->engine, &scene_help_vtable, xcalloc(1, sizeof(HelpScene)));
}

static void help_enter(SceneCtx *ctx) {
  HelpScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  // The name field beneath stops taking letters while help is open.
  s->text_input_was_active = engine_text_input_active(ctx->engine);
  engine_text_input_stop(ctx->engine);
  s->card = (Rect){48, 40, ui_w(&ui) - 96, ui_h(&ui) - 80};
  ui_form_init(&s->form, ui.rtl);
  float bw = 380;
  Rect close = {s->card.x + s->card.w - 48 - bw, s->card.y + s->card.h - 40 - UI_BUTTON_H, bw, UI_BUTTON_H};
  UiButton b = ui_button(ID_CLOSE, ui_mirror(&ui, close), _("Close"), UI_BUTTON_PRIMARY);
  b.key_hint = _("Esc");
  ui_form_add(&s->form, b);
}

static void help_leave(SceneCtx *ctx) {
  HelpScene *s = ctx->data;
  if (s && s->text_input_was_active) {
    engine_text_input_start(ctx->engine);
  }
  free(s);
}

static bool help_event(SceneCtx *ctx, const InputEvent *ev) {
  HelpScene *s = ctx->data;
  UiResult r = ui_form_event(&s->form, ev);
  if (r.kind == UI_RESULT_ACTIVATE ||
      (ev->type == INPUT_EVENT_ACTION &&
       (ev->action == INPUT_ACTION_BACK || ev->action == INPUT_ACTION_HELP || ev->action == INPUT_ACTION_CONFIRM))) {
    engine_pop_scene(ctx->engine);
  }
  engine_request_redraw(ctx->engine);
  return true;
}

// Lays the key table out at `scale` times the themed sizes; returns its height.
static float keys_layout(const Ui *ui, Rect box, float scale, bool draw) {
  const Theme *t = ui->theme;
  TextStyle head = ui_text_style(ui, THEME_TEXT_SMALL, t->text_muted);
  head.weight = TEXT_WEIGHT_BOLD;
  head.size = (float)(int)(head.size * scale);
  TextStyle body = ui_text_style(ui, THEME_TEXT_BODY, t->text);
  body.size = (float)(int)(body.size * scale);
  TextStyle key = body;
  key.weight = TEXT_WEIGHT_BOLD;
  float c1 = box.w * 0.30f, c2 = box.w * 0.22f, gap = 24;
  float c3 = box.w - c1 - c2 - 2 * gap;
  key.wrap_width = c1;
  body.wrap_width = c3;
  float y = box.y;
  float head_h = text_line_height(ui->engine, &head) + 12;
  if (draw) {
    Rect h1 = {box.x, y, c1, head_h}, h2 = {box.x + c1 + gap, y, c2, head_h},
         h3 = {box.x + c1 + c2 + 2 * gap, y, c3, head_h};
    text_draw(ui->engine, _("Keyboard"), &head, ui_mirror(ui, h1));
    text_draw(ui->engine, _("Controller"), &head, ui_mirror(ui, h2));
    text_draw(ui->engine, _("What it does"), &head, ui_mirror(ui, h3));
  }
  y += head_h;
  for (size_t i = 0; i < HELP_KEY_COUNT; i++) {
    const HelpKey *k = &help_keys[i];
    TextStyle ctrl = key;
    ctrl.wrap_width = c2;
    float h = text_measure(ui->engine, _(k->keys), &key).h;
    float h2 = text_measure(ui->engine, _(k->controller), &ctrl).h;
    float h3 = text_measure(ui->engine, _(k->action), &body).h;
    float row_h = h > h2 ? h : h2;
    row_h = (row_h > h3 ? row_h : h3) + 14 * scale;
    if (draw) {
      Rect r1 = {box.x, y, c1, row_h}, r2 = {box.x + c1 + gap, y, c2, row_h},
           r3 = {box.x + c1 + c2 + 2 * gap, y, c3, row_h};
      text_draw(ui->engine, _(k->keys), &key, ui_mirror(ui, r1));
      text_draw(ui->engine, _(k->controller), &ctrl, ui_mirror(ui, r2));
      text_draw(ui->engine, _(k->action), &body, ui_mirror(ui, r3));
      draw_fill_rect(ui->engine, ui_mirror(ui, (Rect){box.x, y + row_h - 7 * scale, box.w, 2}), t->border);
    }
    y += row_h;
  }
  return y - box.y;
}

static float rules_layout(const Ui *ui, Rect box, float scale, bool draw, bool speed_bonus) {
  const Theme *t = ui->theme;
  TextStyle body = ui_text_style(ui, THEME_TEXT_BODY, t->text);
  body.size = (float)(int)(body.size * scale);
  float bullet = 36 * scale;
  body.wrap_width = box.w - bullet;
  float y = box.y;
  for (size_t i = 0; i < HELP_RULE_COUNT + 1; i++) {
    const char *line = i < HELP_RULE_COUNT ? _(help_rules[i])
                       : speed_bonus       ? _("The speed bonus is on now.")
                                           : _("The speed bonus is off now.");
    TextStyle st = body;
    if (i == HELP_RULE_COUNT) {
      st.color = t->text_muted;
    }
    float h = text_measure(ui->engine, line, &st).h;
    if (draw) {
      if (i < HELP_RULE_COUNT) {
        float d = 12 * scale;
        float lh = text_line_height(ui->engine, &st);
        draw_circle(ui->engine, ui_mirror(ui, (Rect){box.x + d, y + lh / 2, 0, 0}).x, y + lh / 2, d / 2, t->accent);
      }
      text_draw(ui->engine, line, &st, ui_mirror(ui, (Rect){box.x + bullet, y, box.w - bullet, h}));
    }
    y += h + 18 * scale;
  }
  return y - box.y;
}

static void help_draw(SceneCtx *ctx) {
  HelpScene *s = ctx->data;
  App *app = app_from_ctx(ctx);
  Ui ui = app_ui(app);
  const Theme *t = ui.theme;
  ui_scrim_draw(&ui);
  ui_card_draw(&ui, s->card);
  float pad = 56;
  Rect title = {s->card.x + pad, s->card.y + 28, s->card.w - 2 * pad, 90};
  ui_text_bold(&ui, _("Help"), THEME_TEXT_TITLE, t->text, ui_mirror(&ui, title), TEXT_ALIGN_START, TEXT_VALIGN_MIDDLE);

  float top = title.y + title.h + 16;
  float bottom = s->card.y + s->card.h - 40 - UI_BUTTON_H - 16;
  float col_gap = 64;
  float keys_w = (s->card.w - 2 * pad - col_gap) * 0.60f;
  Rect keys = {s->card.x + pad, top, keys_w, bottom - top};
  Rect rules = {keys.x + keys_w + col_gap, top, s->card.w - 2 * pad - col_gap - keys_w, bottom - top};
  float rules_head = 70;
  Rect rules_body = {rules.x, rules.y + rules_head, rules.w, rules.h - rules_head};

  // Shrink both columns together until they fit (large text steps).
  float scale = 1.0f;
  while (scale > 0.6f && (keys_layout(&ui, keys, scale, false) > keys.h ||
                          rules_layout(&ui, rules_body, scale, false, app->settings.speed_bonus) > rules_body.h)) {
    scale -= 0.05f;
  }
  keys_layout(&ui, keys, scale, true);
  ui_text_bold(&ui, _("Scoring"), THEME_TEXT_BODY, t->text, ui_mirror(&ui, (Rect){rules.x, rules.y, rules.w, 60}),
               TEXT_ALIGN_START, TEXT_VALIGN_TOP);
  rules_layout(&ui, rules_body, scale, true, app->settings.speed_bonus);
  ui_form_draw(&ui, &s->form);
}

const SceneVTable scene_help_vtable = {
    .name = "help",
    .overlay = true,
    .enter = help_enter,
    .leave = help_leave,
    .event = help_event,
    .draw = help_draw,
};
