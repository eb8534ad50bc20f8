#pragma once
// For the fault tests that run a headless game in a forked child: a check
// that ends the child with its line (cmocka's asserts would carry on with
// the next test in the child), and one answer given as a player would.

#include <stdio.h>
#include <unistd.h>

#include "scenes/scene_test_support.h"

#define CHILD_CHECK(cond)                                                                       \
  do {                                                                                          \
    if (!(cond)) {                                                                              \
      fprintf(stderr, "child %d: line %d: %s does not hold\n", (int)getpid(), __LINE__, #cond); \
      _exit(100);                                                                               \
    }                                                                                           \
  } while (0)

// On the round screen: waits 1.2 s, gives the verdict `key` (SDLK_r or
// SDLK_f), then Enter past the feedback.
void fault_answer(SceneTestFixture *f, SDL_Keycode key);
