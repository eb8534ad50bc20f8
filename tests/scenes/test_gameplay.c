// End-to-end: whole rounds played through the real scenes (round, feedback,
// summary) of a real App, headless, with a manual clock, a fixed seed, a
// temporary data folder and pushed SDL input events; then the score store
// and the summary's figures are checked against values worked out here.

#include "support/test_support.h"

#include "scene_test_support.h"

#include <SDL.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/fs.h"
#include "base/log.h"
#include "base/str.h"
#include "engine/engine.h"
#include "engine/png_io.h"
#include "quiz/measures.h"
#include "quiz/pack_load.h"
#include "scenes/app.h"
#include "scenes/game_config.h"
#include "scenes/gameplay.h"
#include "scenes/scenes.h"
#include "store/store.h"

enum {
  LIMIT_MS = 10000,  // the test packs ask for 10 s per question
  WALL_BASE_MS = 1700000000,
};

static const char *const practice_pack =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<quizpack xmlns=\"urn:prebunk:quizpack:1\" id=\"e2e-practice\" version=\"3\" xml:lang=\"en\">\n"
    "  <title>End-to-end practice</title>\n"
    "  <description>Four items for the gameplay test.</description>\n"
    "  <round questions=\"4\" seconds=\"10\"/>\n"
    "  <item id=\"r1\" answer=\"real\">\n"
    "    <headline>Council opens new library on the high street</headline>\n"
    "    <source outlet=\"The Daily Test\" date=\"2016-04-17\" url=\"https://example.org/news/2016/04/17/library\"/>\n"
    "    <explanation>Real. Reported by several outlets.</explanation>\n"
    "    <tip>Look for other outlets.</tip>\n"
    "  </item>\n"
    "  <item id=\"r2\" answer=\"real\">\n"
    "    <headline>Dog elected honorary mayor of small town</headline>\n"
    "    <source outlet=\"Town Herald\" date=\"2019\"/>\n"
    "    <explanation>Real. Strange but true.</explanation>\n"
    "  </item>\n"
    "  <item id=\"f1\" answer=\"fabricated\">\n"
    "    <headline>Scientists confirm chocolate cures all colds, says Institute of Everything</headline>\n"
    "    <source outlet=\"Daily Test\"/>\n"
    "    <explanation>Fabricated. The institute does not exist.</explanation>\n"
    "    <technique>fake-expert</technique>\n"
    "    <technique>misleading-statistic</technique>\n"
    "  </item>\n"
    "  <item id=\"f2\" answer=\"fabricated\">\n"
    "    <headline>URGENT: tap water turns toxic at midnight, share now</headline>\n"
    "    <explanation>Fabricated. Classic fearmongering.</explanation>\n"
    "    <technique>fearmongering</technique>\n"
    "    <technique>emotion</technique>\n"
    "  </item>\n"
    "</quizpack>\n";

typedef SceneTestFixture Fixture;

static Fixture *fixture_make(const char *pack_text) {
  Fixture *f = scene_test_fixture_create();
  f->pack_path = test_write_file(f->dir, "pack.xml", pack_text);
  f->app = scene_test_app_create(
      f, &(SceneTestAppOptions){.seed = 20240601, .wall_base_ms = WALL_BASE_MS, .width = 1280, .height = 720});
  char *err = NULL;
  assert_non_null(f->app->pack);
  assert_string_equal(f->app->pack->path ? fs_basename(f->app->pack->path) : "pack.xml", "pack.xml");
  assert_true(app_set_player(f->app, "Tester", &err));
  // Sound on or off does not matter to the rules; keep the test quiet.
  f->app->settings.sound = false;
  return f;
}

// The way the game gets there: the pack chooser beneath, the round on top.
static void start_round(Fixture *f) {
  scene_packs_push(f->app);
  scene_round_push(f->app);
  scene_test_step(f);
  assert_string_equal(engine_top_scene(f->app->engine)->name, "round");
}

static void press(Fixture *f, char c) {
  SDL_Keycode sym;
  switch (c) {
  case 'r':
    sym = SDLK_r;
    break;
  case 'f':
    sym = SDLK_f;
    break;
  case '\n':
    sym = SDLK_RETURN;
    break;
  case 27:
    sym = SDLK_ESCAPE;
    break;
  case '>':
    sym = SDLK_RIGHT;
    break;
  case '<':
    sym = SDLK_LEFT;
    break;
  default:
    fail_msg("no key '%c'", c);
    return;
  }
  scene_test_key(f, sym);
}

static const char *top(Fixture *f) {
  return scene_test_top(f->app);
}

// The round being played: on top, or just beneath an overlay or the feedback.
static const Round *live_round(Fixture *f) {
  size_t depth = engine_top_scene(f->app->engine) == &scene_round_vtable ? 0 : 1;
  return scene_round_peek(engine_scene_data(f->app->engine, depth));
}

static PackAnswer current_truth(Fixture *f) {
  assert_string_equal(top(f), "round");
  const Round *r = scene_round_peek(engine_scene_data(f->app->engine, 0));
  assert_non_null(r);
  const PackItem *item = round_current_item(r);
  assert_non_null(item);
  return item->answer;
}

static char key_for(PackAnswer a) {
  return a == PACK_ANSWER_REAL ? 'r' : 'f';
}
static PackAnswer other(PackAnswer a) {
  return a == PACK_ANSWER_REAL ? PACK_ANSWER_FABRICATED : PACK_ANSWER_REAL;
}

static void fetch(Fixture *f, StoreRoundList *rounds, StoreAnswerList *answers) {
  StoreFilter filter = {.player_name = "Tester", .pack_id = f->app->pack->id};
  char *err = NULL;
  assert_true(store_rounds(f->app->store, &filter, rounds, &err));
  assert_true(store_answers(f->app->store, &filter, answers, &err));
  free(err);
}

// A whole practice round by keyboard: right, wrong, time-out, and a last
// answer given after a pause that must not have cost any time.
static void test_practice_round_keyboard(void **state) {
  (void)state;
  Fixture *f = fixture_make(practice_pack);
  // The speed bonus is off by default (speed must not beat care); this
  // round checks its points, so it turns it on.
  f->app->settings.speed_bonus = true;
  start_round(f);
  assert_string_equal(top(f), "round");

  PackAnswer truth[4], given[4];
  bool answered[4] = {true, true, false, true};
  int expect_ms[4] = {2000, 3000, LIMIT_MS, 4000};

  // Q1: right after 2 s (8 of 10 s left: 100 + ceil(50 * 0.8) = 140).
  truth[0] = current_truth(f);
  given[0] = truth[0];
  scene_test_advance(f, 2000);
  press(f, key_for(given[0]));
  assert_string_equal(top(f), "feedback");
  // Feedback stays until the player continues, however long they read.
  scene_test_advance(f, 120000);
  scene_test_skip_taps(f, SCENE_TEST_KEYBOARD);  // the optional taps are tests/scenes/test_feedback_taps.c's
  scene_test_advance(f, 120000);
  assert_string_equal(top(f), "feedback");
  press(f, '\n');
  assert_string_equal(top(f), "round");

  // Q2: wrong after 3 s.
  truth[1] = current_truth(f);
  given[1] = other(truth[1]);
  scene_test_advance(f, 3000);
  press(f, key_for(given[1]));
  scene_test_skip_taps(f, SCENE_TEST_KEYBOARD);
  press(f, '\n');

  // Q3: the time runs out.
  truth[2] = current_truth(f);
  scene_test_advance(f, 9999);
  assert_string_equal(top(f), "round");
  scene_test_advance(f, 1);
  scene_test_skip_taps(f, SCENE_TEST_KEYBOARD);
  press(f, '\n');

  // Q4: 1 s, then Esc asks to quit; the question is frozen while asked.
  truth[3] = current_truth(f);
  given[3] = PACK_ANSWER_FABRICATED;
  scene_test_advance(f, 1000);
  press(f, 27);
  assert_string_equal(top(f), "confirm");
  const Round *r = live_round(f);
  assert_non_null(r);
  assert_true(round_is_paused(r));
  int64_t now = (int64_t)clock_now_ms(&f->clock);
  assert_int_equal(round_time_left_ms(r, now), 9000);
  scene_test_advance(f, 60000);
  assert_int_equal(round_time_left_ms(r, (int64_t)clock_now_ms(&f->clock)), 9000);
  press(f, 27);  // Esc on the question means "no, keep playing"
  assert_string_equal(top(f), "round");
  assert_false(round_is_paused(r));
  assert_int_equal(round_time_left_ms(r, (int64_t)clock_now_ms(&f->clock)), 9000);
  scene_test_advance(f, 3000);
  press(f, 'f');
  scene_test_skip_taps(f, SCENE_TEST_KEYBOARD);
  press(f, '\n');
  assert_string_equal(top(f), "summary");

  // Points by the rule: 100 + ceil(50 * left / limit) for a right answer.
  int points[4];
  int score = 0;
  points[0] = 140;
  points[1] = 0;
  points[2] = 0;
  points[3] = given[3] == truth[3] ? 100 + 30 : 0;  // 6 of 10 s left: ceil(30) = 30
  for (int i = 0; i < 4; i++) {
    score += points[i];
  }

  StoreRoundList rounds = {0};
  StoreAnswerList answers = {0};
  fetch(f, &rounds, &answers);
  assert_int_equal(rounds.count, 1);
  assert_int_equal(rounds.items[0].status, STORE_ROUND_COMPLETED);
  assert_int_equal(rounds.items[0].questions, 4);
  assert_int_equal(rounds.items[0].seconds_per_question, 10);
  assert_int_equal(rounds.items[0].pack_version, 3);
  assert_int_equal(rounds.items[0].score, score);
  assert_int_equal(rounds.items[0].answered, 4);
  assert_int_equal(rounds.items[0].timed_out, 1);
  assert_int_equal(answers.count, 4);
  int correct = 0;
  for (int i = 0; i < 4; i++) {
    const StoreAnswer *a = &answers.items[i];
    assert_int_equal(a->position, i);
    assert_int_equal(a->truth, truth[i] == PACK_ANSWER_REAL ? STORE_VERDICT_REAL : STORE_VERDICT_FABRICATED);
    StoreVerdict g = !answered[i]                   ? STORE_VERDICT_NONE
                     : given[i] == PACK_ANSWER_REAL ? STORE_VERDICT_REAL
                                                    : STORE_VERDICT_FABRICATED;
    assert_int_equal(a->given, g);
    bool ok = answered[i] && given[i] == truth[i];
    assert_int_equal(a->correct, ok);
    correct += ok;
    assert_int_equal(a->points, points[i]);
    assert_int_equal(a->response_ms, expect_ms[i]);
    assert_true(a->answered_ms >= WALL_BASE_MS);
  }
  assert_int_equal(rounds.items[0].correct, correct);
  store_round_list_free(&rounds);
  store_answer_list_free(&answers);

  // The summary's MIST figures, worked out from what was pressed.
  int R = 0, F = 0, V = 0, rr = 0, ff = 0, said_real = 0, said_fake = 0;
  for (int i = 0; i < 4; i++) {
    R += truth[i] == PACK_ANSWER_REAL;
    F += truth[i] == PACK_ANSWER_FABRICATED;
    if (!answered[i]) {
      continue;
    }
    said_real += given[i] == PACK_ANSWER_REAL;
    said_fake += given[i] == PACK_ANSWER_FABRICATED;
    if (given[i] == truth[i]) {
      V++;
      rr += truth[i] == PACK_ANSWER_REAL;
      ff += truth[i] == PACK_ANSWER_FABRICATED;
    }
  }
  assert_int_equal(R, 2);
  assert_int_equal(F, 2);
  const Measures *m = scene_summary_peek_measures(engine_scene_data(f->app->engine, 0));
  assert_non_null(m);
  assert_int_equal(m->veracity, V);
  assert_int_equal(m->veracity, correct);
  assert_int_equal(m->real_detected, rr);
  assert_int_equal(m->fake_detected, ff);
  assert_int_equal(m->distrust, said_fake > F ? said_fake - F : 0);
  assert_int_equal(m->naivety, said_real > R ? said_real - R : 0);
  assert_int_equal(m->unanswered, 1);
  assert_int_equal(round_score(scene_summary_peek_round(engine_scene_data(f->app->engine, 0))), score);
  // One missed item at least (Q2 and Q3), reviewable read-only.
  assert_true(m->missed_count >= 2);
  press(f, '\n');  // focus is on Play again: a new round starts
  assert_string_equal(top(f), "round");
  scene_test_fixture_destroy(f);
}

// Leaving on the first question, before any answer, stores no round: an
// empty "abandoned" round would only clutter the history.
static void test_quit_before_first_answer_stores_nothing(void **state) {
  (void)state;
  Fixture *f = fixture_make(practice_pack);
  start_round(f);
  scene_test_advance(f, 1500);
  press(f, 27);
  assert_string_equal(top(f), "confirm");
  press(f, '>');
  press(f, '\n');
  assert_string_equal(top(f), "packs");
  StoreRoundList rounds = {0};
  StoreAnswerList answers = {0};
  fetch(f, &rounds, &answers);
  assert_int_equal(rounds.count, 0);
  assert_int_equal(answers.count, 0);
  store_round_list_free(&rounds);
  store_answer_list_free(&answers);
  scene_test_fixture_destroy(f);
}

// Quitting mid-round (Esc, then Yes) marks the round abandoned and keeps the
// answers given. Answers by mouse only, then by controller only.
static void test_quit_keeps_answers_mouse_and_pad(void **state) {
  (void)state;
  Fixture *f = fixture_make(practice_pack);
  start_round(f);

  // Mouse: click the FABRICATED button (end side, bottom), then Next.
  PackAnswer t0 = current_truth(f);
  scene_test_advance(f, 1500);
  scene_test_click(f, 1920.0f - 300.0f, 1080.0f - 130.0f);
  scene_test_skip_taps(f, SCENE_TEST_MOUSE);
  scene_test_click(f, 1920.0f - 300.0f, 1080.0f - 90.0f);
  assert_string_equal(top(f), "round");

  // Controller: X answers REAL, A continues.
  PackAnswer t1 = current_truth(f);
  scene_test_advance(f, 2500);
  scene_test_pad(f, SDL_CONTROLLER_BUTTON_X);
  scene_test_skip_taps(f, SCENE_TEST_PAD);
  scene_test_pad(f, SDL_CONTROLLER_BUTTON_A);
  assert_string_equal(top(f), "round");

  // Keyboard arrows: Left is the button on the left, REAL.
  PackAnswer t2 = current_truth(f);
  scene_test_advance(f, 500);
  press(f, '<');
  scene_test_skip_taps(f, SCENE_TEST_KEYBOARD);
  press(f, '\n');

  // Quit: Esc, focus moves from No to Yes, Enter.
  press(f, 27);
  assert_string_equal(top(f), "confirm");
  press(f, '>');
  press(f, '\n');
  assert_string_equal(top(f), "packs");

  StoreRoundList rounds = {0};
  StoreAnswerList answers = {0};
  fetch(f, &rounds, &answers);
  assert_int_equal(rounds.count, 1);
  assert_int_equal(rounds.items[0].status, STORE_ROUND_ABANDONED);
  assert_int_equal(answers.count, 3);
  assert_int_equal(answers.items[0].given, STORE_VERDICT_FABRICATED);
  assert_int_equal(answers.items[0].correct, t0 == PACK_ANSWER_FABRICATED);
  assert_int_equal(answers.items[0].response_ms, 1500);
  assert_int_equal(answers.items[1].given, STORE_VERDICT_REAL);
  assert_int_equal(answers.items[1].correct, t1 == PACK_ANSWER_REAL);
  assert_int_equal(answers.items[1].response_ms, 2500);
  assert_int_equal(answers.items[2].given, STORE_VERDICT_REAL);
  assert_int_equal(answers.items[2].correct, t2 == PACK_ANSWER_REAL);
  store_round_list_free(&rounds);
  store_answer_list_free(&answers);
  scene_test_fixture_destroy(f);
}

// An assessment gives no feedback between questions; the summary has the
// five MIST numbers.
static void test_assessment_no_feedback(void **state) {
  (void)state;
  char *text = xstrdup(practice_pack);
  char *at = strstr(text, "xml:lang=\"en\">");
  assert_non_null(at);
  StrBuf b = {0};
  strbuf_append_n(&b, text, (size_t)(at - text));
  strbuf_append(&b, "xml:lang=\"en\" kind=\"assessment\">");
  strbuf_append(&b, at + strlen("xml:lang=\"en\">"));
  free(text);
  char *pack = strbuf_take(&b);
  Fixture *f = fixture_make(pack);
  free(pack);
  start_round(f);
  // With sound on, an answer must not sound right or wrong: the screen
  // keeps the verdict back, so the cue must too.
  f->app->settings.sound = true;
  int said_real = 0, rr = 0;
  for (int i = 0; i < 4; i++) {
    PackAnswer t = current_truth(f);
    scene_test_advance(f, 1000);
    EngineStats before = engine_stats(f->app->engine);
    press(f, 'r');  // "real" to everything: naive by construction
    EngineStats after = engine_stats(f->app->engine);
    if (after.cues_requested > before.cues_requested) {
      assert_int_not_equal(after.last_cue, SOUND_CUE_CORRECT);
      assert_int_not_equal(after.last_cue, SOUND_CUE_WRONG);
    }
    said_real++;
    rr += t == PACK_ANSWER_REAL;
    if (i < 3) {
      assert_string_equal(top(f), "round");
    }
  }
  assert_string_equal(top(f), "summary");
  const Measures *m = scene_summary_peek_measures(engine_scene_data(f->app->engine, 0));
  assert_int_equal(m->veracity, 2);
  assert_int_equal(rr, 2);
  assert_int_equal(m->real_detected, 2);
  assert_int_equal(m->fake_detected, 0);
  assert_int_equal(m->distrust, 0);
  assert_int_equal(m->naivety, said_real - 2);
  assert_int_equal(m->tendency, MEASURES_TENDENCY_TOO_TRUSTING);
  scene_test_fixture_destroy(f);
}

// Review from the summary reopens a missed item's feedback, read-only.
static void test_summary_review(void **state) {
  (void)state;
  Fixture *f = fixture_make(practice_pack);
  start_round(f);
  for (int i = 0; i < 4; i++) {
    PackAnswer t = current_truth(f);
    scene_test_advance(f, 1000);
    press(f, key_for(other(t)));  // all wrong
    scene_test_skip_taps(f, SCENE_TEST_KEYBOARD);
    press(f, '\n');
  }
  assert_string_equal(top(f), "summary");
  const Measures *m = scene_summary_peek_measures(engine_scene_data(f->app->engine, 0));
  assert_int_equal(m->missed_count, 4);
  assert_int_equal(m->tendency, MEASURES_TENDENCY_BOTH);
  // Up from the buttons reaches the list of items to review; Enter opens one.
  scene_test_key(f, SDLK_UP);
  press(f, '\n');
  assert_string_equal(top(f), "feedback");
  press(f, '\n');
  assert_string_equal(top(f), "summary");
  scene_test_fixture_destroy(f);
}

// Writes `text` over `path` and moves its modification time forward, so the
// change is seen even on file systems with coarse timestamps.
static void rewrite(const char *path, const char *text, int64_t bump_s) {
  char *err = NULL;
  assert_true(fs_write_atomic(path, text, strlen(text), &err));
  struct timespec times[2] = {{.tv_sec = 0, .tv_nsec = UTIME_OMIT}, {.tv_sec = 2000000000 + bump_s, .tv_nsec = 0}};
  assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
}

// The author's preview shows a broken file's errors with their lines, and
// reloads by itself (polling about once a second) when the file is fixed.
static void test_preview_reloads(void **state) {
  (void)state;
  Fixture *f = fixture_make(practice_pack);
  // Break the pack: an unknown technique on line 23 (the first <technique>).
  char *broken = xstrdup(practice_pack);
  char *t = strstr(broken, "<technique>fake-expert</technique>");
  memcpy(t + strlen("<technique>"), "fake-exprt ", strlen("fake-expert"));
  rewrite(f->pack_path, broken, 1);
  scene_preview_push(f->app, f->pack_path);
  scene_test_step(f);
  assert_string_equal(top(f), "preview");
  const DiagList *diags = NULL;
  assert_null(scene_preview_peek(engine_scene_data(f->app->engine, 0), &diags));
  assert_true(diags->errors >= 1);
  const Diag *d = diag_first_error(diags);
  assert_non_null(d);
  assert_true(d->line > 0);
  assert_non_null(strstr(d->file, "pack.xml"));

  // Fixed and saved: picked up at the next poll without any input event.
  rewrite(f->pack_path, practice_pack, 2);
  scene_test_advance(f, 400);
  assert_null(scene_preview_peek(engine_scene_data(f->app->engine, 0), NULL));
  scene_test_advance(f, 700);
  const Pack *p = scene_preview_peek(engine_scene_data(f->app->engine, 0), &diags);
  assert_non_null(p);
  assert_int_equal(p->item_count, 4);
  assert_int_equal(diags->errors, 0);
  // Right moves to the next item.
  press(f, '>');
  // A pack that plays with warnings says so: r2 has no url. Its Warnings
  // button lists them instead of the item, and toggles back.
  assert_int_equal(diags->warnings, 1);
  const UiButton *warn = scene_test_button_labelled(f->app, "1 warning");
  assert_false(warn->disabled);
  scene_test_click(f, warn->rect.x + warn->rect.w / 2, warn->rect.y + warn->rect.h / 2);
  assert_true(scene_preview_showing_warnings(engine_scene_data(f->app->engine, 0)));
  scene_test_click(f, warn->rect.x + warn->rect.w / 2, warn->rect.y + warn->rect.h / 2);
  assert_false(scene_preview_showing_warnings(engine_scene_data(f->app->engine, 0)));
  // Esc asks before leaving (the preview is often the game's only screen);
  // No (Esc again) stays, Yes leaves.
  size_t depth = engine_scene_count(f->app->engine);
  press(f, 27);
  assert_string_equal(top(f), "confirm");
  press(f, 27);
  assert_string_equal(top(f), "preview");
  assert_int_equal(engine_scene_count(f->app->engine), depth);
  press(f, 27);
  const UiButton *yes = scene_test_button_labelled(f->app, "Close preview");
  scene_test_click(f, yes->rect.x + yes->rect.w / 2, yes->rect.y + yes->rect.h / 2);
  assert_int_equal(engine_scene_count(f->app->engine), depth - 1);
  assert_string_not_equal(top(f), "preview");
  free(broken);
  scene_test_fixture_destroy(f);
}

static void assert_png(const char *path, int w, int h) {
  uint8_t *px = NULL;
  int pw = 0, ph = 0;
  char *err = NULL;
  if (!png_read_rgba(path, &px, &pw, &ph, &err)) {
    fail_msg("%s: %s", path, err ? err : "?");
  }
  assert_int_equal(pw, w);
  assert_int_equal(ph, h);
  free(px);
}

// Every gameplay screen of a round of the bundled starter pack draws at three
// window sizes (screenshots land in $PREBUNK_SHOT_DIR when set, for people
// to look at; else in the temporary folder).
// The truth sentence: dates for people, and an outlet written right to left
// isolated so the date stays after it in an English sentence.
static void test_truth_sentence(void **state) {
  (void)state;
  PackItem real = {.answer = PACK_ANSWER_REAL, .outlet = "The Guardian", .date = "2016-04-17"};
  char *s = gameplay_truth_sentence(&real);
  assert_string_equal(s, "This headline is real: The Guardian, 17 April 2016.");
  free(s);
  real.date = "2020-11";
  s = gameplay_truth_sentence(&real);
  assert_string_equal(s, "This headline is real: The Guardian, November 2020.");
  free(s);
  real.outlet = "\xd8\xa7\xd9\x84\xd8\xa8\xd9\x8a\xd8\xa7\xd9\x86";  // "البيان"
  real.date = "2021-05-05";
  s = gameplay_truth_sentence(&real);
  // FIRST STRONG ISOLATE (U+2068) ... POP DIRECTIONAL ISOLATE (U+2069).
  assert_string_equal(s,
                      "This headline is real: \xe2\x81\xa8\xd8\xa7\xd9\x84\xd8\xa8\xd9\x8a\xd8\xa7\xd9\x86"
                      "\xe2\x81\xa9, 5 May 2021.");
  free(s);
  PackItem fake = {.answer = PACK_ANSWER_FABRICATED, .outlet = "Viral post on social media"};
  s = gameplay_truth_sentence(&fake);
  assert_string_equal(s, "This headline is fabricated. It circulated as: Viral post on social media.");
  free(s);
  fake.outlet = NULL;
  s = gameplay_truth_sentence(&fake);
  assert_string_equal(s, "This headline is fabricated.");
  free(s);
}

static void test_screenshots(void **state) {
  (void)state;
  char *starter = test_source_path("quizzes/starter-en.xml");
  char *text = test_read_file(starter);
  free(starter);
  Fixture *f = fixture_make(text);
  free(text);
  const char *out = getenv("PREBUNK_SHOT_DIR") ? getenv("PREBUNK_SHOT_DIR") : f->dir;
  static const int sizes[3][2] = {{1280, 720}, {1366, 768}, {3840, 2160}};
  for (int s = 0; s < 3; s++) {
    engine_set_window_size(f->app->engine, sizes[s][0], sizes[s][1]);
    if (s == 0) {
      scene_packs_push(f->app);
    }
    scene_round_push(f->app);
    scene_test_step(f);
    scene_test_advance(f, 6500);
    char *err = NULL;
    char *p = xasprintf("%s/round-%d.png", out, sizes[s][0]);
    assert_true(engine_save_screenshot(f->app->engine, p, &err));
    assert_png(p, sizes[s][0], sizes[s][1]);
    free(p);
    for (int i = 0; i < 10 && strcmp(top(f), "summary") != 0; i++) {
      PackAnswer t = current_truth(f);
      scene_test_advance(f, 1200);
      press(f, key_for(i % 3 == 2 ? other(t) : t));
      if (i == 1 || i == 2) {
        scene_test_skip_taps(f, SCENE_TEST_KEYBOARD);
        p = xasprintf("%s/feedback-%d-%d.png", out, i, sizes[s][0]);
        assert_true(engine_save_screenshot(f->app->engine, p, &err));
        free(p);
      }
      scene_test_skip_taps(f, SCENE_TEST_KEYBOARD);
      press(f, '\n');
    }
    p = xasprintf("%s/summary-%d.png", out, sizes[s][0]);
    assert_true(engine_save_screenshot(f->app->engine, p, &err));
    free(p);
    engine_pop_scene(f->app->engine);
    scene_test_step(f);
  }
  scene_test_fixture_destroy(f);
}

// The round's and the pause menu's key hints come from the bindings: with
// REAL on T (SDL's own key name, no label) and Pause on F9, the buttons say
// so, and the new keys play.
static void test_key_hints_follow_bindings(void **state) {
  (void)state;
  Fixture *f = fixture_make(practice_pack);
  size_t n;
  const InputBinding *table = game_bindings(&n);
  InputBinding *rebound = xmalloc(n * sizeof *table);
  memcpy(rebound, table, n * sizeof *table);
  for (size_t i = 0; i < n; i++) {
    if (rebound[i].device == INPUT_DEVICE_KEYBOARD && rebound[i].action == INPUT_ACTION_ANSWER_REAL) {
      rebound[i].code = SDLK_t;
      rebound[i].label = NULL;
    } else if (rebound[i].device == INPUT_DEVICE_KEYBOARD && rebound[i].action == INPUT_ACTION_PAUSE) {
      rebound[i].code = SDLK_F9;
      rebound[i].label = NULL;
    }
  }
  engine_set_bindings(f->app->engine, rebound, n);
  free(rebound);
  scene_packs_push(f->app);
  scene_round_push(f->app);
  scene_test_step(f);
  assert_string_equal(scene_test_top(f->app), "round");
  assert_string_equal(scene_test_button_labelled(f->app, "REAL")->key_hint, "T");
  assert_string_equal(scene_test_button_labelled(f->app, "Pause")->key_hint, "F9");
  assert_string_equal(scene_test_button_labelled(f->app, "FABRICATED")->key_hint, "F");
  scene_test_key(f, SDLK_F9);
  assert_string_equal(scene_test_top(f->app), "pause");
  assert_string_equal(scene_test_button_labelled(f->app, "Resume")->key_hint, "F9");
  assert_string_equal(scene_test_button_labelled(f->app, "Help")->key_hint, "F1");
  scene_test_key(f, SDLK_F9);
  assert_string_equal(scene_test_top(f->app), "round");
  scene_test_key(f, SDLK_t);
  scene_test_skip_taps(f, SCENE_TEST_KEYBOARD);
  assert_string_equal(scene_test_button_labelled(f->app, "Next question")->key_hint, "Enter");
  scene_test_fixture_destroy(f);
}

int main(void) {
  log_set_stderr(getenv("PREBUNK_TEST_VERBOSE") != NULL);
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_practice_round_keyboard),
      cmocka_unit_test(test_quit_before_first_answer_stores_nothing),
      cmocka_unit_test(test_quit_keeps_answers_mouse_and_pad),
      cmocka_unit_test(test_assessment_no_feedback),
      cmocka_unit_test(test_summary_review),
      cmocka_unit_test(test_preview_reloads),
      cmocka_unit_test(test_screenshots),
      cmocka_unit_test(test_truth_sentence),
      cmocka_unit_test(test_key_hints_follow_bindings),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  pack_loader_shutdown();
  return rc;
}
