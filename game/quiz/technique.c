#include "quiz/technique.h"

#include <string.h>

#include "base/i18n.h"
#include "base/str.h"

// The description says what the technique is; the tip says what to check.
// Keep the descriptions word for word in step with quizzes/quizpack-1.xsd and
// the table in quizzes/README.md.
static const struct {
  const char *name;
  const char *description;
  const char *tip;
} techniques[TECHNIQUE_COUNT] = {
    [TECHNIQUE_IMPERSONATION] = {"impersonation",
                                 N_("Pretends to come from a trusted outlet, brand, official or expert."),
                                 N_("Go to the outlet's or official's own website or account yourself and look for "
                                    "the story there.")},
    [TECHNIQUE_EMOTION] = {"emotion", N_("Uses outrage, fear or delight to make you share before you think."),
                           N_("Notice the feeling first, then check who is behind the claim before you share it.")},
    [TECHNIQUE_POLARIZATION] = {"polarization", N_("Splits people into us and them to widen a divide."),
                                N_("Ask who exactly said what: real disagreements have named people and concrete "
                                   "proposals.")},
    [TECHNIQUE_CONSPIRACY] = {"conspiracy", N_("Explains events as the secret plot of a hidden, powerful group."),
                              N_("Ask how many people would have to keep the secret, and who has actually seen the "
                                 "evidence.")},
    [TECHNIQUE_DISCREDITING] = {"discrediting",
                                N_("Attacks critics or fact-checkers instead of answering the evidence."),
                                N_("Look at the evidence the critics give, not at what is said about them.")},
    [TECHNIQUE_TROLLING] = {"trolling", N_("Provokes a reaction on purpose, to bait people or derail a debate."),
                            N_("You don't have to reply: ask who gains from the argument.")},
    [TECHNIQUE_FAKE_EXPERT] = {"fake-expert", N_("Leans on a made-up or unqualified expert, study or institute."),
                               N_("Search the name of the expert or institute: real ones have a record you can "
                                  "find.")},
    [TECHNIQUE_FEARMONGERING] = {"fearmongering", N_("Exaggerates a danger to frighten you into believing or acting."),
                                 N_("Find the agency whose job is to assess the danger and read what it says.")},
    [TECHNIQUE_SATIRE] = {"satire", N_("A joke or parody that gets shared as if it were real news."),
                          N_("Open the original site and read its About page.")},
    [TECHNIQUE_FALSE_CONTEXT] = {"false-context",
                                 N_("Real facts, photos or quotes placed in a misleading time, place or story."),
                                 N_("Search for the picture or quote: when and where did it first appear?")},
    [TECHNIQUE_MISLEADING_STATISTIC] = {"misleading-statistic",
                                        N_("Numbers that are invented, cherry-picked or framed to mislead."),
                                        N_("Ask: from what to what, over what period, and who counted?")},
    [TECHNIQUE_SCAPEGOATING] = {"scapegoating",
                                N_("Blames a whole group of people for a problem that has other, more complex "
                                   "causes."),
                                N_("Ask what is known about the causes of the problem, and whether one group could "
                                   "really explain it.")},
    [TECHNIQUE_DEHUMANISING_LANGUAGE] = {"dehumanising-language",
                                         N_("Describes people as animals, vermin, a disease or a natural disaster, "
                                            "so that harming them seems acceptable."),
                                         N_("Take away the metaphor and ask what facts are left.")},
    [TECHNIQUE_FALSE_DICHOTOMY] = {"false-dichotomy", N_("Presents two options as the only ones when there are more."),
                                   N_("Ask what the other options are: real choices rarely come in exactly two.")},
    [TECHNIQUE_AD_HOMINEM] = {"ad-hominem", N_("Attacks the person making an argument instead of the argument itself."),
                              N_("Set the insult aside and check whether the argument itself holds up.")},
    [TECHNIQUE_AI_GENERATED_MEDIA] = {"ai-generated-media",
                                      N_("Pictures, audio or video made or altered with AI or editing tools to show "
                                         "something that never happened."),
                                      N_("Look for the original source and other recordings of the same moment, and "
                                         "see what fact-checkers found.")},
};

const char *technique_name(Technique t) {
  return (unsigned)t < TECHNIQUE_COUNT ? techniques[t].name : "?";
}

const char *technique_description(Technique t) {
  return (unsigned)t < TECHNIQUE_COUNT ? techniques[t].description : "";
}

const char *technique_tip(Technique t) {
  return (unsigned)t < TECHNIQUE_COUNT ? techniques[t].tip : "";
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
