// "Which one is real?": a pair round. Two headlines on one topic, one real
// and one fabricated, the real one on a random side (play/pair.h): calling
// everything fake cannot win. After the choice both cards are stamped REAL
// and FALSE, and each opens its full explanation (the feedback page); the
// fabricated one is never left unstamped.

#include "scenes/training_scenes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/str.h"
#include "quiz/pack_library.h"
#include "scenes/gameplay.h"
#include "scenes/scenes.h"

enum { ID_CARD_LEFT = 1, ID_CARD_RIGHT = 2, ID_NEXT = 3, ID_DONE = 4 };

typedef enum PairPhase {
  PAIR_PHASE_CHOOSE,  // the two headlines, nothing revealed
  PAIR_PHASE_REVEAL,  // stamped, with Next
  PAIR_PHASE_DONE,    // the results page
  PAIR_PHASE_ERROR,   // the round could not start: why, and Back
} PairPhase;

typedef struct PairScene {
  UiForm form;  // first: see scenes.h
  App *app;     // borrowed: leave() records an unfinished round as abandoned
  const Pack *pack;
  PlayPairRound *round;  // owned
  PairPhase phase;
  PlayPairQuestion q;
  PlayPairResult res;
  bool ended;     // finished or abandoned (once)
  char *message;  // owned: the error, or the results sentence
  int pressed;    // card pressed by the pointer (0/1), -1 none
  // Layout.
  bool stacked;         // the cards one above the other (portrait, or long headlines)
  float headline_size;  // both headlines at one size, so size gives nothing away
  float foot_h;         // the taller of the two revealed feet
  char *foot_text[2];   // owned, after the choice
  Rect card[2], stamp[2], headline[2], foot[2], bottom, verdict, button;
  Rect message_box;
} PairScene;

static const PackItem *card_item(const PairScene *s, int side) {
  return side == PLAY_SIDE_LEFT ? s->q.left : s->q.right;
}

bool scene_pair_available(const App *app) {
  return app->pack && app->pack->kind == PACK_KIND_PRACTICE && play_pairs_available(app->pack, app->run) > 0;
}

void scene_pair_push(App *app) {
  PairScene *s = xcalloc(1, sizeof *s);
  s->app = app;
  s->pack = app->pack;
  s->pressed = -1;
  char *err = NULL;
  if (!s->pack) {
    s->message = xstrdup(_("Choose a pack first."));
  } else {
    PlayPairSpec spec = {.store = app->store,
                         .player_id = app->player_id,
                         .pack = s->pack,
                         .pairs = PLAY_PAIR_DEFAULT_COUNT,
                         .seed = play_seed_next(&app->rng),
                         .started_unix_ms = app_unix_ms(app),
                         .run = app->run};
    s->round = play_pair_round_create(&spec, &err);
    s->message = s->round ? NULL : (err ? err : xstrdup(_("This pack has no pairs to play.")));
  }
  if (s->round && play_pair_round_current(s->round, (int64_t)app_now_ms(app), &s->q)) {
    s->phase = PAIR_PHASE_CHOOSE;
  } else {
    s->phase = PAIR_PHASE_ERROR;
  }
  engine_push_scene(app->engine, &scene_pair_vtable, s);
}

bool scene_pair_start_demo(App *app, char **err) {
  for (size_t i = 0; !scene_pair_available(app) && i < pack_library_count(app->packs); i++) {
    const PackEntry *e = pack_library_get(app->packs, i);
    if (e->pack && play_pairs_available(e->pack, app->run) > 0) {
      app_select_pack(app, e->pack);
    }
  }
  if (!scene_pair_available(app)) {
    *err = xstrdup(_("No pack has pairs to play."));
    return false;
  }
  scene_pair_push(app);
  return true;
}

// ---- layout -------------------------------------------------------------------

static float line_h(const Ui *ui, ThemeText role, float lines) {
  return theme_text_size(ui->theme, role) * 1.3f * lines;
}

// The foot of a revealed card: where a real headline ran, or the technique
// a fabricated one used.
static char *card_foot(const PackItem *it) {
  if (it->answer == PACK_ANSWER_REAL) {
    char *date = gameplay_format_date(it->date);
    char *out = it->outlet && date ? xasprintf(_("Ran in %s, %s"), it->outlet, date)
                : it->outlet       ? xasprintf(_("Ran in %s"), it->outlet)
                                   : xstrdup(_("A real headline"));
    free(date);
    return out;
  }
  for (int t = 0; t < TECHNIQUE_COUNT; t++) {
    if (it->techniques & ((TechniqueSet)1 << t)) {
      return xasprintf(_("Made up: %s"), gameplay_technique_label((Technique)t));
    }
  }
  return xstrdup(_("Made up for this game"));
}

// The inside of one card: a stamp row on top and a foot (where a real
// headline ran, the technique of a made-up one) after the choice; the
// headline fills the rest.
static void layout_card(PairScene *s, const Ui *ui, int side) {
  Rect c = s->card[side];
  float pad = ui_gap(ui);
  Rect in = rect_inset(c, pad);
  bool revealed = s->phase == PAIR_PHASE_REVEAL;
  float stamp_h = revealed ? line_h(ui, THEME_TEXT_BUTTON, 1.0f) : 0;
  float foot_h = revealed ? s->foot_h : 0;
  s->stamp[side] = (Rect){in.x, in.y, in.w, stamp_h};
  float top = in.y + stamp_h + (revealed ? pad / 2 : 0);
  s->foot[side] = (Rect){in.x, in.y + in.h - foot_h, in.w, foot_h};
  s->headline[side] = (Rect){in.x, top, in.w, s->foot[side].y - (revealed ? pad / 2 : 0) - top};
}

static TextStyle headline_style(const Ui *ui, const PairScene *s, const PackItem *it, float size) {
  TextStyle hs = ui_text_style(ui, THEME_TEXT_BODY, ui->theme->text);
  hs.size = size;
  hs.lang = pack_item_lang(s->pack, it);
  hs.weight = TEXT_WEIGHT_BOLD;
  hs.align = TEXT_ALIGN_CENTER;
  hs.valign = TEXT_VALIGN_MIDDLE;
  return hs;
}

// The largest size, from the title size of the step down to the body size
// at Normal (the floor: never smaller than a Normal player sees), at which
// both headlines fit their boxes; 0 when even that does not fit.
static float fit_headlines(const Ui *ui, const PairScene *s) {
  float floor = theme_text_size_normal(THEME_TEXT_BODY);
  float top = theme_text_size(ui->theme, THEME_TEXT_TITLE);
  // Whole steps of 2 units, counted in an int (a float loop counter drifts).
  int steps = top >= floor ? (int)((top - floor) / 2.0f) : -1;
  for (int k = 0; k <= steps; k++) {
    float size = top - 2.0f * (float)k;
    bool fits = true;
    for (int side = 0; fits && side < 2; side++) {
      const PackItem *it = card_item(s, side);
      TextStyle hs = headline_style(ui, s, it, size);
      hs.wrap_width = s->headline[side].w - 2.0f;  // the measure rounds up a unit
      TextSize m = text_measure(ui->engine, it ? it->headline : "", &hs);
      fits = m.w <= s->headline[side].w && m.h <= s->headline[side].h;
    }
    if (fits) {
      return size;
    }
  }
  return 0;
}

static void layout_cards(PairScene *s, const Ui *ui, Rect area, bool stacked) {
  float gap = ui_gap(ui);
  s->stacked = stacked;
  if (stacked) {
    float h = (area.h - gap) / 2;
    s->card[0] = (Rect){area.x, area.y, area.w, h};
    s->card[1] = (Rect){area.x, area.y + h + gap, area.w, h};
  } else {
    float w = (area.w - gap) / 2;
    s->card[0] = (Rect){area.x, area.y, w, area.h};
    s->card[1] = (Rect){area.x + w + gap, area.y, w, area.h};
  }
  s->foot_h = 0;
  for (int side = 0; side < 2; side++) {
    free(s->foot_text[side]);
    s->foot_text[side] = NULL;
    const PackItem *it = card_item(s, side);
    if (s->phase != PAIR_PHASE_REVEAL || !it) {
      continue;
    }
    char *what = card_foot(it);
    s->foot_text[side] = xasprintf(_("%s. Select for why."), what);
    free(what);
    TextStyle fs = ui_text_style(ui, THEME_TEXT_SMALL, ui->theme->text);
    fs.wrap_width = s->card[side].w - 2 * ui_gap(ui) - 2.0f;
    float h = text_measure(ui->engine, s->foot_text[side], &fs).h + 2.0f;
    s->foot_h = h > s->foot_h ? h : s->foot_h;
  }
  for (int side = 0; side < 2; side++) {
    layout_card(s, ui, side);
  }
  s->headline_size = fit_headlines(ui, s);
}

static void add_card_buttons(PairScene *s, const Ui *ui) {
  static const int ids[2] = {ID_CARD_LEFT, ID_CARD_RIGHT};
  for (int side = 0; side < 2; side++) {
    const PackItem *it = card_item(s, side);
    UiButton b = ui_button(ids[side], s->card[side], it ? it->headline : "", UI_BUTTON_AREA);
    b.icon = UI_NO_ICON;
    ui_form_add(&s->form, b);
  }
  (void)ui;
}

static void pair_layout(SceneCtx *ctx) {
  PairScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  Rect content = ui_content_rect(&ui);
  float gap = ui_gap(&ui);
  float bh = ui_button_h(&ui);
  ui_form_init(&s->form, ui.rtl);
  ui_form_add_header(&s->form, &ui, true, true);

  // Bottom: the question and how to answer before a choice, the verdict and
  // Next after it.
  s->bottom = (Rect){content.x, ui_h(&ui) - ui_margin(&ui) / 2 - bh, content.w, bh};
  bool last = s->round && play_pair_round_index(s->round) + 1 >= play_pair_round_count(s->round);
  const char *label = s->phase == PAIR_PHASE_REVEAL ? (last ? _("See results") : _("Next")) : _("Done");
  float bw = ui_button_width(&ui, &(UiButton){.label = label, .icon = UI_NO_ICON, .key_hint = _("Enter")}, bh, true);
  if (bw > content.w / 2) {
    bw = content.w / 2;
  }
  s->button = ui_mirror(&ui, (Rect){content.x + content.w - bw, s->bottom.y, bw, bh});
  s->verdict = ui_mirror(&ui, (Rect){content.x, s->bottom.y, content.w - bw - gap, bh});
  s->message_box = (Rect){content.x, content.y, content.w, s->bottom.y - gap - content.y};

  // Side by side on a landscape canvas, unless the headlines only fit
  // stacked (long ones at the largest text sizes).
  Rect area = {content.x, content.y - gap, content.w, s->bottom.y - gap - (content.y - gap)};
  if (s->phase == PAIR_PHASE_CHOOSE || s->phase == PAIR_PHASE_REVEAL) {
    layout_cards(s, &ui, area, ui_h(&ui) > ui_w(&ui));
    if (s->headline_size <= 0) {
      layout_cards(s, &ui, area, !s->stacked);
    }
    if (s->headline_size <= 0) {
      layout_cards(s, &ui, area, ui_h(&ui) > ui_w(&ui));  // cut, and counted: it never should
      s->headline_size = theme_text_size_normal(THEME_TEXT_BODY);
    }
  }

  switch (s->phase) {
  case PAIR_PHASE_CHOOSE:
    add_card_buttons(s, &ui);
    break;
  case PAIR_PHASE_REVEAL: {
    add_card_buttons(s, &ui);
    UiButton next = ui_button(ID_NEXT, s->button, label, UI_BUTTON_PRIMARY);
    next.key_hint = _("Enter");
    ui_form_add(&s->form, next);
    ui_form_focus_id(&s->form, ID_NEXT);
    break;
  }
  case PAIR_PHASE_DONE:
  case PAIR_PHASE_ERROR: {
    UiButton done = ui_button(ID_DONE, s->button, _("Done"), UI_BUTTON_PRIMARY);
    done.key_hint = _("Enter");
    ui_form_add(&s->form, done);
    ui_form_focus_id(&s->form, ID_DONE);
    break;
  }
  }
}

// ---- playing -----------------------------------------------------------------

static void pair_end(PairScene *s, bool finished) {
  if (s->round && !s->ended) {
    s->ended = true;
    if (finished) {
      play_pair_round_finish(s->round, app_unix_ms(s->app));
    } else {
      play_pair_round_abandon(s->round, app_unix_ms(s->app));
    }
  }
}

static void pair_choose(SceneCtx *ctx, PairScene *s, PlaySide side) {
  App *app = app_from_ctx(ctx);
  if (s->phase != PAIR_PHASE_CHOOSE ||
      !play_pair_round_answer(s->round, side, (int64_t)app_now_ms(app), app_unix_ms(app), &s->res)) {
    return;
  }
  engine_play_sound(ctx->engine, s->res.correct ? SOUND_CUE_CORRECT : SOUND_CUE_WRONG);
  s->phase = PAIR_PHASE_REVEAL;
  pair_layout(ctx);
}

static void pair_show_results(PairScene *s) {
  size_t n = play_pair_round_result_count(s->round);
  int right = play_pair_round_correct(s->round);
  free(s->message);
  char *saved = play_pair_round_save_failed(s->round) ? xstrdup(_(" This round could not be saved.")) : xstrdup("");
  s->message = xasprintf(_("You found the real headline in %d of %zu pairs: %d points.%s\n\nIn a pair, one headline is "
                           "always real: calling everything fake never wins, and neither does believing everything."),
                         right, n, play_pair_round_score(s->round), saved);
  free(saved);
  s->phase = PAIR_PHASE_DONE;
}

static void pair_next(SceneCtx *ctx, PairScene *s) {
  App *app = app_from_ctx(ctx);
  if (play_pair_round_next(s->round) && play_pair_round_current(s->round, (int64_t)app_now_ms(app), &s->q)) {
    s->phase = PAIR_PHASE_CHOOSE;
  } else {
    pair_end(s, true);
    pair_show_results(s);
  }
  pair_layout(ctx);
}

// The full explanation of one card's headline (the feedback page, read-only),
// as if the player had said "real" of the card chosen and "fabricated" of
// the other.
static void pair_explain(SceneCtx *ctx, PairScene *s, int side) {
  const PackItem *it = card_item(s, side);
  if (!it || s->phase != PAIR_PHASE_REVEAL) {
    return;
  }
  bool chosen = (int)s->res.chosen == side;
  RoundAnswer a = {.item = it,
                   .answered = true,
                   .given = chosen ? PACK_ANSWER_REAL : PACK_ANSWER_FABRICATED,
                   .correct = s->res.correct,
                   .response_ms = s->res.response_ms};
  size_t i = play_pair_round_index(s->round);
  scene_feedback_push(app_from_ctx(ctx), FEEDBACK_MODE_REVIEW, s->pack, &a, i, play_pair_round_count(s->round), false,
                      NULL, NULL);
}

static void pair_activate(SceneCtx *ctx, PairScene *s, int id) {
  switch (id) {
  case ID_CARD_LEFT:
  case ID_CARD_RIGHT: {
    int side = id == ID_CARD_LEFT ? PLAY_SIDE_LEFT : PLAY_SIDE_RIGHT;
    if (s->phase == PAIR_PHASE_CHOOSE) {
      pair_choose(ctx, s, (PlaySide)side);
    } else {
      pair_explain(ctx, s, side);
    }
    break;
  }
  case ID_NEXT:
    pair_next(ctx, s);
    break;
  case ID_DONE:
    engine_pop_scene(ctx->engine);
    break;
  default:
    scene_header_activate(ctx, id);
    break;
  }
}

static int card_at(const PairScene *s, float x, float y) {
  for (int side = 0; side < 2; side++) {
    Rect r = s->card[side];
    if (x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h) {
      return side;
    }
  }
  return -1;
}

// A click or tap on a card: down and up over the same card.
static bool pair_pointer(SceneCtx *ctx, PairScene *s, const InputEvent *ev) {
  if (s->phase != PAIR_PHASE_CHOOSE && s->phase != PAIR_PHASE_REVEAL) {
    return false;
  }
  int side = card_at(s, ev->x, ev->y);
  if (ev->type == INPUT_EVENT_POINTER_DOWN) {
    s->pressed = side;
    return side >= 0;
  }
  if (ev->type == INPUT_EVENT_POINTER_UP) {
    bool hit = side >= 0 && side == s->pressed;
    s->pressed = -1;
    if (hit) {
      pair_activate(ctx, s, side == PLAY_SIDE_LEFT ? ID_CARD_LEFT : ID_CARD_RIGHT);
    }
    return hit;
  }
  return false;
}

// Left / Right pick (or, after the choice, focus) a card; on a portrait
// canvas Up / Down do the same for the top and bottom cards.
static bool pair_arrow(SceneCtx *ctx, PairScene *s, InputAction a) {
  int side = -1;
  if (a == INPUT_ACTION_LEFT || (s->stacked && a == INPUT_ACTION_UP)) {
    side = PLAY_SIDE_LEFT;
  } else if (a == INPUT_ACTION_RIGHT || (s->stacked && a == INPUT_ACTION_DOWN)) {
    side = PLAY_SIDE_RIGHT;
  }
  if (side < 0 || (s->phase != PAIR_PHASE_CHOOSE && s->phase != PAIR_PHASE_REVEAL)) {
    return false;
  }
  if (s->phase == PAIR_PHASE_CHOOSE) {
    pair_choose(ctx, s, (PlaySide)side);
  } else {
    ui_form_focus_id(&s->form, side == PLAY_SIDE_LEFT ? ID_CARD_LEFT : ID_CARD_RIGHT);
  }
  return true;
}

static bool pair_event(SceneCtx *ctx, const InputEvent *ev) {
  PairScene *s = ctx->data;
  if (ev->type == INPUT_EVENT_POINTER_DOWN || ev->type == INPUT_EVENT_POINTER_UP) {
    if (pair_pointer(ctx, s, ev)) {
      return true;
    }
  }
  if (ev->type == INPUT_EVENT_ACTION && !ev->repeat && pair_arrow(ctx, s, ev->action)) {
    return true;
  }
  UiResult r = ui_form_event(&s->form, ev);
  if (r.kind == UI_RESULT_ACTIVATE) {
    pair_activate(ctx, s, r.id);
    return true;
  }
  return r.kind != UI_RESULT_IGNORED;
}

static void pair_leave(SceneCtx *ctx) {
  PairScene *s = ctx->data;
  pair_end(s, false);  // nothing when it was finished
}

static void pair_free(void *data) {
  PairScene *s = data;
  play_pair_round_destroy(s->round);
  free(s->message);
  free(s->foot_text[0]);
  free(s->foot_text[1]);
  free(s);
}

// ---- drawing -----------------------------------------------------------------

static void draw_stamp(const Ui *ui, Rect box, bool real) {
  const Theme *t = ui->theme;
  TextStyle st = ui_text_style(ui, THEME_TEXT_BUTTON, real ? t->on_real : t->on_fabricated);
  st.weight = TEXT_WEIGHT_BOLD;
  st.valign = TEXT_VALIGN_MIDDLE;
  const char *word = real ? _("REAL") : _("FALSE");
  float icon = box.h * 0.6f;
  float w = text_measure(ui->engine, word, &st).w + icon + 3 * ui_gap(ui) / 2;
  if (w > box.w) {
    w = box.w;
  }
  Rect pill = ui_mirror(ui, (Rect){box.x, box.y, w, box.h});
  if (ui->rtl) {
    pill.x = box.x + box.w - w;
  }
  draw_round_rect(ui->engine, pill, t->radius, real ? t->real_fill : t->fabricated_fill);
  float g = ui_gap(ui) / 2;
  Rect ib = {ui->rtl ? pill.x + pill.w - g - icon : pill.x + g, pill.y + (pill.h - icon) / 2, icon, icon};
  ui_icon_draw(ui, real ? DRAW_ICON_CHECK : DRAW_ICON_CROSS, ib, st.color);
  Rect wb = {ui->rtl ? pill.x + g : ib.x + icon + g / 2, pill.y, pill.w - icon - 2 * g, pill.h};
  ui_text_line(ui, word, &st, wb, theme_text_size_normal(THEME_TEXT_BUTTON));
}

static void draw_card(const Ui *ui, const PairScene *s, int side) {
  const PackItem *it = card_item(s, side);
  if (!it) {
    return;
  }
  const Theme *t = ui->theme;
  bool revealed = s->phase == PAIR_PHASE_REVEAL;
  ui_card_draw(ui, s->card[side]);
  if (revealed) {
    bool real = it->answer == PACK_ANSWER_REAL;
    draw_round_rect_outline(ui->engine, s->card[side], t->radius, t->focus_thickness / 2,
                            real ? t->real : t->fabricated);
    draw_stamp(ui, s->stamp[side], real);
  }
  TextStyle hs = headline_style(ui, s, it, s->headline_size);
  ui_text_fitted(ui, it->headline, &hs, s->headline[side], theme_text_size_normal(THEME_TEXT_BODY));
  if (revealed && s->foot_text[side]) {
    TextStyle fs = ui_text_style(ui, THEME_TEXT_SMALL, t->text);
    fs.align = TEXT_ALIGN_CENTER;
    fs.valign = TEXT_VALIGN_MIDDLE;
    ui_text_fitted(ui, s->foot_text[side], &fs, s->foot[side], theme_text_size_normal(THEME_TEXT_SMALL));
  }
}

static void pair_draw(SceneCtx *ctx) {
  PairScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  const Theme *t = ui.theme;
  char title[64];
  if (s->round && s->phase != PAIR_PHASE_DONE) {
    snprintf(title, sizeof title, _("Pair %zu of %zu"), play_pair_round_index(s->round) + 1,
             play_pair_round_count(s->round));
  } else {
    snprintf(title, sizeof title, "%s", _("Pair round"));
  }
  ui_header_draw(&ui, title);
  TextStyle body = ui_text_style(&ui, THEME_TEXT_BODY, t->text);
  body.valign = TEXT_VALIGN_MIDDLE;
  if (s->phase == PAIR_PHASE_DONE || s->phase == PAIR_PHASE_ERROR) {
    body.valign = TEXT_VALIGN_TOP;
    ui_text_fitted(&ui, s->message ? s->message : "", &body, ui_mirror(&ui, s->message_box),
                   theme_text_size_normal(THEME_TEXT_BODY));
    ui_form_draw(&ui, &s->form);
    return;
  }
  for (int side = 0; side < 2; side++) {
    draw_card(&ui, s, side);
  }
  if (s->phase == PAIR_PHASE_REVEAL) {
    TextStyle vs = ui_text_style(&ui, THEME_TEXT_BODY, s->res.correct ? t->correct : t->wrong);
    vs.weight = TEXT_WEIGHT_BOLD;
    vs.valign = TEXT_VALIGN_MIDDLE;
    const char *v = s->res.correct ? _("Right!") : _("Not this time.");
    ui_text_fitted(&ui, v, &vs, s->verdict, theme_text_size_normal(THEME_TEXT_BODY));
  } else {
    TextStyle hs = ui_text_style(&ui, THEME_TEXT_BODY, t->text);
    hs.weight = TEXT_WEIGHT_BOLD;
    hs.align = TEXT_ALIGN_CENTER;
    hs.valign = TEXT_VALIGN_MIDDLE;
    ui_text_fitted(&ui, _("Which one is real?"), &hs, s->bottom, theme_text_size_normal(THEME_TEXT_BODY));
  }
  ui_form_draw(&ui, &s->form);
}

// ---- tests' looks ------------------------------------------------------------

const PlayPairRound *scene_pair_peek_round(const void *scene_data) {
  return scene_data ? ((const PairScene *)scene_data)->round : NULL;
}

Rect scene_pair_peek_card(const void *scene_data, int side) {
  return scene_data && (side == 0 || side == 1) ? ((const PairScene *)scene_data)->card[side] : (Rect){0};
}

bool scene_pair_peek_revealed(const void *scene_data) {
  return scene_data && ((const PairScene *)scene_data)->phase == PAIR_PHASE_REVEAL;
}

const SceneVTable scene_pair_vtable = {
    .name = "pair",
    .leave = pair_leave,
    .free_data = pair_free,
    .layout = pair_layout,
    .event = pair_event,
    .draw = pair_draw,
};
