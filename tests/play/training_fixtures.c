#include "play/training_fixtures.h"

#include "base/str.h"

Pack *training_pack(const char *id, size_t real, size_t fake, size_t pairs) {
  Pack *p = pack_create();
  p->id = xstrdup(id);
  p->version = 1;
  p->kind = PACK_KIND_PRACTICE;
  for (size_t i = 0; i < real + fake; i++) {
    PackItem *it = pack_add_item(p);
    bool is_real = i < real;
    size_t k = is_real ? i : i - real;
    it->answer = is_real ? PACK_ANSWER_REAL : PACK_ANSWER_FABRICATED;
    it->id = xasprintf("%c%zu", is_real ? 'r' : 'f', k);
    it->headline = xasprintf("%s headline %zu", is_real ? "Real" : "Fabricated", k);
    it->explanation = xasprintf("The fact behind %zu.", k);
    if (is_real) {
      it->outlet = xstrdup("Example Times");
    } else {
      it->techniques = 1u << (k % TECHNIQUE_COUNT);
    }
    if (k < pairs) {
      it->pair = xasprintf("p%zu", k);
    }
  }
  return p;
}
