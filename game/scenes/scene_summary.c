// The round summary: it measures discernment, not just points, in words a
// 15-year-old reads at a glance. First how many were right, then two equal
// cards: the real headlines (trusted / rejected / ran out of time) and the
// fabricated ones (caught / believed / ran out of time), each count over the
// size of its class; the player's lean in one sentence; the items to review
// (one click reopens an item's feedback). The MIST figures and the
// signal-detection view live on a Details view, each with a one-line
// meaning (quiz/measures.h has them, and the formulas for the help page).
// Nothing here praises speed.
//
// Geometry is computed in layout() from the canvas and the text size into a
// list of text boxes; draw() only reads it.

#include "scenes/gameplay.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/str.h"
#include "quiz/measures.h"
#include "scenes/scenes.h"

enum {
  ID_PLAY_AGAIN = 1,
  ID_SCORES = 2,
  ID_PACKS = 3,
  ID_DETAILS = 4,
};

typedef enum SmColor { SM_TEXT, SM_MUTED, SM_REAL, SM_FAKE } SmColor;

// One laid-out piece of text (box already mirrored).
typedef struct SmText {
  Rect box;
  char *text;  // owned
  ThemeText role;
  bool bold;
  SmColor color;
  TextAlign align;
} SmText;

#define SM_MAX_TEXTS 64
#define SM_MAX_CARDS 4
#define SM_ROW_H_MIN 72.0f

typedef struct SummaryScene {
  UiForm form;   // first: see scenes.h
  Round *round;  // owned
  Measures *measures;
  bool assessment;
  bool details;  // the Details view is showing
  // Rows of the review list: question indices into the round.
  size_t *rows;
  size_t row_count;
  UiList list;
  // Layout (summary_layout).
  SmText texts[SM_MAX_TEXTS];
  int text_count;
  Rect cards[SM_MAX_CARDS];  // card backgrounds, mirrored
  SmColor card_edge[SM_MAX_CARDS];
  int card_count;
  bool list_shown;
  // The Details view, and the plain view when it is longer than the screen
  // (large text on 4:3), is a page that scrolls inside `page`: wheel, drag,
  // Up/Down; the buttons below it stay in view. The review list is then
  // laid out whole inside the page, its top at `list_y0` before scrolling.
  Rect page;
  float scroll, content_h;
  bool scrolls;  // the plain view scrolls (the Details view always may)
  float list_y0;
  // A pointer drag on the page (touch scrolling): where it started.
  bool drag_down, dragging;
  float drag_y, drag_scroll;
  bool overflow;  // something did not fit its room (tests assert it never happens)
} SummaryScene;

void scene_summary_push(App *app, Round *round) {
  SummaryScene *s = xcalloc(1, sizeof *s);
  s->round = round;
  s->measures = measures_create_from_round(round);
  s->assessment = !round_shows_feedback(round);
  const Measures *m = s->measures;
  if (s->assessment) {
    s->row_count = round_result_count(round);
    s->rows = xcalloc(s->row_count ? s->row_count : 1, sizeof *s->rows);
    for (size_t i = 0; i < s->row_count; i++) {
      s->rows[i] = i;
    }
  } else {
    s->row_count = m->missed_count;
    s->rows = xcalloc(s->row_count ? s->row_count : 1, sizeof *s->rows);
    memcpy(s->rows, m->missed, s->row_count * sizeof *s->rows);
  }
  ui_list_init(&s->list, (Rect){0, 0, 1, 1}, SM_ROW_H_MIN, 12.0f);
  ui_list_set_count(&s->list, s->row_count);
  engine_push_scene(app->engine, &scene_summary_vtable, s);
}

static void texts_clear(SummaryScene *s) {
  for (int i = 0; i < s->text_count; i++) {
    free(s->texts[i].text);
  }
  s->text_count = 0;
  s->card_count = 0;
}

static void summary_free(void *data) {
  SummaryScene *s = data;
  texts_clear(s);
  measures_destroy(s->measures);
  round_destroy(s->round);
  free(s->rows);
  free(s);
}

// ---- layout -----------------------------------------------------------------

// A column being filled from the top: each text is measured wrapped at the
// column's width and placed below the previous one.
typedef struct Flow {
  SummaryScene *s;
  const Ui *ui;
  float x, y, w, bottom;
} Flow;

static TextStyle sm_style(const Ui *ui, ThemeText role, bool bold) {
  TextStyle st = ui_text_style(ui, role, ui->theme->text);
  st.weight = bold ? TEXT_WEIGHT_BOLD : TEXT_WEIGHT_REGULAR;
  return st;
}

// Places `text` (owned, taken) at a given box; returns its height.
static float place(SummaryScene *s, const Ui *ui, char *text, ThemeText role, bool bold, SmColor color, Rect box,
                   TextAlign align) {
  TextStyle st = sm_style(ui, role, bold);
  st.wrap_width = box.w;
  float h = text_measure(ui->engine, text, &st).h;
  if (s->text_count >= SM_MAX_TEXTS) {
    s->overflow = true;
    free(text);
    return h;
  }
  box.h = h;
  s->texts[s->text_count++] =
      (SmText){.box = ui_mirror(ui, box), .text = text, .role = role, .bold = bold, .color = color, .align = align};
  return h;
}

static void flow_text(Flow *f, char *text, ThemeText role, bool bold, SmColor color, float gap_after) {
  f->y += place(f->s, f->ui, text, role, bold, color, (Rect){f->x, f->y, f->w, 0}, TEXT_ALIGN_START);
  if (f->y > f->bottom + 0.5f) {
    f->s->overflow = true;
  }
  f->y += gap_after;
}

static void add_card(SummaryScene *s, const Ui *ui, Rect r, SmColor edge) {
  if (s->card_count < SM_MAX_CARDS) {
    s->card_edge[s->card_count] = edge;
    s->cards[s->card_count++] = ui_mirror(ui, r);
  }
}

// One class's card: a heading, then its three piles over the class size.
// The two mistakes (real rejected, fabricated believed) are bold in both
// cards alike: neither kind of error is the lesser one.
static float class_card(SummaryScene *s, const Ui *ui, Rect r, bool real) {
  const Measures *m = s->measures;
  float pad = ui_gap(ui);
  Flow f = {s, ui, r.x + pad + 12.0f, r.y + pad, r.w - 2 * pad - 12.0f, r.y + r.h - pad};
  int n = real ? m->real_items : m->fake_items;
  int good = real ? m->real_detected : m->fake_detected;
  int bad = real ? m->real_called_fake : m->fake_called_real;
  int late = real ? m->real_unanswered : m->fake_unanswered;
  // The answer buttons' words: "Real", "Fabricated".
  flow_text(&f, xstrdup(real ? _("Real headlines") : _("Fabricated headlines")), THEME_TEXT_BODY, true,
            real ? SM_REAL : SM_FAKE, 8.0f);
  flow_text(&f, real ? xasprintf(_("%d of %d trusted"), good, n) : xasprintf(_("%d of %d caught"), good, n),
            THEME_TEXT_BODY, false, SM_TEXT, 4.0f);
  flow_text(&f, real ? xasprintf(_("%d of %d rejected"), bad, n) : xasprintf(_("%d of %d believed"), bad, n),
            THEME_TEXT_BODY, true, SM_TEXT, 4.0f);
  if (m->unanswered > 0) {
    flow_text(&f, xasprintf(_("%d of %d ran out of time"), late, n), THEME_TEXT_BODY, false, SM_MUTED, 0);
  }
  return f.y + pad - r.y;
}

// The plain view's first column: the correct count (points at the end of
// the same row, smaller: correctness first, and no word about speed), then
// the two class cards one above the other, alike in size and weight.
static void layout_plain_counts(SummaryScene *s, Flow *f, Flow *spill) {
  const Measures *m = s->measures;
  const Ui *ui = f->ui;
  char *correct = xasprintf(_("%d of %d correct"), m->veracity, m->total);
  char *pts = s->assessment ? NULL : xasprintf(_("%d points"), round_score(s->round));
  TextStyle ts = sm_style(ui, THEME_TEXT_TITLE, true);
  TextStyle ps = sm_style(ui, THEME_TEXT_BODY, false);
  float cw = text_measure(ui->engine, correct, &ts).w;
  float pw = pts ? text_measure(ui->engine, pts, &ps).w + 1.0f : 0;
  if (pts && cw + ui_gap(f->ui) + pw <= f->w) {
    place(s, ui, pts, THEME_TEXT_BODY, false, SM_MUTED, (Rect){f->x + f->w - pw, f->y + 12.0f, pw, 0}, TEXT_ALIGN_END);
    pts = NULL;
  } else if (pts && spill != f) {
    flow_text(spill, pts, THEME_TEXT_BODY, false, SM_MUTED,
              ui_gap(f->ui) * 0.5f);  // no room beside: atop the other column
    pts = NULL;
  }
  flow_text(f, correct, THEME_TEXT_TITLE, true, SM_TEXT, pts ? 0.0f : ui_gap(f->ui) * 0.75f);
  if (pts) {
    // One column: below the count, as correctness comes first.
    flow_text(f, pts, THEME_TEXT_BODY, false, SM_MUTED, ui_gap(f->ui) * 0.75f);
  }
  for (int k = 0; k < 2; k++) {
    float h = class_card(s, ui, (Rect){f->x, f->y, f->w, 10000.0f}, k == 0);
    add_card(s, ui, (Rect){f->x, f->y, f->w, h}, k == 0 ? SM_REAL : SM_FAKE);
    f->y += h + ui_gap(f->ui) * 0.75f;
  }
  if (f->y - ui_gap(f->ui) * 0.75f > f->bottom) {
    s->overflow = true;
  }
}

// The lean in a card with an accent edge: the finding, the advice smaller,
// and (when something timed out) how a time-out counts.
static void layout_lean(SummaryScene *s, Flow *f) {
  char finding[512];
  measures_tendency_finding(s->measures, finding, sizeof finding);
  const char *advice = measures_tendency_advice(s->measures);
  float pad = ui_gap(f->ui);
  float top = f->y;
  Flow in = {s, f->ui, f->x + pad + 12.0f, top + pad * 0.75f, f->w - 2 * pad - 12.0f, f->bottom - pad};
  flow_text(&in, xstrdup(finding), THEME_TEXT_BODY, false, SM_TEXT, 6.0f);
  if (advice) {
    flow_text(&in, xstrdup(advice), THEME_TEXT_SMALL, false, SM_TEXT, 0);
  }
  add_card(s, f->ui, (Rect){f->x, top, f->w, in.y + pad * 0.75f - top}, SM_TEXT);
  f->y = in.y + pad * 0.75f + ui_gap(f->ui) * 0.5f;
  if (s->measures->unanswered > 0) {
    flow_text(f, xstrdup(_("A time-out counts as not correct.")), THEME_TEXT_SMALL, false, SM_MUTED, 0);
  }
  f->y += ui_gap(f->ui) * 0.5f;
  if (f->y > f->bottom) {
    s->overflow = true;
  }
}

// The review list's title and rectangle, filling `f` to its bottom.
static void layout_review(SummaryScene *s, Flow *f) {
  const char *title = s->assessment  ? _("Every answer: select one to see why")
                      : s->row_count ? _("To review")
                                     : _("Nothing to review: every answer was right.");
  flow_text(f, xstrdup(title), THEME_TEXT_BODY, true, SM_TEXT, 10.0f);
  TextStyle st = sm_style(f->ui, THEME_TEXT_BODY, false);
  float row_h = fmaxf(SM_ROW_H_MIN, text_line_height(f->ui->engine, &st) + 24.0f);
  float list_h = f->bottom - f->y;
  if (s->scrolls) {
    // Every row, inside the scrolling page.
    list_h = (float)s->row_count * (row_h + 12.0f) - 12.0f + 1.0f;
    s->list_y0 = f->y;
    f->y += list_h;
  }
  s->list_shown = s->row_count > 0 && list_h >= row_h;
  if (s->row_count > 0 && !s->list_shown) {
    s->overflow = true;
  }
  if (s->list_shown) {
    Rect lr = ui_mirror(f->ui, (Rect){f->x, s->scrolls ? f->y - list_h : f->y, f->w, list_h});
    size_t sel = s->list.selected;
    ui_list_init(&s->list, lr, row_h, 12.0f);
    ui_list_set_count(&s->list, s->row_count);
    ui_list_select(&s->list, sel);
  }
}

// The Details view: each MIST / signal-detection figure with its value and
// a one-line meaning, then accuracy per technique. The formulas are in the
// help (measures_detail_formula()).
static void layout_details(SummaryScene *s, Flow *f) {
  const Ui *ui = f->ui;
  flow_text(f, xstrdup(_("Details")), THEME_TEXT_TITLE, true, SM_TEXT, ui_gap(f->ui) * 0.5f);
  TextStyle vs = sm_style(ui, THEME_TEXT_BODY, true);
  float label_w = text_measure(ui->engine, "d′ 99 of 99", &vs).w + ui_gap(f->ui);
  for (int d = 0; d < MEASURES_DETAIL_COUNT; d++) {
    char v[64];
    measures_detail_value(s->measures, (MeasuresDetail)d, v, sizeof v);
    char *left = xasprintf("%s  %s", measures_detail_symbol((MeasuresDetail)d), v);
    float h1 = place(s, ui, left, THEME_TEXT_BODY, true, SM_TEXT, (Rect){f->x, f->y, label_w, 0}, TEXT_ALIGN_START);
    float h2 = place(s, ui, xstrdup(measures_detail_meaning((MeasuresDetail)d)), THEME_TEXT_SMALL, false, SM_MUTED,
                     (Rect){f->x + label_w, f->y + 4.0f, f->w - label_w, 0}, TEXT_ALIGN_START);
    f->y += fmaxf(h1, h2 + 4.0f) + 10.0f;
  }
  if (f->y > f->bottom) {
    s->overflow = true;
  }
}

static void layout_techniques(SummaryScene *s, Flow *f) {
  const Measures *m = s->measures;
  bool any = false;
  for (int i = 0; i < TECHNIQUE_COUNT; i++) {
    if (m->techniques[i].total == 0) {
      continue;
    }
    if (!any) {
      flow_text(f, xstrdup(_("Fabricated headlines caught, by technique")), THEME_TEXT_BODY, true, SM_TEXT, 6.0f);
      any = true;
    }
    float vw = f->w * 0.3f;
    float h = place(s, f->ui, xstrdup(gameplay_technique_label((Technique)i)), THEME_TEXT_BODY, false, SM_TEXT,
                    (Rect){f->x, f->y, f->w - vw, 0}, TEXT_ALIGN_START);
    place(s, f->ui, xasprintf(_("%d of %d"), m->techniques[i].correct, m->techniques[i].total), THEME_TEXT_BODY, true,
          SM_TEXT, (Rect){f->x + f->w - vw, f->y, vw, 0}, TEXT_ALIGN_END);
    f->y += h + 2.0f;
  }
  if (f->y > f->bottom) {
    s->overflow = true;
  }
}

// The buttons row, sized from its measured words: one row at the end side
// when it fits, else two. Returns the row's top.
static float layout_buttons(SummaryScene *s, const Ui *ui) {
  struct {
    int id;
    const char *label;
    UiButtonKind kind;
  } bs[] = {
      {ID_DETAILS, s->details ? _("Summary") : _("Details"), UI_BUTTON_NORMAL},
      {ID_PLAY_AGAIN, _("Play again"), UI_BUTTON_PRIMARY},
      {ID_SCORES, _("Scores"), UI_BUTTON_NORMAL},
      {ID_PACKS, _("Packs"), UI_BUTTON_NORMAL},
  };
  enum { N = 4 };
  TextStyle st = sm_style(ui, THEME_TEXT_BUTTON, true);
  float w[N], sum = 0, cw = ui_w(ui) - 2 * ui_margin(ui);
  for (int i = 0; i < N; i++) {
    // Room for the word, the icon before it and the button's padding
    // (ui_button_draw: about a quarter of the height on each side).
    float icon = bs[i].id == ID_PLAY_AGAIN ? 64.0f : 0.0f;
    w[i] = fmaxf(240.0f, text_measure(ui->engine, bs[i].label, &st).w + icon + 0.6f * ui_button_h(ui));
    sum += w[i];
  }
  bool one_row = sum + (N - 1) * ui_gap(ui) <= cw;
  float bottom = ui_h(ui) - 40.0f;
  float top = one_row ? bottom - ui_button_h(ui) : bottom - 2 * ui_button_h(ui) - ui_gap(ui);
  float x = ui_margin(ui) + (one_row ? cw - sum - (N - 1) * ui_gap(ui) : 0);
  for (int i = 0; i < N; i++) {
    float y = top;
    float bw = w[i];
    if (!one_row) {
      bw = (cw - ui_gap(ui)) / 2;
      x = ui_margin(ui) + (float)(i % 2) * (bw + ui_gap(ui));
      y = top + (i >= 2 ? ui_button_h(ui) + ui_gap(ui) : 0.0f);  // two rows of two
    }
    UiButton b = ui_button(bs[i].id, ui_mirror(ui, (Rect){x, y, bw, ui_button_h(ui)}), bs[i].label, bs[i].kind);
    if (bs[i].id == ID_PLAY_AGAIN) {
      b.icon = DRAW_ICON_PLAY;
    }
    ui_form_add(&s->form, b);
    x += bw + ui_gap(ui);
  }
  return top;
}

// The plain view: wide, counts on the left and lean and review on the
// right; tall or scrolling, one column in that order. Down to `bottom`, or (scrolls)
// as long as it is.
static void layout_plain(SummaryScene *s, const Ui *ui, float top, float bottom) {
  float cw = ui_w(ui) - 2 * ui_margin(ui);
  // A page that scrolls is one column: two narrow ones would scroll together.
  bool wide = ui_w(ui) >= ui_h(ui) && !s->scrolls;
  // A little over half: the class cards' headings stay on one line at the largest text.
  float lw = wide ? (cw - 2 * ui_gap(ui)) * 0.53f : cw;
  float end = s->scrolls ? 1e9f : bottom;
  // Room for the scroll bar at the end side when the page scrolls.
  float bar = s->scrolls ? ui_gap(ui) : 0.0f;
  Flow left = {s, ui, ui_margin(ui), top, lw, end};
  Flow right = {s, ui, ui_margin(ui) + lw + 2 * ui_gap(ui), top, cw - lw - 2 * ui_gap(ui) - bar, end};
  layout_plain_counts(s, &left, wide ? &right : &left);
  if (!wide) {
    right = (Flow){s, ui, ui_margin(ui), left.y, cw - bar, end};
  }
  layout_lean(s, &right);
  layout_review(s, &right);
  s->content_h = fmaxf(left.y, right.y) - top;
}

// The page scrolled to `scroll` (clamped); the review list moves with it.
static void page_set_scroll(SummaryScene *s, float scroll) {
  s->scroll = gameplay_clamp_scroll(scroll, s->content_h, s->page.h);
  if (s->scrolls && s->list_shown) {
    s->list.rect.y = s->list_y0 - s->scroll;
  }
}

static void summary_layout(SceneCtx *ctx) {
  SummaryScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  int focus = ui_form_focused_id(&s->form);
  bool first = s->form.count == 0;
  texts_clear(s);
  s->overflow = false;
  s->list_shown = false;
  s->scrolls = false;
  ui_form_init(&s->form, ui.rtl);
  ui_form_add_header(&s->form, &ui, true, true);
  float bottom = layout_buttons(s, &ui) - ui_gap(&ui);
  float top = ui_header_h(&ui) + ui_gap(&ui);
  s->page = (Rect){0, top, ui_w(&ui), bottom - top};
  if (s->details) {
    // Laid out as one long column from the page's top (no bottom): it
    // scrolls, so at the largest text on 4:3 nothing is squeezed or cut.
    Flow page = {s, &ui, ui_margin(&ui), top, ui_w(&ui) - 2 * ui_margin(&ui) - ui_gap(&ui), 1e9f};
    layout_details(s, &page);
    page.y += ui_gap(&ui);
    layout_techniques(s, &page);
    s->content_h = page.y - top;
  } else {
    layout_plain(s, &ui, top, bottom);
    if (s->overflow) {
      // Longer than the screen: the same page, whole, scrolling above the buttons.
      texts_clear(s);
      s->overflow = false;
      s->scrolls = true;
      layout_plain(s, &ui, top, bottom);
    }
  }
  page_set_scroll(s, s->scroll);
  if (s->list_shown) {
    ui_form_set_list(&s->form, &s->list);
  }
  if (first || !ui_form_focus_id(&s->form, focus)) {
    ui_form_focus_id(&s->form, s->details ? ID_DETAILS : ID_PLAY_AGAIN);
  }
}

// ---- events -----------------------------------------------------------------

static void summary_to_packs(SceneCtx *ctx) {
  App *app = app_from_ctx(ctx);
  bool alone = engine_scene_count(ctx->engine) <= 1;
  engine_pop_scene(ctx->engine);
  if (alone) {
    // Started straight on the summary (demo, screenshots): nothing beneath.
    scene_packs_push(app);
  }
}

static void summary_review(SceneCtx *ctx, size_t row) {
  App *app = app_from_ctx(ctx);
  SummaryScene *s = ctx->data;
  if (row >= s->row_count) {
    return;
  }
  size_t q = s->rows[row];
  const RoundAnswer *a = round_result(s->round, q);
  scene_feedback_push(app, FEEDBACK_MODE_REVIEW, round_pack(s->round), a, q, round_count(s->round), false, NULL, NULL);
}

static void summary_activate(SceneCtx *ctx, int id) {
  App *app = app_from_ctx(ctx);
  SummaryScene *s = ctx->data;
  if (id == ID_PLAY_AGAIN) {
    app_select_pack(app, round_pack(s->round));
    engine_pop_scene(ctx->engine);
    scene_round_push(app);
  } else if (id == ID_SCORES) {
    scene_scores_push(app, round_pack(s->round)->id);
  } else if (id == ID_PACKS || id == UI_ID_BACK) {
    summary_to_packs(ctx);
  } else if (id == UI_ID_HELP) {
    scene_help_push(app);
  } else if (id == UI_ID_SETTINGS) {
    scene_settings_push(app);
  } else if (id == ID_DETAILS) {
    s->details = !s->details;
    s->scroll = 0;
    summary_layout(ctx);
    ui_form_focus_id(&s->form, ID_DETAILS);
  }
}

static bool page_scrolls(const SummaryScene *s) {
  return s->details || s->scrolls;
}

// Scrolls the page; true when it moved.
static bool page_scroll_by(SummaryScene *s, float delta) {
  float before = s->scroll;
  page_set_scroll(s, s->scroll + delta);
  return s->scroll != before;
}

// The selected review row brought into the page's view.
static void page_follow_selection(SummaryScene *s) {
  if (!s->scrolls || !s->list_shown) {
    return;
  }
  Rect r = ui_list_row_rect(&s->list, s->list.selected);
  if (r.y < s->page.y) {
    page_scroll_by(s, r.y - s->page.y);
  } else if (r.y + r.h > s->page.y + s->page.h) {
    page_scroll_by(s, r.y + r.h - s->page.y - s->page.h);
  }
}

// Wheel, drag and Up/Down on a page that scrolls. Up/Down scroll it unless
// the review list has the focus (its selection moves and the page follows)
// or the page is at that end already (then the focus moves, as anywhere).
// True when the event was used.
static bool page_event(SceneCtx *ctx, SummaryScene *s, const InputEvent *ev) {
  switch (ev->type) {
  case INPUT_EVENT_WHEEL:
    return page_scroll_by(s, -ev->wheel_y * 80.0f);
  case INPUT_EVENT_ACTION:
    if ((ev->action != INPUT_ACTION_UP && ev->action != INPUT_ACTION_DOWN) ||
        ui_form_focused_id(&s->form) == UI_FOCUS_LIST) {
      return false;
    }
    return page_scroll_by(s, ev->action == INPUT_ACTION_UP ? -120.0f : 120.0f);
  case INPUT_EVENT_POINTER_DOWN:
    s->drag_down = rect_contains(s->page, ev->x, ev->y);
    s->dragging = false;
    s->drag_y = ev->y;
    s->drag_scroll = s->scroll;
    return false;  // the form sees the press too (a tap on a row)
  case INPUT_EVENT_POINTER_MOVE:
    if (s->drag_down && (s->dragging || fabsf(ev->y - s->drag_y) > 16.0f)) {
      s->dragging = true;
      s->form.pressed = -1;  // a drag, not a tap: nothing activates on release
      s->form.list_pressed = -1;
      page_set_scroll(s, s->drag_scroll - (ev->y - s->drag_y));
      engine_request_redraw(ctx->engine);
      return true;
    }
    return false;
  case INPUT_EVENT_POINTER_UP: {
    bool was = s->dragging;
    s->drag_down = s->dragging = false;
    return was;
  }
  default:
    return false;
  }
}

// The form's answer to `ev`; on a scrolled page, the list only answers the
// pointer where its rows show (not under the buttons or the header).
static UiResult summary_form_event(SummaryScene *s, const InputEvent *ev) {
  bool pointer = ev->type == INPUT_EVENT_POINTER_MOVE || ev->type == INPUT_EVENT_POINTER_DOWN ||
                 ev->type == INPUT_EVENT_POINTER_UP || ev->type == INPUT_EVENT_WHEEL;
  UiList *list = s->form.list;
  if (s->scrolls && pointer && !rect_contains(s->page, ev->x, ev->y)) {
    s->form.list = NULL;
  }
  UiResult res = ui_form_event(&s->form, ev);
  s->form.list = list;
  return res;
}

static bool summary_event(SceneCtx *ctx, const InputEvent *ev) {
  SummaryScene *s = ctx->data;
  if (page_scrolls(s) && page_event(ctx, s, ev)) {
    return true;
  }
  UiResult res = summary_form_event(s, ev);
  switch (res.kind) {
  case UI_RESULT_ACTIVATE:
    summary_activate(ctx, res.id);
    return true;
  case UI_RESULT_LIST_SELECT:
    // One click or tap on a row opens it (the keyboard only moves).
    if (ev->type == INPUT_EVENT_POINTER_UP) {
      summary_review(ctx, res.row);
    }
    page_follow_selection(s);
    return true;
  case UI_RESULT_LIST_ACTIVATE:
    summary_review(ctx, res.row);
    return true;
  case UI_RESULT_CHANGED:
    page_follow_selection(s);
    return true;
  case UI_RESULT_IGNORED:
    break;
  }
  if (ev->type == INPUT_EVENT_ACTION && ev->action == INPUT_ACTION_BACK) {
    if (s->details) {
      summary_activate(ctx, ID_DETAILS);  // Esc on the details goes back to the plain view
    } else {
      summary_to_packs(ctx);
    }
    return true;
  }
  return false;  // Help, Settings and the rest: app_global_event()
}

// ---- drawing ----------------------------------------------------------------

static Color sm_color(const Theme *t, SmColor c) {
  switch (c) {
  case SM_MUTED:
    return t->text_muted;
  case SM_REAL:
    return t->high_contrast ? t->text : t->real;
  case SM_FAKE:
    return t->high_contrast ? t->text : t->fabricated;
  case SM_TEXT:
    break;
  }
  return t->text;
}

static void draw_row(void *user, const Ui *ui, size_t row, Rect r, bool selected, bool focused, bool hovered) {
  SummaryScene *s = user;
  const Theme *t = ui->theme;
  ui_list_row_background(ui, r, selected, focused, hovered);
  size_t q = s->rows[row];
  const RoundAnswer *a = round_result(s->round, q);
  float isz = fminf(48.0f, r.h - 16.0f);
  Rect icon = {ui->rtl ? r.x + r.w - 20.0f - isz : r.x + 20.0f, r.y + (r.h - isz) / 2, isz, isz};
  draw_icon(ui->engine, a->correct ? DRAW_ICON_CHECK : DRAW_ICON_CROSS, icon, a->correct ? t->correct : t->wrong);
  Rect text = {ui->rtl ? r.x + 20.0f : r.x + isz + 40.0f, r.y + 6.0f, r.w - isz - 60.0f, r.h - 12.0f};
  TextStyle st =
      text_style(theme_text_size(t, THEME_TEXT_BODY), t->text, pack_item_lang(round_pack(s->round), a->item));
  st.valign = TEXT_VALIGN_MIDDLE;
  // A review row is a pointer to the item, not its text: one line, cut.
  ui_text_line(ui, a->item->headline, &st, text, theme_text_size(t, THEME_TEXT_SMALL));
}

static void summary_draw(SceneCtx *ctx) {
  SummaryScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  const Theme *t = ui.theme;
  // Short: at the largest text size a longer title is cut between the buttons.
  ui_header_draw(&ui, _("Results"));
  bool scrolled = page_scrolls(s);
  float dy = scrolled ? -s->scroll : 0.0f;
  UiClip clip = {0};
  if (scrolled) {
    clip = ui_clip_begin(&ui, s->page);
  }
  for (int i = 0; i < s->card_count; i++) {
    Rect c = s->cards[i];
    c.y += dy;
    ui_card_draw(&ui, c);
    Rect edge = {ui.rtl ? c.x + c.w - 12.0f : c.x, c.y, 12.0f, c.h};
    draw_round_rect(ui.engine, edge, 6.0f, s->card_edge[i] == SM_TEXT ? t->accent : sm_color(t, s->card_edge[i]));
  }
  for (int i = 0; i < s->text_count; i++) {
    const SmText *x = &s->texts[i];
    Rect box = {x->box.x, x->box.y + dy, x->box.w, x->box.h};
    if (scrolled && (box.y + box.h < s->page.y || box.y > s->page.y + s->page.h)) {
      continue;
    }
    TextStyle st = sm_style(&ui, x->role, x->bold);
    st.color = sm_color(t, x->color);
    st.wrap_width = x->box.w;
    st.align = x->align;
    text_draw(ui.engine, x->text, &st, box);
  }
  if (s->list_shown) {
    ui_list_draw(&ui, &s->list, ui_form_focused_id(&s->form) == UI_FOCUS_LIST, draw_row, s);
  }
  if (scrolled) {
    ui_clip_end(&ui, clip);
    Rect track = ui_mirror(&ui, (Rect){ui_w(&ui) - ui_margin(&ui) + 20.0f, s->page.y, 10.0f, s->page.h});
    ui_scrollbar_draw(&ui, track, s->page.h, s->content_h, s->scroll);
  }
  ui_form_draw(&ui, &s->form);
}

const SceneVTable scene_summary_vtable = {
    .name = "summary",
    .free_data = summary_free,
    .layout = summary_layout,
    .event = summary_event,
    .draw = summary_draw,
};

const Round *scene_summary_peek_round(const void *scene_data) {
  const SummaryScene *s = scene_data;
  return s ? s->round : NULL;
}

const Measures *scene_summary_peek_measures(const void *scene_data) {
  const SummaryScene *s = scene_data;
  return s ? s->measures : NULL;
}

bool scene_summary_peek_overflow(const void *scene_data) {
  const SummaryScene *s = scene_data;
  return s && s->overflow;
}

bool scene_summary_peek_details(const void *scene_data) {
  const SummaryScene *s = scene_data;
  return s && s->details;
}

void scene_summary_peek_scroll(const void *scene_data, float *offset, float *max) {
  const SummaryScene *s = scene_data;
  *offset = s ? s->scroll : 0;
  *max = s ? fmaxf(0.0f, s->content_h - s->page.h) : 0;
}
