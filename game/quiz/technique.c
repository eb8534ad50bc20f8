#include "quiz/technique.h"

#include <string.h>

#include "base/i18n.h"
#include "base/str.h"

static const struct {
  const char *name;
  const char *description;
} techniques[TECHNIQUE_COUNT] = {
    [TECHNIQUE_IMPERSONATION] = {"impersonation",
                                 N_("Pretends to come from a trusted outlet, brand, official or expert.")},
    [TECHNIQUE_EMOTION] = {"emotion", N_("Uses outrage, fear or delight to make you share before you think.")},
    [TECHNIQUE_POLARIZATION] = {"polarization", N_("Splits people into us and them to widen a divide.")},
    [TECHNIQUE_CONSPIRACY] = {"conspiracy", N_("Explains events as the secret plot of a hidden, powerful group.")},
    [TECHNIQUE_DISCREDITING] = {"discrediting",
                                N_("Attacks critics or fact-checkers instead of answering the evidence.")},
    [TECHNIQUE_TROLLING] = {"trolling", N_("Provokes a reaction on purpose, to bait people or derail a debate.")},
    [TECHNIQUE_FAKE_EXPERT] = {"fake-expert", N_("Leans on a made-up or unqualified expert, study or institute.")},
    [TECHNIQUE_FEARMONGERING] = {"fearmongering", N_("Exaggerates a danger to frighten you into believing or acting.")},
    [TECHNIQUE_SATIRE] = {"satire", N_("A joke or parody that gets shared as if it were real news.")},
    [TECHNIQUE_FALSE_CONTEXT] = {"false-context",
                                 N_("Real facts, photos or quotes placed in a misleading time, place or story.")},
    [TECHNIQUE_MISLEADING_STATISTIC] = {"misleading-statistic",
                                        N_("Numbers that are invented, cherry-picked or framed to mislead.")},
};

const char *technique_name(Technique t) {
  return (unsigned)t < TECHNIQUE_COUNT ? techniques[t].name : "?";
}

const char *technique_description(Technique t) {
  return (unsigned)t < TECHNIQUE_COUNT ? techniques[t].description : "";
}

bool technique_from_name(const char *name, Technique *out) {
  for (int i = 0; i < TECHNIQUE_COUNT; i++) {
    if (strcmp(name, techniques[i].name) == 0) {
      *out = (Technique)i;
      return true;
    }
  }
  return false;
}

const char *technique_suggest(const char *unknown) {
  const char *best = NULL;
  size_t best_d = 4;  // suggest only near misses
  for (int i = 0; i < TECHNIQUE_COUNT; i++) {
    size_t d = str_edit_distance(unknown, techniques[i].name, best_d);
    if (d < best_d) {
      best_d = d;
      best = techniques[i].name;
    }
  }
  return best;
}
