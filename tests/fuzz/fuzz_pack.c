// Fuzz target: the pack loader, through pack_load_memory(), the function
// pack_load_file() (the game's packs folder, --pack, validate) hands the
// bytes to once it has read them. The strict check of `validate --strict`
// and the importers runs too, since it judges warnings the plain load keeps.

#include "fuzz.h"

#include <stdbool.h>

#include "quiz/diag.h"
#include "quiz/pack.h"
#include "quiz/pack_load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  DiagList diags = {0};
  Pack *pack = pack_load_memory("fuzz.xml", (const char *)data, size, &diags);
  pack_destroy(pack);
  diag_clear(&diags);

  bool loads = false;
  pack = pack_load_memory_strict("fuzz.xml", (const char *)data, size, &diags, &loads);
  pack_destroy(pack);
  diag_clear(&diags);
  return 0;
}
