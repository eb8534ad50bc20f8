// The menu screens (title, packs, player, scores, settings, help) at every
// canvas shape and at the largest text size: their text is laid out from
// measured sizes (nothing cut, nothing overlapping), and the fixes of
// issue #7 that are theirs.

#include <SDL.h>
#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/str.h"
#include "engine/engine.h"
#include "quiz/pack_load.h"
#include "scene_test_support.h"
#include "scenes/app.h"
#include "scenes/menu_text.h"
#include "scenes/scenes.h"
#include "support/test_support.h"

typedef SceneTestFixture Fixture;

// An app at `w` x `h` with the text size `size` ("normal" ... "largest").
static App *open_at(Fixture *f, int w, int h, const char *size) {
  SceneTestAppOptions opt = {.seed = 7, .wall_base_ms = 1700000000000, .width = w, .height = h};
  return scene_test_reopen(f, &opt, size);
}

static const MenuTextPlan *top_texts(App *app) {
  const MenuSceneHead *head = engine_scene_data(app->engine, 0);
  assert_non_null(head);
  return &head->texts;
}

static bool plan_has(const MenuTextPlan *p, const char *needle) {
  for (size_t i = 0; i < p->count; i++) {
    if (strstr(p->items[i].text, needle)) {
      return true;
    }
  }
  return false;
}

// Nothing cut, nothing overlapping, nothing smaller than its role's size.
static void assert_plan_clean(const App *app, const MenuTextPlan *p, const char *where) {
  size_t a = 0, b = 0;
  if (p->cut != 0) {
    fail_msg("%s: %zu line(s) cut", where, p->cut);
  }
  if (menu_text_overlaps(p, &a, &b)) {
    fail_msg("%s: '%s' overlaps '%s'", where, p->items[a].text, p->items[b].text);
  }
  float smallest = theme_text_size(&app->theme, THEME_TEXT_SMALL);
  for (size_t i = 0; i < p->count; i++) {
    if (p->items[i].style.size + 0.01f < smallest) {
      fail_msg("%s: '%s' at %.1f, below the smallest role (%.1f)", where, p->items[i].text,
               (double)p->items[i].style.size, (double)smallest);
    }
  }
}

// ---- help ----------------------------------------------------------------------

static void test_help_twice_in_one_frame_opens_one(void **state) {
  Fixture *f = *state;
  App *app = open_at(f, 1366, 768, "normal");
  assert_true(app_start(app, "title", NULL));
  scene_test_steps(app, 2);
  scene_test_push_key(app, SDLK_F1);
  scene_test_push_key(app, SDLK_F1);
  scene_test_steps(app, 2);
  assert_string_equal(scene_test_top(app), "help");
  assert_int_equal(engine_scene_count(app->engine), 2);
  scene_test_menu_key(app, SDLK_ESCAPE);
  assert_string_equal(scene_test_top(app), "title");
}

static void test_help_explains_the_game(void **state) {
  Fixture *f = *state;
  App *app = open_at(f, 1024, 768, "largest");
  assert_true(app_start(app, "help", NULL));
  scene_test_steps(app, 2);
  const MenuTextPlan *p = top_texts(app);
  assert_true(plan_has(p, "fabricated: made up"));
  assert_true(plan_has(p, "Other outlets"));
  assert_true(plan_has(p, "Emotional wording"));
  assert_true(plan_has(p, "Too good"));
  assert_true(plan_has(p, "as wrong as believing"));
  assert_true(plan_has(p, "d′ = z(H) - z(FA)"));
  assert_true(plan_has(p, "n = max(0, \"real\" answers - R)"));
  assert_plan_clean(app, p, "help 1024x768 largest");
  // More than a screenful at this size: it scrolls rather than shrinks.
  assert_true(menu_text_bottom(p, 1) > 768.0f);
}

// ---- settings ------------------------------------------------------------------

static void test_settings_twice_in_one_frame_opens_one(void **state) {
  Fixture *f = *state;
  App *app = open_at(f, 1366, 768, "normal");
  assert_true(app_start(app, "title", NULL));
  scene_test_steps(app, 2);
  scene_test_push_key(app, SDLK_F2);
  scene_test_push_key(app, SDLK_F2);
  scene_test_steps(app, 2);
  assert_string_equal(scene_test_top(app), "settings");
  assert_int_equal(engine_scene_count(app->engine), 2);
}

// The note on assessment packs is there, fits at the largest size, and a
// text-size change lays the screen out again at the new size.
static void test_settings_note_and_relayout(void **state) {
  Fixture *f = *state;
  App *app = open_at(f, 1024, 768, "large");
  assert_true(app_start(app, "settings", NULL));
  scene_test_steps(app, 2);
  const MenuTextPlan *p = top_texts(app);
  assert_true(plan_has(p, "Assessment packs"));
  assert_true(plan_has(p, "unless the pack sets its own seconds"));
  float before = p->items[0].style.size;
  UiForm *form = scene_test_top_form(app);
  while (form->list->selected != 5) {  // the text size row
    scene_test_menu_key(app, SDLK_DOWN);
  }
  scene_test_menu_key(app, SDLK_RIGHT);
  assert_int_equal(app->settings.text_size, SETTINGS_TEXT_LARGER);  // the step after "large"
  scene_test_steps(app, 2);
  p = top_texts(app);
  assert_true(p->items[0].style.size > before);
  assert_int_equal(form->list->selected, 5);  // the relayout kept the selection
  assert_plan_clean(app, p, "settings 1024x768 largest");
}

// ---- every screen at every shape ------------------------------------------------

static const struct {
  int w, h;
} shapes[] = {{1024, 768}, {1366, 768}, {1920, 1080}, {3840, 2160}, {768, 1024}, {2560, 1080}, {1680, 1050}};
static const char *const text_sizes[] = {"normal", "largest"};

// Completed rounds of the first pack (the one the high scores open on) by
// players with long names, so the
// table has every column filled (`me` is the last one, the current player).
static void seed_scores(App *app) {
  const char *names[] = {"Maximiliana Featherstonehaugh", "Bo", "Ana Lee-Smith", "Guest 3", "Élodie Dupont-Moreau"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    assert_true(app_set_player(app, names[i], NULL));
    StoreRoundSpec spec = {.player_id = app->player_id,
                           .pack_id = app_first_valid_pack(app)->id,
                           .pack_version = app_first_valid_pack(app)->version,
                           .questions = 10,
                           .seconds_per_question = 20,
                           .started_ms = 1700000000000 + (int64_t)i * 1000};
    int64_t id = 0;
    assert_true(store_round_begin(app->store, &spec, &id, NULL));
    for (int q = 0; q < 10; q++) {
      StoreVerdict truth = q % 2 ? STORE_VERDICT_REAL : STORE_VERDICT_FABRICATED;
      StoreVerdict given = q < 5 + (int)i ? truth : (truth == STORE_VERDICT_REAL ? STORE_VERDICT_FABRICATED : truth);
      char item[16];
      snprintf(item, sizeof item, "item-%d", q);
      StoreAnswerSpec a = {.position = q,
                           .item_id = item,
                           .truth = truth,
                           .given = given,
                           .points = given == truth ? 100 : 0,
                           .response_ms = 2000,
                           .answered_ms = spec.started_ms};
      assert_true(store_answer_add(app->store, id, &a, NULL));
    }
    assert_true(store_round_finish(app->store, id, 1000 + (int)i * 37, true, spec.started_ms + 60000, NULL));
  }
}

// Starts `scene` at every shape and text size, checks its text plan, and
// saves a screenshot into $PREBUNK_SHOT_DIR when that is set.
static void check_everywhere(Fixture *f, const char *scene, bool with_scores) {
  const char *shots = getenv("PREBUNK_SHOT_DIR");
  for (size_t i = 0; i < sizeof shapes / sizeof *shapes; i++) {
    for (size_t k = 0; k < 2; k++) {
      App *app = open_at(f, shapes[i].w, shapes[i].h, text_sizes[k]);
      if (with_scores) {
        seed_scores(app);
      }
      assert_true(app_start(app, scene, NULL));
      scene_test_steps(app, 3);
      assert_string_equal(scene_test_top(app), scene);
      char *where = xasprintf("%s %dx%d %s", scene, shapes[i].w, shapes[i].h, text_sizes[k]);
      assert_plan_clean(app, top_texts(app), where);
      if (shots) {
        char *path = xasprintf("%s/%s-%dx%d-%s.png", shots, scene, shapes[i].w, shapes[i].h, text_sizes[k]);
        assert_true(engine_save_screenshot(app->engine, path, NULL));
        free(path);
      }
      free(where);
    }
  }
}

static void test_scores_columns_never_overlap(void **state) {
  Fixture *f = *state;
  check_everywhere(f, "scores", true);
  assert_true(plan_has(top_texts(f->app), "Each player's best round"));
  assert_true(plan_has(top_texts(f->app), "Maximiliana"));
}

static void test_help_everywhere(void **state) {
  check_everywhere(*state, "help", false);
}

static void test_settings_everywhere(void **state) {
  check_everywhere(*state, "settings", false);
}

// ---- packs ---------------------------------------------------------------------

// Back from the player screen (or a round) the pack list reads the store
// again: a new best score and the progress through the pack show at once.
static void test_packs_refresh_after_a_round(void **state) {
  Fixture *f = *state;
  App *app = open_at(f, 1366, 768, "normal");
  assert_true(app_start(app, "player", NULL));  // demo player on the first pack
  scene_test_steps(app, 3);
  assert_string_equal(scene_test_top(app), "player");
  const Pack *pack = app->pack;
  StoreRoundSpec spec = {
      .player_id = app->player_id, .pack_id = pack->id, .pack_version = 1, .questions = 2, .started_ms = 1700000000000};
  int64_t id = 0;
  assert_true(store_round_begin(app->store, &spec, &id, NULL));
  for (int q = 0; q < 2; q++) {
    StoreAnswerSpec a = {.position = q,
                         .item_id = pack->items[q].id,
                         .truth = STORE_VERDICT_REAL,
                         .given = STORE_VERDICT_REAL,
                         .points = 100,
                         .answered_ms = spec.started_ms};
    assert_true(store_answer_add(app->store, id, &a, NULL));
  }
  assert_true(store_round_finish(app->store, id, 321, true, spec.started_ms + 1000, NULL));
  scene_test_menu_key(app, SDLK_ESCAPE);
  assert_string_equal(scene_test_top(app), "packs");
  const MenuTextPlan *p = top_texts(app);
  assert_true(plan_has(p, "Your best round: 2 of 2 right"));  // ranked by right answers, not points
  char *seen = xasprintf("2 of %zu seen", pack->item_count);
  assert_true(plan_has(p, seen));
  free(seen);
}

// Once every headline of a pack has been seen, the details card says so
// (instead of "N of N seen") and what rounds do now.
static void test_packs_say_every_headline_was_seen(void **state) {
  Fixture *f = *state;
  App *app = open_at(f, 1024, 768, "largest");
  assert_true(app_start(app, "player", NULL));  // demo player on the first pack
  scene_test_steps(app, 3);
  const Pack *pack = app->pack;
  StoreRoundSpec spec = {.player_id = app->player_id,
                         .pack_id = pack->id,
                         .pack_version = 1,
                         .questions = (int)pack->item_count,
                         .started_ms = 1700000000000};
  int64_t id = 0;
  assert_true(store_round_begin(app->store, &spec, &id, NULL));
  for (size_t q = 0; q < pack->item_count; q++) {
    StoreAnswerSpec a = {.position = (int)q,
                         .item_id = pack->items[q].id,
                         .truth = STORE_VERDICT_REAL,
                         .given = STORE_VERDICT_REAL,
                         .points = 100,
                         .answered_ms = spec.started_ms};
    assert_true(store_answer_add(app->store, id, &a, NULL));
  }
  assert_true(store_round_finish(app->store, id, 100, true, spec.started_ms + 1000, NULL));
  scene_test_menu_key(app, SDLK_ESCAPE);
  assert_string_equal(scene_test_top(app), "packs");
  scene_test_menu_key(app, SDLK_RETURN);  // at this size the list and the details are two pages
  const MenuTextPlan *p = top_texts(app);
  assert_true(plan_has(p, "You have seen every headline in this pack"));
  char *all = xasprintf("%zu of %zu seen", pack->item_count, pack->item_count);
  assert_false(plan_has(p, all));
  free(all);
  assert_plan_clean(app, p, "packs 1024x768 largest, every headline seen");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_help_twice_in_one_frame_opens_one, scene_test_setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_help_explains_the_game, scene_test_setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_settings_twice_in_one_frame_opens_one, scene_test_setup,
                                      scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_settings_note_and_relayout, scene_test_setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_scores_columns_never_overlap, scene_test_setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_help_everywhere, scene_test_setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_settings_everywhere, scene_test_setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_packs_refresh_after_a_round, scene_test_setup, scene_test_teardown),
      cmocka_unit_test_setup_teardown(test_packs_say_every_headline_was_seen, scene_test_setup, scene_test_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
