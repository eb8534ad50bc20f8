// The round: one headline at a time, two big answers (REAL / FABRICATED),
// a countdown. The play session (play/session.h) draws the round and commits
// every answer to the store the moment it is given, so a crash or a quit
// keeps what was played; quitting marks the round abandoned (a round quit
// before its first answer is never stored). The rules (draw, timer, points)
// live in quiz/round.h.
//
// Leaving the question for a moment: P / Start / the header's Pause button
// open the pause menu (scene_pause.c); Esc / B ask "Quit this round?" as BACK
// does on every screen; F2 / the header's Settings button open the settings,
// F1 the help. Whatever covers the question freezes its timer and hides the
// headline (cover(); uncover() restarts it), so nobody gets reading time for
// free. A timed question pauses when the window loses the focus or is
// minimised: the pause menu is open when the player comes back and says why.

#include "scenes/gameplay.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/log.h"
#include "base/str.h"
#include "play/session.h"
#include "play/training.h"
#include "scenes/scenes.h"

enum {
  ID_REAL = 1,
  ID_FABRICATED = 2,
  ID_PAUSE = 3,
  // The tick cue sounds once a second for the last seconds of a question.
  ROUND_TICK_FROM_S = 5,
};

typedef struct RoundScene {
  UiForm form;           // first: see scenes.h
  PlaySession *session;  // owned: the round and its recording
  Round *round;          // borrowed from the session; NULL once handed to the summary
  const Pack *pack;
  char *error;  // the round could not start: shown instead (owned)
  // An overlay was requested this frame (pushes apply at its end; cover()
  // clears it): two keys in one frame must not stack two menus.
  bool overlay_requested;
  uint64_t now;  // time of the last update(), what draw() shows
  // Layout (round_layout), mirrored.
  Rect qbox, sbox, bar, secs, card, note;
  int last_tick_s;
  char hints[4][GAMEPLAY_HINT_SIZE];  // REAL, FABRICATED, Pause, Back keys (from the bindings)
} RoundScene;

// The round's data, built by the push (free_data releases it): `session`
// (taken: a prepared booster) or a new one for the chosen pack; when the
// round cannot start, the error it shows instead.
static RoundScene *round_data_create(App *app, PlaySession *session) {
  RoundScene *s = xcalloc(1, sizeof *s);
  s->last_tick_s = -1;
  s->session = session;
  s->pack = session ? play_session_pack(session) : app->pack;
  if (!s->pack) {
    s->error = xstrdup(_("Choose a pack first."));
    return s;
  }
  char *err = NULL;
  if (!s->session) {
    PlaySessionSpec spec = {
        .store = app->store,
        .player_id = app->player_id,
        .pack = s->pack,
        .settings = settings_round_settings(&app->settings, s->pack),
        // A seed of its own, stored with the round, reproduces its draw exactly.
        .seed = play_seed_next(&app->rng),
        .started_unix_ms = app_unix_ms(app),
        .run = app->run,
    };
    s->session = play_session_create(&spec, &err);
  }
  if (!s->session) {
    s->error = err ? err : xstrdup(_("This pack cannot be played."));
    return s;
  }
  s->round = play_session_round(s->session);
  return s;
}

void scene_round_push(App *app) {
  engine_push_scene(app->engine, &scene_round_vtable, round_data_create(app, NULL));
}

void scene_round_push_booster(App *app, PlaySession *session) {
  engine_push_scene(app->engine, &scene_round_vtable, round_data_create(app, session));
}

// ---- flow -------------------------------------------------------------------

static void round_start_next(App *app, RoundScene *s) {
  s->now = app_now_ms(app);
  s->last_tick_s = -1;
  round_start_question(s->round, (int64_t)s->now);
  // A fresh question starts with no button focused, so a stray Enter (from
  // the feedback screen) cannot answer it.
  s->form.focus = UI_FOCUS_NONE;
  engine_request_redraw(app->engine);
}

// After an answer's feedback (or straight after the answer in assessments):
// the next question, or the summary once the last one was answered.
static void round_advance(App *app, RoundScene *s) {
  if (!s->round) {
    return;
  }
  if (round_next(s->round)) {
    round_start_next(app, s);
    return;
  }
  play_session_finish(s->session, app_unix_ms(app));
  // The summary reads the taps the session holds (confidence, "Which
  // technique?"): made now, before the round leaves the session.
  PlaySummary *summary = play_summary_create(s->session);
  Round *done = play_session_take_round(s->session);
  s->round = NULL;
  engine_pop_scene(app->engine);
  scene_summary_push(app, done, summary);
}

static void on_feedback_done(App *app, void *user) {
  round_advance(app, user);
}

static void round_handle_result(App *app, RoundScene *s, const RoundAnswer *a) {
  size_t position = round_result_count(s->round) - 1;
  if (round_shows_feedback(s->round)) {
    // The feedback screen sounds the verdict when it shows it: after the
    // confidence tap, which must come before the player knows.
    bool last = position + 1 >= round_count(s->round);
    scene_feedback_push_answer(app, s->session, a, position, round_count(s->round), last, on_feedback_done, s);
  } else {
    // No feedback between questions (an assessment such as the MIST-20):
    // no right/wrong sound either, or the cue would tell the player what
    // the screen keeps back and change the test.
    round_advance(app, s);
  }
  engine_request_redraw(app->engine);
}

static void round_give(App *app, RoundScene *s, PackAnswer answer) {
  if (!s->round) {
    return;
  }
  RoundAnswer a;
  s->now = app_now_ms(app);
  if (play_session_answer(s->session, answer, (int64_t)s->now, app_unix_ms(app), &a)) {
    round_handle_result(app, s, &a);
  }
}

static void on_quit_answer(App *app, void *user, bool yes) {
  (void)user;
  if (yes) {
    // leave() records the round as abandoned; the answers given stay.
    engine_pop_scene(app->engine);
  }
}

// Quitting was confirmed in the pause menu (which has requested its pop).
static void on_pause_quit(App *app, void *user) {
  on_quit_answer(app, user, true);
}

// Before asking for a scene on top: the clock stops now (the rest of this
// frame's update() must not run it on), cover() keeps it stopped. False when
// something was already asked for this frame.
static bool round_cover(App *app, RoundScene *s) {
  if (s->overlay_requested) {
    return false;
  }
  if (s->round) {
    round_pause(s->round, (int64_t)app_now_ms(app));
  }
  s->overlay_requested = true;
  engine_request_redraw(app->engine);
  return true;
}

static void round_on_cover(SceneCtx *ctx) {
  RoundScene *s = ctx->data;
  s->overlay_requested = false;
  if (s->round) {
    round_pause(s->round, (int64_t)app_now_ms(app_from_ctx(ctx)));  // a no-op when already paused
  }
}

// On top again (the pause menu resumed, "Keep playing", Help or Settings
// closed): the question's clock runs on from where it stopped.
static void round_on_uncover(SceneCtx *ctx) {
  RoundScene *s = ctx->data;
  if (s->round && round_is_paused(s->round)) {
    s->now = app_now_ms(app_from_ctx(ctx));
    round_resume(s->round, (int64_t)s->now);
  }
  engine_request_redraw(ctx->engine);
}

static void round_ask_quit(App *app, RoundScene *s) {
  if (!round_cover(app, s)) {
    return;
  }
  scene_confirm_push(app, _("Quit this round? The answers you gave are kept."), _("Quit round"), _("Keep playing"),
                     on_quit_answer, s);
}

static void round_open_pause(App *app, RoundScene *s) {
  if (round_cover(app, s)) {
    scene_pause_push(app, on_pause_quit, s);
  }
}

// The window lost the focus (or was minimised) during a timed question: the
// pause menu opens, saying why, and stays until the player resumes.
static bool round_focus_lost(App *app, RoundScene *s) {
  if (!s->round || round_state(s->round) != ROUND_STATE_QUESTION || round_time_limit_ms(s->round) <= 0 ||
      round_is_paused(s->round)) {
    return false;  // nothing running (an overlay on top is already paused)
  }
  if (round_cover(app, s)) {
    scene_pause_push_background(app, on_pause_quit, s);
  }
  return true;
}

static void round_open_settings(App *app, RoundScene *s) {
  if (round_cover(app, s)) {
    scene_settings_push_in_round(app);
  }
}

static void round_open_help(App *app, RoundScene *s) {
  if (round_cover(app, s)) {
    scene_help_push(app);
  }
}

// ---- scene ------------------------------------------------------------------

// Logical units; everything else comes from the canvas and measured text.
#define RD_ANSWER_H 180.0f
#define RD_BAR_MIN_W 240.0f
#define RD_BAR_H 28.0f

static void add_back(UiForm *form, const Ui *ui, const char *hint) {
  UiButton back = ui_button(UI_ID_BACK, ui_header_start_rect(ui), _("Back"), UI_BUTTON_NORMAL);
  back.icon = ui->rtl ? DRAW_ICON_ARROW_RIGHT : DRAW_ICON_ARROW_LEFT;
  back.key_hint = hint;
  ui_form_add(form, back);
}

static void round_enter(SceneCtx *ctx) {
  RoundScene *s = ctx->data;
  if (s->round) {
    round_start_next(app_from_ctx(ctx), s);
  }
}

// The status row (question, countdown, score) from measured text: the bar
// takes what is between them, and gets a row of its own when that is too
// little (large text on 4:3); then the headline card and the answers.
static float layout_status(RoundScene *s, const Ui *ui, float y) {
  const Theme *t = ui->theme;
  Round *r = s->round;
  float cw = ui_w(ui) - 2 * ui_margin(ui);
  TextStyle bs = ui_text_style(ui, THEME_TEXT_BODY, t->text);
  bs.weight = TEXT_WEIGHT_BOLD;
  float line = text_line_height(ui->engine, &bs);
  char *q = xasprintf(_("Question %zu of %zu"), round_count(r), round_count(r));
  float qw = text_measure(ui->engine, q, &bs).w + 1.0f;
  free(q);
  bool assessment = !round_shows_feedback(r);
  TextStyle ss = ui_text_style(ui, assessment ? THEME_TEXT_SMALL : THEME_TEXT_BODY, t->text);
  ss.weight = TEXT_WEIGHT_BOLD;
  char *score = assessment ? xstrdup(_("Assessment: results at the end")) : xasprintf(_("Score: %d"), 9999);
  float sw = fminf(cw * 0.45f, text_measure(ui->engine, score, &ss).w + 1.0f);
  free(score);
  float secw = text_measure(ui->engine, "120 s", &bs).w + 1.0f;
  s->qbox = (Rect){ui_margin(ui), y, qw, line};
  s->sbox = (Rect){ui_margin(ui) + cw - sw, y, sw, line};
  float mid_x = ui_margin(ui) + qw + ui_gap(ui) * 1.5f;
  float mid_w = cw - qw - sw - 3 * ui_gap(ui);
  if (mid_w - secw - ui_gap(ui) < RD_BAR_MIN_W) {
    y += line + ui_gap(ui) * 0.5f;  // the countdown on a row of its own
    mid_x = ui_margin(ui);
    mid_w = cw;
  }
  s->bar = (Rect){mid_x, y + (line - RD_BAR_H) / 2, mid_w - secw - ui_gap(ui), RD_BAR_H};
  s->secs = (Rect){mid_x + mid_w - secw, y, secw, line};
  s->qbox = ui_mirror(ui, s->qbox);
  s->sbox = ui_mirror(ui, s->sbox);
  s->bar = ui_mirror(ui, s->bar);
  s->secs = ui_mirror(ui, s->secs);
  return y + line;
}

static void round_layout(SceneCtx *ctx) {
  RoundScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  int focus = s->form.focus;
  ui_form_init(&s->form, ui.rtl);
  // The start slot of the header holds Pause while a question can be
  // played, Back when the round could not start.
  ui_form_add_header(&s->form, &ui, false, true);
  if (s->error || !s->round) {
    add_back(&s->form, &ui, gameplay_key_hint(app_from_ctx(ctx), INPUT_ACTION_BACK, s->hints[3]));
    return;
  }
  float top = layout_status(s, &ui, ui_header_h(&ui) + ui_gap(&ui));
  float cw = ui_w(&ui) - 2 * ui_margin(&ui);
  float answers_y = ui_h(&ui) - ui_gap(&ui) - RD_ANSWER_H;
  float w = (cw - 2 * ui_gap(&ui)) / 2;
  UiButton real =
      ui_button(ID_REAL, ui_mirror(&ui, (Rect){ui_margin(&ui), answers_y, w, RD_ANSWER_H}), _("REAL"), UI_BUTTON_REAL);
  real.icon = DRAW_ICON_CHECK;
  real.key_hint = gameplay_key_hint(app_from_ctx(ctx), INPUT_ACTION_ANSWER_REAL, s->hints[0]);
  UiButton fake = ui_button(ID_FABRICATED, ui_mirror(&ui, (Rect){ui_margin(&ui) + cw - w, answers_y, w, RD_ANSWER_H}),
                            _("FABRICATED"), UI_BUTTON_FABRICATED);
  fake.icon = DRAW_ICON_CROSS;
  fake.key_hint = gameplay_key_hint(app_from_ctx(ctx), INPUT_ACTION_ANSWER_FABRICATED, s->hints[1]);
  ui_form_add(&s->form, real);
  ui_form_add(&s->form, fake);
  // Added after the answers: the first arrow key press lands on REAL.
  UiButton pause = ui_button(ID_PAUSE, ui_header_start_rect(&ui), _("Pause"), UI_BUTTON_NORMAL);
  pause.icon = DRAW_ICON_PAUSE;
  pause.key_hint = gameplay_key_hint(app_from_ctx(ctx), INPUT_ACTION_PAUSE, s->hints[2]);
  ui_form_add(&s->form, pause);
  s->form.focus = focus < s->form.count ? focus : UI_FOCUS_NONE;  // same buttons, same order
  float card_y = top + ui_gap(&ui);
  TextStyle ns = ui_text_style(&ui, THEME_TEXT_SMALL, ui.theme->text_muted);
  float note_h = text_line_height(ui.engine, &ns);
  s->card = (Rect){ui_margin(&ui), card_y, cw, answers_y - ui_gap(&ui) * 0.5f - note_h - card_y};
  s->note = (Rect){ui_margin(&ui), s->card.y + s->card.h + 2.0f, cw, note_h};
}

// Side effects only: the data stays until free_data.
static void round_leave(SceneCtx *ctx) {
  RoundScene *s = ctx->data;
  if (s && s->session) {
    // Quit (or the window closed) before the end; nothing when finished.
    play_session_abandon(s->session, app_unix_ms(app_from_ctx(ctx)));
  }
}

static void round_free(void *data) {
  RoundScene *s = data;
  if (!s) {
    return;
  }
  play_session_destroy(s->session);
  free(s->error);
  free(s);
}

// The answer on the physical left / right of the screen: REAL is on the
// reading-start side, so the arrows follow what the player sees.
static PackAnswer answer_on_side(const App *app, bool left) {
  return left != app->ui_rtl ? PACK_ANSWER_REAL : PACK_ANSWER_FABRICATED;
}

static bool round_event(SceneCtx *ctx, const InputEvent *ev) {
  App *app = app_from_ctx(ctx);
  RoundScene *s = ctx->data;
  if (s->error) {
    if (ev->type == INPUT_EVENT_ACTION && (ev->action == INPUT_ACTION_BACK || ev->action == INPUT_ACTION_CONFIRM)) {
      engine_pop_scene(ctx->engine);
    } else if (ev->type == INPUT_EVENT_ACTION && ev->action == INPUT_ACTION_HELP) {
      scene_help_push(app);
    } else if (ev->type == INPUT_EVENT_ACTION && ev->action == INPUT_ACTION_SETTINGS) {
      scene_settings_push(app);
    } else if (ev->type != INPUT_EVENT_ACTION) {
      UiResult res = ui_form_event(&s->form, ev);
      bool handled = res.kind == UI_RESULT_ACTIVATE && scene_header_activate(ctx, res.id);
      if (!handled && res.kind != UI_RESULT_IGNORED) {
        engine_request_redraw(ctx->engine);
      }
    }
    return true;
  }
  if (ev->type == INPUT_EVENT_FOCUS_LOST) {
    return round_focus_lost(app, s);
  }
  if (ev->type == INPUT_EVENT_ACTION) {
    switch (ev->action) {
    case INPUT_ACTION_ANSWER_REAL:
    case INPUT_ACTION_ANSWER_FABRICATED:
      if (!ev->repeat) {
        round_give(app, s, ev->action == INPUT_ACTION_ANSWER_REAL ? PACK_ANSWER_REAL : PACK_ANSWER_FABRICATED);
      }
      return true;
    case INPUT_ACTION_LEFT:
    case INPUT_ACTION_RIGHT:
      if (!ev->repeat) {
        round_give(app, s, answer_on_side(app, ev->action == INPUT_ACTION_LEFT));
      }
      return true;
    case INPUT_ACTION_BACK:
      // Back one step, as everywhere, but leaving a round asks first.
      round_ask_quit(app, s);
      return true;
    case INPUT_ACTION_PAUSE:
      if (!ev->repeat) {
        round_open_pause(app, s);
      }
      return true;
    case INPUT_ACTION_SETTINGS:
      round_open_settings(app, s);
      return true;
    case INPUT_ACTION_HELP:
      round_open_help(app, s);
      return true;
    default:
      break;
    }
  }
  UiResult res = ui_form_event(&s->form, ev);
  switch (res.kind) {
  case UI_RESULT_ACTIVATE:
    if (res.id == ID_REAL || res.id == ID_FABRICATED) {
      round_give(app, s, res.id == ID_REAL ? PACK_ANSWER_REAL : PACK_ANSWER_FABRICATED);
    } else if (res.id == ID_PAUSE) {
      round_open_pause(app, s);
    } else if (res.id == UI_ID_SETTINGS) {
      round_open_settings(app, s);
    } else if (res.id == UI_ID_HELP) {
      round_open_help(app, s);
    }
    break;
  case UI_RESULT_IGNORED:
    break;
  default:
    engine_request_redraw(ctx->engine);
    break;
  }
  return true;
}

static bool round_update(SceneCtx *ctx, uint64_t now, uint64_t dt) {
  (void)dt;
  App *app = app_from_ctx(ctx);
  RoundScene *s = ctx->data;
  if (!s->round) {
    return false;
  }
  if (s->overlay_requested) {
    return false;  // the overlay is pushed at the end of this frame
  }
  s->now = now;
  RoundAnswer a;
  if (play_session_tick(s->session, (int64_t)now, app_unix_ms(app), &a)) {
    round_handle_result(app, s, &a);
    return s->round && round_state(s->round) == ROUND_STATE_QUESTION && round_time_limit_ms(s->round) > 0;
  }
  if (round_state(s->round) != ROUND_STATE_QUESTION || round_time_limit_ms(s->round) <= 0 ||
      round_is_paused(s->round)) {
    return false;
  }
  int64_t left = round_time_left_ms(s->round, (int64_t)now);
  int secs = (int)((left + 999) / 1000);
  if (secs != s->last_tick_s) {
    if (s->last_tick_s >= 0 && secs <= ROUND_TICK_FROM_S && secs > 0 && app->settings.sound) {
      engine_play_sound(ctx->engine, SOUND_CUE_TICK);
    }
    s->last_tick_s = secs;
  }
  return true;
}

static void draw_status(const Ui *ui, const App *app, RoundScene *s) {
  const Theme *t = ui->theme;
  Round *r = s->round;
  bool assessment = !round_shows_feedback(r);
  size_t shown = round_index(r) < round_count(r) ? round_index(r) + 1 : round_count(r);
  char *q = xasprintf(_("Question %zu of %zu"), shown, round_count(r));
  ui_text_bold(ui, q, THEME_TEXT_BODY, t->text, s->qbox, TEXT_ALIGN_START, TEXT_VALIGN_MIDDLE);
  free(q);

  // An assessment shows no score: a rising score would tell which answers were right.
  char *score = assessment ? xstrdup(_("Assessment: results at the end")) : xasprintf(_("Score: %d"), round_score(r));
  TextStyle ss = ui_text_style(ui, assessment ? THEME_TEXT_SMALL : THEME_TEXT_BODY, t->text);
  ss.weight = TEXT_WEIGHT_BOLD;
  ss.align = TEXT_ALIGN_END;
  ss.valign = TEXT_VALIGN_MIDDLE;
  ui_text_line(ui, score, &ss, s->sbox, theme_text_size(t, THEME_TEXT_SMALL));
  free(score);

  int64_t limit = round_time_limit_ms(r);
  if (limit <= 0) {
    Rect area = {fminf(s->bar.x, s->secs.x), s->secs.y, fabsf(s->secs.x - s->bar.x) + s->secs.w, s->secs.h};
    ui_text(ui, _("No time limit"), THEME_TEXT_SMALL, t->text_muted, area, TEXT_ALIGN_CENTER, TEXT_VALIGN_MIDDLE);
    return;
  }
  int64_t left = round_time_left_ms(r, (int64_t)s->now);
  if (left < 0) {
    left = 0;
  }
  int secs = (int)((left + 999) / 1000);
  float frac = (float)left / (float)limit;
  if (app->settings.reduced_motion) {
    // Whole-second steps: no continuous movement at the edge of vision.
    frac = (float)secs * 1000.0f / (float)limit;
  }
  bool hurry = secs <= ROUND_TICK_FROM_S;
  draw_bar(ui->engine, s->bar, frac, hurry ? t->wrong : t->accent, t->bar_track, ui->rtl);
  char *sec = xasprintf(_("%d s"), secs);
  ui_text_bold(ui, sec, THEME_TEXT_BODY, hurry ? t->wrong : t->text, s->secs, TEXT_ALIGN_END, TEXT_VALIGN_MIDDLE);
  free(sec);
}

static void round_draw(SceneCtx *ctx) {
  App *app = app_from_ctx(ctx);
  RoundScene *s = ctx->data;
  Ui ui = app_ui(app);
  const Theme *t = ui.theme;
  ui_header_draw(&ui, s->pack ? s->pack->title : _("Round"));
  if (s->error || !s->round) {
    if (s->error) {
      Rect box = rect_inset(ui_content_rect(&ui), 40.0f);
      ui_text(&ui, s->error, THEME_TEXT_BODY, t->warning, box, TEXT_ALIGN_CENTER, TEXT_VALIGN_MIDDLE);
    }
    ui_form_draw(&ui, &s->form);
    return;
  }
  draw_status(&ui, app, s);

  const PackItem *item = round_current_item(s->round);
  if (!item && round_count(s->round) > 0) {
    item = round_item(s->round, round_count(s->round) - 1);
  }
  Rect card = s->card;
  if (round_is_paused(s->round)) {
    // Covered by the pause menu, a question, the help: the clock is stopped,
    // so the headline is not there to be read meanwhile.
    ui_card_draw(&ui, card);
    Rect mid = rect_center(card, card.w - 80.0f, 120.0f);
    float isz = 64.0f;
    ui_icon_draw(&ui, DRAW_ICON_PAUSE, ui_mirror(&ui, (Rect){mid.x + (mid.w - isz) / 2, mid.y - isz, isz, isz}),
                 t->text_muted);
    ui_text(&ui, _("Paused: the headline is hidden."), THEME_TEXT_BODY, t->text_muted,
            (Rect){mid.x, mid.y + 16.0f, mid.w, mid.h}, TEXT_ALIGN_CENTER, TEXT_VALIGN_TOP);
  } else if (item) {
    gameplay_headline_draw(&ui, s->pack, item, card, theme_text_size(t, THEME_TEXT_HEADLINE));
  }
  if (s->session && play_session_save_failed(s->session)) {
    ui_text(&ui, _("Scores are not being saved."), THEME_TEXT_SMALL, t->text_muted, s->note, TEXT_ALIGN_CENTER,
            TEXT_VALIGN_TOP);
  }
  ui_form_draw(&ui, &s->form);
}

const SceneVTable scene_round_vtable = {
    .name = "round",
    .enter = round_enter,
    .leave = round_leave,
    .free_data = round_free,
    .cover = round_on_cover,
    .uncover = round_on_uncover,
    .layout = round_layout,
    .event = round_event,
    .update = round_update,
    .draw = round_draw,
};

const Round *scene_round_peek(const void *scene_data) {
  const RoundScene *s = scene_data;
  return s ? s->round : NULL;
}

PlaySession *scene_round_peek_session(void *scene_data) {
  RoundScene *s = scene_data;
  return s ? s->session : NULL;
}

Rect scene_round_peek_card(const void *scene_data) {
  const RoundScene *s = scene_data;
  return s ? s->card : (Rect){0};
}
