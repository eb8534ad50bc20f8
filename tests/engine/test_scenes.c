// The scene stack and the idle loop.
#include "engine_tests.h"

static void test_deferred_order_enter_leave_once(void **state) {
  (void)state;
  DemoLog log = {0};
  Engine *e = test_engine_new(&log, NULL);
  engine_push_scene(e, &demo_scene, demo_create("a", DEMO_DRAW_NOTHING));
  // Nothing happens before the step.
  assert_int_equal(engine_scene_count(e), 0);
  assert_int_equal(log.ncalls, 0);
  engine_step(e);
  assert_int_equal(engine_scene_count(e), 1);
  assert_string_equal(engine_top_scene(e)->name, "demo");

  // Requests during an event take effect at the end of the step, in order.
  Demo *a = engine_scene_data(e, 0);
  a->push_on_event = &demo_overlay;
  SDL_Event key = {.type = SDL_KEYDOWN};
  key.key.keysym.sym = SDLK_RETURN;
  SDL_PushEvent(&key);
  engine_step(e);
  assert_int_equal(a->count_during_event, 1);  // still one scene inside the event
  assert_int_equal(engine_scene_count(e), 2);
  assert_string_equal(engine_top_scene(e)->name, "demo-overlay");

  // push b, replace b by c, pop c: enter b, leave b, enter c, leave c.
  engine_push_scene(e, &demo_scene, demo_create("b", DEMO_DRAW_NOTHING));
  engine_replace_scene(e, &demo_scene, demo_create("c", DEMO_DRAW_NOTHING));
  engine_pop_scene(e);
  engine_step(e);
  int eb = demo_log_index(&log, "enter:b"), lb = demo_log_index(&log, "leave:b");
  int ec = demo_log_index(&log, "enter:c"), lc = demo_log_index(&log, "leave:c");
  assert_true(eb >= 0 && eb < lb && lb < ec && ec < lc);
  assert_int_equal(engine_scene_count(e), 2);
  assert_string_equal(engine_top_scene(e)->name, "demo-overlay");

  // A scene pushed and never stepped still gets enter and leave on destroy.
  engine_push_scene(e, &demo_scene, demo_create("late", DEMO_DRAW_NOTHING));
  engine_destroy(e);
  const char *once[] = {"enter:a", "leave:a", "enter:pushed", "leave:pushed", "enter:b",
                        "leave:b", "enter:c", "leave:c",      "enter:late",   "leave:late"};
  for (size_t i = 0; i < sizeof once / sizeof once[0]; i++) {
    if (demo_log_count(&log, once[i]) != 1) {
      fail_msg("%s called %zu times", once[i], demo_log_count(&log, once[i]));
    }
  }
  // Destroy leaves top first.
  assert_true(demo_log_index(&log, "leave:late") < demo_log_index(&log, "leave:pushed"));
  assert_true(demo_log_index(&log, "leave:pushed") < demo_log_index(&log, "leave:a"));
}

static void test_overlay_draws_beneath_and_only_top_updates(void **state) {
  (void)state;
  DemoLog log = {0};
  Engine *e = test_engine_new(&log, NULL);
  Demo *base = demo_create("base", DEMO_DRAW_NOTHING);
  engine_push_scene(e, &demo_scene, base);
  engine_step(e);
  assert_int_equal(base->draws, 1);
  Demo *over = demo_create("over", DEMO_DRAW_NOTHING);
  engine_push_scene(e, &demo_overlay, over);
  // Requested between steps: applied at the start of the next one and drawn in it.
  engine_step(e);
  assert_int_equal(over->draws, 1);
  assert_int_equal(base->draws, 2);  // base drawn again, beneath the overlay
  int base_updates = base->updates;
  int over_updates = over->updates;
  engine_request_redraw(e);
  engine_step(e);
  assert_int_equal(base->updates, base_updates);  // frozen beneath the overlay
  assert_int_equal(over->updates, over_updates + 1);
  // Events go to the top only.
  SDL_Event key = {.type = SDL_KEYDOWN};
  key.key.keysym.sym = SDLK_ESCAPE;
  SDL_PushEvent(&key);
  engine_step(e);
  assert_int_equal(log.nevents, 1);
  assert_int_equal(log.events[0].action, INPUT_ACTION_BACK);
  // A non-overlay scene on top hides the one beneath.
  Demo *full = demo_create("full", DEMO_DRAW_NOTHING);
  engine_push_scene(e, &demo_scene, full);
  engine_step(e);
  int base_draws = base->draws, over_draws = over->draws;
  engine_request_redraw(e);
  engine_step(e);
  assert_int_equal(full->draws, 2);
  assert_int_equal(base->draws, base_draws);
  assert_int_equal(over->draws, over_draws);
  engine_destroy(e);
}

static void test_idle_loop_does_not_redraw(void **state) {
  (void)state;
  DemoLog log = {0};
  Clock clock = clock_manual(10000);
  Engine *e = test_engine_new(&log, &clock);
  Demo *d = demo_create("idle", DEMO_DRAW_TEXT);
  engine_push_scene(e, &demo_scene, d);
  engine_step(e);
  engine_step(e);
  uint64_t frames = engine_stats(e).frames_drawn;
  for (int i = 0; i < 10; i++) {
    clock_advance(&clock, 100);
    assert_true(engine_step(e));
  }
  assert_int_equal(engine_stats(e).frames_drawn, frames);  // nothing moved: nothing drawn
  assert_int_equal(engine_stats(e).steps, 12);
  // The scene still saw time pass, through the clock it was given.
  assert_int_equal(d->last_dt, 100);
  // An event that means something redraws once.
  SDL_Event key = {.type = SDL_KEYDOWN};
  key.key.keysym.sym = SDLK_DOWN;
  SDL_PushEvent(&key);
  engine_step(e);
  assert_int_equal(engine_stats(e).frames_drawn, frames + 1);
  engine_step(e);
  assert_int_equal(engine_stats(e).frames_drawn, frames + 1);
  // An event nobody listens to (key up) does not.
  SDL_Event up = {.type = SDL_KEYUP};
  up.key.keysym.sym = SDLK_DOWN;
  SDL_PushEvent(&up);
  uint64_t events = engine_stats(e).events_handled;
  engine_step(e);
  assert_true(engine_stats(e).events_handled > events);
  assert_int_equal(engine_stats(e).frames_drawn, frames + 1);
  // Animating: a frame every step, with the manual clock's dt.
  d->animate = true;
  engine_request_redraw(e);
  engine_step(e);
  for (int i = 0; i < 5; i++) {
    clock_advance(&clock, 16);
    engine_step(e);
  }
  assert_int_equal(engine_stats(e).frames_drawn, frames + 7);
  assert_int_equal(d->last_dt, 16);
  // Stopping the animation stops the frames (after the step that noticed).
  d->animate = false;
  engine_step(e);
  uint64_t stopped = engine_stats(e).frames_drawn;
  engine_step(e);
  engine_step(e);
  assert_int_equal(engine_stats(e).frames_drawn, stopped);
  // Quit ends the loop.
  engine_quit(e);
  assert_false(engine_step(e));
  assert_true(engine_quitting(e));
  engine_destroy(e);
}

static void test_run_quits_on_empty_stack_and_frame_limit(void **state) {
  (void)state;
  DemoLog log = {0};
  EngineConfig cfg = engine_config_default();
  cfg.app = &log;
  cfg.quit_after_frames = 3;
  Engine *e = test_engine_with(&cfg);
  Demo *d = demo_create("anim", DEMO_DRAW_NOTHING);
  d->animate = true;
  engine_push_scene(e, &demo_scene, d);
  engine_run(e);
  assert_int_equal(engine_stats(e).frames_drawn, 3);
  engine_destroy(e);

  // Popping the last scene ends engine_run.
  e = test_engine_new(&log, NULL);
  Demo *p = demo_create("popper", DEMO_DRAW_NOTHING);
  p->pop_on_event = true;
  engine_push_scene(e, &demo_scene, p);
  SDL_Event key = {.type = SDL_KEYDOWN};
  key.key.keysym.sym = SDLK_ESCAPE;
  SDL_PushEvent(&key);
  engine_run(e);
  assert_int_equal(engine_scene_count(e), 0);
  assert_true(engine_quitting(e));
  engine_destroy(e);
  assert_int_equal(demo_log_count(&log, "leave:popper"), 1);
}

static void push_key(SDL_Keycode sym) {
  SDL_Event key = {.type = SDL_KEYDOWN};
  key.key.keysym.sym = sym;
  SDL_PushEvent(&key);
}

// cover()/uncover() follow who is on top, once a frame's requests are all
// applied: a pop and a push in one frame neither uncover nor cover the base.
static void test_cover_and_uncover(void **state) {
  (void)state;
  DemoLog log = {0};
  Engine *e = test_engine_new(&log, NULL);
  engine_push_scene(e, &demo_scene, demo_create("a", DEMO_DRAW_NOTHING));
  engine_step(e);
  assert_int_equal(demo_log_count(&log, "cover:a"), 0);
  engine_push_scene(e, &demo_overlay, demo_create("b", DEMO_DRAW_NOTHING));
  engine_step(e);
  assert_int_equal(demo_log_count(&log, "cover:a"), 1);
  assert_true(demo_log_index(&log, "enter:b") < demo_log_index(&log, "cover:a"));
  // b replaced by c in one frame: a stays covered, no flicker.
  engine_pop_scene(e);
  engine_push_scene(e, &demo_overlay, demo_create("c", DEMO_DRAW_NOTHING));
  engine_step(e);
  assert_int_equal(demo_log_count(&log, "cover:a"), 1);
  assert_int_equal(demo_log_count(&log, "uncover:a"), 0);
  engine_pop_scene(e);
  engine_step(e);
  assert_int_equal(demo_log_count(&log, "uncover:a"), 1);
  engine_destroy(e);
}

// layout() runs after enter() and, for every scene on the stack, when the
// output size changes or engine_relayout() is asked.
static void test_layout_on_enter_resize_and_request(void **state) {
  (void)state;
  DemoLog log = {0};
  Engine *e = test_engine_new(&log, NULL);
  engine_push_scene(e, &demo_scene, demo_create("a", DEMO_DRAW_NOTHING));
  engine_push_scene(e, &demo_overlay, demo_create("b", DEMO_DRAW_NOTHING));
  engine_step(e);
  assert_true(demo_log_index(&log, "enter:a") < demo_log_index(&log, "layout:a"));
  assert_int_equal(demo_log_count(&log, "layout:a"), 1);
  assert_int_equal(demo_log_count(&log, "layout:b"), 1);
  engine_step(e);
  assert_int_equal(demo_log_count(&log, "layout:a"), 1);  // nothing changed
  engine_set_window_size(e, 1024, 768);
  engine_step(e);
  assert_int_equal(demo_log_count(&log, "layout:a"), 2);
  assert_int_equal(demo_log_count(&log, "layout:b"), 2);
  assert_true(engine_view(e)->w > 1439.0f && engine_view(e)->w < 1441.0f);
  engine_relayout(e);
  engine_step(e);
  assert_int_equal(demo_log_count(&log, "layout:a"), 3);
  engine_destroy(e);
}

// Two pushes of one screen in one frame (F1 twice) give one screen; the
// refused data is freed, as is the data of every request the engine drops.
static void test_push_once_and_dropped_data_is_freed(void **state) {
  (void)state;
  DemoLog log = {0};
  int freed = 0;
  Engine *e = test_engine_new(&log, NULL);
  engine_push_scene(e, &demo_scene, demo_create("a", DEMO_DRAW_NOTHING));
  engine_step(e);
  Demo *h1 = demo_create("help", DEMO_DRAW_NOTHING);
  Demo *h2 = demo_create("help2", DEMO_DRAW_NOTHING);
  h1->freed_out = &freed;
  h2->freed_out = &freed;
  assert_true(engine_push_scene_once(e, &demo_overlay, h1));
  assert_false(engine_push_scene_once(e, &demo_overlay, h2));
  assert_int_equal(freed, 1);  // h2, at once
  engine_step(e);
  assert_int_equal(engine_scene_count(e), 2);
  Demo *h3 = demo_create("help3", DEMO_DRAW_NOTHING);
  h3->freed_out = &freed;
  assert_false(engine_push_scene_once(e, &demo_overlay, h3));  // already on top
  assert_int_equal(freed, 2);
  assert_int_equal(demo_log_count(&log, "enter:help2") + demo_log_count(&log, "enter:help3"), 0);
  engine_pop_scene(e);
  engine_step(e);
  assert_int_equal(freed, 3);  // h1 after its leave()
  // A request past the per-frame bound is dropped, its data freed.
  for (int i = 0; i < 70; i++) {
    Demo *d = demo_create("flood", DEMO_DRAW_NOTHING);
    d->freed_out = &freed;
    engine_push_scene(e, &demo_overlay, d);
  }
  engine_step(e);
  engine_destroy(e);
  assert_int_equal(freed, 3 + 70);
}

// An event the top scene does not handle goes to the game's fallback; one
// nobody handles draws no frame.
static void test_unhandled_events_and_redraw_policy(void **state) {
  (void)state;
  DemoLog log = {0};
  Engine *e = test_engine_new(&log, NULL);
  Demo *a = demo_create("a", DEMO_DRAW_NOTHING);
  engine_push_scene(e, &demo_scene, a);
  engine_step(e);
  engine_step(e);
  uint64_t frames = engine_stats(e).frames_drawn;
  push_key(SDLK_RETURN);
  engine_step(e);
  assert_int_equal(log.unhandled, 0);  // handled by the scene
  assert_int_equal(engine_stats(e).frames_drawn, frames + 1);
  a->ignore_events = true;
  push_key(SDLK_ESCAPE);
  engine_step(e);
  assert_int_equal(log.unhandled, 1);
  assert_int_equal(log.last_unhandled.action, INPUT_ACTION_BACK);
  assert_int_equal(engine_stats(e).frames_drawn, frames + 1);  // nobody handled it
  log.unhandled_handles = true;
  push_key(SDLK_ESCAPE);
  engine_step(e);
  assert_int_equal(engine_stats(e).frames_drawn, frames + 2);
  engine_destroy(e);
}

// Losing the window focus (alt-tab, minimising) reaches the top scene.
static void test_focus_events(void **state) {
  (void)state;
  DemoLog log = {0};
  Engine *e = test_engine_new(&log, NULL);
  engine_push_scene(e, &demo_scene, demo_create("a", DEMO_DRAW_NOTHING));
  engine_step(e);
  SDL_Event w = {.type = SDL_WINDOWEVENT};
  w.window.windowID = SDL_GetWindowID(engine_window(e));
  w.window.event = SDL_WINDOWEVENT_FOCUS_LOST;
  SDL_PushEvent(&w);
  w.window.event = SDL_WINDOWEVENT_MINIMIZED;  // lost already: not twice
  SDL_PushEvent(&w);
  engine_step(e);
  size_t n = 0;
  for (size_t i = 0; i < log.nevents; i++) {
    n += log.events[i].type == INPUT_EVENT_FOCUS_LOST;
  }
  assert_int_equal(n, 1);
  w.window.event = SDL_WINDOWEVENT_FOCUS_GAINED;
  SDL_PushEvent(&w);
  engine_step(e);
  assert_int_equal(log.events[log.nevents - 1].type, INPUT_EVENT_FOCUS_GAINED);
  engine_destroy(e);
}

int run_scene_tests(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_deferred_order_enter_leave_once),
      cmocka_unit_test(test_cover_and_uncover),
      cmocka_unit_test(test_layout_on_enter_resize_and_request),
      cmocka_unit_test(test_push_once_and_dropped_data_is_freed),
      cmocka_unit_test(test_unhandled_events_and_redraw_policy),
      cmocka_unit_test(test_focus_events),
      cmocka_unit_test(test_overlay_draws_beneath_and_only_top_updates),
      cmocka_unit_test(test_idle_loop_does_not_redraw),
      cmocka_unit_test(test_run_quits_on_empty_stack_and_frame_limit),
  };
  return cmocka_run_group_tests_name("scenes", tests, NULL, NULL);
}
