// High scores: each player's best round of one pack (rank, name, score,
// right answers, date) and the current player's own rounds of it.
// Left/Right (or the arrow buttons) switch between packs; Up/Down, the
// wheel or a drag scroll the page when it is taller than the screen.
//
// Columns are as wide as their widest cell measured at the themed size, the
// name column takes the rest (names wrap); nothing is shrunk or cut. The two
// cards sit side by side when the table fits in 60% of the width, else one
// above the other.

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/i18n.h"
#include "base/log.h"
#include "base/str.h"
#include "quiz/pack_library.h"
#include "scenes/menu_text.h"
#include "scenes/scenes.h"

enum { ID_PREV = 1, ID_NEXT };
enum { LAYER_FIXED = 0, LAYER_PAGE = 1 };
#define TOP_N 10
#define HISTORY_N 8
#define COLS 5
#define CARD_PAD 36.0f
#define SCORES_MAX_W 2000.0f
#define MAX_MARKS (TOP_N + 2)

typedef struct ScoresScene {
  MenuSceneHead head;  // first: see scenes.h
  const Pack **packs;  // the valid packs, borrowed from the library
  size_t pack_count;
  size_t current;
  StoreTopList top;
  StoreRoundList history;
  // Layout (unmirrored; page layer rects before scrolling).
  Rect view;              // the scrolled page's visible area
  Rect cards[2];          // top table, history
  Rect marks[MAX_MARKS];  // the current player's rows
  size_t mark_count;
  float content_h, line_h, scroll;
  bool dragging;
  float drag_y;
} ScoresScene;

static void scores_free(void *data) {
  ScoresScene *s = data;
  store_top_list_free(&s->top);
  store_round_list_free(&s->history);
  menu_text_free(&s->head.texts);
  free(s->packs);
  free(s);
}

static void load(ScoresScene *s, App *app) {
  store_top_list_free(&s->top);
  store_round_list_free(&s->history);
  if (s->pack_count == 0) {
    return;
  }
  const char *id = s->packs[s->current]->id;
  char *err = NULL;
  if (!store_top_scores(app->store, id, TOP_N, &s->top, &err)) {
    log_warn("high scores of %s: %s", id, err ? err : "?");
  }
  free(err);
  err = NULL;
  if (app->player_id) {
    StoreFilter f = {.player_id = app->player_id, .pack_id = id, .limit = HISTORY_N};
    if (!store_rounds(app->store, &f, &s->history, &err)) {
      log_warn("history of %s: %s", id, err ? err : "?");
    }
    free(err);
  }
}

void scene_scores_push(App *app, const char *pack_id) {
  ScoresScene *s = xcalloc(1, sizeof *s);
  size_t n = pack_library_count(app->packs);
  s->packs = xcalloc(n ? n : 1, sizeof *s->packs);
  const char *want = pack_id ? pack_id : app->pack ? app->pack->id : NULL;
  for (size_t i = 0; i < n; i++) {
    const PackEntry *e = pack_library_get(app->packs, i);
    if (e->pack && !e->duplicate_id) {
      if (want && strcmp(e->pack->id, want) == 0) {
        s->current = s->pack_count;
      }
      s->packs[s->pack_count++] = e->pack;
    }
  }
  load(s, app);
  engine_push_scene(app->engine, &scene_scores_vtable, s);
}

// "2024-05-17": unambiguous in every country.
static void format_day(int64_t unix_ms, char *buf, size_t size) {
  time_t secs = (time_t)(unix_ms / 1000);
  struct tm tm;
  if (unix_ms <= 0 || !localtime_r(&secs, &tm) || strftime(buf, size, "%Y-%m-%d", &tm) == 0) {
    str_copy(buf, size, "-");
  }
}

// The cells of the top table, row 0 the headings (owned strings).
typedef struct TopCells {
  char *cell[TOP_N + 1][COLS];
  size_t rows;
} TopCells;

static void top_cells(const ScoresScene *s, TopCells *c) {
  const char *heads[COLS] = {"#", _("Name"), _("Score"), _("Right"), _("Date")};
  for (int k = 0; k < COLS; k++) {
    c->cell[0][k] = xstrdup(heads[k]);
  }
  c->rows = 1;
  for (size_t i = 0; i < s->top.count && i < TOP_N; i++) {
    const StoreTopEntry *e = &s->top.items[i];
    char day[32];
    format_day(e->ended_ms, day, sizeof day);
    char **row = c->cell[c->rows++];
    row[0] = xasprintf("%d", e->rank);
    row[1] = xstrdup(e->player_name);
    row[2] = xasprintf("%d", e->score);
    row[3] = xasprintf(_("%d of %d"), e->correct, e->answered);
    row[4] = xstrdup(day);
  }
}

static void top_cells_free(TopCells *c) {
  for (size_t r = 0; r < c->rows; r++) {
    for (int k = 0; k < COLS; k++) {
      free(c->cell[r][k]);
    }
  }
}

// The width the table needs with a name column of `name_w`.
static float top_width(const Ui *ui, const TopCells *c, float *col_w, float name_w) {
  TextStyle body = menu_text_style(ui, THEME_TEXT_BODY, ui->theme->text, TEXT_WEIGHT_BOLD, TEXT_ALIGN_END);
  TextStyle head = menu_text_style(ui, THEME_TEXT_SMALL, ui->theme->text, TEXT_WEIGHT_BOLD, TEXT_ALIGN_END);
  float total = 0;
  for (int k = 0; k < COLS; k++) {
    col_w[k] = 0;
    if (k == 1) {
      col_w[k] = name_w;
    } else {
      for (size_t r = 0; r < c->rows; r++) {
        col_w[k] = fmaxf(col_w[k], ceilf(text_measure(ui->engine, c->cell[r][k], r ? &body : &head).w) + 2);
      }
    }
    total += col_w[k];
  }
  return total + (COLS - 1) * 2 * UI_GAP;
}

// Lays the top table out in `card` (its height is returned).
static float layout_top(ScoresScene *s, const Ui *ui, const App *app, const TopCells *c, Rect card) {
  const Theme *t = ui->theme;
  MenuTextPlan *p = &s->head.texts;
  Rect in = {card.x + CARD_PAD, card.y + CARD_PAD * 0.6f, card.w - 2 * CARD_PAD, 0};
  TextStyle heading = menu_text_style(ui, THEME_TEXT_BODY, t->text, TEXT_WEIGHT_BOLD, TEXT_ALIGN_START);
  TextStyle muted = menu_text_style(ui, THEME_TEXT_SMALL, t->text_muted, TEXT_WEIGHT_REGULAR, TEXT_ALIGN_START);
  float y = in.y;
  y += menu_text_add(p, ui, _("Top 10"), heading, (Rect){in.x, y, in.w, 0}, LAYER_PAGE);
  y += menu_text_add(p, ui, _("Each player's best round, ranked by right answers, then d′, then time."), muted,
                     (Rect){in.x, y, in.w, 0}, LAYER_PAGE) +
       UI_GAP / 2;
  float col_w[COLS];
  float fixed = top_width(ui, c, col_w, 0);
  top_width(ui, c, col_w, fmaxf(in.w - fixed, 0));
  if (c->rows == 1) {
    y +=
        menu_text_add(p, ui, _("No finished rounds yet. Be the first!"), heading, (Rect){in.x, y, in.w, 0}, LAYER_PAGE);
    return y + CARD_PAD - card.y;
  }
  for (size_t r = 0; r < c->rows; r++) {
    bool me = r > 0 && app->player_id && s->top.items[r - 1].player_id == app->player_id;
    TextStyle st = r == 0 ? menu_text_style(ui, THEME_TEXT_SMALL, t->text_muted, TEXT_WEIGHT_BOLD, TEXT_ALIGN_END)
                          : menu_text_style(ui, THEME_TEXT_BODY, t->text, me ? TEXT_WEIGHT_BOLD : TEXT_WEIGHT_REGULAR,
                                            TEXT_ALIGN_END);
    float x = in.x, h = 0;
    for (int k = 0; k < COLS; k++) {
      st.align = k == 1 ? TEXT_ALIGN_START : TEXT_ALIGN_END;
      Rect box = {x, y + 4, col_w[k], 0};
      if (k == 1) {
        h = fmaxf(h, menu_text_add(p, ui, c->cell[r][k], st, box, LAYER_PAGE));
      } else {
        menu_text_add_line(p, ui, c->cell[r][k], st, box, LAYER_PAGE);
        h = fmaxf(h, p->items[p->count - 1].box.h);
      }
      x += col_w[k] + 2 * UI_GAP;
    }
    if (me && s->mark_count < MAX_MARKS) {
      s->marks[s->mark_count++] = (Rect){in.x - 12, y, in.w + 24, h + 8};
    }
    y += h + 8;
  }
  return y + CARD_PAD * 0.6f - card.y;
}

// Lays the player's own rounds out in `card` (its height is returned).
static float layout_history(ScoresScene *s, const Ui *ui, const App *app, Rect card) {
  const Theme *t = ui->theme;
  MenuTextPlan *p = &s->head.texts;
  Rect in = {card.x + CARD_PAD, card.y + CARD_PAD * 0.6f, card.w - 2 * CARD_PAD, 0};
  TextStyle heading = menu_text_style(ui, THEME_TEXT_BODY, t->text, TEXT_WEIGHT_BOLD, TEXT_ALIGN_START);
  TextStyle body = menu_text_style(ui, THEME_TEXT_BODY, t->text, TEXT_WEIGHT_REGULAR, TEXT_ALIGN_END);
  TextStyle muted = menu_text_style(ui, THEME_TEXT_BODY, t->text_muted, TEXT_WEIGHT_REGULAR, TEXT_ALIGN_START);
  char *title = app->player_name ? xasprintf(_("Your rounds, %s"), app->player_name) : xstrdup(_("Your rounds"));
  float y = in.y + menu_text_add(p, ui, title, heading, (Rect){in.x, in.y, in.w, 0}, LAYER_PAGE) + UI_GAP / 2;
  free(title);
  const char *empty = !app->player_id         ? _("Choose a player (Play, then a pack) to see your own rounds here.")
                      : s->history.count == 0 ? _("You have not played this pack yet.")
                                              : NULL;
  if (empty) {
    y += menu_text_add(p, ui, empty, muted, (Rect){in.x, y, in.w, 0}, LAYER_PAGE);
    return y + CARD_PAD - card.y;
  }
  char day[32];
  format_day(1700000000000, day, sizeof day);
  float day_w = ceilf(text_measure(ui->engine, day, &muted).w) + 2;
  for (size_t i = 0; i < s->history.count; i++) {
    const StoreRound *r = &s->history.items[i];
    format_day(r->ended_ms ? r->ended_ms : r->started_ms, day, sizeof day);
    char *what = r->status == STORE_ROUND_COMPLETED
                     ? xasprintf(_("%d  (%d of %d right)"), r->score, r->correct, r->answered)
                     : xstrdup(r->status == STORE_ROUND_ABANDONED ? _("left early") : _("not finished"));
    menu_text_add_line(p, ui, day, muted, (Rect){in.x, y, day_w, 0}, LAYER_PAGE);
    float h = p->items[p->count - 1].box.h;
    TextStyle st = body;
    st.color = r->status == STORE_ROUND_COMPLETED ? t->text : t->text_muted;
    float x = in.x + day_w + 2 * UI_GAP;
    h = fmaxf(h, menu_text_add(p, ui, what, st, (Rect){x, y, in.x + in.w - x, 0}, LAYER_PAGE));
    free(what);
    y += h + 8;
  }
  return y + CARD_PAD * 0.6f - card.y;
}

static float clamp_scroll(const ScoresScene *s, float scroll) {
  float max = fmaxf(0, s->content_h - s->view.h);
  return scroll < 0 ? 0 : scroll > max ? max : scroll;
}

static void scores_layout(SceneCtx *ctx) {
  ScoresScene *s = ctx->data;
  App *app = app_from_ctx(ctx);
  Ui ui = app_ui(app);
  MenuTextPlan *p = &s->head.texts;
  menu_text_clear(p);
  s->mark_count = 0;
  Rect c = ui_content_rect(&ui);
  float w = fminf(c.w, SCORES_MAX_W);
  c = (Rect){c.x + (c.w - w) / 2, c.y, w, c.h};
  float bar = 10 + UI_GAP;  // room for the page's scroll bar at the end side
  ui_form_init(&s->head.form, ui.rtl);
  ui_form_add_header(&s->head.form, &ui, true, true);
  float arrow = 120, arrow_h = 96;
  // Previous / next pack either side of the pack title. Physical arrows: in
  // RTL "previous" is on the right.
  UiButton prev =
      ui_button(ID_PREV, ui_mirror(&ui, (Rect){c.x, c.y, arrow, arrow_h}), _("Previous pack"), UI_BUTTON_NORMAL);
  UiButton next = ui_button(ID_NEXT, ui_mirror(&ui, (Rect){c.x + c.w - arrow, c.y, arrow, arrow_h}), _("Next pack"),
                            UI_BUTTON_NORMAL);
  prev.icon = ui.rtl ? DRAW_ICON_ARROW_RIGHT : DRAW_ICON_ARROW_LEFT;
  next.icon = ui.rtl ? DRAW_ICON_ARROW_LEFT : DRAW_ICON_ARROW_RIGHT;
  prev.disabled = next.disabled = s->pack_count < 2;
  ui_form_add(&s->head.form, prev);
  ui_form_add(&s->head.form, next);
  s->head.form.focus = UI_FOCUS_NONE;
  TextStyle body = ui_text_style(&ui, THEME_TEXT_BODY, ui.theme->text);
  s->line_h = text_line_height(ui.engine, &body);
  if (s->pack_count == 0) {
    TextStyle st = menu_text_style(&ui, THEME_TEXT_BODY, ui.theme->text_muted, TEXT_WEIGHT_REGULAR, TEXT_ALIGN_CENTER);
    menu_text_add(p, &ui, _("There are no packs to show scores for."), st, (Rect){c.x, c.y + c.h / 3, c.w, 0},
                  LAYER_FIXED);
    s->view = (Rect){0};
    return;
  }
  const Pack *pk = s->packs[s->current];
  char *title = s->pack_count > 1 ? xasprintf(_("%s  (%zu of %zu)"), pk->title, s->current + 1, s->pack_count)
                                  : xstrdup(pk->title);
  TextStyle ps = menu_text_style(&ui, THEME_TEXT_BUTTON, ui.theme->text, TEXT_WEIGHT_BOLD, TEXT_ALIGN_CENTER);
  ps.lang = pk->lang;
  Rect tr = {c.x + arrow + UI_GAP, c.y, c.w - 2 * (arrow + UI_GAP), 0};
  float th = menu_text_add(p, &ui, title, ps, tr, LAYER_FIXED);
  free(title);
  float top = c.y + fmaxf(arrow_h, th) + UI_GAP;
  s->view = (Rect){c.x, top, c.w, c.y + c.h - top};
  c.w -= bar;

  TopCells cells = {0};
  top_cells(s, &cells);
  float col_w[COLS];
  TextStyle name = ui_text_style(&ui, THEME_TEXT_BODY, ui.theme->text);
  float needed = top_width(&ui, &cells, col_w, 7 * name.size) + 2 * CARD_PAD;
  bool side = needed <= c.w * 0.6f;
  float left_w = side ? c.w * 0.6f : c.w;
  s->cards[0] = (Rect){c.x, top, left_w, 0};
  s->cards[0].h = layout_top(s, &ui, app, &cells, s->cards[0]);
  top_cells_free(&cells);
  if (side) {
    s->cards[1] = (Rect){c.x + left_w + 2 * UI_GAP, top, c.w - left_w - 2 * UI_GAP, 0};
  } else {
    s->cards[1] = (Rect){c.x, top + s->cards[0].h + 2 * UI_GAP, c.w, 0};
  }
  s->cards[1].h = layout_history(s, &ui, app, s->cards[1]);
  if (side) {
    float h = fmaxf(fmaxf(s->cards[0].h, s->cards[1].h), s->view.h);
    s->cards[0].h = s->cards[1].h = h;
  }
  s->content_h = s->cards[1].y + s->cards[1].h - top;
  s->scroll = clamp_scroll(s, s->scroll);
}

static void switch_pack(SceneCtx *ctx, ScoresScene *s, int dir) {
  if (s->pack_count < 2) {
    return;
  }
  s->current = (s->current + s->pack_count + (size_t)(dir > 0 ? 1 : s->pack_count - 1)) % s->pack_count;
  load(s, app_from_ctx(ctx));
  s->scroll = 0;
  scores_layout(ctx);
}

static bool scroll_by(ScoresScene *s, float dy) {
  float before = s->scroll;
  s->scroll = clamp_scroll(s, s->scroll + dy);
  return s->scroll != before;
}

// Wheel and drag over the page; true when handled.
static bool scores_pointer(ScoresScene *s, const InputEvent *ev) {
  switch (ev->type) {
  case INPUT_EVENT_WHEEL:
    return scroll_by(s, -ev->wheel_y * 3 * s->line_h);
  case INPUT_EVENT_POINTER_DOWN:
    if (ev->button == 1 && s->content_h > s->view.h && rect_contains(s->view, ev->x, ev->y)) {
      s->dragging = true;
      s->drag_y = ev->y;
      return true;
    }
    return false;
  case INPUT_EVENT_POINTER_MOVE:
    if (s->dragging) {
      scroll_by(s, s->drag_y - ev->y);
      s->drag_y = ev->y;
      return true;
    }
    return false;
  case INPUT_EVENT_POINTER_UP:
    if (s->dragging) {
      s->dragging = false;
      return true;
    }
    return false;
  default:
    return false;
  }
}

static bool scores_event(SceneCtx *ctx, const InputEvent *ev) {
  ScoresScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  if (ev->type == INPUT_EVENT_ACTION) {
    // Left/Right always switch packs (the screen has nothing else to move
    // between sideways); the reading direction decides which is "next".
    if (ev->action == INPUT_ACTION_LEFT || ev->action == INPUT_ACTION_RIGHT) {
      int dir = ev->action == INPUT_ACTION_RIGHT ? 1 : -1;
      switch_pack(ctx, s, ui.rtl ? -dir : dir);
      return true;
    }
    if (ev->action == INPUT_ACTION_UP || ev->action == INPUT_ACTION_DOWN) {
      float page = fmaxf(s->line_h, s->view.h * 0.5f);
      return scroll_by(s, ev->action == INPUT_ACTION_UP ? -page : page);
    }
  }
  if (scores_pointer(s, ev)) {
    return true;
  }
  UiResult r = ui_form_event(&s->head.form, ev);
  if (r.kind == UI_RESULT_ACTIVATE) {
    if (r.id == ID_PREV) {
      switch_pack(ctx, s, -1);
    } else if (r.id == ID_NEXT) {
      switch_pack(ctx, s, 1);
    } else {
      scene_header_activate(ctx, r.id);
    }
  }
  return r.kind != UI_RESULT_IGNORED;
}

static void scores_draw(SceneCtx *ctx) {
  ScoresScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  ui_header_draw(&ui, _("High scores"));
  menu_text_draw(&ui, &s->head.texts, LAYER_FIXED, 0);
  if (s->pack_count > 0) {
    UiClip clip = ui_clip_begin(&ui, ui_mirror(&ui, s->view));
    for (int i = 0; i < 2; i++) {
      Rect r = s->cards[i];
      r.y -= s->scroll;
      ui_card_draw(&ui, ui_mirror(&ui, r));
    }
    for (size_t i = 0; i < s->mark_count; i++) {
      Rect r = s->marks[i];
      r.y -= s->scroll;
      draw_round_rect(ui.engine, ui_mirror(&ui, r), 12, ui.theme->surface_hover);
    }
    menu_text_draw(&ui, &s->head.texts, LAYER_PAGE, s->scroll);
    ui_clip_end(&ui, clip);
    Rect track = {s->view.x + s->view.w - 10, s->view.y, 10, s->view.h};
    ui_scrollbar_draw(&ui, ui_mirror(&ui, track), s->view.h, s->content_h, s->scroll);
  }
  // Arrow-only buttons: the labels stay for tests and future screen readers
  // but are not drawn.
  UiForm shown = s->head.form;
  for (int i = 0; i < shown.count; i++) {
    if (shown.buttons[i].id == ID_PREV || shown.buttons[i].id == ID_NEXT) {
      shown.buttons[i].label = "";
    }
  }
  ui_form_draw(&ui, &shown);
}

const SceneVTable scene_scores_vtable = {
    .name = "scores",
    .free_data = scores_free,
    .layout = scores_layout,
    .event = scores_event,
    .draw = scores_draw,
};
