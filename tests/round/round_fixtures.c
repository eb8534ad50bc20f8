#include "round/round_fixtures.h"

#include "base/str.h"

Pack *fixture_pack(size_t real, size_t fake, PackKind kind) {
  Pack *p = pack_create();
  p->id = xstrdup("test-pack");
  p->kind = kind;
  for (size_t i = 0; i < real + fake; i++) {
    PackItem *it = pack_add_item(p);
    bool is_real = i < real;
    it->answer = is_real ? PACK_ANSWER_REAL : PACK_ANSWER_FABRICATED;
    it->id = xasprintf("%c%zu", is_real ? 'r' : 'f', is_real ? i : i - real);
    it->headline = xasprintf("Headline %zu", i);
    it->explanation = xstrdup("Because.");
  }
  return p;
}
