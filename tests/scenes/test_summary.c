// The summary of a round played headless through the screens, with the
// optional taps of play/training.h given on each feedback screen straight
// to the round's session: the calibration sentences (only when the player
// tapped), the per-technique table for verdicts and "Which technique?",
// the review with every believed fake stamped FALSE with the true fact and
// every rejected real headline stamped TRUE as prominently, and nothing cut
// at 1024x768 and the largest text while the whole page scrolls by.
// Expected figures are worked out here from what was pressed.

#include "support/test_support.h"

#include "scene_test_support.h"

#include <SDL.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "engine/engine.h"
#include "play/session.h"
#include "play/training.h"
#include "quiz/round.h"
#include "scenes/app.h"
#include "scenes/gameplay.h"
#include "scenes/menu_text.h"
#include "scenes/scenes.h"

typedef SceneTestFixture Fixture;

// A fixture playing `pack` (a file of quizzes/) as "Tester", at 1024x768.
static int setup_pack(void **state, const char *pack, uint64_t seed) {
  Fixture *f = scene_test_fixture_create();
  f->pack_path = test_source_path(pack);
  f->app = scene_test_app_create(f, &(SceneTestAppOptions){.seed = seed, .width = 1024, .height = 768});
  char *err = NULL;
  assert_non_null(f->app->pack);
  assert_true(app_set_player(f->app, "Tester", &err));
  f->app->settings.sound = false;
  *state = f;
  return 0;
}

static int setup(void **state) {
  return setup_pack(state, "quizzes/starter-en.xml", 11);
}

// What the player did, counted as the round went.
typedef struct Played {
  int given[PLAY_CONFIDENCE_COUNT], correct[PLAY_CONFIDENCE_COUNT];
  int questions, questions_right;
} Played;

static PackAnswer other(PackAnswer a) {
  return a == PACK_ANSWER_REAL ? PACK_ANSWER_FABRICATED : PACK_ANSWER_REAL;
}

// Plays a whole round from the pack list: the first, fourth ... headline
// of each kind answered wrong, so both kinds of mistake are made; with
// `taps`, "sure" on even questions and "I think so" on odd ones, and
// "Which technique?" answered right on even questions, wrong on odd ones.
// The last answer's taps too: the summary must see them.
static void play_round(Fixture *f, bool taps, Played *p) {
  memset(p, 0, sizeof *p);
  scene_packs_push(f->app);
  scene_round_push(f->app);
  scene_test_step(f);
  int seen[2] = {0, 0};  // real, fabricated headlines so far
  for (int i = 0; strcmp(scene_test_top(f->app), "summary") != 0; i++) {
    assert_true(i < 50);
    assert_string_equal(scene_test_top(f->app), "round");
    const PackItem *item = round_current_item(scene_round_peek(engine_scene_data(f->app->engine, 0)));
    bool right = seen[item->answer == PACK_ANSWER_FABRICATED]++ % 3 != 0;
    PackAnswer given = right ? item->answer : other(item->answer);
    scene_test_advance(f, 1500);
    scene_test_key(f, given == PACK_ANSWER_REAL ? SDLK_r : SDLK_f);
    assert_string_equal(scene_test_top(f->app), "feedback");
    PlaySession *ps = scene_round_peek_session(engine_scene_data(f->app->engine, 1));
    assert_non_null(ps);
    PlayTechniqueQuestion q;
    if (taps) {
      PlayConfidence c = i % 2 == 0 ? PLAY_CONFIDENCE_SURE : PLAY_CONFIDENCE_THINK;
      assert_true(play_session_confidence(ps, c));
      p->given[c]++;
      p->correct[c] += right;
      if (play_session_technique_question(ps, &q)) {
        bool want = i % 2 == 0, got;
        assert_true(play_session_technique_answer(ps, q.choices[want ? q.right : (q.right + 1) % 3], &got));
        assert_int_equal(got, want);
        p->questions++;
        p->questions_right += want;
      }
    }
    scene_test_key(f, SDLK_RETURN);
  }
}

static const void *top_data(Fixture *f) {
  return engine_scene_data(f->app->engine, 0);
}

static const MenuTextPlan *page(Fixture *f) {
  return &((const MenuSceneHead *)top_data(f))->texts;
}

// The page's piece that reads exactly `text`, or NULL.
static const MenuText *find_text(Fixture *f, const char *text) {
  const MenuTextPlan *p = page(f);
  for (size_t i = 0; i < p->count; i++) {
    if (strcmp(p->items[i].text, text) == 0) {
      return &p->items[i];
    }
  }
  return NULL;
}

// True when a piece reading `text` lies inside `r` (page coordinates).
static bool text_inside(Fixture *f, const char *text, Rect r) {
  const MenuTextPlan *p = page(f);
  for (size_t i = 0; i < p->count; i++) {
    Rect b = p->items[i].box;
    if (strcmp(p->items[i].text, text) == 0 && b.y >= r.y - 0.5f && b.y + b.h <= r.y + r.h + 0.5f &&
        b.x >= r.x - 0.5f && b.x + b.w <= r.x + r.w + 0.5f) {
      return true;
    }
  }
  return false;
}

// Calibration: one sentence for each level tapped, with the counts played.
static void test_calibration_shown_when_tapped(void **state) {
  Fixture *f = *state;
  Played p;
  play_round(f, true, &p);
  const PlaySummary *sum = scene_summary_peek_summary(top_data(f));
  assert_non_null(sum);
  for (int c = PLAY_CONFIDENCE_SURE; c < PLAY_CONFIDENCE_COUNT; c++) {
    assert_int_equal(sum->calibration.given[c], p.given[c]);
    assert_int_equal(sum->calibration.correct[c], p.correct[c]);
  }
  assert_true(p.given[PLAY_CONFIDENCE_SURE] > 0 && p.given[PLAY_CONFIDENCE_THINK] > 0);
  assert_non_null(find_text(f, "How sure you were"));
  char line[200];
  snprintf(line, sizeof line, "When you were sure, you were right %d of %d times.", p.correct[PLAY_CONFIDENCE_SURE],
           p.given[PLAY_CONFIDENCE_SURE]);
  assert_non_null(find_text(f, line));
  assert_true(play_calibration_sentence(&sum->calibration, PLAY_CONFIDENCE_THINK, line, sizeof line));
  assert_non_null(find_text(f, line));
  // "Guessing" was never tapped: no sentence about it.
  for (size_t i = 0; i < page(f)->count; i++) {
    assert_null(strstr(page(f)->items[i].text, "When you were guessing"));
  }
}

// No taps: no calibration at all, and the table has no "Named" column.
static void test_no_calibration_without_taps(void **state) {
  Fixture *f = *state;
  Played p;
  play_round(f, false, &p);
  const PlaySummary *sum = scene_summary_peek_summary(top_data(f));
  for (int c = PLAY_CONFIDENCE_SURE; c < PLAY_CONFIDENCE_COUNT; c++) {
    assert_int_equal(sum->calibration.given[c], 0);
  }
  assert_null(find_text(f, "How sure you were"));
  for (size_t i = 0; i < page(f)->count; i++) {
    assert_null(strstr(page(f)->items[i].text, "When you were"));
  }
  const UiTable *t = scene_summary_peek_techniques(top_data(f));
  assert_true(t->rows > 0);
  assert_int_equal(t->cols, 2);
  assert_null(find_text(f, "Named"));
}

// The per-technique table: a row for each technique of the round's
// fabricated headlines, "caught k of n" from the verdicts and "named k of
// n" from the answers, in the cells of that row.
static void test_technique_table(void **state) {
  Fixture *f = *state;
  Played p;
  play_round(f, true, &p);
  assert_true(p.questions > 0);
  const Round *r = scene_summary_peek_round(top_data(f));
  int verdicts[TECHNIQUE_COUNT] = {0}, caught[TECHNIQUE_COUNT] = {0};
  for (size_t i = 0; i < round_result_count(r); i++) {
    const RoundAnswer *a = round_result(r, i);
    for (int t = 0; t < TECHNIQUE_COUNT; t++) {
      if (a->item->answer == PACK_ANSWER_FABRICATED && (a->item->techniques & (1u << t))) {
        verdicts[t]++;
        caught[t] += a->given == PACK_ANSWER_FABRICATED;
      }
    }
  }
  const PlaySummary *sum = scene_summary_peek_summary(top_data(f));
  const UiTable *table = scene_summary_peek_techniques(top_data(f));
  assert_int_equal(table->cols, 3);
  size_t row = 0;
  int asked = 0, named = 0;
  for (int t = 0; t < TECHNIQUE_COUNT; t++) {
    const PlayTechniqueScore *sc = &sum->techniques[t];
    assert_int_equal(sc->verdicts, verdicts[t]);
    assert_int_equal(sc->verdicts_correct, caught[t]);
    asked += sc->questions;
    named += sc->questions_correct;
    if (verdicts[t] == 0 && sc->questions == 0) {
      continue;
    }
    assert_true(row < table->rows);
    Rect rr = table->row[row++];
    assert_true(text_inside(f, gameplay_technique_label((Technique)t), rr));
    char cell[32];
    snprintf(cell, sizeof cell, "%d of %d", caught[t], verdicts[t]);
    assert_true(text_inside(f, cell, rr));
    if (sc->questions) {
      snprintf(cell, sizeof cell, "%d of %d", sc->questions_correct, sc->questions);
    } else {
      snprintf(cell, sizeof cell, "not asked");
    }
    assert_true(text_inside(f, cell, rr));
  }
  assert_int_equal(row, table->rows);
  assert_int_equal(asked, p.questions);
  assert_int_equal(named, p.questions_right);
}

// The review: every fake believed first, stamped FALSE with its explanation
// (what is true); then every real headline rejected, stamped TRUE
// with its source, under a heading as big and bold as the fakes' one.
static void test_review_stamped(void **state) {
  Fixture *f = *state;
  Played p;
  play_round(f, true, &p);
  const PlaySummary *sum = scene_summary_peek_summary(top_data(f));
  const Round *r = scene_summary_peek_round(top_data(f));
  size_t believed = 0, rejected = 0;
  for (size_t i = 0; i < round_result_count(r); i++) {
    const RoundAnswer *a = round_result(r, i);
    believed += a->answered && a->item->answer == PACK_ANSWER_FABRICATED && a->given == PACK_ANSWER_REAL;
    rejected += a->answered && a->item->answer == PACK_ANSWER_REAL && a->given == PACK_ANSWER_FABRICATED;
  }
  assert_true(believed > 0 && rejected > 0);
  assert_int_equal(sum->believed_count, believed);
  assert_int_equal(sum->rejected_count, rejected);
  assert_int_equal(scene_summary_peek_review_count(top_data(f)), believed + rejected);
  for (size_t k = 0; k < believed + rejected; k++) {
    Rect card;
    PlayStamp stamp;
    assert_true(scene_summary_peek_card(top_data(f), k, &card, &stamp));
    const PackItem *it = sum->review[k].item;
    assert_int_equal(stamp, k < believed ? PLAY_STAMP_FALSE : PLAY_STAMP_TRUE);
    assert_int_equal(it->answer, k < believed ? PACK_ANSWER_FABRICATED : PACK_ANSWER_REAL);
    assert_true(text_inside(f, it->headline, card));
    assert_true(text_inside(f, k < believed ? "You believed it." : "You rejected it.", card));
    if (k < believed) {
      assert_non_null(it->explanation);
      assert_true(text_inside(f, it->explanation, card));
    } else {
      char *source = gameplay_source_sentence(it);
      assert_non_null(source);
      assert_true(text_inside(f, source, card));
      assert_true(text_inside(f, it->explanation, card));
      free(source);
    }
  }
  const MenuText *fakes = find_text(f, "Fabricated headlines you believed");
  const MenuText *reals = find_text(f, "Real headlines you rejected");
  assert_non_null(fakes);
  assert_non_null(reals);
  assert_true(fakes->style.size == reals->style.size && fakes->style.weight == reals->style.weight);
}

// A pointer moving onto a review card lights it (used: a redraw); moving
// within it, or over nothing, is not used (nothing to draw).
static void test_card_hover(void **state) {
  Fixture *f = *state;
  Played p;
  play_round(f, true, &p);
  engine_set_window_size(f->app->engine, 1920, 1080);
  scene_test_step(f);
  const UiButton *card = scene_test_button_with_id(f->app, SCENE_SUMMARY_REVIEW_ID);
  assert_true(card->rect.h > 40.0f);
  Ui ui = app_ui(f->app);
  SceneCtx ctx = {f->app->engine, f->app, engine_scene_data(f->app->engine, 0)};
  InputEvent away = {.type = INPUT_EVENT_POINTER_MOVE, .x = 4.0f, .y = ui_h(&ui) - 4.0f};
  InputEvent on = {.type = INPUT_EVENT_POINTER_MOVE, .x = card->rect.x + 30.0f, .y = card->rect.y + 30.0f};
  assert_false(scene_summary_vtable.event(&ctx, &away));
  assert_true(scene_summary_vtable.event(&ctx, &on));
  on.x += 8.0f;
  assert_false(scene_summary_vtable.event(&ctx, &on));
  assert_true(scene_summary_vtable.event(&ctx, &away));  // off it: drawn plain again
  assert_false(scene_summary_vtable.event(&ctx, &away));
}

static int setup_mist(void **state) {
  return setup_pack(state, "quizzes/mist-20.xml", 5);
}

// An assessment reveals nothing while it runs, so its review stamps every
// headline asked: the mistakes first (believed, then rejected), then the
// right answers; every fabricated one FALSE with what is true.
static void test_assessment_reviews_every_headline(void **state) {
  Fixture *f = *state;
  scene_packs_push(f->app);
  scene_round_push(f->app);
  scene_test_step(f);
  for (int i = 0; strcmp(scene_test_top(f->app), "summary") != 0; i++) {
    assert_true(i < 40);
    assert_string_equal(scene_test_top(f->app), "round");
    const PackItem *item = round_current_item(scene_round_peek(engine_scene_data(f->app->engine, 0)));
    PackAnswer given = i % 3 == 0 ? other(item->answer) : item->answer;
    scene_test_advance(f, 1500);
    scene_test_key(f, given == PACK_ANSWER_REAL ? SDLK_r : SDLK_f);
  }
  const Round *r = scene_summary_peek_round(top_data(f));
  const PlaySummary *sum = scene_summary_peek_summary(top_data(f));
  size_t n = round_result_count(r);
  assert_int_equal(n, 20);
  assert_int_equal(scene_summary_peek_review_count(top_data(f)), n);
  bool seen[20] = {false};
  for (size_t k = 0; k < n; k++) {
    Rect card;
    PlayStamp stamp;
    assert_true(scene_summary_peek_card(top_data(f), k, &card, &stamp));
    const RoundAnswer *a = NULL;
    for (size_t i = 0; i < n; i++) {
      if (text_inside(f, round_result(r, i)->item->headline, card)) {
        a = round_result(r, i);
        assert_false(seen[i]);  // each headline once
        seen[i] = true;
      }
    }
    assert_non_null(a);
    assert_int_equal(stamp, a->item->answer == PACK_ANSWER_FABRICATED ? PLAY_STAMP_FALSE : PLAY_STAMP_TRUE);
    assert_int_equal(a->correct, k >= sum->review_count);  // the mistakes first
    if (a->item->answer == PACK_ANSWER_FABRICATED) {
      assert_non_null(a->item->explanation);
      assert_true(text_inside(f, a->item->explanation, card));
    }
  }
  assert_non_null(find_text(f, "Your right answers"));
}

// With PREBUNK_SHOT_DIR set, saves the screen there as summary-VIEW-WxH-T-N.png.
static void shot(Fixture *f, const char *view, int w, int h, bool large, int n) {
  const char *dir = getenv("PREBUNK_SHOT_DIR");
  if (!dir) {
    return;
  }
  char *path = xasprintf("%s/summary-%s-%dx%d-%s-%d.png", dir, view, w, h, large ? "largest" : "normal", n);
  char *err = NULL;
  if (!engine_save_screenshot(f->app->engine, path, &err)) {
    fail_msg("%s: %s", path, err);
  }
  free(path);
}

// Scrolls the page from top to bottom a view at a time, drawing each: no
// text is cut anywhere (the UI kit's counter and the page's own plan).
static void check_whole_page(Fixture *f, const char *view, int w, int h, bool large) {
  float off, max;
  scene_summary_peek_scroll(top_data(f), &off, &max);
  assert_true(off == 0);
  for (int n = 0; n < 60; n++) {
    ui_stats_clear(f->app->ui_stats);
    engine_request_redraw(f->app->engine);
    scene_test_steps(f->app, 1);
    shot(f, view, w, h, large, n);
    if (f->app->ui_stats->cut || page(f)->cut || scene_summary_peek_overflow(top_data(f))) {
      fail_msg("%s %dx%d%s at %.0f: %u texts cut (last: %s), %zu lines cut", view, w, h, large ? " largest" : "", off,
               f->app->ui_stats->cut, f->app->ui_stats->last_cut, page(f)->cut);
    }
    if (off >= max) {
      return;
    }
    scene_test_key(f, SDLK_PAGEDOWN);
    scene_summary_peek_scroll(top_data(f), &off, &max);
  }
  fail_msg("the page did not reach its end");
}

// At 1024x768 and the largest text everything is shown whole, on the page
// and on the Details view; the other
// sizes of phase 3 too, for the screenshots.
static void test_whole_at_largest(void **state) {
  Fixture *f = *state;
  Played p;
  play_round(f, true, &p);
  static const int sizes[][2] = {{1024, 768}, {1366, 768}, {1920, 1080}, {3840, 2160}, {768, 1024}};
  size_t count = getenv("PREBUNK_SHOT_DIR") ? sizeof sizes / sizeof sizes[0] : 1;
  for (int large = 1; large >= 0; large--) {
    f->app->settings.text_size = large ? SETTINGS_TEXT_LARGEST : SETTINGS_TEXT_NORMAL;
    app_apply_settings(f->app);
    for (size_t i = 0; i < count; i++) {
      engine_set_window_size(f->app->engine, sizes[i][0], sizes[i][1]);
      engine_relayout(f->app->engine);
      scene_test_step(f);
      scene_test_key(f, SDLK_HOME);
      check_whole_page(f, "page", sizes[i][0], sizes[i][1], large);
      // The Details view too, and back.
      const UiButton *b = scene_test_button_labelled(f->app, "Details");
      scene_test_click(f, b->rect.x + b->rect.w / 2, b->rect.y + b->rect.h / 2);
      assert_true(scene_summary_peek_details(top_data(f)));
      check_whole_page(f, "details", sizes[i][0], sizes[i][1], large);
      b = scene_test_button_labelled(f->app, "Summary");
      scene_test_click(f, b->rect.x + b->rect.w / 2, b->rect.y + b->rect.h / 2);
      assert_false(scene_summary_peek_details(top_data(f)));
    }
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_calibration_shown_when_tapped, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_no_calibration_without_taps, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_technique_table, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_review_stamped, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_whole_at_largest, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_card_hover, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_assessment_reviews_every_headline, setup_mist, scene_test_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
