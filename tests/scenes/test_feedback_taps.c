// The feedback screen's optional taps (issue 8), played through the real
// round and feedback scenes: "How sure are you?" before the verdict, then
// "Which technique?" after a fabricated headline, by keyboard only, by
// mouse only and by controller; the store must hold what was tapped.
// Also: both steps fit at every shape and text size (screenshots with
// PREBUNK_SHOT_DIR).

#include "support/test_support.h"

#include "scene_test_support.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "base/str.h"
#include "engine/engine.h"
#include "quiz/pack_load.h"
#include "scenes/app.h"
#include "scenes/gameplay.h"
#include "scenes/scenes.h"
#include "scenes/settings.h"
#include "store/store.h"

enum {
  WALL_BASE_MS = 1700000000,
  QUESTIONS = 4,
};

// Two real headlines and two fabricated ones with one technique each, so
// each fabricated headline has exactly one right answer to "Which technique?".
static const char *const taps_pack =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<quizpack xmlns=\"urn:prebunk:quizpack:1\" id=\"taps\" version=\"1\" xml:lang=\"en\">\n"
    "  <title>Taps</title>\n"
    "  <description>Four items for the feedback taps test.</description>\n"
    "  <round questions=\"4\"/>\n"
    "  <item id=\"r1\" answer=\"real\">\n"
    "    <headline>Council opens new library on the high street</headline>\n"
    "    <source outlet=\"The Daily Test\" date=\"2016-04-17\"/>\n"
    "    <explanation>Real. Reported by several outlets.</explanation>\n"
    "    <tip>Look for other outlets.</tip>\n"
    "  </item>\n"
    "  <item id=\"r2\" answer=\"real\">\n"
    "    <headline>Dog elected honorary mayor of small town</headline>\n"
    "    <source outlet=\"Town Herald\" date=\"2019\"/>\n"
    "    <explanation>Real. Strange but true.</explanation>\n"
    "  </item>\n"
    "  <item id=\"f1\" answer=\"fabricated\">\n"
    "    <headline>Scientists confirm chocolate cures all colds, says the Institute of Everything in a new "
    "report</headline>\n"
    "    <source outlet=\"Viral post on social media\"/>\n"
    "    <explanation>Fabricated. The institute does not exist.</explanation>\n"
    "    <technique>fake-expert</technique>\n"
    "    <tip>Search the institute's name.</tip>\n"
    "  </item>\n"
    "  <item id=\"f2\" answer=\"fabricated\">\n"
    "    <headline>URGENT: tap water turns toxic at midnight, share now</headline>\n"
    "    <explanation>Fabricated. Classic fearmongering.</explanation>\n"
    "    <technique>fearmongering</technique>\n"
    "  </item>\n"
    "</quizpack>\n";

typedef SceneTestFixture Fixture;

static Fixture *fixture_make(int w, int h) {
  Fixture *f = scene_test_fixture_create();
  f->pack_path = test_write_file(f->dir, "taps.xml", taps_pack);
  f->app = scene_test_app_create(
      f, &(SceneTestAppOptions){.seed = 77, .wall_base_ms = WALL_BASE_MS, .width = w, .height = h});
  char *err = NULL;
  assert_non_null(f->app->pack);
  assert_true(app_set_player(f->app, "Tapper", &err));
  f->app->settings.sound = false;
  return f;
}

static void start_round(Fixture *f) {
  scene_packs_push(f->app);
  scene_round_push(f->app);
  scene_test_step(f);
  assert_string_equal(scene_test_top(f->app), "round");
}

static const PackItem *current_item(Fixture *f) {
  assert_string_equal(scene_test_top(f->app), "round");
  const Round *r = scene_round_peek(engine_scene_data(f->app->engine, 0));
  assert_non_null(r);
  const PackItem *item = round_current_item(r);
  assert_non_null(item);
  return item;
}

static FeedbackStep step(Fixture *f) {
  assert_string_equal(scene_test_top(f->app), "feedback");
  bool overflow = true;
  FeedbackStep st = scene_feedback_peek_step(engine_scene_data(f->app->engine, 0), &overflow);
  assert_false(overflow);
  return st;
}

// The index (0..2) of the choice button naming the item's one technique.
static int right_choice(Fixture *f, const PackItem *item) {
  for (int k = 0; k < 3; k++) {
    const UiButton *b = scene_test_button_with_id(f->app, 10 + k);
    for (int t = 0; t < TECHNIQUE_COUNT; t++) {
      if ((item->techniques & (1u << t)) && strcmp(b->label, gameplay_technique_label((Technique)t)) == 0) {
        return k;
      }
    }
  }
  fail_msg("no choice names the technique of %s", item->id);
  return -1;
}

static void click_rect(Fixture *f, Rect r) {
  scene_test_click(f, r.x + r.w / 2, r.y + r.h / 2);
}

static void click_label(Fixture *f, const char *label) {
  click_rect(f, scene_test_button_labelled(f->app, label)->rect);
}

// What the player did at each position, to check the store against.
typedef struct Played {
  const char *item_id;
  StoreConfidence confidence;
  bool fake;
  int technique_right;  // 1 right, 0 wrong (a fabricated headline)
} Played;

static void check_store(Fixture *f, const Played *played) {
  StoreFilter filter = {.player_name = "Tapper", .pack_id = "taps"};
  StoreAnswerList answers = {0};
  char *err = NULL;
  assert_true(store_answers(f->app->store, &filter, &answers, &err));
  assert_int_equal(answers.count, QUESTIONS);
  for (size_t i = 0; i < answers.count; i++) {
    const StoreAnswer *a = &answers.items[i];
    assert_string_equal(a->item_id, played[i].item_id);
    assert_int_equal(a->confidence, played[i].confidence);
    if (!played[i].fake) {
      assert_null(a->technique_asked);
      continue;
    }
    assert_non_null(a->technique_asked);
    assert_non_null(a->technique_given);
    assert_int_equal(strcmp(a->technique_asked, a->technique_given) == 0, played[i].technique_right);
    assert_string_equal(a->techniques, a->technique_asked);  // the item's one technique
  }
  store_answer_list_free(&answers);
}

// The page after a technique answer says whether it was right.
static void assert_note(Fixture *f, bool right) {
  const GameplayPage *p = scene_feedback_peek_page(engine_scene_data(f->app->engine, 0), NULL);
  assert_non_null(p->note);
  assert_non_null(strstr(p->note, right ? "Right: " : "You chose "));
  assert_true(p->note_box.h > 0);
  assert_true(p->note_right == right);
}

// Answers the current headline right, with the keyboard (R/F) or the mouse.
static void answer_right(Fixture *f, const PackItem *item, SceneTestInput how) {
  bool real = item->answer == PACK_ANSWER_REAL;
  if (how == SCENE_TEST_MOUSE) {
    click_label(f, real ? "REAL" : "FABRICATED");
  } else {
    scene_test_key(f, real ? SDLK_r : SDLK_f);
  }
}

// Takes choice k (0..2) of a question step: its key (1/2/3) or a click on it.
static void take_choice(Fixture *f, int k, SceneTestInput how) {
  if (how == SCENE_TEST_MOUSE) {
    click_rect(f, scene_test_button_with_id(f->app, 10 + k)->rect);
  } else {
    scene_test_key(f, (SDL_Keycode)(SDLK_1 + k));
  }
}

// A whole round with every tap given, by keyboard only (R/F, 1/2/3, Enter)
// or mouse only (the buttons): the confidence alternates Sure and Guessing
// (keyboard) or Sure and I think so (mouse); of the two fabricated
// headlines one gets the right technique, the other a wrong one.
static void play_tapping(SceneTestInput how) {
  bool mouse = how == SCENE_TEST_MOUSE;
  Fixture *f = fixture_make(mouse ? 1920 : 1280, mouse ? 1080 : 720);
  start_round(f);
  Played played[QUESTIONS];
  int fakes = 0;
  for (int i = 0; i < QUESTIONS; i++) {
    const PackItem *item = current_item(f);
    played[i] = (Played){.item_id = item->id, .fake = item->answer == PACK_ANSWER_FABRICATED};
    answer_right(f, item, how);
    // Asked before the verdict: the choices carry their keys.
    assert_int_equal(step(f), FEEDBACK_STEP_CONFIDENCE);
    assert_string_equal(scene_test_button_labelled(f->app, "Sure")->key_hint, "1");
    assert_string_equal(scene_test_button_labelled(f->app, "Guessing")->key_hint, "3");
    int level = i % 2 == 0 ? 0 : mouse ? 1 : 2;
    played[i].confidence = (StoreConfidence)(STORE_CONFIDENCE_SURE + level);
    take_choice(f, level, how);
    if (played[i].fake) {
      assert_int_equal(step(f), FEEDBACK_STEP_TECHNIQUE);
      int right = right_choice(f, item);
      bool pick_right = fakes == (mouse ? 1 : 0);
      played[i].technique_right = pick_right;
      take_choice(f, pick_right ? right : (right + 1 + fakes) % 3, how);
      assert_int_equal(step(f), FEEDBACK_STEP_PAGE);
      assert_note(f, pick_right);
      fakes++;
    }
    assert_int_equal(step(f), FEEDBACK_STEP_PAGE);
    if (mouse) {
      click_label(f, i + 1 < QUESTIONS ? "Next question" : "See results");
    } else {
      scene_test_key(f, SDLK_RETURN);
    }
  }
  assert_int_equal(fakes, 2);
  assert_string_equal(scene_test_top(f->app), "summary");
  check_store(f, played);
  scene_test_fixture_destroy(f);
}

static void test_keyboard_taps(void **state) {
  (void)state;
  play_tapping(SCENE_TEST_KEYBOARD);
}

static void test_mouse_taps(void **state) {
  (void)state;
  play_tapping(SCENE_TEST_MOUSE);
}

// Skipped with Enter: nothing is stored, and the verdict and the page still
// come. A controller reaches a choice with the D-pad and takes it with A.
static void test_skip_and_controller(void **state) {
  (void)state;
  Fixture *f = fixture_make(1366, 768);
  start_round(f);
  Played played[QUESTIONS];
  for (int i = 0; i < QUESTIONS; i++) {
    const PackItem *item = current_item(f);
    played[i] = (Played){.item_id = item->id, .fake = item->answer == PACK_ANSWER_FABRICATED};
    bool pad = i >= 2;
    if (pad) {
      scene_test_pad(f, item->answer == PACK_ANSWER_REAL ? SDL_CONTROLLER_BUTTON_X : SDL_CONTROLLER_BUTTON_Y);
    } else {
      scene_test_key(f, item->answer == PACK_ANSWER_REAL ? SDLK_r : SDLK_f);
    }
    assert_int_equal(step(f), FEEDBACK_STEP_CONFIDENCE);
    if (!pad) {
      scene_test_key(f, SDLK_RETURN);  // skipped: the verdict shows, nothing stored
      if (played[i].fake) {
        assert_int_equal(step(f), FEEDBACK_STEP_TECHNIQUE);
        scene_test_key(f, SDLK_RETURN);
        played[i].fake = false;  // skipped: not asked
      }
      assert_int_equal(step(f), FEEDBACK_STEP_PAGE);
      scene_test_key(f, SDLK_RETURN);
      continue;
    }
    // Next has the focus; up from it is a choice.
    scene_test_pad(f, SDL_CONTROLLER_BUTTON_DPAD_UP);
    UiForm *form = scene_test_top_form(f->app);
    assert_true(form->focus >= 0);
    const char *label = form->buttons[form->focus].label;
    played[i].confidence = strcmp(label, "Sure") == 0         ? STORE_CONFIDENCE_SURE
                           : strcmp(label, "I think so") == 0 ? STORE_CONFIDENCE_THINK
                                                              : STORE_CONFIDENCE_GUESS;
    assert_true(form->buttons[form->focus].id >= 10);
    scene_test_pad(f, SDL_CONTROLLER_BUTTON_A);
    if (played[i].fake) {
      assert_int_equal(step(f), FEEDBACK_STEP_TECHNIQUE);
      scene_test_pad(f, SDL_CONTROLLER_BUTTON_DPAD_UP);
      form = scene_test_top_form(f->app);
      assert_true(form->buttons[form->focus].id >= 10);
      int right = right_choice(f, item);
      played[i].technique_right = form->buttons[form->focus].id - 10 == right;
      scene_test_pad(f, SDL_CONTROLLER_BUTTON_A);
    }
    assert_int_equal(step(f), FEEDBACK_STEP_PAGE);
    scene_test_pad(f, SDL_CONTROLLER_BUTTON_A);
  }
  assert_string_equal(scene_test_top(f->app), "summary");
  check_store(f, played);
  scene_test_fixture_destroy(f);
}

// A time-out has no verdict to rate: no confidence step, and nothing
// stored; a fabricated headline still gets its technique question.
static void test_timeout_skips_confidence(void **state) {
  (void)state;
  Fixture *f = fixture_make(1280, 720);
  f->app->settings.seconds_per_question = 10;
  start_round(f);
  for (int i = 0; i < QUESTIONS; i++) {
    bool fake = current_item(f)->answer == PACK_ANSWER_FABRICATED;
    scene_test_advance(f, 10000);
    assert_int_equal(step(f), fake ? FEEDBACK_STEP_TECHNIQUE : FEEDBACK_STEP_PAGE);
    scene_test_key(f, SDLK_1);  // no confidence to give: 1 is the first technique, or nothing
    assert_int_equal(step(f), FEEDBACK_STEP_PAGE);
    scene_test_key(f, SDLK_RETURN);
  }
  assert_string_equal(scene_test_top(f->app), "summary");
  StoreAnswerList answers = {0};
  assert_true(store_answers(f->app->store, &(StoreFilter){.pack_id = "taps"}, &answers, NULL));
  assert_int_equal(answers.count, QUESTIONS);
  for (size_t i = 0; i < answers.count; i++) {
    assert_int_equal(answers.items[i].given, STORE_VERDICT_NONE);
    assert_int_equal(answers.items[i].confidence, STORE_CONFIDENCE_NONE);
    assert_int_equal(answers.items[i].technique_asked != NULL, answers.items[i].truth == STORE_VERDICT_FABRICATED);
  }
  store_answer_list_free(&answers);
  scene_test_fixture_destroy(f);
}

// The tap can be turned off in settings.ini ([round] confidence_tap): the
// verdict then shows at once; the technique question still comes.
static void test_setting_turns_the_tap_off(void **state) {
  (void)state;
  Fixture *f = fixture_make(1280, 720);
  char *ini = test_write_file(f->dir, "off.ini", "[round]\nconfidence_tap = false\n");
  Settings read = settings_default();
  assert_true(read.confidence_tap);
  char *err = NULL;
  assert_true(settings_load(ini, &read, &err));
  assert_false(read.confidence_tap);
  char *written = settings_to_ini(&read);
  assert_non_null(strstr(written, "confidence_tap = false\n"));
  free(written);
  free(ini);
  f->app->settings.confidence_tap = read.confidence_tap;
  start_round(f);
  for (int i = 0; i < QUESTIONS; i++) {
    bool fake = current_item(f)->answer == PACK_ANSWER_FABRICATED;
    scene_test_key(f, fake ? SDLK_f : SDLK_r);
    assert_int_equal(step(f), fake ? FEEDBACK_STEP_TECHNIQUE : FEEDBACK_STEP_PAGE);
    scene_test_skip_taps(f, SCENE_TEST_KEYBOARD);
    scene_test_key(f, SDLK_RETURN);
  }
  assert_string_equal(scene_test_top(f->app), "summary");
  scene_test_fixture_destroy(f);
}

// Both question steps fit with nothing cut at every shape, at Normal and at the largest text size,
// and with PREBUNK_SHOT_DIR set they are saved there to be looked at.
static void test_steps_fit_everywhere(void **state) {
  (void)state;
  static const int shapes[][2] = {{1024, 768}, {1366, 768}, {1920, 1080}, {3840, 2160}, {768, 1024}};
  const char *dir = getenv("PREBUNK_SHOT_DIR");
  static const SettingsTextSize sizes[] = {SETTINGS_TEXT_NORMAL, SETTINGS_TEXT_LARGEST};
  for (size_t z = 0; z < 2; z++) {
    int ts = (int)sizes[z];
    for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
      Fixture *f = fixture_make(shapes[i][0], shapes[i][1]);
      f->app->settings.text_size = (SettingsTextSize)ts;
      app_apply_settings(f->app);
      start_round(f);
      // Up to the first fabricated headline, skipping the rest.
      while (current_item(f)->answer != PACK_ANSWER_FABRICATED) {
        scene_test_key(f, SDLK_r);
        scene_test_key(f, SDLK_RETURN);
        scene_test_key(f, SDLK_RETURN);
      }
      scene_test_key(f, SDLK_f);
      for (int k = 0; k < 3; k++) {
        ui_stats_clear(f->app->ui_stats);
        scene_test_steps(f->app, 2);
        engine_request_redraw(f->app->engine);
        scene_test_steps(f->app, 1);
        FeedbackStep st = step(f);
        assert_int_equal(st, k == 0 ? FEEDBACK_STEP_CONFIDENCE : k == 1 ? FEEDBACK_STEP_TECHNIQUE : FEEDBACK_STEP_PAGE);
        if (f->app->ui_stats->cut) {
          fail_msg("step %d at %dx%d, text size %d: '%s' cut", k, shapes[i][0], shapes[i][1], ts,
                   f->app->ui_stats->last_cut);
        }
        if (dir) {
          char *path = xasprintf("%s/%s-%dx%d-%s.png", dir,
                                 k == 0   ? "confidence"
                                 : k == 1 ? "technique"
                                          : "technique-result",
                                 shapes[i][0], shapes[i][1], settings_text_size_name((SettingsTextSize)ts));
          char *err = NULL;
          assert_true(engine_save_screenshot(f->app->engine, path, &err));
          free(path);
        }
        if (k == 2) {
          // The answer to "Which technique?" is in the part always in view.
          const GameplayPage *p = scene_feedback_peek_page(engine_scene_data(f->app->engine, 0), NULL);
          assert_true(p->note_box.h > 0);
          assert_true(p->note_box.y + p->note_box.h <= p->body.y + 0.5f);
        } else {
          scene_test_key(f, SDLK_2);
        }
      }
      scene_test_fixture_destroy(f);
    }
  }
}

int main(void) {
  log_set_stderr(getenv("PREBUNK_TEST_VERBOSE") != NULL);
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_keyboard_taps),
      cmocka_unit_test(test_mouse_taps),
      cmocka_unit_test(test_skip_and_controller),
      cmocka_unit_test(test_timeout_skips_confidence),
      cmocka_unit_test(test_setting_turns_the_tap_off),
      cmocka_unit_test(test_steps_fit_everywhere),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  pack_loader_shutdown();
  return rc;
}
