// High scores: each player's best round of one pack (rank, name, score,
// right answers, date) and the current player's own rounds of it.
// Left/Right (or the arrow buttons) switch between packs; Up/Down, Page
// Up/Down, Home/End, the wheel or a drag scroll the page (the kit's
// UiScroll) when it is taller than the screen.
//
// Both cards are UiTables: columns as wide as their widest cell measured at
// the themed size, the name column takes the rest (names wrap), and at 2x
// on a narrow canvas the numbers go on a line under the name; nothing is
// shrunk or cut. The two cards sit side by side when the top table fits in
// 60% of the width, else one above the other.

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
#define TOP_COLS 5
#define HISTORY_COLS 2
#define CARD_PAD 36.0f
#define SCORES_MAX_W 2000.0f

typedef struct ScoresScene {
  MenuSceneHead head;  // first: see scenes.h
  const Pack **packs;  // the valid packs, borrowed from the library
  size_t pack_count;
  size_t current;
  StoreTopList top;
  StoreRoundList history;
  // Layout (unmirrored; page layer rects before scrolling, which is
  // head.scroll).
  Rect cards[2];                     // top table, history
  UiTable top_table, history_table;  // their rows (the current player's are highlighted)
} ScoresScene;

static void scores_free(void *data) {
  ScoresScene *s = data;
  store_top_list_free(&s->top);
  store_round_list_free(&s->history);
  menu_text_free(&s->head.texts);
  ui_table_free(&s->top_table);
  ui_table_free(&s->history_table);
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

// The cells of a table (row-major, owned strings) and which rows are the
// current player's.
#define MAX_ROWS (TOP_N > HISTORY_N ? TOP_N : HISTORY_N)
typedef struct Cells {
  char *cell[MAX_ROWS * TOP_COLS];
  bool me[MAX_ROWS];
  size_t rows, cols;
} Cells;

static void cells_free(Cells *c) {
  for (size_t i = 0; i < c->rows * c->cols; i++) {
    free(c->cell[i]);
  }
  c->rows = 0;
}

static void top_cells(const ScoresScene *s, const App *app, Cells *c) {
  c->cols = TOP_COLS;
  c->rows = 0;
  for (size_t i = 0; i < s->top.count && i < TOP_N; i++) {
    const StoreTopEntry *e = &s->top.items[i];
    char day[32];
    format_day(e->ended_ms, day, sizeof day);
    char **row = &c->cell[c->rows * TOP_COLS];
    c->me[c->rows++] = app->player_id && e->player_id == app->player_id;
    row[0] = xasprintf("%d", e->rank);
    row[1] = xstrdup(e->player_name);
    row[2] = xasprintf("%d", e->score);
    row[3] = xasprintf(_("%d of %d"), e->correct, e->answered);
    row[4] = xstrdup(day);
  }
}

static void history_cells(const ScoresScene *s, Cells *c) {
  c->cols = HISTORY_COLS;
  c->rows = 0;
  for (size_t i = 0; i < s->history.count && i < HISTORY_N; i++) {
    const StoreRound *r = &s->history.items[i];
    char day[32];
    format_day(r->ended_ms ? r->ended_ms : r->started_ms, day, sizeof day);
    char **row = &c->cell[c->rows * HISTORY_COLS];
    c->me[c->rows++] = false;
    row[0] = xstrdup(day);
    row[1] = r->status == STORE_ROUND_COMPLETED
                 ? xasprintf(_("%d  (%d of %d right)"), r->score, r->correct, r->answered)
                 : xstrdup(r->status == STORE_ROUND_ABANDONED ? _("left early") : _("not finished"));
  }
}

// Column headings in the interface language (translated on every layout).
static void top_columns(UiTableColumn *cols) {
  cols[0] = (UiTableColumn){"#", TEXT_ALIGN_END, false};
  cols[1] = (UiTableColumn){_("Name"), TEXT_ALIGN_START, true};
  cols[2] = (UiTableColumn){_("Score"), TEXT_ALIGN_END, false};
  cols[3] = (UiTableColumn){_("Right"), TEXT_ALIGN_END, false};
  cols[4] = (UiTableColumn){_("Date"), TEXT_ALIGN_END, false};
}

static void history_columns(UiTableColumn *cols) {
  cols[0] = (UiTableColumn){_("Date"), TEXT_ALIGN_START, false};
  cols[1] = (UiTableColumn){_("Round"), TEXT_ALIGN_START, true};
}

static UiTableSpec table_spec(const Ui *ui, const UiTableColumn *cols, const Cells *c) {
  const Theme *t = ui->theme;
  TextStyle body = menu_text_style(ui, THEME_TEXT_BODY, t->text, TEXT_WEIGHT_REGULAR, TEXT_ALIGN_START);
  return (UiTableSpec){.columns = cols,
                       .cols = (int)c->cols,
                       .cells = (const char *const *)c->cell,
                       .rows = c->rows,
                       .head = menu_text_style(ui, THEME_TEXT_SMALL, t->text_muted, TEXT_WEIGHT_BOLD, TEXT_ALIGN_START),
                       .body = body,
                       .bold = c->me,
                       .flex_min = 7 * body.size};
}

// A card's title, an optional line under it, then its table or, with no
// rows, `empty`. Returns the card's height.
static float layout_card(ScoresScene *s, const Ui *ui, Rect card, const char *title, const char *note,
                         const UiTableSpec *spec, UiTable *table, const char *empty) {
  const Theme *t = ui->theme;
  MenuTextPlan *p = &s->head.texts;
  Rect in = {card.x + CARD_PAD, card.y + CARD_PAD * 0.6f, card.w - 2 * CARD_PAD, 0};
  TextStyle heading = menu_text_style(ui, THEME_TEXT_BODY, t->text, TEXT_WEIGHT_BOLD, TEXT_ALIGN_START);
  TextStyle muted = menu_text_style(ui, THEME_TEXT_SMALL, t->text_muted, TEXT_WEIGHT_REGULAR, TEXT_ALIGN_START);
  float y = in.y + menu_text_add(p, ui, title, heading, (Rect){in.x, in.y, in.w, 0}, LAYER_PAGE);
  if (note) {
    y += menu_text_add(p, ui, note, muted, (Rect){in.x, y, in.w, 0}, LAYER_PAGE);
  }
  y += UI_GAP / 2;
  ui_table_free(table);
  if (empty) {
    TextStyle st = menu_text_style(ui, THEME_TEXT_BODY, t->text_muted, TEXT_WEIGHT_REGULAR, TEXT_ALIGN_START);
    y += menu_text_add(p, ui, empty, st, (Rect){in.x, y, in.w, 0}, LAYER_PAGE);
    return y + CARD_PAD - card.y;
  }
  y += ui_table_layout(table, ui, spec, (Rect){in.x, y, in.w, 0}, p, LAYER_PAGE);
  return y + CARD_PAD * 0.6f - card.y;
}

// The two cards: the top table and the player's own rounds, side by side
// when the table fits in 60% of the width, else one above the other.
static void layout_cards(ScoresScene *s, const Ui *ui, const App *app, Rect page) {
  Cells top = {0}, mine = {0};
  top_cells(s, app, &top);
  history_cells(s, &mine);
  UiTableColumn tc[TOP_COLS], hc[HISTORY_COLS];
  top_columns(tc);
  history_columns(hc);
  UiTableSpec ts = table_spec(ui, tc, &top);
  UiTableSpec hs = table_spec(ui, hc, &mine);
  bool side = ui_table_min_width(ui, &ts) + 2 * CARD_PAD <= page.w * 0.6f;
  float left_w = side ? page.w * 0.6f : page.w;
  s->cards[0] = (Rect){page.x, page.y, left_w, 0};
  s->cards[0].h = layout_card(s, ui, s->cards[0], _("Top 10"),
                              _("Each player's best round, ranked by right answers, then d′, then time."), &ts,
                              &s->top_table, top.rows ? NULL : _("No finished rounds yet. Be the first!"));
  if (side) {
    s->cards[1] = (Rect){page.x + left_w + 2 * UI_GAP, page.y, page.w - left_w - 2 * UI_GAP, 0};
  } else {
    s->cards[1] = (Rect){page.x, page.y + s->cards[0].h + 2 * UI_GAP, page.w, 0};
  }
  char *title = app->player_name ? xasprintf(_("Your rounds, %s"), app->player_name) : xstrdup(_("Your rounds"));
  const char *empty = !app->player_id  ? _("Choose a player (Play, then a pack) to see your own rounds here.")
                      : mine.rows == 0 ? _("You have not played this pack yet.")
                                       : NULL;
  s->cards[1].h = layout_card(s, ui, s->cards[1], title, NULL, &hs, &s->history_table, empty);
  free(title);
  if (side) {
    float h = fmaxf(fmaxf(s->cards[0].h, s->cards[1].h), s->head.scroll.view.h);
    s->cards[0].h = s->cards[1].h = h;
  }
  cells_free(&top);
  cells_free(&mine);
}

static void scores_layout(SceneCtx *ctx) {
  ScoresScene *s = ctx->data;
  App *app = app_from_ctx(ctx);
  Ui ui = app_ui(app);
  MenuTextPlan *p = &s->head.texts;
  menu_text_clear(p);
  Rect c = ui_content_rect(&ui);
  float w = fminf(c.w, SCORES_MAX_W);
  c = (Rect){c.x + (c.w - w) / 2, c.y, w, c.h};
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
  // Arrow-only buttons: the labels stay for tests and future screen readers
  // but are not drawn.
  prev.icon_only = next.icon_only = true;
  ui_form_add(&s->head.form, prev);
  ui_form_add(&s->head.form, next);
  s->head.form.focus = UI_FOCUS_NONE;
  TextStyle body = ui_text_style(&ui, THEME_TEXT_BODY, ui.theme->text);
  float line_h = text_line_height(ui.engine, &body);
  if (s->pack_count == 0) {
    TextStyle st = menu_text_style(&ui, THEME_TEXT_BODY, ui.theme->text_muted, TEXT_WEIGHT_REGULAR, TEXT_ALIGN_CENTER);
    menu_text_add(p, &ui, _("There are no packs to show scores for."), st, (Rect){c.x, c.y + c.h / 3, c.w, 0},
                  LAYER_FIXED);
    ui_scroll_set(&s->head.scroll, (Rect){0}, 0, line_h);
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
  // The view's height first (side by side, the cards fill it), the content's after.
  ui_scroll_set(&s->head.scroll, ui_mirror(&ui, (Rect){c.x, top, c.w, c.y + c.h - top}), 0, line_h);
  layout_cards(s, &ui, app, (Rect){c.x, top, ui_scroll_content_w(&s->head.scroll), 0});
  ui_scroll_set(&s->head.scroll, s->head.scroll.view, s->cards[1].y + s->cards[1].h - top, line_h);
}

static void switch_pack(SceneCtx *ctx, ScoresScene *s, int dir) {
  if (s->pack_count < 2) {
    return;
  }
  s->current = (s->current + s->pack_count + (size_t)(dir > 0 ? 1 : s->pack_count - 1)) % s->pack_count;
  load(s, app_from_ctx(ctx));
  ui_scroll_to(&s->head.scroll, 0);
  scores_layout(ctx);
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
  }
  // The page is the only thing to move through with Up/Down; at its ends
  // they move the focus to the buttons.
  if (ui_scroll_event(&s->head.scroll, ev, true)) {
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

// The two cards and the current player's rows in the top table, under the
// page's text.
static void draw_cards(const Ui *ui, const MenuSceneHead *head, void *user) {
  const ScoresScene *s = (const ScoresScene *)head;
  int64_t me = *(const int64_t *)user;
  float off = head->scroll.offset;
  for (int i = 0; i < 2; i++) {
    Rect r = s->cards[i];
    r.y -= off;
    ui_card_draw(ui, ui_mirror(ui, r));
  }
  for (size_t i = 0; me && i < s->top_table.rows; i++) {
    if (s->top.items[i].player_id == me) {
      Rect r = s->top_table.row[i];
      r.x -= 12;
      r.w += 24;
      r.y -= off;
      draw_round_rect(ui->engine, ui_mirror(ui, r), 12, ui->theme->surface_hover);
    }
  }
}

static void scores_draw(SceneCtx *ctx) {
  ScoresScene *s = ctx->data;
  App *app = app_from_ctx(ctx);
  Ui ui = app_ui(app);
  ui_header_draw(&ui, _("High scores"));
  menu_scene_draw(&ui, &s->head, LAYER_FIXED, s->pack_count > 0 ? LAYER_PAGE : -1, draw_cards, &app->player_id);
}

const SceneVTable scene_scores_vtable = {
    .name = "scores",
    .free_data = scores_free,
    .layout = scores_layout,
    .event = scores_event,
    .draw = scores_draw,
};
