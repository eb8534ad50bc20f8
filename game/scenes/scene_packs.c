// The pack chooser: every pack the library found, with its language, item
// counts, description and best scores; broken packs are listed greyed out
// with their first error and cannot be started.
//
// Everything is laid out in packs_layout() (on enter, resize, text size)
// and again for the card when the selection changes; draw() only reads it.
// A row's title wraps (rows are as tall as the longest title needs), never
// shrunk or cut. The details card's facts and description are one panel
// above the buttons: when they do not fit it scrolls, so nothing runs into
// the buttons. A long description is never cut: the panel scrolls with
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

// The details card's scrolled panel (the plan's layer 1), as laid out.
typedef struct DescLayout {
  Rect area;        // visible area (unmirrored)
  Rect area_m;      // the same, mirrored: what pointer events hit
  float content_h;  // height of everything in it
  float line_h;     // a body line: the scroll step
  float rule_y;     // the line under the facts (content y; < 0 for none)
} DescLayout;

typedef struct PacksScene {
  MenuSceneHead head;  // first: see scenes.h; texts: the details card's panel (layer 1)
  PackRow *rows;
  size_t count;
  UiList list;
  UiHeader header;
  char play_hint[UI_HEADER_HINT_MAX];  // the form's Play button borrows it
  Rect card;                           // the details card (unmirrored)
  Rect card_m;                         // the same, mirrored
  float block_h;                       // the button block at the card's foot
  float title_h;                       // the tallest row title (wrapped), meta_h the tallest meta line
  float meta_h;
  char *message;     // shown above the buttons after trying to start a broken pack
  Rect message_box;  // unmirrored; h == 0 when there is no message
  DescLayout desc;
  float desc_scroll;           // logical units scrolled from the top
  float pointer_x, pointer_y;  // last pointer position (wheel events carry none)
  bool desc_dragging;          // a press on the panel is dragging it
  float drag_y;
} PacksScene;

static void card_layout(const Ui *ui, PacksScene *s);

// A scroll offset within 0..max(0, content - visible).
static float clamp_scroll(float scroll, float content_h, float visible_h) {
  float max = content_h > visible_h ? content_h - visible_h : 0;
  return scroll < 0 ? 0 : scroll > max ? max : scroll;
}

#define LIST_W 860.0f        // at most; at most 45% of the content width
#define BUTTON_MIN_W 360.0f  // below this the two buttons stack
#define CARD_PAD 40.0f
#define ROW_PAD 14.0f  // above and below a row's text
#define SCROLLBAR_W 10.0f

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

void scene_packs_push(App *app) {
  PacksScene *s = xcalloc(1, sizeof *s);
  build_rows(s, app);
  ui_list_init(&s->list, (Rect){0}, 1, 16);
  ui_list_set_count(&s->list, s->count);
  for (size_t i = 0; i < s->count; i++) {
    if (app->pack && s->rows[i].entry->pack == app->pack) {
      ui_list_select(&s->list, i);
    }
  }
  engine_push_scene(app->engine, &scene_packs_vtable, s);
}

static TextStyle row_title_style(const Ui *ui, const PackRow *row) {
  bool ok = row->entry->pack != NULL;
  TextStyle ts = ui_text_style(ui, THEME_TEXT_BODY, ok ? ui->theme->text : ui->theme->text_disabled);
  ts.weight = TEXT_WEIGHT_BOLD;
  if (ok) {
    ts.lang = row->entry->pack->lang;  // a title in Arabic reads right to left
  }
  return ts;
}

static TextStyle row_meta_style(const Ui *ui, const PackRow *row) {
  return ui_text_style(ui, THEME_TEXT_SMALL, row->entry->pack ? ui->theme->text_muted : ui->theme->warning);
}

// Rows as tall as the longest title and meta line need, wrapped at the
// row's text width: titles wrap, they never shrink.
static float row_height(const Ui *ui, PacksScene *s, float text_w) {
  s->title_h = 0;
  s->meta_h = 0;
  for (size_t i = 0; i < s->count; i++) {
    TextStyle ts = row_title_style(ui, &s->rows[i]), ms = row_meta_style(ui, &s->rows[i]);
    ts.wrap_width = ms.wrap_width = text_w;
    s->title_h = fmaxf(s->title_h, ceilf(text_measure(ui->engine, s->rows[i].title, &ts).h));
    s->meta_h = fmaxf(s->meta_h, ceilf(text_measure(ui->engine, s->rows[i].meta, &ms).h));
  }
  return 2 * ROW_PAD + s->title_h + s->meta_h;
}

// The Play and High scores buttons at the card's foot, side by side or,
// in a narrow card, Play under High scores; returns the block's height.
static float add_buttons(PacksScene *s, const Ui *ui) {
  Rect k = s->card;
  float bh = ui_button_h(ui), gap = ui_gap(ui);
  float bw = (k.w - 3 * CARD_PAD) / 2, by = k.y + k.h - CARD_PAD - bh;
  Rect play_r = {k.x + 2 * CARD_PAD + bw, by, bw, bh}, scores_r = {k.x + CARD_PAD, by, bw, bh};
  float block = bh;
  if (bw < BUTTON_MIN_W) {
    bw = k.w - 2 * CARD_PAD;
    play_r = (Rect){k.x + CARD_PAD, by, bw, bh};
    scores_r = (Rect){k.x + CARD_PAD, by - gap - bh, bw, bh};
    block = 2 * bh + gap;
  }
  UiButton play = ui_button(ID_PLAY, ui_mirror(ui, play_r), _("Play"), UI_BUTTON_PRIMARY);
  play.icon = ui->rtl ? DRAW_ICON_ARROW_LEFT : DRAW_ICON_PLAY;
  str_copy(s->play_hint, sizeof s->play_hint, game_key_hint(ui->engine, INPUT_ACTION_CONFIRM));
  play.key_hint = s->play_hint;
  UiButton scores = ui_button(ID_SCORES, ui_mirror(ui, scores_r), _("High scores"), UI_BUTTON_NORMAL);
  ui_form_add(&s->head.form, scores);
  ui_form_add(&s->head.form, play);
  return block;
}

static void packs_layout(SceneCtx *ctx) {
  PacksScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  int focused = ui_form_focused_id(&s->head.form);
  Rect c = ui_content_rect(&ui);
  float list_w = fminf(LIST_W * ui.theme->layout_scale, c.w * 0.45f);
  float row_h = fminf(row_height(&ui, s, list_w - 64), c.h);
  size_t selected = s->list.selected;
  ui_list_init(&s->list, ui_mirror(&ui, (Rect){c.x, c.y, list_w, c.h}), row_h, 16);
  ui_list_set_count(&s->list, s->count);
  ui_list_select(&s->list, selected < s->count ? selected : 0);
  float dx = c.x + list_w + 48;
  s->card = (Rect){dx, c.y, c.x + c.w - dx, c.h};
  ui_form_init(&s->head.form, ui.rtl);
  s->header = ui_header_layout(&ui, _("Choose a pack"), true, true);
  ui_form_add_header_from(&s->head.form, &ui, &s->header);
  ui_form_set_list(&s->head.form, &s->list);
  s->card_m = ui_mirror(&ui, s->card);
  s->block_h = add_buttons(s, &ui);
  UiButton desc = ui_button(ID_DESC, (Rect){0, 0, 0, 0}, _("Description"), UI_BUTTON_AREA);
  desc.disabled = true;
  ui_form_add(&s->head.form, desc);
  // The panel ends above the buttons (and the message, when there is one).
  s->card.h -= s->block_h;  // card_layout works in the card above the buttons
  card_layout(&ui, s);
  s->card.h += s->block_h;
  update_buttons(s);
  s->head.form.focus = UI_FOCUS_LIST;
  if (focused != UI_FOCUS_LIST && focused != UI_FOCUS_NONE) {
    ui_form_focus_id(&s->head.form, focused);
  }
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
  packs_layout(ctx);
}

// The card above the buttons again (selection or message changed).
static void relayout_card(SceneCtx *ctx, PacksScene *s) {
  Ui ui = app_ui(app_from_ctx(ctx));
  s->card.h -= s->block_h;
  card_layout(&ui, s);
  s->card.h += s->block_h;
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
    relayout_card(ctx, s);
    return;
  }
  app_select_pack(app, r->entry->pack);
  scene_player_push(app);
}

// Wheel, drag and Up/Down on the focused panel; true when handled.
static bool desc_event(PacksScene *s, const InputEvent *ev);

static bool packs_event(SceneCtx *ctx, const InputEvent *ev) {
  PacksScene *s = ctx->data;
  App *app = app_from_ctx(ctx);
  if (desc_event(s, ev)) {
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
    return true;
  case UI_RESULT_LIST_ACTIVATE:
    start(ctx, s);
    return true;
  case UI_RESULT_LIST_SELECT:
    free(s->message);
    s->message = NULL;
    update_buttons(s);
    s->desc_scroll = 0;
    relayout_card(ctx, s);
    return true;
  case UI_RESULT_CHANGED:
    return true;
  case UI_RESULT_IGNORED:
    break;
  }
  return false;  // Back, Help, Settings: the global keys
}

static void draw_row(void *user, const Ui *ui, size_t i, Rect r, bool selected, bool focused, bool hovered) {
  const PacksScene *s = user;
  const PackRow *row = &s->rows[i];
  const Theme *t = ui->theme;
  if (row->entry->pack) {
    ui_list_row_background(ui, r, selected, focused, hovered);
  } else {
    // Greyed: the plain surface, a thin border, muted text.
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
  // The row's rectangle is physical (the list is mirrored); text starts 40 in.
  float x = ui->rtl ? r.x + 24 : r.x + 40, w = r.w - 64;
  TextStyle ts = row_title_style(ui, row);
  ui_text_fitted(ui, row->title, &ts, (Rect){x, r.y + ROW_PAD, w, s->title_h}, ts.size);
  TextStyle ms = row_meta_style(ui, row);
  ui_text_fitted(ui, row->meta, &ms, (Rect){x, r.y + ROW_PAD + s->title_h, w, s->meta_h}, ms.size);
}

// Adds a paragraph of the panel at `y` (content coordinates: the plan holds
// them from the panel's top); returns the y under it.
static float add_para(PacksScene *s, const Ui *ui, const char *utf8, TextStyle st, float x, float y, float w) {
  return y + menu_text_add(&s->head.texts, ui, utf8, st, (Rect){x, y, w, 0}, 1);
}

static TextStyle para_style(const Ui *ui, ThemeText role, Color color, TextWeight weight, const char *lang) {
  TextStyle st = menu_text_style(ui, role, color, weight, TEXT_ALIGN_START);
  if (lang) {
    st.lang = lang;
  }
  return st;
}

// A broken pack's panel: why it cannot be played and every error.
static float add_errors(PacksScene *s, const Ui *ui, const PackRow *row, float x, float y, float w) {
  const Theme *t = ui->theme;
  y = add_para(s, ui, _("This pack has errors and cannot be played."),
               para_style(ui, THEME_TEXT_BODY, t->warning, TEXT_WEIGHT_BOLD, NULL), x, y, w) +
      20;
  StrBuf b = {0};
  for (size_t i = 0; i < row->entry->diags.count; i++) {
    char *line = diag_format(&row->entry->diags.items[i]);
    strbuf_append(&b, fs_basename(line));
    strbuf_append(&b, i + 1 < row->entry->diags.count ? "\n" : "");
    free(line);
  }
  char *all = strbuf_take(&b);
  y = add_para(s, ui, all, para_style(ui, THEME_TEXT_BODY, t->text_muted, TEXT_WEIGHT_REGULAR, NULL), x, y, w);
  free(all);
  return y;
}

// A playable pack's facts, then a rule, then its description.
static float add_facts(PacksScene *s, const Ui *ui, const PackRow *row, float x, float y, float w) {
  const Theme *t = ui->theme;
  const Pack *p = row->entry->pack;
  TextStyle muted = para_style(ui, THEME_TEXT_BODY, t->text_muted, TEXT_WEIGHT_REGULAR, NULL);
  size_t real = pack_count_answer(p, PACK_ANSWER_REAL), fake = pack_count_answer(p, PACK_ANSWER_FABRICATED);
  char *facts = xasprintf(_("%s · %zu real and %zu fabricated headlines"), lang_name(p->lang), real, fake);
  y = add_para(s, ui, facts, muted, x, y, w) + 8;
  free(facts);
  if (p->kind == PACK_KIND_ASSESSMENT) {
    y = add_para(s, ui, _("A test: no answers are shown until the end."), muted, x, y, w) + 8;
  }
  if (row->best) {
    y = add_para(s, ui, row->best, para_style(ui, THEME_TEXT_BODY, t->text, TEXT_WEIGHT_BOLD, NULL), x, y, w) + 8;
  }
  if (row->progress) {
    y = add_para(s, ui, row->progress, para_style(ui, THEME_TEXT_BODY, t->text, TEXT_WEIGHT_REGULAR, NULL), x, y, w) +
        8;
  }
  if (p->description && *p->description) {
    s->desc.rule_y = y + 16;
    y = add_para(s, ui, p->description, para_style(ui, THEME_TEXT_BODY, t->text, TEXT_WEIGHT_REGULAR, p->lang), x,
                 y + 42, w);
  }
  return y;
}

// Lays out the panel in `w` (content coordinates from 0); returns its height.
static float panel_plan(PacksScene *s, const Ui *ui, float w) {
  const Theme *t = ui->theme;
  menu_text_clear(&s->head.texts);
  s->desc.rule_y = -1;
  const PackRow *row = selected_row(s);
  if (!row) {
    return add_para(s, ui,
                    _("No quiz packs were found. Put pack files (.xml) in the packs folder of your data folder."),
                    para_style(ui, THEME_TEXT_BODY, t->text, TEXT_WEIGHT_REGULAR, NULL), 0, 0, w);
  }
  const Pack *p = row->entry->pack;
  TextStyle title =
      para_style(ui, THEME_TEXT_TITLE, p ? t->text : t->text_disabled, TEXT_WEIGHT_BOLD, p ? p->lang : NULL);
  float y = add_para(s, ui, row->title, title, 0, 0, w) + 20;
  return p ? add_facts(s, ui, row, 0, y, w) : add_errors(s, ui, row, 0, y, w);
}

// The card above its buttons (s->card holds only that part here): the
// message at its foot when there is one, the panel above it, scrolled
// when its content is taller (room kept for the scroll bar). The plan is
// shifted to the panel's place afterwards.
static void card_layout(const Ui *ui, PacksScene *s) {
  Rect in = rect_inset(s->card, CARD_PAD);
  float bottom = in.y + in.h - 20;
  s->message_box = (Rect){0};
  if (s->message) {
    TextStyle ms = para_style(ui, THEME_TEXT_BODY, ui->theme->warning, TEXT_WEIGHT_REGULAR, NULL);
    ms.wrap_width = in.w;
    float mh = ceilf(text_measure(ui->engine, s->message, &ms).h);
    s->message_box = (Rect){in.x, bottom - mh, in.w, mh};
    bottom -= mh + 20;
  }
  TextStyle body = ui_text_style(ui, THEME_TEXT_BODY, ui->theme->text);
  s->desc.line_h = text_line_height(ui->engine, &body);
  s->desc.area = (Rect){in.x, in.y, in.w, fmaxf(0, bottom - in.y)};
  s->desc.area_m = ui_mirror(ui, s->desc.area);
  s->desc.content_h = panel_plan(s, ui, in.w);
  if (s->desc.content_h > s->desc.area.h) {
    s->desc.content_h = panel_plan(s, ui, in.w - SCROLLBAR_W - ui_gap(ui));
  }
  for (size_t i = 0; i < s->head.texts.count; i++) {
    s->head.texts.items[i].box.x += in.x;
    s->head.texts.items[i].box.y += in.y;
  }
  s->desc_scroll = clamp_scroll(s->desc_scroll, s->desc.content_h, s->desc.area.h);
  UiButton *area = ui_form_button(&s->head.form, ID_DESC);
  if (area) {
    area->rect = s->desc.area_m;
    area->disabled = s->desc.content_h <= s->desc.area.h;
    if (area->disabled && ui_form_focused_id(&s->head.form) == ID_DESC) {
      s->head.form.focus = UI_FOCUS_LIST;
    }
  }
}

static bool desc_scrollable(const DescLayout *d) {
  return d->area.w > 0 && d->content_h > d->area.h;
}

// Scrolls the panel by `dy`; true when it moved.
static bool desc_scroll_by(PacksScene *s, float dy) {
  float before = s->desc_scroll;
  s->desc_scroll = clamp_scroll(s->desc_scroll + dy, s->desc.content_h, s->desc.area.h);
  return s->desc_scroll != before;
}

static bool desc_event(PacksScene *s, const InputEvent *ev) {
  const DescLayout *d = &s->desc;
  bool scrolls = desc_scrollable(d);
  switch (ev->type) {
  case INPUT_EVENT_POINTER_MOVE:
    s->pointer_x = ev->x;
    s->pointer_y = ev->y;
    if (s->desc_dragging) {
      bool moved = desc_scroll_by(s, s->drag_y - ev->y);
      s->drag_y = ev->y;
      return moved;
    }
    return false;
  case INPUT_EVENT_POINTER_DOWN:
    s->pointer_x = ev->x;
    s->pointer_y = ev->y;
    if (scrolls && ev->button == 1 && rect_contains(d->area_m, ev->x, ev->y)) {
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
    return scrolls && rect_contains(s->card_m, s->pointer_x, s->pointer_y) &&
           desc_scroll_by(s, -ev->wheel_y * 2 * d->line_h);
  case INPUT_EVENT_ACTION:
    if (scrolls && ui_form_focused_id(&s->head.form) == ID_DESC &&
        (ev->action == INPUT_ACTION_UP || ev->action == INPUT_ACTION_DOWN)) {
      // Most of a page, keeping a line of context.
      float page = fmaxf(d->line_h, d->area.h - d->line_h);
      return desc_scroll_by(s, ev->action == INPUT_ACTION_UP ? -page : page);
    }
    return false;
  default:
    return false;
  }
}

static void draw_card(const Ui *ui, const PacksScene *s) {
  const DescLayout *d = &s->desc;
  ui_card_draw(ui, ui_mirror(ui, s->card));
  float scroll = desc_scrollable(d) ? s->desc_scroll : 0;
  UiClip clip = ui_clip_begin(ui, ui_mirror(ui, d->area));
  menu_text_draw(ui, &s->head.texts, 1, scroll);
  if (d->rule_y >= 0) {
    Rect rule = {d->area.x, d->area.y + d->rule_y - scroll, d->area.w, 2};
    draw_fill_rect(ui->engine, ui_mirror(ui, rule), ui->theme->border);
  }
  ui_clip_end(ui, clip);
  if (desc_scrollable(d)) {
    Rect track = {d->area.x + d->area.w - SCROLLBAR_W, d->area.y, SCROLLBAR_W, d->area.h};
    ui_scrollbar_draw(ui, ui_mirror(ui, track), d->area.h, d->content_h, scroll);
  }
  if (s->message) {
    TextStyle ms = para_style(ui, THEME_TEXT_BODY, ui->theme->warning, TEXT_WEIGHT_REGULAR, NULL);
    ms.wrap_width = s->message_box.w;
    text_draw(ui->engine, s->message, &ms, ui_mirror(ui, s->message_box));
  }
}

static void packs_draw(SceneCtx *ctx) {
  PacksScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  ui_header_draw_from(&ui, &s->header, _("Choose a pack"));
  ui_list_draw(&ui, &s->list, s->head.form.focus == UI_FOCUS_LIST, draw_row, s);
  draw_card(&ui, s);
  ui_form_draw(&ui, &s->head.form);
}

const SceneVTable scene_packs_vtable = {
    .name = "packs",
    .free_data = packs_free,
    .uncover = packs_uncover,
    .layout = packs_layout,
    .event = packs_event,
    .draw = packs_draw,
};
