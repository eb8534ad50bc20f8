#include "scenes/scene_packs_rows.h"

#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/i18n.h"
#include "base/str.h"
#include "play/session.h"
#include "scenes/training_scenes.h"

// A language's name for people, for the tags we ship; others show the tag.
const char *pack_lang_name(const char *tag) {
  static const struct {
    const char *tag, *name;
  } names[] = {
      {"en", N_("English")}, {"de", N_("German")},    {"fr", N_("French")},     {"es", N_("Spanish")},
      {"nl", N_("Dutch")},   {"ar", N_("Arabic")},    {"pt", N_("Portuguese")}, {"it", N_("Italian")},
      {"pl", N_("Polish")},  {"uk", N_("Ukrainian")}, {"he", N_("Hebrew")},
  };
  if (!tag) {
    return "?";
  }
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    size_t n = strlen(names[i].tag);
    if (strncmp(tag, names[i].tag, n) == 0 && (tag[n] == '\0' || tag[n] == '-')) {
      return _(names[i].name);
    }
  }
  return tag;
}

// "24 of 32 seen", or that every item has been seen, for the current
// player (owned); NULL without a player or a history.
static char *progress_line(App *app, const Pack *p) {
  PlayProgress pr = {0};
  if (!app->player_id || !play_pack_progress(app->store, app->player_id, p, &pr, NULL) || pr.seen == 0) {
    return NULL;
  }
  if (pr.all_seen) {
    return xstrdup(_("You have seen every headline in this pack; rounds now repeat them, missed ones first."));
  }
  return xasprintf(_("%zu of %zu seen"), pr.seen, pr.total);
}

// The best-round line, ranked as the high scores are (right answers, then
// discernment, then time; play_leaderboard): the player's own best round
// when they have one, else the pack's best (owned; NULL when none).
#define BEST_LOOKUP 1000
static char *best_line(App *app, const Pack *p) {
  StoreTopList top = {0};
  char *line = NULL;
  if (!play_leaderboard(app->store, p, BEST_LOOKUP, &top, NULL) || top.count == 0) {
    store_top_list_free(&top);
    return NULL;
  }
  const StoreTopEntry *mine = NULL;
  for (size_t i = 0; app->player_id && i < top.count && !mine; i++) {
    mine = top.items[i].player_id == app->player_id ? &top.items[i] : NULL;
  }
  if (mine) {
    line = xasprintf(_("Your best round: %d of %d right (rank %d)"), mine->correct, mine->answered, mine->rank);
  } else {
    line = xasprintf(_("Best round: %d of %d right, by %s"), top.items[0].correct, top.items[0].answered,
                     top.items[0].player_name);
  }
  store_top_list_free(&top);
  return line;
}

// Whether `p` offers a pair round now (the pair screen's own test, for
// this pack), and the card's line saying so or why not (owned).
static char *pairs_line(App *app, const Pack *p, bool *available) {
  const Pack *was = app->pack;
  app_select_pack(app, p);
  *available = scene_pair_available(app);
  app_select_pack(app, was);
  PackPair *pairs = NULL;
  size_t n = pack_pairs(p, &pairs);
  free(pairs);
  if (*available) {
    return xasprintf(ngettext("Pair round: %zu pair of headlines on one topic, one real and one fabricated",
                              "Pair round: %zu pairs of headlines on one topic, one real and one fabricated", n),
                     n);
  }
  if (p->kind == PACK_KIND_ASSESSMENT) {
    return xstrdup(_("No pair round: a test asks its headlines one by one."));
  }
  if (n > 0) {
    return xstrdup(_("No pair round now: every pair has been played since the game started."));
  }
  return xstrdup(_("No pair round: this pack has no paired headlines."));
}

void pack_rows_free(PackRow *rows, size_t count) {
  for (size_t i = 0; i < count; i++) {
    free(rows[i].title);
    free(rows[i].meta);
    free(rows[i].best);
    free(rows[i].progress);
    free(rows[i].pairs_line);
  }
  free(rows);
}

PackRow *pack_rows_build(App *app, size_t *count) {
  *count = pack_library_count(app->packs);
  PackRow *rows = xcalloc(*count ? *count : 1, sizeof *rows);
  for (size_t i = 0; i < *count; i++) {
    const PackEntry *e = pack_library_get(app->packs, i);
    PackRow *r = &rows[i];
    r->entry = e;
    if (e->pack) {
      const Pack *p = e->pack;
      r->title = xstrdup(p->title);
      r->meta = xasprintf(ngettext("%s · %zu question", "%s · %zu questions", p->item_count), pack_lang_name(p->lang),
                          p->item_count);
      r->progress = progress_line(app, p);
      r->best = best_line(app, p);
      r->pairs_line = pairs_line(app, p, &r->pairs);
    } else {
      r->title = xstrdup(fs_basename(e->path));
      const Diag *d = diag_first_error(&e->diags);
      if (d && d->line > 0) {
        r->meta = xasprintf(_("Cannot be played: line %d: %s"), d->line, d->message);
      } else {
        r->meta = xasprintf(_("Cannot be played: %s"), d ? d->message : _("unknown error"));
      }
    }
  }
  return rows;
}
