// Forewarning cards: per-technique text and the choice of the weakest.

#include "play/forewarn.h"

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/log.h"
#include "base/rng.h"

// Keyed by the pack format's technique name, so a card is used as soon as
// the vocabulary has the technique. Examples use invented people and places.
static const struct {
  const char *name;
  const char *title, *example, *spot;
} CARDS[] = {
    {"impersonation", N_("Impersonation"),
     N_("\"Breaking: National Weather Office orders all schools in Lenvale closed for a week\" (posted by "
        "@NatWeatherOffice_news)"),
     N_("Check the account or web address letter by letter, then find the story on the organisation's own site.")},
    {"emotion", N_("Emotional language"),
     N_("\"You will be FURIOUS when you see what the Harlow council did to these puppies\""),
     N_("Strong feelings first, facts missing: notice the feeling, then look for who, where and when.")},
    {"polarization", N_("Us against them"),
     N_("\"City people are laughing at farmers again: the Dunmore plan proves it\""),
     N_("Real disagreements name people and proposals; a headline that sorts everyone into two camps is selling "
        "a side.")},
    {"conspiracy", N_("Conspiracy theories"),
     N_("\"What they are not telling you: the real reason the Tallis bridge was closed\""),
     N_("Ask who 'they' are, how many people would have to keep the secret, and what evidence is shown.")},
    {"discrediting", N_("Discrediting the critics"), N_("\"Paid 'fact-checkers' attack brave Dr Orman again\""),
     N_("Attacks on the critics are not an answer to their evidence: look at what they found.")},
    {"trolling", N_("Trolling"), N_("\"Is Castleford the most useless town in the country? Vote now\""),
     N_("A question made to start a fight is not news: ask who gains from the argument.")},
    {"fake-expert", N_("Fake experts"),
     N_("\"Top scientist at the Institute for Natural Health Truth: phones cause hair loss\""),
     N_("Search the expert and the institute: real ones have a record and publications you can find.")},
    {"fearmongering", N_("Fearmongering"),
     N_("\"Deadly new fungus spreading through Brackton homes: thousands at risk\""),
     N_("Find the agency whose job is to assess the danger and read what it says.")},
    {"satire", N_("Satire taken seriously"), N_("\"Mayor of Fenwick declares Mondays illegal\" (from a humour site)"),
     N_("Open the original site and read its About page before you share.")},
    {"false-context", N_("False context"),
     N_("\"Flooded streets in Marlow today\" with a photo taken years ago somewhere else"),
     N_("Search the picture or quote: when and where did it first appear?")},
    {"misleading-statistic", N_("Misleading numbers"),
     N_("\"Crime in Ashby up 100 %!\" (from one case last year to two this year)"),
     N_("Ask: from what to what, over what period, and who counted?")},
    {"scapegoating", N_("Scapegoating"), N_("\"Rising rents in Pellham are all the fault of the Veskan newcomers\""),
     N_("Ask what is known about the causes, and whether one group could really explain the whole problem.")},
    {"dehumanising-language", N_("Dehumanising language"),
     N_("\"A swarm of Orvian migrants is infesting the Lowgate district\""),
     N_("Take away the animal or disease words and ask what facts are left.")},
    {"false-dichotomy", N_("False choices"), N_("\"Either Rydale builds the motorway or the town dies\""),
     N_("Ask what the other options are: real choices rarely come in exactly two.")},
    {"ad-hominem", N_("Attacking the person"),
     N_("\"Why listen to the Greyfield report? Its author failed his driving test twice\""),
     N_("Set the insult aside and check whether the argument itself holds up.")},
    {"ai-generated-media", N_("AI-made pictures and voices"),
     N_("\"Leaked recording: Kestrel Bay mayor admits the election was rigged\""),
     N_("Look for the original source and other recordings of the same moment, and what fact-checkers found.")},
};

bool play_forewarn_card(Technique t, PlayForewarnCard *out) {
  const char *name = technique_name(t);
  for (size_t i = 0; i < sizeof CARDS / sizeof CARDS[0]; i++) {
    if (strcmp(CARDS[i].name, name) == 0) {
      *out = (PlayForewarnCard){
          .technique = t,
          .title = _(CARDS[i].title),
          .what = _(technique_description(t)),
          .example = _(CARDS[i].example),
          .spot = _(CARDS[i].spot),
      };
      return true;
    }
  }
  return false;
}

static const StoreTechniqueStat *stat_for(const StoreTechniqueStatList *stats, Technique t) {
  for (size_t i = 0; stats && i < stats->count; i++) {
    if (strcmp(stats->items[i].name, technique_name(t)) == 0) {
      return &stats->items[i];
    }
  }
  return NULL;
}

// The techniques with a card, limited to the pack's when it has any of them.
static int candidates(const Pack *pack, Technique *out) {
  TechniqueSet used = 0;
  for (size_t i = 0; pack && i < pack->item_count; i++) {
    used |= pack->items[i].techniques;
  }
  int n = 0;
  PlayForewarnCard card;
  for (int pass = 0; pass < 2 && n == 0; pass++) {
    for (int t = 0; t < TECHNIQUE_COUNT; t++) {
      if ((pass == 1 || (used & (1u << t))) && play_forewarn_card((Technique)t, &card)) {
        out[n++] = (Technique)t;
      }
    }
  }
  return n;
}

bool play_forewarn_pick(const StoreTechniqueStatList *stats, const Pack *pack, uint64_t seed, Technique *out) {
  Technique cand[TECHNIQUE_COUNT];
  int n = candidates(pack, cand);
  if (n == 0) {
    return false;
  }
  Rng rng;
  rng_seed(&rng, seed ^ UINT64_C(0x666f72657761726e));
  rng_shuffle(&rng, cand, (size_t)n, sizeof *cand);  // the seed breaks ties
  int weakest = -1, unmet = -1;
  double worst = 2.0;
  for (int i = 0; i < n; i++) {
    const StoreTechniqueStat *s = stat_for(stats, cand[i]);
    int seen = s ? s->verdicts : 0;
    if (seen >= PLAY_FOREWARN_MIN_VERDICTS) {
      double acc = (double)s->verdicts_correct / seen;
      if (acc < worst) {
        worst = acc;
        weakest = i;
      }
    } else if (seen == 0 && unmet < 0) {
      unmet = i;
    }
  }
  *out = cand[weakest >= 0 ? weakest : unmet >= 0 ? unmet : 0];
  return true;
}

bool play_forewarn_for(Store *store, int64_t player_id, const Pack *pack, uint64_t seed, PlayForewarnCard *out) {
  StoreTechniqueStatList stats = {0};
  if (store && player_id > 0) {
    char *err = NULL;
    if (!store_technique_stats(store, player_id, &stats, &err)) {
      log_warn("technique stats not read, forewarning without them: %s", err ? err : "?");
    }
    free(err);
  }
  Technique t;
  bool ok = play_forewarn_pick(&stats, pack, seed, &t) && play_forewarn_card(t, out);
  store_technique_stat_list_free(&stats);
  return ok;
}
