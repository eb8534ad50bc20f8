// The gameplay screens at every shape and text size: the summary's plain
// words and its Details view, one-click review, nothing left out at
// 1024x768 and the largest text; the feedback's fixed part above the fold.
// Headless, a real App, pushed SDL input, a manual clock.

#include "support/test_support.h"

#include "scene_test_support.h"

#include <SDL.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/log.h"
#include "base/rng.h"
#include "base/str.h"
#include "engine/engine.h"
#include "engine/text.h"
#include "play/session.h"
#include "play/training.h"
#include "quiz/measures.h"
#include "quiz/pack_library.h"
#include "quiz/pack_load.h"
#include "quiz/round.h"
#include "scenes/app.h"
#include "scenes/gameplay.h"
#include "scenes/scenes.h"

typedef SceneTestFixture Fixture;

// The shapes the game supports: 4:3, 16:9 at three sizes, 16:10, 21:9 and a
// portrait tablet.
static const int shapes[][2] = {
    {1024, 768}, {1366, 768}, {1920, 1080}, {3840, 2160}, {1680, 1050}, {2560, 1080}, {768, 1024},
};
enum { SHAPES = sizeof shapes / sizeof shapes[0] };

static Fixture *fixture_make(void) {
  Fixture *f = scene_test_fixture_create();
  char *starter = test_source_path("quizzes/starter-en.xml");
  f->pack_path = xstrdup(starter);
  free(starter);
  f->app = scene_test_app_create(f, &(SceneTestAppOptions){.seed = 7, .width = 1024, .height = 768});
  char *err = NULL;
  assert_non_null(f->app->pack);
  assert_true(app_set_player(f->app, "Tester", &err));
  f->app->settings.sound = false;
  return f;
}

static void set_text_size(Fixture *f, SettingsTextSize size) {
  f->app->settings.text_size = size;
  app_apply_settings(f->app);
  engine_relayout(f->app->engine);
  scene_test_step(f);
}

// A finished 10-question round of the starter pack, played through a
// session that records nothing, in a pattern that gives every pile
// something: every third "fabricated", every fourth left to time out, the
// rest "real"; "sure" on every answer, "Which technique?" answered right.
// The round and *summary (made before the round was taken) are the caller's.
static Round *played_round(const Pack *pack, PlaySummary **summary) {
  PlaySessionSpec spec = {.pack = pack, .settings = round_settings_default(pack), .seed = 42};
  spec.settings.questions = 10;
  spec.settings.seconds_per_question = 20;
  char *err = NULL;
  PlaySession *s = play_session_create(&spec, &err);
  assert_non_null(s);
  Round *r = play_session_round(s);
  int64_t now = 0;
  for (int i = 0; !round_is_finished(r); i++) {
    assert_true(round_start_question(r, now));
    RoundAnswer a;
    if (i % 4 == 3) {
      now += 21000;
      assert_true(play_session_tick(s, now, 0, &a));
    } else {
      now += 3000;
      assert_true(play_session_answer(s, i % 3 == 0 ? PACK_ANSWER_FABRICATED : PACK_ANSWER_REAL, now, 0, &a));
      assert_true(play_session_confidence(s, PLAY_CONFIDENCE_SURE));
      PlayTechniqueQuestion q;
      if (play_session_technique_question(s, &q)) {
        assert_true(play_session_technique_answer(s, q.choices[q.right], NULL));
      }
    }
    round_next(r);
  }
  *summary = play_summary_create(s);
  r = play_session_take_round(s);
  play_session_destroy(s);
  return r;
}

// With PREBUNK_SHOT_DIR set, saves the screen as NAME-WxH-T.png there (to be
// looked at; the assertions do not need it).
static void shot(Fixture *f, const char *name, int w, int h, int ts) {
  const char *dir = getenv("PREBUNK_SHOT_DIR");
  if (!dir) {
    return;
  }
  char *path = xasprintf("%s/%s-%dx%d-%s.png", dir, name, w, h, settings_text_size_name((SettingsTextSize)ts));
  char *err = NULL;
  if (!engine_save_screenshot(f->app->engine, path, &err)) {
    fail_msg("%s: %s", path, err);
  }
  free(path);
}

static void *top_data(Fixture *f) {
  return engine_scene_data(f->app->engine, 0);
}

static void push_summary(Fixture *f) {
  scene_packs_push(f->app);
  PlaySummary *summary;
  Round *round = played_round(f->app->pack, &summary);
  scene_summary_push(f->app, round, summary);
  scene_test_step(f);
  assert_string_equal(scene_test_top(f->app), "summary");
}

// The summary fits at every shape, at Normal and at the largest text size,
// in its plain view and its Details view: nothing left out, nothing past the
// buttons.
static void test_summary_fits_every_shape(void **state) {
  (void)state;
  Fixture *f = fixture_make();
  push_summary(f);
  const Measures *m = scene_summary_peek_measures(top_data(f));
  assert_true(m->unanswered > 0);  // the time-out lines are shown too
  assert_true(m->missed_count > 0);
  for (int ts = SETTINGS_TEXT_NORMAL; ts < SETTINGS_TEXT_COUNT; ts++) {
    set_text_size(f, (SettingsTextSize)ts);
    for (int i = 0; i < SHAPES; i++) {
      engine_set_window_size(f->app->engine, shapes[i][0], shapes[i][1]);
      scene_test_step(f);
      for (int view = 0; view < 2; view++) {
        assert_int_equal(scene_summary_peek_details(top_data(f)), view == 1);
        shot(f, view ? "summary-details" : "summary", shapes[i][0], shapes[i][1], ts);
        if (scene_summary_peek_overflow(top_data(f))) {
          fail_msg("summary (%s) does not fit at %dx%d, text size %d", view ? "details" : "plain", shapes[i][0],
                   shapes[i][1], ts);
        }
        if (view == 1) {
          // The Details page scrolls where it is longer than the screen:
          // Down reaches its end, so nothing is out of reach.
          float off, max;
          for (int k = 0; k < 40; k++) {
            scene_test_push_key(f->app, SDLK_DOWN);
          }
          scene_test_steps(f->app, 3);
          scene_summary_peek_scroll(top_data(f), &off, &max);
          assert_true(off == max);
          scene_test_steps(f->app, 1);
        }
        const UiButton *b = scene_test_button_labelled(f->app, view ? "Summary" : "Details");
        scene_test_click(f, b->rect.x + b->rect.w / 2, b->rect.y + b->rect.h / 2);
      }
    }
  }
  scene_test_fixture_destroy(f);
}

// Review card k's focusable area (its rect: the part in view, w 0 when out of view).
static const UiButton *review_button(Fixture *f, size_t k) {
  return scene_test_button_with_id(f->app, SCENE_SUMMARY_REVIEW_ID + (int)k);
}

// At 1024x768 and the largest text the plain view is longer than the
// screen: it scrolls above the buttons (keys, drag) with the review cards
// inside it, and a card scrolled into view opens with one click.
static void test_summary_plain_scrolls(void **state) {
  (void)state;
  Fixture *f = fixture_make();
  push_summary(f);
  set_text_size(f, SETTINGS_TEXT_LARGEST);
  assert_false(scene_summary_peek_details(top_data(f)));
  assert_false(scene_summary_peek_overflow(top_data(f)));
  float off, max;
  scene_summary_peek_scroll(top_data(f), &off, &max);
  assert_true(off == 0 && max > 0);
  Ui ui = app_ui(f->app);
  const UiButton *again = scene_test_button_labelled(f->app, "Play again");
  assert_true(again->rect.y + again->rect.h <= ui_h(&ui));
  // Down from the focused button scrolls the page to its end.
  assert_true(ui_form_focus_id(scene_test_top_form(f->app), again->id));
  size_t n = scene_summary_peek_review_count(top_data(f));
  assert_true(n >= 2);
  assert_true(review_button(f, n - 1)->disabled);  // below the view: not focusable yet
  for (int k = 0; k < 200; k++) {
    scene_test_push_key(f->app, SDLK_DOWN);
  }
  scene_test_steps(f->app, 3);
  scene_summary_peek_scroll(top_data(f), &off, &max);
  assert_true(off == max);
  // The last review card is in view above the buttons, and opens with one click.
  Rect row = review_button(f, n - 1)->rect;
  again = scene_test_button_labelled(f->app, "Play again");
  assert_true(row.w > 0 && row.y + row.h <= again->rect.y);
  assert_false(review_button(f, n - 1)->disabled);
  scene_test_click(f, row.x + row.w / 2, row.y + row.h / 2);
  assert_string_equal(scene_test_top(f->app), "feedback");
  scene_test_key(f, SDLK_RETURN);
  assert_string_equal(scene_test_top(f->app), "summary");
  // A drag down the page brings its top back; the drag opens nothing.
  float x = row.x + row.w / 2;
  float y0 = ui_header_h(&ui) + 60.0f;
  scene_test_push_mouse_button(f->app, x, y0, true);
  scene_test_push_mouse_move(f->app, x, y0 + 40.0f);
  scene_test_push_mouse_move(f->app, x, y0 + max + 100.0f);
  scene_test_push_mouse_button(f->app, x, y0 + max + 100.0f, false);
  scene_test_steps(f->app, 2);
  assert_string_equal(scene_test_top(f->app), "summary");
  scene_summary_peek_scroll(top_data(f), &off, &max);
  assert_true(off == 0);
  scene_test_fixture_destroy(f);
}

// Details opens with Space on the focused button (and Esc closes it); the
// plain view is the default.
static void test_summary_details_toggle(void **state) {
  (void)state;
  Fixture *f = fixture_make();
  push_summary(f);
  assert_false(scene_summary_peek_details(top_data(f)));
  UiForm *form = scene_test_top_form(f->app);
  assert_true(ui_form_focus_id(form, scene_test_button_labelled(f->app, "Details")->id));
  scene_test_key(f, SDLK_SPACE);
  assert_true(scene_summary_peek_details(top_data(f)));
  assert_string_equal(scene_test_top(f->app), "summary");
  scene_test_key(f, SDLK_ESCAPE);  // back to the plain view, not out of the summary
  assert_false(scene_summary_peek_details(top_data(f)));
  assert_string_equal(scene_test_top(f->app), "summary");
  scene_test_fixture_destroy(f);
}

// One click on a review card opens that item's feedback, and Tab reaches
// a card (scrolled into view) that Enter opens.
static void test_summary_review_one_click(void **state) {
  (void)state;
  Fixture *f = fixture_make();
  engine_set_window_size(f->app->engine, 1920, 1080);
  push_summary(f);
  assert_true(scene_summary_peek_review_count(top_data(f)) >= 2);
  for (int k = 0; k < 100 && review_button(f, 1)->rect.h < 40.0f; k++) {
    scene_test_key(f, SDLK_DOWN);
  }
  Rect row = review_button(f, 1)->rect;
  assert_true(row.h >= 40.0f);
  scene_test_click(f, row.x + row.w / 2, row.y + row.h / 2);
  assert_string_equal(scene_test_top(f->app), "feedback");
  scene_test_key(f, SDLK_RETURN);
  assert_string_equal(scene_test_top(f->app), "summary");
  // Tab from the buttons reaches a card in view; Enter opens it.
  UiForm *form = scene_test_top_form(f->app);
  bool card = false;
  for (int k = 0; k < 12 && !card; k++) {
    scene_test_key(f, SDLK_TAB);
    card = ui_form_focused_id(form) >= SCENE_SUMMARY_REVIEW_ID;
  }
  assert_true(card);
  scene_test_key(f, SDLK_RETURN);
  assert_string_equal(scene_test_top(f->app), "feedback");
  scene_test_fixture_destroy(f);
}

// The first item of the pack with a tip and (for fabricated) techniques and
// the longest explanation: the fullest page.
static const PackItem *fullest_item(const Pack *pack, PackAnswer truth) {
  const PackItem *best = NULL;
  for (size_t i = 0; i < pack->item_count; i++) {
    const PackItem *it = &pack->items[i];
    if (it->answer != truth || !it->tip || (truth == PACK_ANSWER_FABRICATED && !it->techniques)) {
      continue;
    }
    if (!best || strlen(it->explanation) > strlen(best->explanation)) {
      best = it;
    }
  }
  assert_non_null(best);
  return best;
}

// The verdict, the truth sentence with the source, the techniques and the
// tip are all on screen above the Next button, at every shape and text size,
// for a right, a wrong and a timed-out answer; only the explanation scrolls.
static void test_feedback_fixed_part_in_view(void **state) {
  (void)state;
  Fixture *f = fixture_make();
  const Pack *pack = f->app->pack;
  const PackItem *fake = fullest_item(pack, PACK_ANSWER_FABRICATED);
  const RoundAnswer answers[3] = {
      {.item = fake, .answered = true, .given = PACK_ANSWER_FABRICATED, .correct = true, .points = 100},
      {.item = fake, .answered = true, .given = PACK_ANSWER_REAL},
      {.item = fake, .answered = false, .timed_out = true},
  };
  static const char *const names[3] = {"feedback-right", "feedback-wrong", "feedback-timeout"};
  scene_packs_push(f->app);
  for (int k = 0; k < 3; k++) {
    scene_feedback_push(f->app, FEEDBACK_MODE_ANSWER, pack, &answers[k], 2, 10, false, NULL, NULL);
    scene_test_step(f);
    assert_string_equal(scene_test_top(f->app), "feedback");
    float last_size[SHAPES] = {0};  // the fixed part's size at the step below, per shape
    for (int ts = SETTINGS_TEXT_NORMAL; ts < SETTINGS_TEXT_COUNT; ts++) {
      set_text_size(f, (SettingsTextSize)ts);
      for (int i = 0; i < SHAPES; i++) {
        ui_stats_clear(f->app->ui_stats);
        engine_set_window_size(f->app->engine, shapes[i][0], shapes[i][1]);
        scene_test_step(f);
        shot(f, names[k], shapes[i][0], shapes[i][1], ts);
        const GameplayPage *p = scene_feedback_peek_page(top_data(f), NULL);
        if (getenv("PREBUNK_TEST_VERBOSE")) {
          fprintf(stderr, "%s %dx%d ts%d: headline %s, source %s, size %.1f, body %.0f of %.0f\n", names[k],
                  shapes[i][0], shapes[i][1], ts, p->headline_scrolls ? "scrolls" : "in view",
                  p->truth_moved ? "scrolls" : "in view", p->size, p->body.h, p->body_h);
        }
        // Nothing cut or drawn below its role's Normal size, anywhere on the page.
        if (f->app->ui_stats->cut || f->app->ui_stats->shrunk) {
          fail_msg("%s at %dx%d, text size %d: %u cut, %u shrunk ('%s')", names[k], shapes[i][0], shapes[i][1], ts,
                   f->app->ui_stats->cut, f->app->ui_stats->shrunk, f->app->ui_stats->last_cut);
        }
        // Never smaller than at the next smaller text step (the lead's rule:
        // no text on this page shrinks when the size goes up), and at
        // Normal the body role's size itself.
        if (p->size + 0.01f < last_size[i] ||
            (ts == SETTINGS_TEXT_NORMAL && p->size < theme_text_size(&f->app->theme, THEME_TEXT_BODY))) {
          fail_msg("%s at %dx%d, text size %d: the fixed part at %.0f, %.0f at the step below", names[k], shapes[i][0],
                   shapes[i][1], ts, p->size, last_size[i]);
        }
        last_size[i] = p->size;
        if (!p->headline_scrolls) {
          assert_true(p->headline.h > 0 && p->headline.y + p->headline.h <= p->truth.y + 0.5f);
        }
        const UiButton *next = scene_test_button_labelled(f->app, "Next question");
        if (p->overflow) {
          fail_msg("%s: the fixed part does not fit at %dx%d, text size %d", names[k], shapes[i][0], shapes[i][1], ts);
        }
        assert_true(p->techniques.h > 0 && p->tip.h > 0 && p->truth.h > 0);
        assert_true(p->truth.y + p->truth.h <= p->techniques.y + 0.5f);
        assert_true(p->techniques.y + p->techniques.h <= p->tip_card.y + 0.5f);
        assert_true(p->tip_card.y + p->tip_card.h <= p->body.y + 0.5f);
        assert_true(p->body.y + p->body.h <= next->rect.y + 0.5f);
        assert_true(p->tip.y + p->tip.h <= p->tip_card.y + p->tip_card.h + 0.5f);
      }
    }
    set_text_size(f, SETTINGS_TEXT_NORMAL);
    scene_test_key(f, SDLK_RETURN);
    assert_string_equal(scene_test_top(f->app), "packs");
  }
  scene_test_fixture_destroy(f);
}

// Down scrolls only the explanation, to its end; one Enter still goes on.
static void test_feedback_body_scrolls(void **state) {
  (void)state;
  Fixture *f = fixture_make();
  f->app->settings.text_size = SETTINGS_TEXT_LARGEST;
  app_apply_settings(f->app);
  const PackItem *fake = fullest_item(f->app->pack, PACK_ANSWER_FABRICATED);
  RoundAnswer a = {.item = fake, .answered = true, .given = PACK_ANSWER_REAL};
  scene_packs_push(f->app);
  scene_feedback_push(f->app, FEEDBACK_MODE_ANSWER, f->app->pack, &a, 0, 10, false, NULL, NULL);
  scene_test_step(f);
  float scroll;
  const GameplayPage *p = scene_feedback_peek_page(top_data(f), &scroll);
  Rect tip = p->tip;
  assert_true(p->body_h > p->body.h);  // at 1024x768 and the largest text it is long
  // Enough presses for the longest body (the headline card moves into it at this size).
  for (int i = 0; i < 60; i++) {
    scene_test_push_key(f->app, SDLK_DOWN);
  }
  scene_test_steps(f->app, 3);
  p = scene_feedback_peek_page(top_data(f), &scroll);
  assert_true(scroll > 0);
  assert_true(fabsf(scroll - (p->body_h - p->body.h)) < 0.5f);
  assert_true(p->tip.y == tip.y);  // the tip did not move
  scene_test_key(f, SDLK_RETURN);
  assert_string_equal(scene_test_top(f->app), "packs");
  scene_test_fixture_destroy(f);
}

static void push_window_event(Fixture *f, Uint8 what) {
  SDL_Event e = {0};
  e.type = SDL_WINDOWEVENT;
  e.window.event = what;
  e.window.windowID = SDL_GetWindowID(engine_window(f->app->engine));
  SDL_PushEvent(&e);
  scene_test_step(f);
}

// The pause menu (with its longer background note) inside the canvas at
// every shape and text size; screenshots of it and of the round beneath.
static void check_pause_fits(Fixture *f) {
  for (int ts = SETTINGS_TEXT_NORMAL; ts < SETTINGS_TEXT_COUNT; ts++) {
    set_text_size(f, (SettingsTextSize)ts);
    for (int i = 0; i < SHAPES; i++) {
      ui_stats_clear(f->app->ui_stats);
      engine_set_window_size(f->app->engine, shapes[i][0], shapes[i][1]);
      scene_test_step(f);
      shot(f, "pause", shapes[i][0], shapes[i][1], ts);
      // The pause menu's own texts (the round's header beneath is the header's business).
      const char *cut = f->app->ui_stats->last_cut;
      if (f->app->ui_stats->cut && (strncmp(cut, "Pause", 5) == 0 || strncmp(cut, "The clock", 9) == 0 ||
                                    strncmp(cut, "Resume", 6) == 0 || strncmp(cut, "Quit", 4) == 0)) {
        fail_msg("pause at %dx%d, text size %d: '%s' cut", shapes[i][0], shapes[i][1], ts, f->app->ui_stats->last_cut);
      }
      Ui ui = app_ui(f->app);
      const UiButton *quit = scene_test_button_labelled(f->app, "Quit this round");
      const UiButton *resume = scene_test_button_labelled(f->app, "Resume");
      assert_true(resume->rect.y > UI_HEADER_H * 0.5f);
      assert_true(quit->rect.y + quit->rect.h < ui_h(&ui));
    }
  }
  set_text_size(f, SETTINGS_TEXT_NORMAL);
  engine_set_window_size(f->app->engine, 1024, 768);
  scene_test_step(f);
}

static const Round *round_below(Fixture *f, size_t depth) {
  return scene_round_peek(engine_scene_data(f->app->engine, depth));
}

// A timed question pauses when the window loses the focus or is minimised:
// the pause menu is open when the player comes back, the clock did not run
// meanwhile, and only the player's own Resume starts it again.
static void test_round_pauses_on_focus_loss(void **state) {
  (void)state;
  Fixture *f = fixture_make();
  scene_packs_push(f->app);
  scene_round_push(f->app);
  scene_test_step(f);
  assert_string_equal(scene_test_top(f->app), "round");
  const Round *r = round_below(f, 0);
  assert_true(round_time_limit_ms(r) > 0);
  scene_test_advance(f, 3000);
  int64_t left = round_time_left_ms(r, (int64_t)app_now_ms(f->app));
  const Uint8 losses[2] = {SDL_WINDOWEVENT_FOCUS_LOST, SDL_WINDOWEVENT_MINIMIZED};
  for (int k = 0; k < 2; k++) {
    push_window_event(f, losses[k]);
    assert_string_equal(scene_test_top(f->app), "pause");
    assert_true(round_is_paused(round_below(f, 1)));
    scene_test_advance(f, 120000);  // longer than any time limit
    assert_int_equal(round_state(round_below(f, 1)), ROUND_STATE_QUESTION);
    if (k == 0) {
      check_pause_fits(f);
    }
    push_window_event(f, SDL_WINDOWEVENT_FOCUS_GAINED);
    // Back in the window: still paused, saying why, until the player resumes.
    assert_string_equal(scene_test_top(f->app), "pause");
    assert_non_null(scene_test_button_labelled(f->app, "Resume"));
    scene_test_key(f, SDLK_p);
    assert_string_equal(scene_test_top(f->app), "round");
    assert_false(round_is_paused(round_below(f, 0)));
    assert_int_equal(round_time_left_ms(round_below(f, 0), (int64_t)app_now_ms(f->app)), left);
  }
  // Under an overlay the round is already paused: no second menu.
  scene_test_key(f, SDLK_F1);
  assert_string_equal(scene_test_top(f->app), "help");
  push_window_event(f, SDL_WINDOWEVENT_FOCUS_LOST);
  assert_string_equal(scene_test_top(f->app), "help");
  push_window_event(f, SDL_WINDOWEVENT_FOCUS_GAINED);
  scene_test_key(f, SDLK_ESCAPE);
  assert_string_equal(scene_test_top(f->app), "round");
  assert_false(round_is_paused(round_below(f, 0)));
  scene_test_fixture_destroy(f);
}

// Every headline of the starter pack fits its card at every shape and text
// size (at worst at the smallest size the card shrinks it to), and the
// status row and the card stay clear of the answer buttons.
static void test_round_headline_fits_every_shape(void **state) {
  (void)state;
  Fixture *f = fixture_make();
  scene_packs_push(f->app);
  scene_round_push(f->app);
  scene_test_step(f);
  const Pack *pack = f->app->pack;
  for (int ts = SETTINGS_TEXT_NORMAL; ts < SETTINGS_TEXT_COUNT; ts++) {
    set_text_size(f, (SettingsTextSize)ts);
    for (int i = 0; i < SHAPES; i++) {
      engine_set_window_size(f->app->engine, shapes[i][0], shapes[i][1]);
      scene_test_step(f);
      shot(f, "round", shapes[i][0], shapes[i][1], ts);
      Rect card = scene_round_peek_card(top_data(f));
      const UiButton *real = scene_test_button_labelled(f->app, "REAL");
      assert_true(card.h > 200.0f);
      assert_true(card.y + card.h < real->rect.y);
      Rect box = rect_inset(card, GAMEPLAY_HEADLINE_PAD);
      Ui ui = app_ui(f->app);
      for (size_t k = 0; k < pack->item_count; k++) {
        const PackItem *it = &pack->items[k];
        // The size the round draws it at, measured as the renderer lays it out.
        float size = gameplay_headline_fit(&ui, pack, it, card, theme_text_size(&f->app->theme, THEME_TEXT_HEADLINE));
        TextStyle st = text_style(size, f->app->theme.text, pack_item_lang(pack, it));
        st.weight = TEXT_WEIGHT_BOLD;
        st.wrap_width = box.w;
        TextSize m = text_measure(f->app->engine, it->headline, &st);
        // Its height within half a unit; its width within 1.5 (the wrapper
        // measures in whole pixels).
        if (m.h > box.h + 0.5f || m.w > box.w + 1.5f) {
          fail_msg("'%s' does not fit its card at %dx%d, text size %d: %.1fx%.1f in %.1fx%.1f at %.1f", it->headline,
                   shapes[i][0], shapes[i][1], ts, m.w, m.h, box.w, box.h, size);
        }
      }
    }
  }
  scene_test_fixture_destroy(f);
}

// The push builds the round (its play session) and the preview (its pack):
// what changes between the push and the frame that enters them is not
// what they show.
static void test_push_builds_the_data(void **state) {
  (void)state;
  Fixture *f = fixture_make();
  const Pack *chosen = f->app->pack;
  const Pack *other = NULL;
  for (size_t i = 0; i < pack_library_count(f->app->packs) && !other; i++) {
    const Pack *p = pack_library_get(f->app->packs, i)->pack;
    other = p && p != chosen ? p : NULL;
  }
  assert_non_null(other);
  scene_packs_push(f->app);
  scene_round_push(f->app);
  app_select_pack(f->app, other);  // after the push, before its frame
  scene_test_step(f);
  assert_string_equal(scene_test_top(f->app), "round");
  assert_ptr_equal(round_pack(round_below(f, 0)), chosen);
  scene_test_key(f, SDLK_ESCAPE);
  const UiButton *quit = scene_test_button_labelled(f->app, "Quit round");
  scene_test_click(f, quit->rect.x + quit->rect.w / 2, quit->rect.y + quit->rect.h / 2);
  assert_string_equal(scene_test_top(f->app), "packs");

  // The preview reads its file at the push: a file gone before the frame
  // still shows the pack it held.
  char *copy = fs_join(f->dir, "preview-copy.xml");
  char *text = test_read_file(f->pack_path);
  assert_non_null(text);
  char *err = NULL;
  assert_true(fs_write_atomic(copy, text, strlen(text), &err));
  scene_preview_push(f->app, copy);
  assert_int_equal(remove(copy), 0);
  scene_test_step(f);
  assert_string_equal(scene_test_top(f->app), "preview");
  assert_non_null(scene_preview_peek(top_data(f), NULL));
  free(text);
  free(copy);
  scene_test_fixture_destroy(f);
}

// The author's preview shows the page students see after answering: at
// 4:3 and the largest text the tip of every item is in view above the
// footer, whichever item is shown.
static void test_preview_shows_the_feedback_page(void **state) {
  (void)state;
  Fixture *f = fixture_make();
  scene_preview_push(f->app, f->pack_path);
  scene_test_step(f);
  set_text_size(f, SETTINGS_TEXT_LARGEST);
  assert_string_equal(scene_test_top(f->app), "preview");
  const Pack *pack = scene_preview_peek(top_data(f), NULL);
  assert_non_null(pack);
  const UiButton *next = scene_test_button_labelled(f->app, "Next");
  for (size_t i = 0; i < pack->item_count; i++) {
    const GameplayPage *p = scene_preview_peek_page(top_data(f));
    assert_non_null(p);
    assert_ptr_equal(p->item, &pack->items[i]);
    assert_false(p->overflow);
    if (p->item->tip) {
      assert_true(p->tip.h > 0 && p->tip_card.y + p->tip_card.h <= next->rect.y);
    }
    scene_test_key(f, SDLK_RIGHT);
  }
  scene_test_fixture_destroy(f);
}

int main(void) {
  log_set_stderr(getenv("PREBUNK_TEST_VERBOSE") != NULL);
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_summary_fits_every_shape),        cmocka_unit_test(test_summary_plain_scrolls),
      cmocka_unit_test(test_summary_details_toggle),          cmocka_unit_test(test_summary_review_one_click),
      cmocka_unit_test(test_feedback_fixed_part_in_view),     cmocka_unit_test(test_feedback_body_scrolls),
      cmocka_unit_test(test_round_pauses_on_focus_loss),      cmocka_unit_test(test_round_headline_fits_every_shape),
      cmocka_unit_test(test_preview_shows_the_feedback_page), cmocka_unit_test(test_push_builds_the_data),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  pack_loader_shutdown();
  return rc;
}
