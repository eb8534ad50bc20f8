// The title screen: the game's name, what it is for, the REAL / FABRICATED
// legend (chips: labels, not buttons) and the main menu.
//
// Layout (title_layout), from measured text at the current size:
//   - one column (name, tagline, legend, menu, key line) centred on the
//     canvas when it fits the height;
//   - else, on a canvas wide enough, two columns: the words at the start
//     side, the menu at the end side, each centred vertically;
//   - else one column with the menu's last four buttons two to a row.
// The name is fitted to its column between its full size and its Normal
// size; every other text keeps its role's size and wraps.
//
// The booster offer (issue #8): whenever the title is shown (enter,
// uncover) it asks the play layer whether the current player, or else the
// most recent one, is due a booster (play/booster.h, at app_unix_ms). When
// one is due, a dialog above the title offers it: "Start booster" (primary,
// focused) builds the 5-headline session and plays it as a round; "Not now"
// (or Back) puts the offer away for that player until the game starts again.

#include <math.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "base/log.h"
#include "base/str.h"
#include "play/booster.h"
#include "quiz/pack_library.h"
#include "scenes/menu_text.h"
#include "scenes/scenes.h"

enum { ID_PLAY = 1, ID_SCORES, ID_SETTINGS, ID_HELP, ID_QUIT, ID_BOOST_START, ID_BOOST_LATER };
#define MENU_COUNT 5
#define HINT_MAX 24
#define MENU_MAX_W 720.0f
#define WORDS_MAX_W 1400.0f
#define COLUMN_MIN_W 560.0f

typedef struct TitleScene {
  MenuSceneHead head;  // first: see scenes.h; texts: name, tagline, key line
  UiChip chips[2];     // REAL, FABRICATED
  char settings_hint[HINT_MAX], help_hint[HINT_MAX];
  int focus_id;  // the focused menu button, kept across layouts
  // The booster offer: showing while `offer.due`, for `offer_player`.
  PlayBoosterOffer offer;
  int64_t offer_player;
  char *offer_name;     // owned: the player's name as stored
  char *offer_message;  // owned: the dialog's sentence
  int64_t dismissed;    // the player who said "Not now" in this run, 0 for none
  UiDialog dialog;
  bool offer_titled;  // "Welcome back" above the sentence (left out when short of room)
  UiForm under;       // the menu as laid out, drawn beneath the dialog (never focused)
  char start_hint[HINT_MAX], later_hint[HINT_MAX];
} TitleScene;

static void title_free(void *data) {
  TitleScene *s = data;
  menu_text_free(&s->head.texts);
  free(s->offer_name);
  free(s->offer_message);
  free(s);
}

// ---- the booster offer -------------------------------------------------------------

static void offer_hide(TitleScene *s) {
  s->offer = (PlayBoosterOffer){0};
  s->offer_player = 0;
  free(s->offer_name);
  free(s->offer_message);
  s->offer_name = s->offer_message = NULL;
}

// The current player, or else the most recent one: *name owned. False when
// there is none (or the store cannot say).
static bool offer_candidate(App *app, int64_t *id, char **name) {
  if (app->player_id > 0 && app->player_name) {
    *id = app->player_id;
    *name = xstrdup(app->player_name);
    return true;
  }
  StorePlayerList list = {0};
  char *err = NULL;
  if (!store_recent_players(app->store, 1, &list, &err)) {
    log_warn("recent players not read for the booster offer: %s", err ? err : "?");
    free(err);
    return false;
  }
  bool found = list.count > 0;
  if (found) {
    *id = list.items[0].id;
    *name = xstrdup(list.items[0].name);
  }
  store_player_list_free(&list);
  return found;
}

// Asks the play layer again (the title is pushed or is back on top).
static void offer_check(App *app, TitleScene *s) {
  offer_hide(s);
  int64_t id = 0;
  char *name = NULL;
  if (!offer_candidate(app, &id, &name) || id == s->dismissed) {
    free(name);
    return;
  }
  PlayBoosterOffer o;
  char *err = NULL;
  if (!play_booster_offer(app->store, id, app_unix_ms(app), &o, &err)) {
    log_warn("booster offer not read: %s", err ? err : "?");
    free(err);
  }
  if (!o.due) {
    free(name);
    return;
  }
  s->offer = o;
  s->offer_player = id;
  s->offer_name = name;
  s->offer_message = xasprintf(_("Time for a 2-minute booster, %s: %d headlines on what you missed last time."), name,
                               (int)PLAY_BOOSTER_ITEMS);
}

// The push builds the title's data, the booster offer with it (its strings
// are freed by free_data).
void scene_title_push(App *app) {
  TitleScene *s = xcalloc(1, sizeof *s);
  s->focus_id = ID_PLAY;
  offer_check(app, s);
  engine_push_scene(app->engine, &scene_title_vtable, s);
}

static UiDialogSpec offer_spec(const TitleScene *s) {
  // Start to end side: the quiet answer, then the primary one.
  return (UiDialogSpec){
      .title = s->offer_titled ? _("Welcome back") : NULL,
      .message = s->offer_message,
      .labels = {_("Not now"), _("Start booster")},
      .count = 2,
      .centred = true,
  };
}

// The dialog's buttons replace the menu's in the form while it shows.
static void offer_layout(const Ui *ui, TitleScene *s) {
  s->offer_titled = true;
  UiDialogSpec spec = offer_spec(s);
  ui_dialog_layout(&s->dialog, ui, &spec);
  TextStyle body = ui_text_style(ui, THEME_TEXT_BODY, ui->theme->text);
  body.wrap_width = s->dialog.message.w;
  if (text_measure(ui->engine, s->offer_message, &body).h > s->dialog.message.h + 0.5f) {
    // The sentence says it all: its room goes before the greeting's.
    s->offer_titled = false;
    spec = offer_spec(s);
    ui_dialog_layout(&s->dialog, ui, &spec);
  }
  s->under = s->head.form;
  s->under.focus = UI_FOCUS_NONE;
  str_copy(s->start_hint, sizeof s->start_hint, game_key_hint(ui->engine, INPUT_ACTION_CONFIRM));
  str_copy(s->later_hint, sizeof s->later_hint, game_key_hint(ui->engine, INPUT_ACTION_BACK));
  ui_form_init(&s->head.form, ui->rtl);
  UiButton later = ui_button(ID_BOOST_LATER, s->dialog.buttons[0], spec.labels[0], UI_BUTTON_QUIET);
  later.key_hint = s->later_hint;
  UiButton start = ui_button(ID_BOOST_START, s->dialog.buttons[1], spec.labels[1], UI_BUTTON_PRIMARY);
  start.icon = ui->rtl ? DRAW_ICON_ARROW_LEFT : DRAW_ICON_PLAY;
  start.key_hint = s->start_hint;
  ui_form_add(&s->head.form, later);
  ui_form_add(&s->head.form, start);
  ui_form_focus_id(&s->head.form, ID_BOOST_START);
}

// The practice packs of the library that loaded (borrowed), *count of them.
static const Pack **loaded_packs(const App *app, size_t *count) {
  size_t n = pack_library_count(app->packs);
  const Pack **packs = xcalloc(n ? n : 1, sizeof *packs);
  *count = 0;
  for (size_t i = 0; i < n; i++) {
    const PackEntry *e = pack_library_get(app->packs, i);
    if (e->pack && !e->duplicate_id) {
      packs[(*count)++] = e->pack;
    }
  }
  return packs;
}

// Builds the booster and plays it as a round; a notice says why when it
// cannot be built (no practice pack has unseen headlines left).
static void offer_start(App *app, TitleScene *s) {
  char *err = NULL;
  if (s->offer_player != app->player_id && !app_set_player(app, s->offer_name, &err)) {
    scene_notice_push(app, _("No booster now"), err ? err : "");
    free(err);
    offer_hide(s);
    return;
  }
  size_t count = 0;
  const Pack **packs = loaded_packs(app, &count);
  PlayBoosterSpec spec = {
      .store = app->store,
      .player_id = app->player_id,
      .packs = packs,
      .pack_count = count,
      .step = s->offer.step,
      .seed = play_seed_next(&app->rng),
      .started_unix_ms = app_unix_ms(app),
      .run = app->run,
  };
  PlaySession *session = play_booster_create(&spec, &err);
  free(packs);
  offer_hide(s);
  if (!session) {
    s->dismissed = app->player_id;  // nothing to offer until the next start
    scene_notice_push(app, _("No booster now"), err ? err : _("There are no new headlines for a booster."));
    free(err);
    return;
  }
  app_select_pack(app, play_session_pack(session));
  scene_round_push_booster(app, session);
}

// ---- layout ----------------------------------------------------------------------

// The words of the screen measured at a column width.
typedef struct TitleWords {
  float w;
  TextStyle name, tag, keys;
  float name_h, tag_h, keys_h;
  bool chips_stacked;
  float chip_w, chips_h;
} TitleWords;

static const char *tagline(void) {
  return _("Practise telling real news headlines from fabricated ones.");
}

// "Playing as Ann · Arrow keys move, Enter chooses, F1 shows all keys" (owned).
static char *keys_line(const App *app) {
  StrBuf b = {0};
  if (app->player_name) {
    strbuf_appendf(&b, _("Playing as %s"), app->player_name);
    strbuf_append(&b, "   ·   ");
  }
  char confirm[HINT_MAX];
  str_copy(confirm, sizeof confirm, game_key_hint(app->engine, INPUT_ACTION_CONFIRM));
  strbuf_appendf(&b, _("Arrow keys move, %s chooses, %s shows all keys"), confirm,
                 game_key_hint(app->engine, INPUT_ACTION_HELP));
  return strbuf_take(&b);
}

static TitleWords measure_words(const Ui *ui, const TitleScene *s, const char *keys, float w) {
  const Theme *t = ui->theme;
  TitleWords m = {.w = w};
  m.name = menu_text_style(ui, THEME_TEXT_DISPLAY, t->text, TEXT_WEIGHT_BOLD, TEXT_ALIGN_CENTER);
  float name_w = text_measure(ui->engine, _("Prebunk"), &m.name).w;
  if (name_w > w) {
    // The one text that may shrink, never below its Normal size.
    m.name.size = fmaxf(theme_text_size_normal(THEME_TEXT_DISPLAY), floorf(m.name.size * w / name_w));
  }
  m.name_h = text_line_height(ui->engine, &m.name);
  m.tag = menu_text_style(ui, THEME_TEXT_BODY, t->text_muted, TEXT_WEIGHT_REGULAR, TEXT_ALIGN_CENTER);
  m.tag.wrap_width = w;
  m.tag_h = text_measure(ui->engine, tagline(), &m.tag).h;
  m.keys = menu_text_style(ui, THEME_TEXT_SMALL, t->text_muted, TEXT_WEIGHT_REGULAR, TEXT_ALIGN_CENTER);
  m.keys.wrap_width = w;
  m.keys_h = text_measure(ui->engine, keys, &m.keys).h;
  m.chip_w = fmaxf(ui_chip_width(ui, &s->chips[0]), ui_chip_width(ui, &s->chips[1]));
  m.chips_stacked = 2 * m.chip_w + ui_gap(ui) * 2 > w;
  float ch = ui_chip_height(ui);
  m.chips_h = m.chips_stacked ? 2 * ch + ui_gap(ui) : ch;
  return m;
}

// Name, tagline and legend from `y` down (and the key line when `keys` is
// not NULL); returns the bottom.
static float place_words(const Ui *ui, TitleScene *s, const TitleWords *m, float x, float y, const char *keys) {
  MenuTextPlan *p = &s->head.texts;
  float g = ui_gap(ui);
  menu_text_add_line(p, ui, _("Prebunk"), m->name, (Rect){x, y, m->w, m->name_h}, 0);
  y += m->name_h + g / 2;
  y += menu_text_add(p, ui, tagline(), m->tag, (Rect){x, y, m->w, 0}, 0) + g * 1.5f;
  float ch = ui_chip_height(ui);
  for (int i = 0; i < 2; i++) {
    float cw = ui_chip_width(ui, &s->chips[i]);  // side by side: each as wide as its word
    Rect r = m->chips_stacked ? (Rect){x + (m->w - m->chip_w) / 2, y + (float)i * (ch + g), m->chip_w, ch}
                              : (Rect){x + m->w / 2 + (i ? g : -g - cw), y, cw, ch};
    s->chips[i].rect = ui_mirror(ui, r);
  }
  y += m->chips_h;
  if (keys) {
    y += g * 1.5f;
    y += menu_text_add(p, ui, keys, m->keys, (Rect){x, y, m->w, 0}, 0);
  }
  return y;
}

// The menu's height at button height `bh`: one to a row, or (grid) Play
// alone and the other four two to a row.
static float menu_height(const Ui *ui, bool grid) {
  int rows = grid ? 3 : MENU_COUNT;
  return (float)rows * ui_button_h(ui) + (float)(rows - 1) * ui_gap(ui) * 0.75f;
}

static void place_menu(const Ui *ui, TitleScene *s, float x, float y, float w, bool grid) {
  static const struct {
    int id;
    const char *label;
  } items[MENU_COUNT] = {
      {ID_PLAY, N_("Play")}, {ID_SCORES, N_("High scores")}, {ID_SETTINGS, N_("Settings")},
      {ID_HELP, N_("Help")}, {ID_QUIT, N_("Quit")},
  };
  float bh = ui_button_h(ui), g = ui_gap(ui) * 0.75f;
  for (int i = 0; i < MENU_COUNT; i++) {
    Rect r = {x, y + (float)i * (bh + g), w, bh};
    if (grid && i > 0) {
      float half = (w - g) / 2;
      int row = 1 + (i - 1) / 2;  // two to a row after Play
      r = (Rect){x + (float)((i - 1) % 2) * (half + g), y + (float)row * (bh + g), half, bh};
    }
    UiButton b =
        ui_button(items[i].id, ui_mirror(ui, r), _(items[i].label), i == 0 ? UI_BUTTON_PRIMARY : UI_BUTTON_NORMAL);
    if (items[i].id == ID_PLAY) {
      b.icon = ui->rtl ? DRAW_ICON_ARROW_LEFT : DRAW_ICON_PLAY;
    } else if (items[i].id == ID_SETTINGS) {
      b.icon = UI_ICON_GEAR;
      b.key_hint = s->settings_hint;
    } else if (items[i].id == ID_HELP) {
      b.key_hint = s->help_hint;
    }
    ui_form_add(&s->head.form, b);
  }
}

static void title_layout(SceneCtx *ctx) {
  TitleScene *s = ctx->data;
  App *app = app_from_ctx(ctx);
  Ui ui = app_ui(app);
  int focused = ui_form_focused_id(&s->head.form);
  if (focused > 0 && focused < ID_BOOST_START) {
    s->focus_id = focused;
  }
  menu_text_clear(&s->head.texts);
  ui_form_init(&s->head.form, ui.rtl);
  str_copy(s->settings_hint, sizeof s->settings_hint, game_key_hint(app->engine, INPUT_ACTION_SETTINGS));
  str_copy(s->help_hint, sizeof s->help_hint, game_key_hint(app->engine, INPUT_ACTION_HELP));
  s->chips[0] = (UiChip){.label = _("REAL"), .icon = DRAW_ICON_CHECK, .kind = UI_CHIP_REAL};
  s->chips[1] = (UiChip){.label = _("FABRICATED"), .icon = DRAW_ICON_CROSS, .kind = UI_CHIP_FABRICATED};
  char *keys = keys_line(app);
  float m = ui_margin(&ui), g = ui_gap(&ui);
  Rect area = {m, m / 2, ui_w(&ui) - 2 * m, ui_h(&ui) - m};
  float words_w = fminf(WORDS_MAX_W, area.w), menu_w = fminf(MENU_MAX_W, area.w);
  TitleWords one = measure_words(&ui, s, keys, words_w);
  float column_h =
      one.name_h + g / 2 + one.tag_h + g * 1.5f + one.chips_h + g * 2 + menu_height(&ui, false) + g * 1.5f + one.keys_h;
  float col_w = (area.w - 2 * g) / 2;
  if (column_h <= area.h || col_w < COLUMN_MIN_W) {
    bool grid = column_h > area.h;
    if (grid) {
      column_h += menu_height(&ui, true) - menu_height(&ui, false);
    }
    float y = area.y + fmaxf(0, (area.h - column_h) / 2);
    y = place_words(&ui, s, &one, area.x + (area.w - words_w) / 2, y, NULL) + g * 2;
    place_menu(&ui, s, area.x + (area.w - menu_w) / 2, y, menu_w, grid);
    y += menu_height(&ui, grid) + g * 1.5f;
    menu_text_add(&s->head.texts, &ui, keys, one.keys, (Rect){area.x + (area.w - words_w) / 2, y, words_w, 0}, 0);
  } else {
    // Two columns: words at the start side, the menu at the end side.
    TitleWords two = measure_words(&ui, s, keys, col_w);
    float words_h = two.name_h + g / 2 + two.tag_h + g * 1.5f + two.chips_h + g * 1.5f + two.keys_h;
    place_words(&ui, s, &two, area.x, area.y + fmaxf(0, (area.h - words_h) / 2), keys);
    float mw = fminf(MENU_MAX_W, col_w), mh = menu_height(&ui, false);
    place_menu(&ui, s, area.x + area.w - col_w + (col_w - mw) / 2, area.y + fmaxf(0, (area.h - mh) / 2), mw, false);
  }
  free(keys);
  ui_form_focus_id(&s->head.form, s->focus_id);
  if (s->offer.due) {
    offer_layout(&ui, s);
  }
}

// Back on top: the player may have changed ("Playing as ..."), and a
// booster may have been played or fallen due meanwhile.
static void title_uncover(SceneCtx *ctx) {
  offer_check(app_from_ctx(ctx), ctx->data);
  title_layout(ctx);
}

// ---- events ----------------------------------------------------------------------

static void on_quit_answer(App *app, void *user, bool yes) {
  (void)user;
  if (yes) {
    engine_quit(app->engine);
  }
}

static void ask_quit(App *app) {
  scene_confirm_push(app, _("Quit Prebunk?"), _("Quit"), _("Keep playing"), on_quit_answer, NULL);
}

static void activate(App *app, int id) {
  switch (id) {
  case ID_PLAY:
    scene_packs_push(app);
    break;
  case ID_SCORES:
    scene_scores_push(app, NULL);
    break;
  case ID_SETTINGS:
    scene_settings_push(app);
    break;
  case ID_HELP:
    scene_help_push(app);
    break;
  case ID_QUIT:
    ask_quit(app);
    break;
  default:
    break;
  }
}

// The offer's answers; Back is "Not now". Help and Settings stay global.
static bool offer_event(SceneCtx *ctx, TitleScene *s, const InputEvent *ev) {
  App *app = app_from_ctx(ctx);
  UiResult r = ui_form_event(&s->head.form, ev);
  bool later = (r.kind == UI_RESULT_ACTIVATE && r.id == ID_BOOST_LATER) ||
               (r.kind == UI_RESULT_IGNORED && ev->type == INPUT_EVENT_ACTION && ev->action == INPUT_ACTION_BACK);
  if (later) {
    s->dismissed = s->offer_player;
    offer_hide(s);
    title_layout(ctx);
    return true;
  }
  if (r.kind == UI_RESULT_ACTIVATE && r.id == ID_BOOST_START) {
    offer_start(app, s);
    title_layout(ctx);
    return true;
  }
  return r.kind != UI_RESULT_IGNORED;
}

// Help and Settings keys are the global ones (app_keys.c); Back asks first
// here, as leaving the title quits the game.
static bool title_event(SceneCtx *ctx, const InputEvent *ev) {
  TitleScene *s = ctx->data;
  App *app = app_from_ctx(ctx);
  if (s->offer.due) {
    return offer_event(ctx, s, ev);
  }
  UiResult r = ui_form_event(&s->head.form, ev);
  if (r.kind == UI_RESULT_ACTIVATE) {
    activate(app, r.id);
    return true;
  }
  if (r.kind != UI_RESULT_IGNORED) {
    return true;
  }
  if (ev->type == INPUT_EVENT_ACTION && ev->action == INPUT_ACTION_BACK) {
    ask_quit(app);
    return true;
  }
  return false;
}

// ---- drawing ---------------------------------------------------------------------

static void title_draw(SceneCtx *ctx) {
  TitleScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  menu_text_draw(&ui, &s->head.texts, 0, 0);
  for (int i = 0; i < 2; i++) {
    ui_chip_draw(&ui, &s->chips[i]);
  }
  if (s->offer.due) {
    ui_form_draw(&ui, &s->under);
    UiDialogSpec spec = offer_spec(s);
    ui_dialog_draw(&ui, &s->dialog, &spec);
  }
  ui_form_draw(&ui, &s->head.form);
}

const SceneVTable scene_title_vtable = {
    .name = "title",
    .free_data = title_free,
    .layout = title_layout,
    .uncover = title_uncover,
    .event = title_event,
    .draw = title_draw,
};
