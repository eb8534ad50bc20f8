// High scores: the top 10 of one pack (name, score, accuracy, date) and the
// current player's own rounds of it. Left/Right (or the arrow buttons)
// switch between packs.

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/i18n.h"
#include "base/log.h"
#include "base/str.h"
#include "quiz/pack_library.h"
#include "scenes/scenes.h"

enum { ID_PREV = 1, ID_NEXT };
#define TOP_N 10
#define HISTORY_N 8

typedef struct ScoresScene {
  UiForm form;         // first: see scenes.h
  const Pack **packs;  // the valid packs, borrowed from the library
  size_t pack_count;
  size_t current;
  StoreTopList top;
  StoreRoundList history;
} ScoresScene;

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
  engine_push_scene(app->engine, &scene_scores_vtable, s);
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

static void scores_enter(SceneCtx *ctx) {
  ScoresScene *s = ctx->data;
  App *app = app_from_ctx(ctx);
  Ui ui = app_ui(app);
  ui_form_init(&s->form, ui.rtl);
  ui_form_add_header(&s->form, &ui, true, true);
  Rect c = ui_content_rect(&ui);
  // Previous / next pack sit either side of the pack title. Physical arrows:
  // in RTL "previous" is on the right.
  Rect left = {c.x, c.y, 120, 96};
  Rect right = {c.x + c.w - 120, c.y, 120, 96};
  UiButton prev = ui_button(ID_PREV, ui_mirror(&ui, left), _("Previous pack"), UI_BUTTON_NORMAL);
  UiButton next = ui_button(ID_NEXT, ui_mirror(&ui, right), _("Next pack"), UI_BUTTON_NORMAL);
  // Icon-only buttons: the label stays for screen readers of the future and
  // tests, but is not drawn (see scores_draw).
  prev.icon = ui.rtl ? DRAW_ICON_ARROW_RIGHT : DRAW_ICON_ARROW_LEFT;
  next.icon = ui.rtl ? DRAW_ICON_ARROW_LEFT : DRAW_ICON_ARROW_RIGHT;
  prev.disabled = next.disabled = s->pack_count < 2;
  ui_form_add(&s->form, prev);
  ui_form_add(&s->form, next);
  s->form.focus = UI_FOCUS_NONE;
  load(s, app);
}

static void scores_leave(SceneCtx *ctx) {
  ScoresScene *s = ctx->data;
  if (!s) {
    return;
  }
  store_top_list_free(&s->top);
  store_round_list_free(&s->history);
  free(s->packs);
  free(s);
}

static void switch_pack(ScoresScene *s, App *app, int dir) {
  if (s->pack_count < 2) {
    return;
  }
  s->current = (s->current + s->pack_count + (size_t)(dir > 0 ? 1 : s->pack_count - 1)) % s->pack_count;
  load(s, app);
}

static bool scores_event(SceneCtx *ctx, const InputEvent *ev) {
  ScoresScene *s = ctx->data;
  App *app = app_from_ctx(ctx);
  Ui ui = app_ui(app);
  engine_request_redraw(ctx->engine);
  // Left/Right always switch packs (the screen has nothing else to move
  // between sideways); the reading direction decides which is "next".
  if (ev->type == INPUT_EVENT_ACTION && (ev->action == INPUT_ACTION_LEFT || ev->action == INPUT_ACTION_RIGHT)) {
    int dir = ev->action == INPUT_ACTION_RIGHT ? 1 : -1;
    switch_pack(s, app, ui.rtl ? -dir : dir);
    return true;
  }
  UiResult r = ui_form_event(&s->form, ev);
  if (r.kind == UI_RESULT_ACTIVATE) {
    if (r.id == ID_PREV) {
      switch_pack(s, app, -1);
    } else if (r.id == ID_NEXT) {
      switch_pack(s, app, 1);
    } else {
      scene_header_activate(ctx, r.id);
    }
  } else if (r.kind == UI_RESULT_IGNORED) {
    scene_header_action(ctx, ev);
  }
  return true;
}

// "2024-05-17": unambiguous in every country.
static void format_day(int64_t unix_ms, char *buf, size_t size) {
  time_t secs = (time_t)(unix_ms / 1000);
  struct tm tm;
  if (unix_ms <= 0 || !localtime_r(&secs, &tm) || strftime(buf, size, "%Y-%m-%d", &tm) == 0) {
    str_copy(buf, size, "-");
  }
}

typedef struct Column {
  float x, w;
  TextAlign align;
} Column;

static void cell(const Ui *ui, const char *text, Column col, float y, float h, TextStyle st) {
  st.align = col.align;
  st.valign = TEXT_VALIGN_MIDDLE;
  Rect box = ui_mirror(ui, (Rect){col.x, y, col.w, h});
  st.size = text_fit(ui->engine, text, &st, box.w, h, 18);
  text_draw(ui->engine, text, &st, box);
}

static void draw_top(const Ui *ui, const ScoresScene *s, const App *app, Rect card) {
  const Theme *t = ui->theme;
  ui_card_draw(ui, ui_mirror(ui, card));
  float pad = 36;
  Rect in = {card.x + pad, card.y + pad * 0.6f, card.w - 2 * pad, card.h - pad * 1.2f};
  ui_text_bold(ui, _("Top 10"), THEME_TEXT_BODY, t->text, ui_mirror(ui, (Rect){in.x, in.y, in.w, 60}), TEXT_ALIGN_START,
               TEXT_VALIGN_MIDDLE);
  float y = in.y + 70;
  float row_h = (in.y + in.h - y) / (TOP_N + 1);
  Column cols[5] = {
      {in.x, 70, TEXT_ALIGN_END},
      {in.x + 100, in.w * 0.40f, TEXT_ALIGN_START},
      {in.x + 100 + in.w * 0.40f + 20, in.w * 0.14f, TEXT_ALIGN_END},
      {in.x + 100 + in.w * 0.54f + 40, in.w * 0.14f, TEXT_ALIGN_END},
      {in.x + in.w - in.w * 0.22f, in.w * 0.22f, TEXT_ALIGN_END},
  };
  TextStyle head = ui_text_style(ui, THEME_TEXT_SMALL, t->text_muted);
  head.weight = TEXT_WEIGHT_BOLD;
  const char *heads[5] = {"#", _("Name"), _("Score"), _("Right"), _("Date")};
  for (int i = 0; i < 5; i++) {
    cell(ui, heads[i], cols[i], y, row_h, head);
  }
  y += row_h;
  if (s->top.count == 0) {
    ui_text(ui, _("No finished rounds yet. Be the first!"), THEME_TEXT_BODY, t->text_muted,
            ui_mirror(ui, (Rect){in.x, y + 10, in.w, row_h * 2}), TEXT_ALIGN_START, TEXT_VALIGN_TOP);
    return;
  }
  TextStyle body = ui_text_style(ui, THEME_TEXT_BODY, t->text);
  for (size_t i = 0; i < s->top.count; i++) {
    const StoreTopEntry *e = &s->top.items[i];
    bool me = app->player_id && e->player_id == app->player_id;
    if (me) {
      draw_round_rect(ui->engine, ui_mirror(ui, (Rect){in.x - 12, y + 2, in.w + 24, row_h - 4}), 12, t->surface_hover);
    }
    TextStyle st = body;
    if (me) {
      st.weight = TEXT_WEIGHT_BOLD;
    }
    char rank[16], score[16], acc[16], day[32];
    snprintf(rank, sizeof rank, "%d", e->rank);
    snprintf(score, sizeof score, "%d", e->score);
    snprintf(acc, sizeof acc, "%d%%", (int)(e->accuracy * 100 + 0.5));
    format_day(e->ended_ms, day, sizeof day);
    cell(ui, rank, cols[0], y, row_h, st);
    cell(ui, e->player_name, cols[1], y, row_h, st);
    cell(ui, score, cols[2], y, row_h, st);
    cell(ui, acc, cols[3], y, row_h, st);
    cell(ui, day, cols[4], y, row_h, st);
    y += row_h;
  }
}

static void draw_history(const Ui *ui, const ScoresScene *s, const App *app, Rect card) {
  const Theme *t = ui->theme;
  ui_card_draw(ui, ui_mirror(ui, card));
  float pad = 36;
  Rect in = {card.x + pad, card.y + pad * 0.6f, card.w - 2 * pad, card.h - pad * 1.2f};
  char *title = app->player_name ? xasprintf(_("Your rounds, %s"), app->player_name) : xstrdup(_("Your rounds"));
  TextStyle ts = ui_text_style(ui, THEME_TEXT_BODY, t->text);
  ts.weight = TEXT_WEIGHT_BOLD;
  ts.valign = TEXT_VALIGN_MIDDLE;
  ui_text_fitted(ui, title, &ts, ui_mirror(ui, (Rect){in.x, in.y, in.w, 60}), 22);
  free(title);
  float y = in.y + 70;
  if (!app->player_id) {
    ui_text(ui, _("Choose a player (Play, then a pack) to see your own rounds here."), THEME_TEXT_BODY, t->text_muted,
            ui_mirror(ui, (Rect){in.x, y, in.w, in.h - 70}), TEXT_ALIGN_START, TEXT_VALIGN_TOP);
    return;
  }
  if (s->history.count == 0) {
    ui_text(ui, _("You have not played this pack yet."), THEME_TEXT_BODY, t->text_muted,
            ui_mirror(ui, (Rect){in.x, y, in.w, in.h - 70}), TEXT_ALIGN_START, TEXT_VALIGN_TOP);
    return;
  }
  float row_h = (in.y + in.h - y) / HISTORY_N;
  Column day_col = {in.x, in.w * 0.45f, TEXT_ALIGN_START};
  Column score_col = {in.x + in.w * 0.45f, in.w * 0.55f, TEXT_ALIGN_END};
  TextStyle body = ui_text_style(ui, THEME_TEXT_BODY, t->text);
  TextStyle muted = ui_text_style(ui, THEME_TEXT_BODY, t->text_muted);
  for (size_t i = 0; i < s->history.count; i++) {
    const StoreRound *r = &s->history.items[i];
    char day[32];
    format_day(r->ended_ms ? r->ended_ms : r->started_ms, day, sizeof day);
    char *what = r->status == STORE_ROUND_COMPLETED
                     ? xasprintf(_("%d  (%d of %d right)"), r->score, r->correct, r->answered)
                     : xstrdup(r->status == STORE_ROUND_ABANDONED ? _("left early") : _("not finished"));
    cell(ui, day, day_col, y, row_h, muted);
    cell(ui, what, score_col, y, row_h, r->status == STORE_ROUND_COMPLETED ? body : muted);
    free(what);
    y += row_h;
  }
}

static void scores_draw(SceneCtx *ctx) {
  ScoresScene *s = ctx->data;
  App *app = app_from_ctx(ctx);
  Ui ui = app_ui(app);
  const Theme *t = ui.theme;
  ui_header_draw(&ui, _("High scores"));
  Rect c = ui_content_rect(&ui);
  if (s->pack_count == 0) {
    ui_text(&ui, _("There are no packs to show scores for."), THEME_TEXT_BODY, t->text_muted, c, TEXT_ALIGN_CENTER,
            TEXT_VALIGN_MIDDLE);
    ui_form_draw(&ui, &s->form);
    return;
  }
  const Pack *p = s->packs[s->current];
  char *title =
      s->pack_count > 1 ? xasprintf(_("%s  (%zu of %zu)"), p->title, s->current + 1, s->pack_count) : xstrdup(p->title);
  TextStyle ps = ui_text_style(&ui, THEME_TEXT_TITLE, t->text);
  ps.weight = TEXT_WEIGHT_BOLD;
  ps.align = TEXT_ALIGN_CENTER;
  ps.valign = TEXT_VALIGN_MIDDLE;
  ps.lang = p->lang;
  ui_text_fitted(&ui, title, &ps, (Rect){c.x + 150, c.y, c.w - 300, 96}, 28);
  free(title);
  float top = c.y + 96 + UI_GAP;
  float left_w = c.w * 0.60f;
  draw_top(&ui, s, app, (Rect){c.x, top, left_w, c.y + c.h - top});
  draw_history(&ui, s, app, (Rect){c.x + left_w + 40, top, c.w - left_w - 40, c.y + c.h - top});
  // Arrow-only buttons: draw the form without labels by blanking them for this frame.
  UiForm shown = s->form;
  for (int i = 0; i < shown.count; i++) {
    if (shown.buttons[i].id == ID_PREV || shown.buttons[i].id == ID_NEXT) {
      shown.buttons[i].label = "";
    }
  }
  ui_form_draw(&ui, &shown);
}

const SceneVTable scene_scores_vtable = {
    .name = "scores",
    .enter = scores_enter,
    .leave = scores_leave,
    .event = scores_event,
    .draw = scores_draw,
};
