// Fuzz target: the settings reader. The bytes become settings.ini in a
// private folder and go through settings_load(), as at the game's start, then
// settings_to_ini(), the text the game writes back at exit.

#include "fuzz.h"

#include <stdlib.h>

#include "scenes/settings.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!fuzz_write_input(SETTINGS_FILE_NAME, data, size)) {
    return 0;
  }
  Settings s;
  char *err = NULL;
  if (settings_load(fuzz_input_path(SETTINGS_FILE_NAME), &s, &err)) {
    free(settings_to_ini(&s));
  }
  free(err);
  return 0;
}
