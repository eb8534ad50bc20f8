#include "fault_child.h"

#include <string.h>

void fault_answer(SceneTestFixture *f, SDL_Keycode key) {
  CHILD_CHECK(strcmp(scene_test_top(f->app), "round") == 0);
  scene_test_advance(f, 1200);
  scene_test_key(f, key);
  for (int i = 0; i < 4 && strcmp(scene_test_top(f->app), "feedback") == 0; i++) {
    scene_test_key(f, SDLK_RETURN);
  }
}
