// The pack chooser: every pack the library found, with its language, item
// counts, description and best scores; broken packs are listed greyed out
// with their first error and cannot be started.

#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/i18n.h"
#include "base/str.h"
#include "quiz/pack_library.h"
#include "scenes/scenes.h"

enum { ID_PLAY = 1, ID_SCORES };

typedef struct PackRow {
  const PackEntry *entry;  // borrowed from the library
  char *title;             // pack title, or the file name of a broken pack
  char *meta;              // "English · 24 questions" or the first error
  char *best;              // best-score line for the details card (NULL when none)
} PackRow;

typedef struct PacksScene {
  UiForm form;  // first: see scenes.h
  PackRow *rows;
  size_t count;
  UiList list;
  Rect details;
  char *message;  // shown under the buttons after trying to start a broken pack
} PacksScene;

#define LIST_W 860.0f
#define ROW_H 150.0f

void scene_packs_push(App *app) {
  engine_push_scene(app->engine, &scene_packs_vtable, xcalloc(1, sizeof(PacksScene)));
}

// A language's name for people, for the tags we ship; others show the tag.
static const char *lang_name(const char *tag) {
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

static void build_rows(PacksScene *s, App *app) {
  s->count = pack_library_count(app->packs);
  s->rows = xcalloc(s->count ? s->count : 1, sizeof *s->rows);
  for (size_t i = 0; i < s->count; i++) {
    const PackEntry *e = pack_library_get(app->packs, i);
    PackRow *r = &s->rows[i];
    r->entry = e;
    if (e->pack) {
      const Pack *p = e->pack;
      r->title = xstrdup(p->title);
      r->meta = xasprintf(ngettext("%s · %zu question", "%s · %zu questions", p->item_count), lang_name(p->lang),
                          p->item_count);
      int best = 0;
      bool found = false;
      if (app->player_id && store_best_score(app->store, app->player_id, p->id, &best, &found, NULL) && found) {
        r->best = xasprintf(_("Your best score: %d"), best);
      } else {
        StoreTopList top = {0};
        if (store_top_scores(app->store, p->id, 1, &top, NULL) && top.count > 0) {
          r->best = xasprintf(_("Best score: %d, by %s"), top.items[0].score, top.items[0].player_name);
        }
        store_top_list_free(&top);
      }
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
}

static const PackRow *selected_row(const PacksScene *s) {
  return s->count ? &s->rows[s->list.selected] : NULL;
}

static void update_buttons(PacksScene *s) {
  const PackRow *r = selected_row(s);
  bool playable = r && r->entry->pack;
  ui_form_button(&s->form, ID_PLAY)->disabled = !playable;
  ui_form_button(&s->form, ID_SCORES)->disabled = !playable;
}

static void packs_enter(SceneCtx *ctx) {
  PacksScene *s = ctx->data;
  App *app = app_from_ctx(ctx);
  Ui ui = app_ui(app);
  build_rows(s, app);
  Rect c = ui_content_rect();
  ui_list_init(&s->list, ui_mirror(&ui, (Rect){c.x, c.y, LIST_W, c.h}), ROW_H, 16);
  ui_list_set_count(&s->list, s->count);
  for (size_t i = 0; i < s->count; i++) {
    if (app->pack && s->rows[i].entry->pack == app->pack) {
      ui_list_select(&s->list, i);
    }
  }
  float dx = c.x + LIST_W + 48;
  s->details = ui_mirror(&ui, (Rect){dx, c.y, c.x + c.w - dx, c.h});
  ui_form_init(&s->form, ui.rtl);
  ui_form_add_header(&s->form, &ui, true);
  ui_form_set_list(&s->form, &s->list);
  float bw = (c.x + c.w - dx - 3 * 40) / 2;
  float by = c.y + c.h - 40 - UI_BUTTON_H;
  UiButton play =
      ui_button(ID_PLAY, ui_mirror(&ui, (Rect){dx + 40 + bw + 40, by, bw, UI_BUTTON_H}), _("Play"), UI_BUTTON_PRIMARY);
  play.icon = ui.rtl ? DRAW_ICON_ARROW_LEFT : DRAW_ICON_PLAY;
  play.key_hint = _("Enter");
  UiButton scores =
      ui_button(ID_SCORES, ui_mirror(&ui, (Rect){dx + 40, by, bw, UI_BUTTON_H}), _("High scores"), UI_BUTTON_NORMAL);
  ui_form_add(&s->form, scores);
  ui_form_add(&s->form, play);
  s->form.focus = UI_FOCUS_LIST;
  update_buttons(s);
}

static void packs_leave(SceneCtx *ctx) {
  PacksScene *s = ctx->data;
  if (!s) {
    return;
  }
  for (size_t i = 0; i < s->count; i++) {
    free(s->rows[i].title);
    free(s->rows[i].meta);
    free(s->rows[i].best);
  }
  free(s->rows);
  free(s->message);
  free(s);
}

static void start(SceneCtx *ctx, PacksScene *s) {
  App *app = app_from_ctx(ctx);
  const PackRow *r = selected_row(s);
  free(s->message);
  s->message = NULL;
  if (!r) {
    return;
  }
  if (!r->entry->pack) {
    s->message = xstrdup(_("This pack has errors and cannot be played. Fix the file, or choose another pack."));
    return;
  }
  app_select_pack(app, r->entry->pack);
  scene_player_push(app);
}

static void packs_event(SceneCtx *ctx, const InputEvent *ev) {
  PacksScene *s = ctx->data;
  App *app = app_from_ctx(ctx);
  UiResult r = ui_form_event(&s->form, ev);
  switch (r.kind) {
  case UI_RESULT_ACTIVATE:
    if (r.id == UI_ID_BACK) {
      engine_pop_scene(ctx->engine);
    } else if (r.id == UI_ID_HELP) {
      scene_help_push(app);
    } else if (r.id == ID_PLAY) {
      start(ctx, s);
    } else if (r.id == ID_SCORES && selected_row(s) && selected_row(s)->entry->pack) {
      scene_scores_push(app, selected_row(s)->entry->pack->id);
    }
    break;
  case UI_RESULT_LIST_ACTIVATE:
    start(ctx, s);
    break;
  case UI_RESULT_LIST_SELECT:
    free(s->message);
    s->message = NULL;
    update_buttons(s);
    break;
  case UI_RESULT_CHANGED:
    break;
  case UI_RESULT_IGNORED:
    if (ev->type == INPUT_EVENT_ACTION && ev->action == INPUT_ACTION_BACK) {
      engine_pop_scene(ctx->engine);
    } else if (ev->type == INPUT_EVENT_ACTION && ev->action == INPUT_ACTION_HELP) {
      scene_help_push(app);
    }
    break;
  }
  engine_request_redraw(ctx->engine);
}

static void draw_row(void *user, const Ui *ui, size_t i, Rect r, bool selected, bool focused, bool hovered) {
  const PacksScene *s = user;
  const PackRow *row = &s->rows[i];
  const Theme *t = ui->theme;
  bool ok = row->entry->pack != NULL;
  if (ok) {
    ui_list_row_background(ui, r, selected, focused, hovered);
  } else {
    // Greyed: the plain surface, a dashed-looking thin border, muted text.
    draw_round_rect(ui->engine, r, t->radius, t->surface);
    draw_round_rect_outline(ui->engine, r, t->radius, 2, t->border);
    if (selected) {
      float bw = 10;
      draw_round_rect(ui->engine, (Rect){ui->rtl ? r.x + r.w - bw - 10 : r.x + 10, r.y + 14, bw, r.h - 28}, bw / 2,
                      t->text_disabled);
    }
    if (focused) {
      ui_focus_ring_draw(ui, r);
    }
  }
  Rect in = {r.x + 40, r.y + 14, r.w - 64, r.h - 28};
  TextStyle ts = ui_text_style(ui, THEME_TEXT_BODY, ok ? t->text : t->text_disabled);
  ts.weight = TEXT_WEIGHT_BOLD;
  ts.valign = TEXT_VALIGN_MIDDLE;
  if (row->entry->pack) {
    ts.lang = row->entry->pack->lang;  // a title in Arabic reads right to left
  }
  ui_text_fitted(ui, row->title, &ts, (Rect){in.x, in.y, in.w, in.h * 0.52f}, 24);
  TextStyle ms = ui_text_style(ui, THEME_TEXT_SMALL, ok ? t->text_muted : t->warning);
  ms.valign = TEXT_VALIGN_MIDDLE;
  ui_text_fitted(ui, row->meta, &ms, (Rect){in.x, in.y + in.h * 0.52f, in.w, in.h * 0.48f}, 20);
}

static void draw_details(const Ui *ui, const PacksScene *s) {
  const Theme *t = ui->theme;
  ui_card_draw(ui, s->details);
  const PackRow *row = selected_row(s);
  Rect in = rect_inset(s->details, 40);
  float buttons_top = s->details.y + s->details.h - 40 - UI_BUTTON_H;
  if (!row) {
    ui_text(ui, _("No quiz packs were found. Put pack files (.xml) in the packs folder of your data folder."),
            THEME_TEXT_BODY, t->text, in, TEXT_ALIGN_START, TEXT_VALIGN_TOP);
    return;
  }
  const Pack *p = row->entry->pack;
  float y = in.y;
  TextStyle title = ui_text_style(ui, THEME_TEXT_TITLE, p ? t->text : t->text_disabled);
  title.weight = TEXT_WEIGHT_BOLD;
  title.lang = p ? p->lang : ui->lang;
  Rect tb = {in.x, y, in.w, 150};
  title.wrap_width = tb.w;
  title.size = text_fit(ui->engine, row->title, &title, tb.w, tb.h, 32);
  TextSize tsz = text_draw(ui->engine, row->title, &title, tb);
  y += tsz.h + 20;
  float msg_bottom = buttons_top - 20;
  if (s->message) {
    msg_bottom -= 110;
    ui_text_fitted(ui, s->message,
                   &(TextStyle){.size = theme_text_size(t, THEME_TEXT_BODY),
                                .color = t->warning,
                                .lang = ui->lang,
                                .valign = TEXT_VALIGN_BOTTOM},
                   (Rect){in.x, msg_bottom, in.w, 110}, 24);
  }
  if (!p) {
    ui_text_bold(ui, _("This pack has errors and cannot be played."), THEME_TEXT_BODY, t->warning,
                 (Rect){in.x, y, in.w, 60}, TEXT_ALIGN_START, TEXT_VALIGN_TOP);
    y += 80;
    // Every error, one per paragraph, shrunk to fit.
    StrBuf b = {0};
    for (size_t i = 0; i < row->entry->diags.count; i++) {
      char *line = diag_format(&row->entry->diags.items[i]);
      strbuf_append(&b, fs_basename(line));
      strbuf_append(&b, "\n");
      free(line);
    }
    char *all = strbuf_take(&b);
    TextStyle es = ui_text_style(ui, THEME_TEXT_BODY, t->text_muted);
    ui_text_fitted_clipped(ui, all, &es, (Rect){in.x, y, in.w, msg_bottom - y}, 28);
    free(all);
    return;
  }
  size_t real = pack_count_answer(p, PACK_ANSWER_REAL);
  size_t fake = pack_count_answer(p, PACK_ANSWER_FABRICATED);
  char *facts = xasprintf(_("%s · %zu real and %zu fabricated headlines"), lang_name(p->lang), real, fake);
  TextSize fz =
      ui_text(ui, facts, THEME_TEXT_BODY, t->text_muted, (Rect){in.x, y, in.w, 60}, TEXT_ALIGN_START, TEXT_VALIGN_TOP);
  free(facts);
  y += fz.h + 8;
  if (p->kind == PACK_KIND_ASSESSMENT) {
    TextSize kz = ui_text(ui, _("A test: no answers are shown until the end."), THEME_TEXT_BODY, t->text_muted,
                          (Rect){in.x, y, in.w, 60}, TEXT_ALIGN_START, TEXT_VALIGN_TOP);
    y += kz.h + 8;
  }
  if (row->best) {
    TextSize bz = ui_text_bold(ui, row->best, THEME_TEXT_BODY, t->text, (Rect){in.x, y, in.w, 60}, TEXT_ALIGN_START,
                               TEXT_VALIGN_TOP);
    y += bz.h + 8;
  }
  y += 16;
  draw_fill_rect(ui->engine, (Rect){in.x, y, in.w, 2}, t->border);
  y += 24;
  if (p->description && *p->description && msg_bottom - y > 40) {
    TextStyle ds = ui_text_style(ui, THEME_TEXT_BODY, t->text);
    ds.lang = p->lang;
    ui_text_fitted_clipped(ui, p->description, &ds, (Rect){in.x, y, in.w, msg_bottom - y}, 34);
  }
}

static void packs_draw(SceneCtx *ctx) {
  PacksScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  ui_header_draw(&ui, _("Choose a pack"));
  ui_list_draw(&ui, &s->list, s->form.focus == UI_FOCUS_LIST, draw_row, s);
  draw_details(&ui, s);
  ui_form_draw(&ui, &s->form);
}

const SceneVTable scene_packs_vtable = {
    .name = "packs",
    .enter = packs_enter,
    .leave = packs_leave,
    .event = packs_event,
    .draw = packs_draw,
};
