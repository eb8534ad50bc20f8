// The training screens, driven headless through a real App with pushed SDL
// input and a manual clock: the pair round ("Which one is real?") by keys,
// mouse and controller, recorded in the store; the forewarning card before
// a practice round, once per technique in a run; both shown whole (no text
// cut or shrunk) at 1024x768 at the largest text size. Screenshots land in
// $PREBUNK_SHOT_DIR when set (else the temporary folder).

#include "support/test_support.h"

#include "scene_test_support.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/str.h"
#include "engine/engine.h"
#include "engine/view.h"
#include "play/pair.h"
#include "scenes/app.h"
#include "scenes/scenes.h"
#include "scenes/training_scenes.h"

enum { WALL_BASE_MS = 1700000000 };

// Three pairs (the longest headlines the pack format's warning allows
// without a warning) and one unpaired real item.
static const char *const pack_text =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<quizpack xmlns=\"urn:prebunk:quizpack:1\" id=\"pairs-test\" version=\"1\" xml:lang=\"en\">\n"
    "  <title>Pairs test pack</title>\n"
    "  <description>Three pairs.</description>\n"
    "  <item id=\"r1\" answer=\"real\" pair=\"bees\"><headline>City council plants wildflower verges along "
    "its ring road to help bees and other pollinators recover</headline>\n"
    "    <source outlet=\"The Daily Test\" date=\"2023-04-17\"/><explanation>Real.</explanation></item>\n"
    "  <item id=\"f1\" answer=\"fabricated\" pair=\"bees\"><headline>Bees banned from every city park after a "
    "40% rise in stings, says the Institute for Urban Safety</headline>\n"
    "    <explanation>Fabricated.</explanation><technique>fake-expert</technique></item>\n"
    "  <item id=\"r2\" answer=\"real\" pair=\"trains\"><headline>Rail company apologises after a train "
    "leaves 20 seconds early</headline>\n"
    "    <source outlet=\"Town Herald\" date=\"2017\"/><explanation>Real.</explanation></item>\n"
    "  <item id=\"f2\" answer=\"fabricated\" pair=\"trains\"><headline>URGENT: all trains to stop for a "
    "month from Monday, ministry confirms</headline>\n"
    "    <explanation>Fabricated.</explanation><technique>fearmongering</technique></item>\n"
    "  <item id=\"r3\" answer=\"real\" pair=\"space\"><headline>Space agency's probe nudges an asteroid off "
    "course</headline>\n"
    "    <source outlet=\"Science Now\" date=\"2022-10\"/><explanation>Real.</explanation></item>\n"
    "  <item id=\"f3\" answer=\"fabricated\" pair=\"space\"><headline>Scientists warn: solar storm next week "
    "will switch off the internet</headline>\n"
    "    <explanation>Fabricated.</explanation><technique>fearmongering</technique></item>\n"
    "  <item id=\"r4\" answer=\"real\"><headline>Library extends its opening hours</headline>\n"
    "    <source outlet=\"Town Herald\" date=\"2020\"/><explanation>Real.</explanation></item>\n"
    "</quizpack>\n";

typedef SceneTestFixture Fixture;

// A player and no sound, in every test's app.
static void ready(App *app) {
  char *err = NULL;
  assert_non_null(app->pack);
  assert_true(app_set_player(app, "Tester", &err));
  app->settings.sound = false;
}

// A fresh app at this size; `largest` writes the largest text size first.
static void reopen(Fixture *f, int w, int h, bool largest) {
  scene_test_reopen(f, &(SceneTestAppOptions){.seed = 11, .wall_base_ms = WALL_BASE_MS, .width = w, .height = h},
                    largest ? "largest" : "normal");
  ready(f->app);
}

static int setup(void **state) {
  Fixture *f = scene_test_fixture_create();
  f->pack_path = test_write_file(f->dir, "pack.xml", pack_text);
  reopen(f, 1280, 720, false);
  *state = f;
  return 0;
}

static void start_at(Fixture *f, const char *name) {
  char *err = NULL;
  if (!app_start(f->app, name, &err)) {
    fail_msg("app_start %s: %s", name, err ? err : "?");
  }
  free(err);
  scene_test_step(f);
}

static const void *top_data(Fixture *f) {
  return engine_scene_data(f->app->engine, 0);
}

// Draws a frame and fails when any text was cut or shrunk below its size.
static void assert_whole(Fixture *f, const char *what) {
  ui_stats_clear(f->app->ui_stats);
  scene_test_shot(f, what);
  if (f->app->ui_stats->cut || f->app->ui_stats->shrunk) {
    fail_msg("%s: %u texts cut, %u shrunk (last cut: %s)", what, f->app->ui_stats->cut, f->app->ui_stats->shrunk,
             f->app->ui_stats->last_cut);
  }
}

// ---- the pair round --------------------------------------------------------------

static void test_pair_round_by_keys_mouse_and_pad(void **state) {
  Fixture *f = *state;
  assert_true(scene_pair_available(f->app));
  start_at(f, "pair");
  assert_string_equal(scene_test_top(f->app), "pair");
  const PlayPairRound *r = scene_pair_peek_round(top_data(f));
  assert_non_null(r);
  assert_int_equal(play_pair_round_count(r), 3);
  assert_false(scene_pair_peek_revealed(top_data(f)));

  // 1: the Left arrow picks the left card; both are stamped.
  scene_test_key(f, SDLK_LEFT);
  assert_true(scene_pair_peek_revealed(top_data(f)));
  assert_int_equal(play_pair_round_result_count(r), 1);
  assert_int_equal(play_pair_round_result(r, 0)->chosen, PLAY_SIDE_LEFT);
  // A second arrow does not answer again: it only moves the focus.
  scene_test_key(f, SDLK_RIGHT);
  assert_int_equal(play_pair_round_result_count(r), 1);
  // Enter on the focused card opens its explanation; Esc returns.
  scene_test_key(f, SDLK_RETURN);
  assert_string_equal(scene_test_top(f->app), "feedback");
  scene_test_key(f, SDLK_ESCAPE);
  assert_string_equal(scene_test_top(f->app), "pair");
  Rect next = scene_test_button_labelled(f->app, "Next")->rect;
  scene_test_click(f, next.x + next.w / 2, next.y + next.h / 2);
  assert_false(scene_pair_peek_revealed(top_data(f)));

  // 2: a click on the right card.
  Rect right = scene_pair_peek_card(top_data(f), PLAY_SIDE_RIGHT);
  scene_test_click(f, right.x + right.w / 2, right.y + right.h / 2);
  assert_int_equal(play_pair_round_result_count(r), 2);
  assert_int_equal(play_pair_round_result(r, 1)->chosen, PLAY_SIDE_RIGHT);
  scene_test_key(f, SDLK_RETURN);  // Next has the focus after a choice

  // 3: the controller's D-pad right; then "See results" and the results page.
  scene_test_pad(f, SDL_CONTROLLER_BUTTON_DPAD_RIGHT);
  assert_int_equal(play_pair_round_result_count(r), 3);
  assert_non_null(scene_test_button_labelled(f->app, "See results"));
  scene_test_key(f, SDLK_RETURN);
  assert_true(play_pair_round_is_finished(r));
  assert_non_null(scene_test_button_labelled(f->app, "Done"));
  int correct = play_pair_round_correct(r);
  assert_true(correct >= 0 && correct <= 3);
  assert_int_equal(play_pair_round_score(r), correct * PLAY_PAIR_POINTS);
  scene_test_key(f, SDLK_RETURN);
  assert_string_equal(scene_test_top(f->app), "packs");
  // The fakes shown are now in the run: no pair is left to offer.
  assert_int_equal(play_run_fake_count(f->app->run), 3);
  assert_false(scene_pair_available(f->app));
}

// Leaving mid-round records it as abandoned; the app then offers no pair
// whose fake was shown.
static void test_pair_round_back_abandons(void **state) {
  Fixture *f = *state;
  start_at(f, "pair");
  scene_test_key(f, SDLK_RIGHT);
  scene_test_key(f, SDLK_ESCAPE);
  assert_string_equal(scene_test_top(f->app), "packs");
  assert_int_equal(play_run_fake_count(f->app->run), 1);
  assert_int_equal(play_pairs_available(f->app->pack, f->app->run), 2);
}

static void test_pair_round_whole_at_every_size(void **state) {
  Fixture *f = *state;
  static const int sizes[][2] = {{1024, 768}, {1366, 768}, {768, 1024}};
  for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
    for (int largest = 0; largest < 2; largest++) {
      reopen(f, sizes[i][0], sizes[i][1], largest);
      start_at(f, "pair");
      assert_whole(f, "pair-choose");
      scene_test_key(f, SDLK_LEFT);
      assert_whole(f, "pair-reveal");
    }
  }
}

// ---- the forewarning card ------------------------------------------------------------

static void test_forewarn_before_round(void **state) {
  Fixture *f = *state;
  start_at(f, "packs");
  scene_round_push_forewarned(f->app);
  scene_test_step(f);
  assert_string_equal(scene_test_top(f->app), "forewarn");
  Technique t = scene_forewarn_peek_technique(top_data(f));
  assert_true(t == TECHNIQUE_FAKE_EXPERT || t == TECHNIQUE_FEARMONGERING);  // the pack's techniques
  scene_test_key(f, SDLK_RETURN);                                           // Continue
  assert_string_equal(scene_test_top(f->app), "round");
  // Leave that round; the next one starts without the same card again.
  while (strcmp(scene_test_top(f->app), "packs") != 0) {
    engine_pop_scene(f->app->engine);
    scene_test_step(f);
  }
  scene_round_push_forewarned(f->app);
  scene_test_step(f);
  assert_string_equal(scene_test_top(f->app), "round");
}

// Assessment packs (fixed tests) never get a card.
static void test_no_forewarn_for_assessment(void **state) {
  Fixture *f = *state;
  Pack *p = (Pack *)f->app->pack;
  p->kind = PACK_KIND_ASSESSMENT;
  start_at(f, "packs");
  scene_round_push_forewarned(f->app);
  scene_test_step(f);
  assert_string_equal(scene_test_top(f->app), "round");
  p->kind = PACK_KIND_PRACTICE;
}

static void test_forewarn_whole_at_every_size(void **state) {
  Fixture *f = *state;
  static const int sizes[][2] = {{1024, 768}, {1366, 768}, {768, 1024}};
  for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
    for (int largest = 0; largest < 2; largest++) {
      reopen(f, sizes[i][0], sizes[i][1], largest);
      start_at(f, "forewarn");
      assert_string_equal(scene_test_top(f->app), "forewarn");
      assert_false(scene_forewarn_peek_overflow(top_data(f), engine_view(f->app->engine)->h));
      assert_whole(f, "forewarn");
      // Scrolled to the end (when it scrolls), still whole.
      for (int k = 0; k < 20; k++) {
        scene_test_key(f, SDLK_DOWN);
      }
      assert_whole(f, "forewarn-end");
    }
  }
}

// The card scrolls in the kit's scroll view where it is taller than its
// room (1024x768 at the largest size): End, Home, Page Down and a drag move
// it, and its bar stays inside the card.
static void test_forewarn_scrolls(void **state) {
  Fixture *f = *state;
  reopen(f, 1024, 768, true);
  start_at(f, "forewarn");
  const UiScroll *sc = scene_forewarn_peek_scroll(top_data(f));
  assert_true(ui_scroll_overflows(sc));
  scene_test_key(f, SDLK_END);
  assert_true(sc->offset == ui_scroll_max(sc));
  scene_test_key(f, SDLK_HOME);
  assert_true(sc->offset == 0);
  scene_test_key(f, SDLK_PAGEDOWN);
  assert_true(sc->offset > 0);
  scene_test_key(f, SDLK_HOME);
  // A drag upwards in the card scrolls it down by as much.
  float x = sc->view.x + sc->view.w / 2, y = sc->view.y + sc->view.h * 0.75f;
  scene_test_push_mouse_move(f->app, x, y);
  scene_test_push_mouse_button(f->app, x, y, true);
  scene_test_push_mouse_move(f->app, x, y - 40);
  scene_test_push_mouse_move(f->app, x, y - 100);
  scene_test_push_mouse_button(f->app, x, y - 100, false);
  scene_test_step(f);
  assert_true(sc->offset > 90 && sc->offset < 110);
  assert_string_equal(scene_test_top(f->app), "forewarn");  // the drag chose nothing
  Rect track;
  assert_true(ui_scroll_bar_rects(sc, f->app->ui_rtl, &track, NULL));
  assert_true(track.x >= sc->view.x && track.x + track.w <= sc->view.x + sc->view.w);
  assert_whole(f, "forewarn-dragged");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_pair_round_by_keys_mouse_and_pad, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_pair_round_back_abandons, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_pair_round_whole_at_every_size, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_forewarn_before_round, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_no_forewarn_for_assessment, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_forewarn_whole_at_every_size, setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_forewarn_scrolls, setup, scene_test_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
