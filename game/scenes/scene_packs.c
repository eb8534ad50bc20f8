// The pack chooser: every pack the library found, with its language, item
// counts, description and best scores; broken packs are listed greyed out
// with their first error and cannot be started.
//
// A long description is never cut: it scrolls inside the details card with
// the mouse wheel (pointer over the card), a touch or mouse drag, and the
// keyboard or controller (move the focus onto the description, then
// Up/Down scroll it; at either end they move the focus on as usual).

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/i18n.h"
#include "base/str.h"
#include "play/session.h"
#include "quiz/pack_library.h"
#include "scenes/menu_text.h"
#include "scenes/scenes.h"

enum { ID_PLAY = 1, ID_SCORES, ID_DESC };

typedef struct PackRow {
  const PackEntry *entry;  // borrowed from the library
  char *title;             // pack title, or the file name of a broken pack
  char *meta;              // "English · 24 questions" or the first error
  char *best;              // best-score line for the details card (NULL when none)
  char *progress;          // "24 of 32 seen" for the current player (NULL without one)
} PackRow;

typedef struct PacksScene {
  MenuSceneHead head;  // first: see scenes.h; texts: the details card's facts
  PackRow *rows;
  size_t count;
  UiList list;
  Rect details;
  char *message;  // shown under the buttons after trying to start a broken pack
  // The description's scroll state (see desc_layout).
  float desc_scroll;           // logical units scrolled from the top
  float pointer_x, pointer_y;  // last pointer position (wheel events carry none)
  bool desc_dragging;          // a press on the description is dragging it
  float drag_y;
  float buttons_h;  // height of the button block at the card's foot
} PacksScene;

// Where the selected pack's description goes and how tall it is.
typedef struct DescLayout {
  Rect area;        // visible area (physical); w == 0 when there is no description
  Rect text;        // text column inside it (room for the scroll bar at the end side)
  float content_h;  // height of the whole wrapped text
  float line_h;
} DescLayout;

static DescLayout relayout(const Ui *ui, PacksScene *s);
static bool desc_event(SceneCtx *ctx, PacksScene *s, const InputEvent *ev);

// A scroll offset within 0..max(0, content - visible).
static float clamp_scroll(float scroll, float content_h, float visible_h) {
  float max = content_h > visible_h ? content_h - visible_h : 0;
  return scroll < 0 ? 0 : scroll > max ? max : scroll;
}

#define LIST_W 860.0f        // at most; at most 45% of the content width
#define BUTTON_MIN_W 360.0f  // below this the two buttons stack
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

static void free_rows(PacksScene *s) {
  for (size_t i = 0; i < s->count; i++) {
    free(s->rows[i].title);
    free(s->rows[i].meta);
    free(s->rows[i].best);
    free(s->rows[i].progress);
  }
  free(s->rows);
  s->rows = NULL;
  s->count = 0;
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
      r->progress = progress_line(app, p);
      r->best = best_line(app, p);
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
  ui_form_button(&s->head.form, ID_PLAY)->disabled = !playable;
  ui_form_button(&s->head.form, ID_SCORES)->disabled = !playable;
}

static void packs_enter(SceneCtx *ctx) {
  PacksScene *s = ctx->data;
  App *app = app_from_ctx(ctx);
  Ui ui = app_ui(app);
  build_rows(s, app);
  Rect c = ui_content_rect(&ui);
  float list_w = fminf(LIST_W, c.w * 0.45f);
  ui_list_init(&s->list, ui_mirror(&ui, (Rect){c.x, c.y, list_w, c.h}), ROW_H, 16);
  ui_list_set_count(&s->list, s->count);
  for (size_t i = 0; i < s->count; i++) {
    if (app->pack && s->rows[i].entry->pack == app->pack) {
      ui_list_select(&s->list, i);
    }
  }
  float dx = c.x + list_w + 48;
  s->details = ui_mirror(&ui, (Rect){dx, c.y, c.x + c.w - dx, c.h});
  ui_form_init(&s->head.form, ui.rtl);
  ui_form_add_header(&s->head.form, &ui, true, true);
  ui_form_set_list(&s->head.form, &s->list);
  float bw = (c.x + c.w - dx - 3 * 40) / 2;
  float by = c.y + c.h - 40 - UI_BUTTON_H;
  Rect play_r = {dx + 40 + bw + 40, by, bw, UI_BUTTON_H}, scores_r = {dx + 40, by, bw, UI_BUTTON_H};
  s->buttons_h = UI_BUTTON_H;
  if (bw < BUTTON_MIN_W) {
    // A narrow card: Play under High scores, both full width.
    bw = c.x + c.w - dx - 2 * 40;
    play_r = (Rect){dx + 40, by, bw, UI_BUTTON_H};
    scores_r = (Rect){dx + 40, by - UI_GAP - UI_BUTTON_H, bw, UI_BUTTON_H};
    s->buttons_h = 2 * UI_BUTTON_H + UI_GAP;
  }
  UiButton play = ui_button(ID_PLAY, ui_mirror(&ui, play_r), _("Play"), UI_BUTTON_PRIMARY);
  play.icon = ui.rtl ? DRAW_ICON_ARROW_LEFT : DRAW_ICON_PLAY;
  play.key_hint = _("Enter");
  UiButton scores = ui_button(ID_SCORES, ui_mirror(&ui, scores_r), _("High scores"), UI_BUTTON_NORMAL);
  ui_form_add(&s->head.form, scores);
  ui_form_add(&s->head.form, play);
  UiButton desc = ui_button(ID_DESC, (Rect){0, 0, 0, 0}, _("Description"), UI_BUTTON_AREA);
  desc.disabled = true;
  ui_form_add(&s->head.form, desc);
  s->head.form.focus = UI_FOCUS_LIST;
  update_buttons(s);
  relayout(&ui, s);
}

static void packs_free(void *data) {
  PacksScene *s = data;
  free_rows(s);
  menu_text_free(&s->head.texts);
  free(s->message);
  free(s);
}

// Back on top after a round (or the player screen): best scores and
// progress may have changed, so the rows are read again from the store.
static void packs_uncover(SceneCtx *ctx) {
  PacksScene *s = ctx->data;
  App *app = app_from_ctx(ctx);
  size_t selected = s->list.selected;
  free_rows(s);
  build_rows(s, app);
  ui_list_set_count(&s->list, s->count);
  if (selected < s->count) {
    ui_list_select(&s->list, selected);
  }
  Ui ui = app_ui(app);
  relayout(&ui, s);
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

static bool packs_event(SceneCtx *ctx, const InputEvent *ev) {
  PacksScene *s = ctx->data;
  App *app = app_from_ctx(ctx);
  if (desc_event(ctx, s, ev)) {
    engine_request_redraw(ctx->engine);
    return true;
  }
  UiResult r = ui_form_event(&s->head.form, ev);
  switch (r.kind) {
  case UI_RESULT_ACTIVATE:
    if (r.id == ID_PLAY) {
      start(ctx, s);
    } else if (r.id == ID_SCORES && selected_row(s) && selected_row(s)->entry->pack) {
      scene_scores_push(app, selected_row(s)->entry->pack->id);
    } else {
      scene_header_activate(ctx, r.id);
    }
    break;
  case UI_RESULT_LIST_ACTIVATE:
    start(ctx, s);
    break;
  case UI_RESULT_LIST_SELECT: {
    free(s->message);
    s->message = NULL;
    update_buttons(s);
    s->desc_scroll = 0;
    Ui ui = app_ui(app);
    relayout(&ui, s);
    break;
  }
  case UI_RESULT_CHANGED:
    break;
  case UI_RESULT_IGNORED:
    scene_header_action(ctx, ev);
    break;
  }
  engine_request_redraw(ctx->engine);
  return true;
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

// A fact of the details card at body size, wrapped: added to the text plan
// when measuring (relayout), which packs_draw draws; returns its size.
static TextSize block(PacksScene *s, const Ui *ui, bool draw, const char *utf8, TextWeight weight, Color color,
                      Rect box) {
  TextStyle st = menu_text_style(ui, THEME_TEXT_BODY, color, weight, TEXT_ALIGN_START);
  if (draw) {
    st.wrap_width = box.w;
    return text_measure(ui->engine, utf8, &st);
  }
  // `box` is physical (the card is mirrored); the plan holds unmirrored boxes.
  return (TextSize){box.w, menu_text_add(&s->head.texts, ui, utf8, st, ui_mirror(ui, box), 0)};
}

static TextStyle desc_style(const Ui *ui, const Pack *p) {
  TextStyle ds = ui_text_style(ui, THEME_TEXT_BODY, ui->theme->text);
  ds.lang = p->lang;
  return ds;
}

#define SCROLLBAR_W 10.0f

// Lays out the details card of the selected pack, drawing it when `draw`
// (everything but the description, which packs_draw adds with its scroll).
// The same code measures for the event handler, so both agree.
static DescLayout details(const Ui *ui, PacksScene *s, bool draw) {
  const Theme *t = ui->theme;
  DescLayout out = {0};
  if (draw) {
    ui_card_draw(ui, s->details);
  }
  const PackRow *row = selected_row(s);
  Rect in = rect_inset(s->details, 40);
  float buttons_top = s->details.y + s->details.h - 40 - s->buttons_h;
  if (!row) {
    if (draw) {
      ui_text(ui, _("No quiz packs were found. Put pack files (.xml) in the packs folder of your data folder."),
              THEME_TEXT_BODY, t->text, in, TEXT_ALIGN_START, TEXT_VALIGN_TOP);
    }
    return out;
  }
  const Pack *p = row->entry->pack;
  float y = in.y;
  TextStyle title = ui_text_style(ui, THEME_TEXT_TITLE, p ? t->text : t->text_disabled);
  title.weight = TEXT_WEIGHT_BOLD;
  title.lang = p ? p->lang : ui->lang;
  Rect tb = {in.x, y, in.w, 150};
  title.wrap_width = tb.w;
  title.size = text_fit(ui->engine, row->title, &title, tb.w, tb.h, 32);
  TextSize tsz = draw ? text_draw(ui->engine, row->title, &title, tb) : text_measure(ui->engine, row->title, &title);
  y += tsz.h + 20;
  float msg_bottom = buttons_top - 20;
  if (s->message) {
    msg_bottom -= 110;
  }
  if (s->message && draw) {
    ui_text_fitted(ui, s->message,
                   &(TextStyle){.size = theme_text_size(t, THEME_TEXT_BODY),
                                .color = t->warning,
                                .lang = ui->lang,
                                .valign = TEXT_VALIGN_BOTTOM},
                   (Rect){in.x, msg_bottom, in.w, 110}, 24);
  }
  if (!p) {
    if (!draw) {
      return out;
    }
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
    return out;
  }
  size_t real = pack_count_answer(p, PACK_ANSWER_REAL);
  size_t fake = pack_count_answer(p, PACK_ANSWER_FABRICATED);
  char *facts = xasprintf(_("%s · %zu real and %zu fabricated headlines"), lang_name(p->lang), real, fake);
  TextSize fz = block(s, ui, draw, facts, TEXT_WEIGHT_REGULAR, t->text_muted, (Rect){in.x, y, in.w, 60});
  free(facts);
  y += fz.h + 8;
  if (p->kind == PACK_KIND_ASSESSMENT) {
    TextSize kz = block(s, ui, draw, _("A test: no answers are shown until the end."), TEXT_WEIGHT_REGULAR,
                        t->text_muted, (Rect){in.x, y, in.w, 60});
    y += kz.h + 8;
  }
  if (row->best) {
    TextSize bz = block(s, ui, draw, row->best, TEXT_WEIGHT_BOLD, t->text, (Rect){in.x, y, in.w, 60});
    y += bz.h + 8;
  }
  if (row->progress) {
    TextSize pz = block(s, ui, draw, row->progress, TEXT_WEIGHT_REGULAR, t->text, (Rect){in.x, y, in.w, 60});
    y += pz.h + 8;
  }
  y += 16;
  if (draw) {
    draw_fill_rect(ui->engine, (Rect){in.x, y, in.w, 2}, t->border);
  }
  y += 24;
  if (p->description && *p->description && msg_bottom - y > 40) {
    // Full body size, wrapped to the card: scrolled rather than shrunk or cut.
    TextStyle ds = desc_style(ui, p);
    out.area = (Rect){in.x, y, in.w, msg_bottom - y};
    out.line_h = text_line_height(ui->engine, &ds);
    ds.wrap_width = in.w;
    out.content_h = text_measure(ui->engine, p->description, &ds).h;
    out.text = out.area;
    if (out.content_h > out.area.h) {
      // Whole lines only, so the last visible line is never sliced.
      out.area.h = fmaxf(out.line_h, floorf(out.area.h / out.line_h) * out.line_h);
      out.text = out.area;
      float bar = SCROLLBAR_W + UI_GAP;
      out.text.w -= bar;
      out.text.x += ui->rtl ? bar : 0;
      ds.wrap_width = out.text.w;
      out.content_h = text_measure(ui->engine, p->description, &ds).h;
    }
  }
  return out;
}

static bool desc_scrollable(const DescLayout *d) {
  return d->area.w > 0 && d->content_h > d->area.h;
}

static void draw_description(const Ui *ui, const PacksScene *s, const DescLayout *d) {
  const PackRow *row = selected_row(s);
  if (d->area.w <= 0 || !row || !row->entry->pack) {
    return;
  }
  TextStyle ds = desc_style(ui, row->entry->pack);
  ds.wrap_width = d->text.w;
  float scroll = desc_scrollable(d) ? clamp_scroll(s->desc_scroll, d->content_h, d->area.h) : 0;
  UiClip clip = ui_clip_begin(ui, d->area);
  text_draw(ui->engine, row->entry->pack->description, &ds,
            (Rect){d->text.x, d->text.y - scroll, d->text.w, d->content_h});
  ui_clip_end(ui, clip);
  if (desc_scrollable(d)) {
    Rect track = {ui->rtl ? d->area.x : d->area.x + d->area.w - SCROLLBAR_W, d->area.y, SCROLLBAR_W, d->area.h};
    ui_scrollbar_draw(ui, track, d->area.h, d->content_h, scroll);
  }
}

// Re-measures the description (after a selection change) and makes its
// panel focusable only when it scrolls.
static DescLayout relayout(const Ui *ui, PacksScene *s) {
  menu_text_clear(&s->head.texts);
  DescLayout d = details(ui, s, false);
  s->desc_scroll = clamp_scroll(s->desc_scroll, d.content_h, d.area.h);
  UiButton *area = ui_form_button(&s->head.form, ID_DESC);
  if (area) {
    area->rect = d.area;
    area->disabled = !desc_scrollable(&d);
    if (area->disabled && ui_form_focused_id(&s->head.form) == ID_DESC) {
      s->head.form.focus = UI_FOCUS_LIST;
    }
  }
  return d;
}

// Scrolls the description by `dy`; true when it moved.
static bool desc_scroll_by(PacksScene *s, const DescLayout *d, float dy) {
  float before = s->desc_scroll;
  s->desc_scroll = clamp_scroll(s->desc_scroll + dy, d->content_h, d->area.h);
  return s->desc_scroll != before;
}

// Wheel, drag and Up/Down on the focused description; true when handled.
static bool desc_event(SceneCtx *ctx, PacksScene *s, const InputEvent *ev) {
  Ui ui = app_ui(app_from_ctx(ctx));
  DescLayout d = relayout(&ui, s);
  bool scrolls = desc_scrollable(&d);
  switch (ev->type) {
  case INPUT_EVENT_POINTER_MOVE:
    s->pointer_x = ev->x;
    s->pointer_y = ev->y;
    if (s->desc_dragging) {
      desc_scroll_by(s, &d, s->drag_y - ev->y);
      s->drag_y = ev->y;
      return true;
    }
    return false;
  case INPUT_EVENT_POINTER_DOWN:
    s->pointer_x = ev->x;
    s->pointer_y = ev->y;
    if (scrolls && ev->button == 1 && rect_contains(d.area, ev->x, ev->y)) {
      s->desc_dragging = true;
      s->drag_y = ev->y;
      return true;
    }
    return false;
  case INPUT_EVENT_POINTER_UP:
    if (s->desc_dragging) {
      s->desc_dragging = false;
      return true;
    }
    return false;
  case INPUT_EVENT_WHEEL:
    if (scrolls && rect_contains(s->details, s->pointer_x, s->pointer_y)) {
      desc_scroll_by(s, &d, -ev->wheel_y * 2 * d.line_h);
      return true;
    }
    return false;
  case INPUT_EVENT_ACTION:
    if (scrolls && ui_form_focused_id(&s->head.form) == ID_DESC &&
        (ev->action == INPUT_ACTION_UP || ev->action == INPUT_ACTION_DOWN)) {
      // Most of a page, keeping a line of context.
      float page = fmaxf(d.line_h, d.area.h - d.line_h);
      return desc_scroll_by(s, &d, ev->action == INPUT_ACTION_UP ? -page : page);
    }
    return false;
  default:
    return false;
  }
}

static void packs_draw(SceneCtx *ctx) {
  PacksScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  ui_header_draw(&ui, _("Choose a pack"));
  ui_list_draw(&ui, &s->list, s->head.form.focus == UI_FOCUS_LIST, draw_row, s);
  DescLayout d = details(&ui, s, true);
  menu_text_draw(&ui, &s->head.texts, 0, 0);
  draw_description(&ui, s, &d);
  ui_form_draw(&ui, &s->head.form);
}

const SceneVTable scene_packs_vtable = {
    .name = "packs",
    .enter = packs_enter,
    .free_data = packs_free,
    .uncover = packs_uncover,
    .event = packs_event,
    .draw = packs_draw,
};
