// The round summary: it measures discernment, not just points, in words a
// 15-year-old reads at a glance. First how many were right, then two equal
// cards: the real headlines (trusted / rejected / ran out of time) and the
// fabricated ones (caught / believed / ran out of time), each count over the
// size of its class; the player's lean in one sentence; how often "sure"
// (and "I think so", "guessing") was right, when the player tapped how sure
// they were; a table of each technique: fabricated headlines using it that
// were caught, and how often it was named when "Which technique?" was
// asked, every count over its own total; then the review
// (scene_summary_review.c), where every fake believed comes back stamped
// FALSE with the true fact and every real headline rejected as
// prominently, stamped TRUE. The MIST figures and the signal-detection view
// live on a Details view, each with a one-line meaning (quiz/measures.h has
// them, and the formulas for the help page). Nothing here praises speed.
//
// Everything comes from the PlaySummary (play/training.h) made at the last
// answer. The page is one scroll view (UiScroll) above the buttons: wheel,
// drag, Up/Down, Page Up/Down, Home/End. Geometry is computed in layout()
// into the page's text plan and card list; draw() only reads it.

#include "scenes/scene_summary.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/str.h"
#include "quiz/measures.h"
#include "scenes/gameplay.h"
#include "scenes/scenes.h"

enum {
  ID_PLAY_AGAIN = 1,
  ID_SCORES = 2,
  ID_PACKS = 3,
  ID_DETAILS = 4,
};
_Static_assert(SCENE_SUMMARY_REVIEW_ID > ID_DETAILS, "the review cards' ids follow the buttons'");

// The question of the round that showed `item` (an item is drawn once a round).
static size_t question_of(const Round *round, const PackItem *item) {
  for (size_t i = 0; i < round_result_count(round); i++) {
    if (round_result(round, i)->item == item) {
      return i;
    }
  }
  return 0;
}

void scene_summary_push(App *app, Round *round, PlaySummary *summary) {
  SummaryScene *s = xcalloc(1, sizeof *s);
  s->round = round;
  s->sum = summary;
  s->assessment = !round_shows_feedback(round);
  s->review_button0 = -1;
  s->pressed_card = -1;
  s->hover_card = -1;
  size_t n = round_result_count(round);
  s->review_q = xcalloc(n ? n : 1, sizeof *s->review_q);
  for (size_t k = 0; k < summary->review_count && s->review_n < n; k++) {
    s->review_q[s->review_n++] = question_of(round, summary->review[k].item);
  }
  for (size_t i = 0; s->assessment && i < n && s->review_n < n; i++) {
    if (round_result(round, i)->correct) {
      s->review_q[s->review_n++] = i;
    }
  }
  s->cards = xcalloc(s->review_n ? s->review_n : 1, sizeof *s->cards);
  engine_push_scene(app->engine, &scene_summary_vtable, s);
}

static void summary_free(void *data) {
  SummaryScene *s = data;
  menu_text_free(&s->head.texts);
  ui_table_free(&s->techniques);
  play_summary_destroy(s->sum);
  round_destroy(s->round);
  free(s->review_q);
  free(s->cards);
  free(s);
}

// ---- layout -----------------------------------------------------------------

// A column being filled from the top: each text is measured wrapped at the
// column's width and placed below the previous one.
typedef struct Flow {
  SummaryScene *s;
  const Ui *ui;
  float x, y, w;
} Flow;

static TextStyle sm_style(const Ui *ui, ThemeText role, bool bold, Color color) {
  return menu_text_style(ui, role, color, bold ? TEXT_WEIGHT_BOLD : TEXT_WEIGHT_REGULAR, TEXT_ALIGN_START);
}

static void flow_text(Flow *f, const char *text, TextStyle st, float gap_after) {
  f->y += menu_text_add(&f->s->head.texts, f->ui, text, st, (Rect){f->x, f->y, f->w, 0}, SUMMARY_LAYER_PAGE);
  f->y += gap_after;
}

// The same, freeing `text` (owned, from xasprintf).
static void flow_owned(Flow *f, char *text, TextStyle st, float gap_after) {
  flow_text(f, text, st, gap_after);
  free(text);
}

static void summary_box_add(SummaryScene *s, Rect r, Color edge) {
  if (s->box_count < SUMMARY_MAX_CARDS) {
    s->box_edge[s->box_count] = edge;
    s->boxes[s->box_count++] = r;
  }
}

static Color real_color(const Theme *t) {
  return t->high_contrast ? t->text : t->real;
}

static Color fake_color(const Theme *t) {
  return t->high_contrast ? t->text : t->fabricated;
}

// A card being filled: the flow inside it, and where it began.
typedef struct Card {
  Flow in;
  float top;
} Card;

static Card card_begin(const Flow *f) {
  float pad = ui_gap(f->ui);
  return (Card){{f->s, f->ui, f->x + pad + 12.0f, f->y + pad * 0.75f, f->w - 2 * pad - 12.0f}, f->y};
}

// Closes the card (its background with an accent edge) and moves `f` below it.
static void card_end(Flow *f, const Card *c, Color edge) {
  float pad = ui_gap(f->ui);
  float bottom = c->in.y + pad * 0.75f;
  summary_box_add(f->s, (Rect){f->x, c->top, f->w, bottom - c->top}, edge);
  f->y = bottom + pad * 0.75f;
}

// One class's card: a heading, then its three piles over the class size.
// The two mistakes (real rejected, fabricated believed) are bold in both
// cards alike: neither kind of error is the lesser one.
static void class_card(SummaryScene *s, Flow *f, bool real) {
  const Measures *m = s->sum->measures;
  const Theme *t = f->ui->theme;
  int n = real ? m->real_items : m->fake_items;
  int good = real ? m->real_detected : m->fake_detected;
  int bad = real ? m->real_called_fake : m->fake_called_real;
  int late = real ? m->real_unanswered : m->fake_unanswered;
  Card c = card_begin(f);
  // The answer buttons' words: "Real", "Fabricated".
  flow_text(&c.in, real ? _("Real headlines") : _("Fabricated headlines"),
            sm_style(f->ui, THEME_TEXT_BODY, true, real ? real_color(t) : fake_color(t)), 8.0f);
  TextStyle plain = sm_style(f->ui, THEME_TEXT_BODY, false, t->text);
  TextStyle bold = sm_style(f->ui, THEME_TEXT_BODY, true, t->text);
  flow_owned(&c.in, real ? xasprintf(_("%d of %d trusted"), good, n) : xasprintf(_("%d of %d caught"), good, n), plain,
             4.0f);
  flow_owned(&c.in, real ? xasprintf(_("%d of %d rejected"), bad, n) : xasprintf(_("%d of %d believed"), bad, n), bold,
             4.0f);
  if (m->unanswered > 0) {
    flow_owned(&c.in, xasprintf(_("%d of %d ran out of time"), late, n),
               sm_style(f->ui, THEME_TEXT_BODY, false, t->text_muted), 0);
  }
  card_end(f, &c, real ? real_color(t) : fake_color(t));
}

// The correct count first (points at the end of its row, smaller:
// correctness first, and no word about speed; below it when there is no
// room), then the two class cards, alike in size and weight.
static void layout_counts(SummaryScene *s, Flow *f) {
  const Measures *m = s->sum->measures;
  const Ui *ui = f->ui;
  char *correct = xasprintf(_("%d of %d correct"), m->veracity, m->total);
  char *pts = s->assessment ? NULL : xasprintf(_("%d points"), round_score(s->round));
  TextStyle ts = sm_style(ui, THEME_TEXT_TITLE, true, ui->theme->text);
  TextStyle ps = sm_style(ui, THEME_TEXT_BODY, false, ui->theme->text_muted);
  float cw = text_measure(ui->engine, correct, &ts).w;
  float pw = pts ? text_measure(ui->engine, pts, &ps).w + 1.0f : 0;
  if (pts && cw + ui_gap(ui) + pw <= f->w) {
    ps.align = TEXT_ALIGN_END;
    menu_text_add(&s->head.texts, ui, pts, ps, (Rect){f->x + f->w - pw, f->y + 12.0f, pw, 0}, SUMMARY_LAYER_PAGE);
    free(pts);
    pts = NULL;
  }
  flow_owned(f, correct, ts, pts ? 0.0f : ui_gap(ui) * 0.75f);
  if (pts) {
    flow_owned(f, pts, ps, ui_gap(ui) * 0.75f);
  }
  class_card(s, f, true);
  class_card(s, f, false);
}

// The lean in a card with an accent edge: the finding, the advice smaller,
// and (when something timed out) how a time-out counts.
static void layout_lean(SummaryScene *s, Flow *f) {
  const Measures *m = s->sum->measures;
  const Theme *t = f->ui->theme;
  char finding[512];
  measures_tendency_finding(m, finding, sizeof finding);
  const char *advice = measures_tendency_advice(m);
  Card c = card_begin(f);
  flow_text(&c.in, finding, sm_style(f->ui, THEME_TEXT_BODY, false, t->text), advice ? 6.0f : 0.0f);
  if (advice) {
    flow_text(&c.in, advice, sm_style(f->ui, THEME_TEXT_SMALL, false, t->text), 0);
  }
  card_end(f, &c, t->accent);
  if (m->unanswered > 0) {
    flow_text(f, _("A time-out counts as not correct."), sm_style(f->ui, THEME_TEXT_SMALL, false, t->text_muted),
              ui_gap(f->ui) * 0.75f);
  }
}

// How often each confidence level was right, one sentence a level tapped;
// nothing at all when the player never said how sure they were.
static void layout_calibration(SummaryScene *s, Flow *f) {
  const Theme *t = f->ui->theme;
  char lines[PLAY_CONFIDENCE_COUNT][200];
  int n = 0;
  for (int level = PLAY_CONFIDENCE_SURE; level < PLAY_CONFIDENCE_COUNT; level++) {
    if (play_calibration_sentence(&s->sum->calibration, (PlayConfidence)level, lines[n], sizeof lines[n])) {
      n++;
    }
  }
  if (n == 0) {
    return;
  }
  Card c = card_begin(f);
  flow_text(&c.in, _("How sure you were"), sm_style(f->ui, THEME_TEXT_BODY, true, t->text), 8.0f);
  for (int i = 0; i < n; i++) {
    flow_text(&c.in, lines[i], sm_style(f->ui, THEME_TEXT_BODY, false, t->text), i + 1 < n ? 4.0f : 0.0f);
  }
  card_end(f, &c, t->accent);
}

// "k of n", or "not asked" when n is 0 (owned).
static char *of_cell(int k, int n) {
  return n > 0 ? xasprintf(_("%d of %d"), k, n) : xstrdup(_("not asked"));
}

// The techniques of the round's fabricated headlines in a measured table:
// caught (verdicts) and, when "Which technique?" was answered at all,
// named (answers), each "k of n" over its own total.
static void layout_techniques(SummaryScene *s, Flow *f) {
  const PlayTechniqueScore *sc = s->sum->techniques;
  const Theme *t = f->ui->theme;
  size_t rows = 0;
  bool asked = false;
  for (int i = 0; i < TECHNIQUE_COUNT; i++) {
    rows += sc[i].verdicts > 0 || sc[i].questions > 0;
    asked |= sc[i].questions > 0;
  }
  ui_table_free(&s->techniques);
  if (rows == 0) {
    return;
  }
  int cols = asked ? 3 : 2;
  char **cells = xcalloc(rows * (size_t)cols, sizeof *cells);
  size_t r = 0;
  for (int i = 0; i < TECHNIQUE_COUNT; i++) {
    if (sc[i].verdicts > 0 || sc[i].questions > 0) {
      char **row = cells + r++ * (size_t)cols;
      row[0] = xstrdup(gameplay_technique_label((Technique)i));
      row[1] = of_cell(sc[i].verdicts_correct, sc[i].verdicts);
      if (asked) {
        row[2] = of_cell(sc[i].questions_correct, sc[i].questions);
      }
    }
  }
  Card c = card_begin(f);
  flow_text(&c.in, _("By technique"), sm_style(f->ui, THEME_TEXT_BODY, true, t->text), 4.0f);
  flow_text(&c.in,
            asked ? _("Caught: fabricated headlines using it that you called fabricated. Named: how often you "
                      "picked it when asked \u201cWhich technique?\u201d.")
                  : _("Caught: fabricated headlines using it that you called fabricated."),
            sm_style(f->ui, THEME_TEXT_SMALL, false, t->text_muted), ui_gap(f->ui) * 0.5f);
  const UiTableColumn columns[3] = {
      {_("Technique"), TEXT_ALIGN_START, .flex = true},
      {_("Caught"), TEXT_ALIGN_END, false},
      {_("Named"), TEXT_ALIGN_END, false},
  };
  UiTableSpec spec = {.columns = columns,
                      .cols = cols,
                      .cells = (const char *const *)cells,
                      .rows = rows,
                      .head = sm_style(f->ui, THEME_TEXT_SMALL, true, t->text_muted),
                      .body = sm_style(f->ui, THEME_TEXT_BODY, false, t->text)};
  c.in.y += ui_table_layout(&s->techniques, f->ui, &spec, (Rect){c.in.x, c.in.y, c.in.w, 0}, &s->head.texts,
                            SUMMARY_LAYER_PAGE);
  s->overflow |= !s->techniques.fits;
  card_end(f, &c, t->accent);
  for (size_t i = 0; i < rows * (size_t)cols; i++) {
    free(cells[i]);
  }
  free(cells);
}

// The Details view: each MIST / signal-detection figure with its value and
// a one-line meaning. The formulas are in the help
// (measures_detail_formula()). Returns the page's bottom.
static float layout_details(SummaryScene *s, const Ui *ui, float x, float y, float w) {
  const Theme *t = ui->theme;
  Flow f = {s, ui, x, y, w};
  flow_text(&f, _("Details"), sm_style(ui, THEME_TEXT_TITLE, true, t->text), ui_gap(ui) * 0.5f);
  TextStyle vs = sm_style(ui, THEME_TEXT_BODY, true, t->text);
  TextStyle ms = sm_style(ui, THEME_TEXT_SMALL, false, t->text_muted);
  float label_w = text_measure(ui->engine, "d′ 99 of 99", &vs).w + ui_gap(ui);
  for (int d = 0; d < MEASURES_DETAIL_COUNT; d++) {
    char v[64];
    measures_detail_value(s->sum->measures, (MeasuresDetail)d, v, sizeof v);
    char *left = xasprintf("%s  %s", measures_detail_symbol((MeasuresDetail)d), v);
    float h1 = menu_text_add(&s->head.texts, ui, left, vs, (Rect){f.x, f.y, label_w, 0}, SUMMARY_LAYER_PAGE);
    float h2 = menu_text_add(&s->head.texts, ui, measures_detail_meaning((MeasuresDetail)d), ms,
                             (Rect){f.x + label_w, f.y + 4.0f, f.w - label_w, 0}, SUMMARY_LAYER_PAGE);
    free(left);
    f.y += fmaxf(h1, h2 + 4.0f) + 10.0f;
  }
  return f.y;
}

// Forgets the page's pieces before laying it out again.
static void page_clear(SummaryScene *s) {
  menu_text_clear(&s->head.texts);
  ui_table_free(&s->techniques);
  s->box_count = 0;
  s->overflow = false;
}

// The plain view from (x, top) at width w. Wide (landscape, and the left
// column at least PLAIN_COLUMN_EMS body-size ems), the counts, lean,
// calibration and techniques on the left and the review on the right,
// scrolling together; else one column in that order. Returns the page's
// bottom.
#define PLAIN_COLUMN_EMS 16.0f
static float layout_plain(SummaryScene *s, const Ui *ui, float x, float top, float w) {
  float gap = ui_gap(ui);
  // A little over half: the class cards' headings stay on one line at the largest text.
  float lw = (w - 2 * gap) * 0.53f;
  bool wide = ui_w(ui) >= ui_h(ui) && lw >= PLAIN_COLUMN_EMS * theme_text_size(ui->theme, THEME_TEXT_BODY);
  Flow left = {s, ui, x, top, wide ? lw : w};
  layout_counts(s, &left);
  layout_lean(s, &left);
  layout_calibration(s, &left);
  layout_techniques(s, &left);
  float bottom = wide ? summary_review_layout(s, ui, x + lw + 2 * gap, top, w - lw - 2 * gap)
                      : summary_review_layout(s, ui, x, left.y, w);
  return fmaxf(left.y, bottom);
}

// The buttons, sized from their measured words: one row at the end side
// when it fits; else, on a landscape canvas that leaves the page at least
// SIDE_PAGE_EMS body-size ems beside them, a column at the end side (the
// page keeps the height, which a second row would take); else two rows of
// two. Returns the room left for the page (unmirrored).
#define SIDE_PAGE_EMS 14.0f
static Rect layout_buttons(SummaryScene *s, const Ui *ui) {
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
  TextStyle st = sm_style(ui, THEME_TEXT_BUTTON, true, ui->theme->text);
  float w[N], sum = 0, widest = 0, cw = ui_w(ui) - 2 * ui_margin(ui), gap = ui_gap(ui), bh = ui_button_h(ui);
  for (int i = 0; i < N; i++) {
    // Room for the word, the icon before it and the button's padding
    // (ui_button_draw: about a quarter of the height on each side).
    float icon = bs[i].id == ID_PLAY_AGAIN ? 64.0f : 0.0f;
    w[i] = fmaxf(240.0f, text_measure(ui->engine, bs[i].label, &st).w + icon + 0.6f * bh);
    sum += w[i];
    widest = fmaxf(widest, w[i]);
  }
  float top = ui_header_h(ui) + gap, bottom = ui_h(ui) - 40.0f;
  bool one_row = sum + (N - 1) * gap <= cw;
  bool column = !one_row && ui_w(ui) >= ui_h(ui) &&
                cw - widest - 2 * gap >= SIDE_PAGE_EMS * theme_text_size(ui->theme, THEME_TEXT_BODY);
  float row_top = one_row ? bottom - bh : bottom - 2 * bh - gap;
  float x = ui_margin(ui) + (one_row ? cw - sum - (N - 1) * gap : 0);
  // The primary action first in a column (at its top), as in reading order.
  static const int column_order[N] = {1, 0, 2, 3};
  for (int i = 0; i < N; i++) {
    Rect r = {x, row_top, w[i], bh};
    if (column) {
      r = (Rect){ui_margin(ui) + cw - widest, bottom - (float)(N - column_order[i]) * (bh + gap) + gap, widest, bh};
    } else if (!one_row) {
      r.w = (cw - gap) / 2;
      r.x = ui_margin(ui) + (float)(i % 2) * (r.w + gap);
      r.y = row_top + (i >= 2 ? bh + gap : 0.0f);  // two rows of two
    }
    UiButton b = ui_button(bs[i].id, ui_mirror(ui, r), bs[i].label, bs[i].kind);
    if (bs[i].id == ID_PLAY_AGAIN) {
      b.icon = DRAW_ICON_PLAY;
    }
    ui_form_add(&s->head.form, b);
    x += w[i] + gap;
  }
  if (column) {
    return (Rect){ui_margin(ui), top, cw - widest - gap, bottom - top};
  }
  return (Rect){ui_margin(ui), top, cw, row_top - gap - top};
}

// A focusable area for each review card the form has room for (Tab reaches
// the cards in view, Enter opens one); their rects follow the scroll.
static void add_review_buttons(SummaryScene *s, const Ui *ui) {
  UiForm *form = &s->head.form;
  s->review_button0 = form->count;
  s->review_buttons = 0;
  for (size_t k = 0; k < s->review_n && form->count < UI_FORM_MAX_BUTTONS; k++) {
    const RoundAnswer *a = round_result(s->round, s->review_q[k]);
    UiButton b = ui_button(SCENE_SUMMARY_REVIEW_ID + (int)k, (Rect){0}, a->item->headline, UI_BUTTON_AREA);
    ui_form_add(form, b);
    s->review_buttons++;
  }
  summary_review_sync(s, ui);
}

static void summary_layout(SceneCtx *ctx) {
  SummaryScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  UiForm *form = &s->head.form;
  int focus = ui_form_focused_id(form);
  bool first = form->count == 0;
  page_clear(s);
  s->review_button0 = -1;
  s->review_buttons = 0;
  s->pressed_card = -1;
  s->hover_card = -1;
  ui_form_init(form, ui.rtl);
  ui_form_add_header(form, &ui, true, true);
  Rect view = layout_buttons(s, &ui);
  float top = view.y;
  TextStyle body = ui_text_style(&ui, THEME_TEXT_BODY, ui.theme->text);
  float line = text_line_height(ui.engine, &body);
  UiScroll *sc = &s->head.scroll;
  ui_scroll_set(sc, ui_mirror(&ui, view), 0, line);
  float w = ui_scroll_content_w(sc);
  float end = s->details ? layout_details(s, &ui, view.x, top, w) : layout_plain(s, &ui, view.x, top, w);
  ui_scroll_set(sc, sc->view, end - top, line);
  if (!s->details) {
    add_review_buttons(s, &ui);
  }
  s->overflow |= s->head.texts.cut > 0;
  if (first || !ui_form_focus_id(form, focus)) {
    ui_form_focus_id(form, s->details ? ID_DETAILS : ID_PLAY_AGAIN);
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

// Reopens the feedback of review card `k`, read-only.
static void summary_review(SceneCtx *ctx, int k) {
  SummaryScene *s = ctx->data;
  if (k < 0 || (size_t)k >= s->review_n) {
    return;
  }
  size_t q = s->review_q[k];
  scene_feedback_push(app_from_ctx(ctx), FEEDBACK_MODE_REVIEW, round_pack(s->round), round_result(s->round, q), q,
                      round_count(s->round), false, NULL, NULL);
}

static void summary_activate(SceneCtx *ctx, int id) {
  App *app = app_from_ctx(ctx);
  SummaryScene *s = ctx->data;
  if (id >= SCENE_SUMMARY_REVIEW_ID) {
    summary_review(ctx, id - SCENE_SUMMARY_REVIEW_ID);
  } else if (id == ID_PLAY_AGAIN) {
    app_select_pack(app, round_pack(s->round));
    engine_pop_scene(ctx->engine);
    scene_round_push(app);
  } else if (id == ID_SCORES) {
    scene_scores_push(app, round_pack(s->round)->id);
  } else if (id == ID_PACKS || id == UI_ID_BACK) {
    summary_to_packs(ctx);
  } else if (id == ID_DETAILS) {
    s->details = !s->details;
    ui_scroll_to(&s->head.scroll, 0);
    summary_layout(ctx);
    ui_form_focus_id(&s->head.form, ID_DETAILS);
  } else {
    scene_header_activate(ctx, id);
  }
}

// A review card that took the focus (Tab) is scrolled into view.
static void reveal_focused(SummaryScene *s, const Ui *ui) {
  int k = ui_form_focused_id(&s->head.form) - SCENE_SUMMARY_REVIEW_ID;
  if (k >= 0 && (size_t)k < s->review_n) {
    Rect c = s->cards[k].card;
    if (ui_scroll_reveal(&s->head.scroll, c.y, c.h)) {
      summary_review_sync(s, ui);
    }
  }
}

// A click or tap on a review card opens it: pressed and released over the
// same card, without dragging the page in between. A pointer moving onto
// or off a card lights it (used: a redraw); anywhere else it is not used.
static bool review_pointer(SceneCtx *ctx, SummaryScene *s, const Ui *ui, const InputEvent *ev) {
  if (ev->type == INPUT_EVENT_POINTER_MOVE && !s->details) {
    int k = summary_review_card_at(s, ui, ev->x, ev->y);
    bool changed = k != s->hover_card;
    s->hover_card = k;
    if (changed) {
      ui_form_event(&s->head.form, ev);  // the buttons' hover goes off too
    }
    return changed;
  }
  if (ev->type == INPUT_EVENT_POINTER_DOWN) {
    s->pressed_card = s->details ? -1 : summary_review_card_at(s, ui, ev->x, ev->y);
    return s->pressed_card >= 0;
  }
  if (ev->type == INPUT_EVENT_POINTER_UP && s->pressed_card >= 0) {
    int k = s->pressed_card;
    s->pressed_card = -1;
    if (summary_review_card_at(s, ui, ev->x, ev->y) == k) {
      summary_review(ctx, k);
    }
    return true;
  }
  return false;
}

static bool summary_event(SceneCtx *ctx, const InputEvent *ev) {
  SummaryScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  float before = s->head.scroll.offset;
  if (ui_scroll_event(&s->head.scroll, ev, true)) {
    if (ev->type == INPUT_EVENT_POINTER_MOVE || ev->type == INPUT_EVENT_POINTER_UP) {
      s->pressed_card = -1;  // a drag, not a tap: nothing opens on release
    }
    if (s->head.scroll.offset != before) {
      summary_review_sync(s, &ui);
    }
    return true;
  }
  if (review_pointer(ctx, s, &ui, ev)) {
    return true;
  }
  UiResult res = ui_form_event(&s->head.form, ev);
  switch (res.kind) {
  case UI_RESULT_ACTIVATE:
    summary_activate(ctx, res.id);
    return true;
  case UI_RESULT_CHANGED:
    reveal_focused(s, &ui);
    return true;
  case UI_RESULT_LIST_SELECT:
  case UI_RESULT_LIST_ACTIVATE:
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

// The page's text that shows in the view, shifted up by `off`. Only that:
// a long review drawn whole would rasterise every card on every frame.
static void draw_page_text(const SummaryScene *s, const Ui *ui, float off) {
  const Rect view = s->head.scroll.view;
  const MenuTextPlan *p = &s->head.texts;
  for (size_t i = 0; i < p->count; i++) {
    Rect box = p->items[i].box;
    box.y -= off;
    if (p->items[i].layer == SUMMARY_LAYER_PAGE && box.y < view.y + view.h && box.y + box.h > view.y) {
      text_draw(ui->engine, p->items[i].text, &p->items[i].style, ui_mirror(ui, box));
    }
  }
}

static void summary_draw(SceneCtx *ctx) {
  SummaryScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  // Short: at the largest text size a longer title is cut between the buttons.
  ui_header_draw(&ui, _("Results"));
  float off = s->head.scroll.offset;
  UiClip clip = ui_scroll_begin(&ui, &s->head.scroll);
  for (int i = 0; i < s->box_count; i++) {
    Rect c = s->boxes[i];
    c.y -= off;
    c = ui_mirror(&ui, c);
    ui_card_draw(&ui, c);
    Rect edge = {ui.rtl ? c.x + c.w - 12.0f : c.x, c.y, 12.0f, c.h};
    draw_round_rect(ui.engine, edge, 6.0f, s->box_edge[i]);
  }
  if (!s->details) {
    summary_review_draw(s, &ui, off);
  }
  draw_page_text(s, &ui, off);
  ui_scroll_end(&ui, &s->head.scroll, clip);
  ui_form_draw(&ui, &s->head.form);
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
  return s ? s->sum->measures : NULL;
}

const PlaySummary *scene_summary_peek_summary(const void *scene_data) {
  const SummaryScene *s = scene_data;
  return s ? s->sum : NULL;
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
  *offset = s ? s->head.scroll.offset : 0;
  *max = s ? ui_scroll_max(&s->head.scroll) : 0;
}

size_t scene_summary_peek_review_count(const void *scene_data) {
  const SummaryScene *s = scene_data;
  return s ? s->review_n : 0;
}

bool scene_summary_peek_card(const void *scene_data, size_t k, Rect *card, PlayStamp *stamp) {
  const SummaryScene *s = scene_data;
  if (!s || k >= s->review_n || s->details) {
    return false;
  }
  *card = s->cards[k].card;
  *stamp = s->cards[k].kind;
  return true;
}

const UiTable *scene_summary_peek_techniques(const void *scene_data) {
  const SummaryScene *s = scene_data;
  return s ? &s->techniques : NULL;
}
