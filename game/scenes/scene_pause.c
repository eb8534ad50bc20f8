// The pause menu of a round: Resume, Settings, Help, Quit this round. The
// round froze its question before pushing it and hides the headline while it
// is covered (no reading time for free); the round resumes by itself once it
// is back on top. Quitting asks first, as quitting from the question does.

#include <math.h>
#include <stdlib.h>

#include "engine/text.h"

#include "base/i18n.h"
#include "base/str.h"
#include "scenes/gameplay.h"
#include "scenes/scenes.h"

enum { ID_RESUME = 1, ID_SETTINGS = 2, ID_HELP = 3, ID_QUIT = 4 };

typedef struct PauseScene {
  UiForm form;  // first: see scenes.h
  ScenePauseQuitFn on_quit;
  void *user;
  bool closing;     // resume or quit requested: ignore the rest of the frame
  bool background;  // opened because the window lost the focus: say so
  Rect card;
  Rect title;
  Rect note;
  char hints[3][GAMEPLAY_HINT_SIZE];  // Resume, Settings, Help keys
} PauseScene;

static const char *pause_note(const PauseScene *s) {
  return s->background ? _("Paused while the window was in the background. The clock is stopped and the headline "
                           "is hidden until you resume.")
                       : _("The clock is stopped and the headline is hidden until you resume.");
}

// Geometry (logical units) (a column, so it is the same mirrored).
#define PAUSE_CARD_W 960.0f
#define PAUSE_BUTTON_W 700.0f
#define PAUSE_BUTTON_GAP 20.0f
#define PAUSE_TITLE_H 100.0f
#define PAUSE_NOTE_H 112.0f
#define PAUSE_PAD 44.0f

static void pause_push(App *app, ScenePauseQuitFn on_quit, void *user, bool background) {
  PauseScene *s = xcalloc(1, sizeof *s);
  s->on_quit = on_quit;
  s->user = user;
  s->background = background;
  engine_push_scene(app->engine, &scene_pause_vtable, s);
}

void scene_pause_push(App *app, ScenePauseQuitFn on_quit, void *user) {
  pause_push(app, on_quit, user, false);
}

void scene_pause_push_background(App *app, ScenePauseQuitFn on_quit, void *user) {
  pause_push(app, on_quit, user, true);
}

// The card and its buttons, centred on the canvas; the note's height from
// its measured text (it is longer after a focus loss).
static void pause_layout(SceneCtx *ctx) {
  PauseScene *s = ctx->data;
  App *app = app_from_ctx(ctx);
  Ui ui = app_ui(app);
  int focus = s->form.count ? ui_form_focused_id(&s->form) : UI_FOCUS_NONE;
  // The card as wide as the canvas allows; the buttons in one column, or
  // two by two when four rows would not fit the canvas (large text on 4:3).
  float card_w = fminf(ui_w(&ui) - 2 * ui_margin(&ui), fmaxf(PAUSE_CARD_W, PAUSE_CARD_W * ui.theme->layout_scale));
  float bh = ui_button_h(&ui);
  TextStyle ns = ui_text_style(&ui, THEME_TEXT_BODY, ui.theme->text_muted);
  ns.wrap_width = card_w - 2 * PAUSE_PAD;
  float note_h = fmaxf(PAUSE_NOTE_H, text_measure(ui.engine, pause_note(s), &ns).h + 16.0f);
  TextStyle ts = ui_text_style(&ui, THEME_TEXT_TITLE, ui.theme->text);
  float title_h = fmaxf(PAUSE_TITLE_H, text_line_height(ui.engine, &ts) + 12.0f);
  float chrome = PAUSE_PAD + title_h + note_h + PAUSE_PAD * 0.8f + PAUSE_PAD;
  bool grid = chrome + 4 * bh + 3 * PAUSE_BUTTON_GAP > ui_h(&ui) - 2 * ui_gap(&ui);
  float buttons_h = grid ? 2 * bh + PAUSE_BUTTON_GAP : 4 * bh + 3 * PAUSE_BUTTON_GAP;
  float h = chrome + buttons_h;
  s->card = (Rect){(ui_w(&ui) - card_w) / 2, (ui_h(&ui) - h) / 2, card_w, h};
  s->title = (Rect){s->card.x + PAUSE_PAD, s->card.y + PAUSE_PAD, s->card.w - 2 * PAUSE_PAD, title_h};
  s->note = (Rect){s->title.x, s->title.y + s->title.h, s->title.w, note_h};
  ui_form_init(&s->form, ui.rtl);
  float bw = grid ? (s->title.w - PAUSE_BUTTON_GAP) / 2 : fminf(s->title.w, PAUSE_BUTTON_W * ui.theme->layout_scale);
  float x = grid ? s->title.x : s->card.x + (s->card.w - bw) / 2;
  float y = s->note.y + s->note.h + PAUSE_PAD * 0.8f;
  struct {
    int id;
    const char *label;
    DrawIcon icon;
    const char *hint;
    UiButtonKind kind;
  } rows[] = {
      {ID_RESUME, _("Resume"), DRAW_ICON_PLAY, gameplay_key_hint(app, INPUT_ACTION_PAUSE, s->hints[0]),
       UI_BUTTON_PRIMARY},
      {ID_SETTINGS, _("Settings"), UI_ICON_GEAR, gameplay_key_hint(app, INPUT_ACTION_SETTINGS, s->hints[1]),
       UI_BUTTON_NORMAL},
      {ID_HELP, _("Help"), UI_NO_ICON, gameplay_key_hint(app, INPUT_ACTION_HELP, s->hints[2]), UI_BUTTON_NORMAL},
      {ID_QUIT, _("Quit this round"), UI_NO_ICON, NULL, UI_BUTTON_NORMAL},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    size_t row = grid ? i / 2 : i, col = grid ? i % 2 : 0;
    Rect r = {x + (float)col * (bw + PAUSE_BUTTON_GAP), y + (float)row * (bh + PAUSE_BUTTON_GAP), bw, bh};
    UiButton b = ui_button(rows[i].id, ui_mirror(&ui, r), rows[i].label, rows[i].kind);
    b.icon = rows[i].icon;
    b.key_hint = rows[i].hint;
    ui_form_add(&s->form, b);
  }
  if (focus == UI_FOCUS_NONE || !ui_form_focus_id(&s->form, focus)) {
    ui_form_focus_id(&s->form, ID_RESUME);  // Enter right away resumes
  }
}

static void pause_free(void *data) {
  free(data);
}

static void resume(SceneCtx *ctx, PauseScene *s) {
  if (s->closing) {
    return;
  }
  s->closing = true;
  engine_pop_scene(ctx->engine);
}

static void on_quit_answer(App *app, void *user, bool yes) {
  PauseScene *s = user;
  if (!yes || s->closing) {
    return;  // "Keep playing": back to the pause menu, still paused
  }
  s->closing = true;
  // The confirm has requested its own pop; then this menu, then the round
  // (through the callback): all applied at the end of this frame, in order.
  engine_pop_scene(app->engine);
  if (s->on_quit) {
    s->on_quit(app, s->user);
  }
}

static void ask_quit(App *app, PauseScene *s) {
  scene_confirm_push(app, _("Quit this round? The answers you gave are kept."), _("Quit round"), _("Keep playing"),
                     on_quit_answer, s);
}

// Help and the sound key are the global ones (app_keys.c); Settings opens
// the in-round settings screen, so it is handled here.
static bool pause_event(SceneCtx *ctx, const InputEvent *ev) {
  PauseScene *s = ctx->data;
  App *app = app_from_ctx(ctx);
  if (s->closing) {
    return true;  // the menu is going: nothing else may happen on top of the round
  }
  UiResult r = ui_form_event(&s->form, ev);
  if (r.kind == UI_RESULT_ACTIVATE) {
    switch (r.id) {
    case ID_RESUME:
      resume(ctx, s);
      break;
    case ID_SETTINGS:
      scene_settings_push_in_round(app);
      break;
    case ID_HELP:
      scene_help_push(app);
      break;
    case ID_QUIT:
      ask_quit(app, s);
      break;
    default:
      break;
    }
    return true;
  }
  if (r.kind != UI_RESULT_IGNORED) {
    return true;
  }
  if (ev->type != INPUT_EVENT_ACTION) {
    return false;  // a pointer over the scrim: nothing to draw
  }
  switch (ev->action) {
  case INPUT_ACTION_PAUSE:  // P / Start again: the same key un-pauses
  case INPUT_ACTION_BACK:   // Esc / B: leave the menu, i.e. resume
    if (!ev->repeat) {
      resume(ctx, s);
    }
    return true;
  case INPUT_ACTION_SETTINGS:
    scene_settings_push_in_round(app);
    return true;
  default:
    return false;
  }
}

static void pause_draw(SceneCtx *ctx) {
  PauseScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  const Theme *t = ui.theme;
  ui_scrim_draw(&ui);
  ui_card_draw(&ui, s->card);
  // The pause icon beside the word, as on the round's Pause button.
  TextStyle ts = ui_text_style(&ui, THEME_TEXT_TITLE, t->text);
  ts.weight = TEXT_WEIGHT_BOLD;
  ts.align = TEXT_ALIGN_CENTER;
  ts.valign = TEXT_VALIGN_MIDDLE;
  const char *title = _("Paused");
  float tw = text_measure(ui.engine, title, &ts).w;
  float isz = ts.size * 0.8f, igap = 20.0f;
  if (tw + isz + igap > s->title.w) {
    tw = s->title.w - isz - igap;
  }
  float gx = s->title.x + (s->title.w - tw - isz - igap) / 2;
  Rect icon = {gx, s->title.y + (s->title.h - isz) / 2, isz, isz};
  Rect word = {gx + isz + igap, s->title.y, tw, s->title.h};
  ui_icon_draw(&ui, DRAW_ICON_PAUSE, ui_mirror(&ui, icon), t->text);
  ui_text_line(&ui, title, &ts, ui_mirror(&ui, word), 30);
  TextStyle ns = ui_text_style(&ui, THEME_TEXT_BODY, t->text_muted);
  ns.align = TEXT_ALIGN_CENTER;
  ns.valign = TEXT_VALIGN_MIDDLE;
  ns.wrap_width = s->note.w;
  text_draw(ui.engine, pause_note(s), &ns, s->note);
  ui_form_draw(&ui, &s->form);
}

const SceneVTable scene_pause_vtable = {
    .name = "pause",
    .overlay = true,
    .free_data = pause_free,
    .layout = pause_layout,
    .event = pause_event,
    .draw = pause_draw,
};
