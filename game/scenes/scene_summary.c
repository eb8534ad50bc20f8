// The round summary: it measures discernment, not just points. The score and
// the MIST counts come first, the player's tendency in a plain sentence, the
// signal-detection view smaller and labelled as such, accuracy per
// technique, and the items to review (each reopens its feedback).
// Assessment packs gave no feedback during the round, so here they show the
// five MIST numbers and every answer.

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
};

typedef struct SummaryScene {
  UiForm form;   // first: see scenes.h
  Round *round;  // owned
  Measures *measures;
  bool assessment;
  // Rows of the review list: question indices into the round.
  size_t *rows;
  size_t row_count;
  UiList list;
} SummaryScene;

void scene_summary_push(App *app, Round *round) {
  engine_push_scene(app->engine, &scene_summary_vtable, round);
}

// Geometry on the 1920x1080 canvas (left-to-right; mirrored for RTL UIs).
#define SM_TOP (UI_HEADER_H + 24.0f)
#define SM_BUTTONS_Y(u) (ui_h(u) - 40.0f - UI_BUTTON_H)
#define SM_LEFT_W 900.0f
#define SM_RIGHT_X (UI_MARGIN + SM_LEFT_W + 64.0f)
#define SM_RIGHT_W(u) (ui_w(u) - UI_MARGIN - SM_RIGHT_X)
#define SM_ROW_H 96.0f

static void summary_enter(SceneCtx *ctx) {
  App *app = app_from_ctx(ctx);
  SummaryScene *s = xcalloc(1, sizeof *s);
  s->round = ctx->data;
  ctx->data = s;
  s->measures = measures_create_from_round(s->round);
  s->assessment = !round_shows_feedback(s->round);
  if (s->assessment) {
    s->row_count = round_result_count(s->round);
    s->rows = xcalloc(s->row_count ? s->row_count : 1, sizeof *s->rows);
    for (size_t i = 0; i < s->row_count; i++) {
      s->rows[i] = i;
    }
  } else {
    s->row_count = s->measures->missed_count;
    s->rows = xcalloc(s->row_count ? s->row_count : 1, sizeof *s->rows);
    memcpy(s->rows, s->measures->missed, s->row_count * sizeof *s->rows);
  }

  Ui ui = app_ui(app);
  ui_form_init(&s->form, ui.rtl);
  ui_form_add_header(&s->form, &ui, true, true);
  float w = 380.0f;
  float x = ui_w(&ui) - UI_MARGIN - 3 * w - 2 * UI_GAP;
  UiButton again = ui_button(ID_PLAY_AGAIN, ui_mirror(&ui, (Rect){x, SM_BUTTONS_Y(&ui), w, UI_BUTTON_H}),
                             _("Play again"), UI_BUTTON_PRIMARY);
  again.icon = DRAW_ICON_PLAY;
  UiButton scores = ui_button(ID_SCORES, ui_mirror(&ui, (Rect){x + w + UI_GAP, SM_BUTTONS_Y(&ui), w, UI_BUTTON_H}),
                              _("High scores"), UI_BUTTON_NORMAL);
  UiButton packs = ui_button(ID_PACKS, ui_mirror(&ui, (Rect){x + 2 * (w + UI_GAP), SM_BUTTONS_Y(&ui), w, UI_BUTTON_H}),
                             _("Packs"), UI_BUTTON_NORMAL);
  ui_form_add(&s->form, again);
  ui_form_add(&s->form, scores);
  ui_form_add(&s->form, packs);
  // The list's top depends on how many technique rows there are (draw).
  ui_list_init(&s->list, ui_mirror(&ui, (Rect){SM_RIGHT_X, SM_TOP + 90.0f, SM_RIGHT_W(&ui), 400.0f}), SM_ROW_H, 12.0f);
  ui_list_set_count(&s->list, s->row_count);
  if (s->row_count > 0) {
    ui_form_set_list(&s->form, &s->list);
  }
  ui_form_focus_id(&s->form, ID_PLAY_AGAIN);
}

static void summary_leave(SceneCtx *ctx) {
  SummaryScene *s = ctx->data;
  if (!s) {
    return;
  }
  measures_destroy(s->measures);
  round_destroy(s->round);
  free(s->rows);
  free(s);
}

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

static bool summary_event(SceneCtx *ctx, const InputEvent *ev) {
  App *app = app_from_ctx(ctx);
  SummaryScene *s = ctx->data;
  UiResult res = ui_form_event(&s->form, ev);
  switch (res.kind) {
  case UI_RESULT_ACTIVATE:
    if (res.id == ID_PLAY_AGAIN) {
      app_select_pack(app, round_pack(s->round));
      engine_pop_scene(ctx->engine);
      scene_round_push(app);
    } else if (res.id == ID_SCORES) {
      scene_scores_push(app, round_pack(s->round)->id);
    } else if (res.id == ID_PACKS || res.id == UI_ID_BACK) {
      summary_to_packs(ctx);
    } else if (res.id == UI_ID_HELP) {
      scene_help_push(app);
    } else if (res.id == UI_ID_SETTINGS) {
      scene_settings_push(app);
    }
    return true;
  case UI_RESULT_LIST_ACTIVATE:
    summary_review(ctx, res.row);
    return true;
  case UI_RESULT_IGNORED:
    break;
  default:
    engine_request_redraw(ctx->engine);
    return true;
  }
  if (ev->type != INPUT_EVENT_ACTION) {
    return true;
  }
  if (ev->action == INPUT_ACTION_BACK) {
    summary_to_packs(ctx);
  } else if (ev->action == INPUT_ACTION_HELP) {
    scene_help_push(app);
  } else if (ev->action == INPUT_ACTION_SETTINGS) {
    scene_settings_push(app);
  }
  return true;
}

// One line of text at the current y of a column; returns its height.
static float line(const Ui *ui, const char *text, ThemeText role, bool bold, Color color, float x, float y, float w) {
  Rect box = ui_mirror(ui, (Rect){x, y, w, 1.0f});
  TextSize sz = bold ? ui_text_bold(ui, text, role, color, box, TEXT_ALIGN_START, TEXT_VALIGN_TOP)
                     : ui_text(ui, text, role, color, box, TEXT_ALIGN_START, TEXT_VALIGN_TOP);
  return sz.h;
}

static void draw_row(void *user, const Ui *ui, size_t row, Rect r, bool selected, bool focused, bool hovered) {
  SummaryScene *s = user;
  const Theme *t = ui->theme;
  ui_list_row_background(ui, r, selected, focused, hovered);
  size_t q = s->rows[row];
  const RoundAnswer *a = round_result(s->round, q);
  Rect icon = ui_mirror(ui, (Rect){0, 0, 48.0f, 48.0f});
  float ix = ui->rtl ? r.x + r.w - 20.0f - 48.0f : r.x + 20.0f;
  icon.x = ix;
  icon.y = r.y + (r.h - 48.0f) / 2;
  draw_icon(ui->engine, a->correct ? DRAW_ICON_CHECK : DRAW_ICON_CROSS, icon, a->correct ? t->correct : t->wrong);
  Rect text = {r.x + 88.0f, r.y + 6.0f, r.w - 88.0f - 20.0f, r.h - 12.0f};
  if (ui->rtl) {
    text.x = r.x + 20.0f;
  }
  TextStyle st =
      text_style(theme_text_size(t, THEME_TEXT_BODY), t->text, pack_item_lang(round_pack(s->round), a->item));
  st.valign = TEXT_VALIGN_MIDDLE;
  ui_text_fitted(ui, a->item->headline, &st, text, 22.0f);
}

// A value that rounds to zero at two decimals prints as "0.00", not "-0.00".
static double no_negative_zero(double v) {
  return fabs(v) < 0.005 ? 0.0 : v;
}

// The signal-detection block between y and `bottom`: its heading, then the
// numbers and their meaning shrunk (and at worst cut) to the room left, so
// the largest text size never runs into the buttons below.
static void draw_sdt(const Ui *ui, const Measures *m, float x, float y, float w, float bottom) {
  const Theme *t = ui->theme;
  TextStyle hs = ui_text_style(ui, THEME_TEXT_SMALL, t->text_muted);
  hs.weight = TEXT_WEIGHT_BOLD;
  float head_h = text_line_height(ui->engine, &hs);
  if (bottom - y < head_h) {
    return;
  }
  ui_text_line(ui, _("Signal-detection view"), &hs, ui_mirror(ui, (Rect){x, y, w, head_h}), 18.0f);
  y += head_h + 4.0f;
  char *body;
  if (!m->sdt_meaningful) {
    body = xstrdup(_("Needs at least one answered real and one answered fabricated headline."));
  } else {
    char *a = xasprintf(_("Hit rate %.0f%% · false-alarm rate %.0f%% · d′ %.2f · c %.2f"), m->hit_rate * 100.0,
                        m->false_alarm_rate * 100.0, no_negative_zero(m->d_prime), no_negative_zero(m->criterion));
    body = xasprintf("%s\n%s", a,
                     _("A fabricated headline is the signal. Higher d′ means better told apart; c above 0 leans to "
                       "trusting."));
    free(a);
  }
  if (bottom - y > 20.0f) {
    TextStyle bs = ui_text_style(ui, THEME_TEXT_SMALL, t->text_muted);
    ui_text_fitted_clipped(ui, body, &bs, ui_mirror(ui, (Rect){x, y, w, bottom - y}), 24.0f);
  }
  free(body);
}

// Returns the y below the block.
static float draw_practice_numbers(const Ui *ui, const SummaryScene *s, float x, float y, float w) {
  const Theme *t = ui->theme;
  const Measures *m = s->measures;
  char *score = xasprintf(_("%d points"), round_score(s->round));
  // One line, shrunk to the column: at the largest text size it would wrap.
  TextStyle ds = ui_text_style(ui, THEME_TEXT_DISPLAY, t->text);
  ds.weight = TEXT_WEIGHT_BOLD;
  // Already the biggest thing on screen: it does not grow with the text size,
  // which leaves the larger body text the room it needs.
  ds.size = fminf(ds.size, 120.0f);
  ds.size = ui_text_line(ui, score, &ds, ui_mirror(ui, (Rect){x, y, w, text_line_height(ui->engine, &ds)}),
                         theme_text_size(t, THEME_TEXT_TITLE));
  y += text_line_height(ui->engine, &ds);
  free(score);
  char *c = xasprintf(_("%d of %d correct"), m->veracity, m->total);
  y += line(ui, c, THEME_TEXT_TITLE, true, t->text, x, y, w) + 16.0f;
  free(c);
  char *r = xasprintf(_("Real news detected: %d of %d"), m->real_detected, m->real_items);
  y += line(ui, r, THEME_TEXT_BODY, false, t->text, x, y, w) + 6.0f;
  free(r);
  char *f = xasprintf(_("Fabricated news detected: %d of %d"), m->fake_detected, m->fake_items);
  y += line(ui, f, THEME_TEXT_BODY, false, t->text, x, y, w) + 6.0f;
  free(f);
  char *dn = xasprintf(_("Distrust: %d · Naivety: %d"), m->distrust, m->naivety);
  y += line(ui, dn, THEME_TEXT_BODY, false, t->text, x, y, w);
  free(dn);
  return y;
}

// Returns the y below the block.
static float draw_assessment_numbers(const Ui *ui, const SummaryScene *s, float x, float y, float w) {
  const Theme *t = ui->theme;
  const Measures *m = s->measures;
  struct {
    const char *label;
    char *value;
  } rows[5] = {
      {_("Veracity discernment (V)"), xasprintf(_("%d of %d"), m->veracity, m->total)},
      {_("Real news detection (r)"), xasprintf(_("%d of %d"), m->real_detected, m->real_items)},
      {_("Fake news detection (f)"), xasprintf(_("%d of %d"), m->fake_detected, m->fake_items)},
      {_("Distrust (d)"), xasprintf("%d", m->distrust)},
      {_("Naivety (n)"), xasprintf("%d", m->naivety)},
  };
  y += line(ui, _("Your MIST results"), THEME_TEXT_TITLE, true, t->text, x, y, w) + 12.0f;
  for (int i = 0; i < 5; i++) {
    float h = line(ui, rows[i].label, THEME_TEXT_BODY, false, t->text, x, y, w * 0.7f);
    Rect vbox = ui_mirror(ui, (Rect){x + w * 0.7f, y, w * 0.3f, h});
    ui_text_bold(ui, rows[i].value, THEME_TEXT_BODY, t->text, vbox, TEXT_ALIGN_END, TEXT_VALIGN_TOP);
    y += h + 10.0f;
    free(rows[i].value);
  }
  return y;
}

static void summary_draw(SceneCtx *ctx) {
  App *app = app_from_ctx(ctx);
  SummaryScene *s = ctx->data;
  Ui ui = app_ui(app);
  const Theme *t = ui.theme;
  const Measures *m = s->measures;
  ui_header_draw(&ui, s->assessment ? _("Your results") : _("Round summary"));

  // Left column: the numbers, the tendency, the signal-detection view.
  float x = UI_MARGIN, w = SM_LEFT_W;
  float y = s->assessment ? draw_assessment_numbers(&ui, s, x, SM_TOP, w) : draw_practice_numbers(&ui, s, x, SM_TOP, w);
  char sentence[1024];
  measures_tendency_sentence(m, sentence, sizeof sentence);
  // The buttons row reaches under this column: the card and the
  // signal-detection block share what is left above it.
  float bottom = SM_BUTTONS_Y(&ui) - 24.0f;
  float room = bottom - (y + 24.0f);
  Rect card = {x, y + 24.0f, w, fmaxf(110.0f, fminf(180.0f, room * 0.55f))};
  ui_card_draw(&ui, ui_mirror(&ui, card));
  draw_round_rect(ui.engine, ui_mirror(&ui, (Rect){card.x, card.y, 12.0f, card.h}), 6.0f, t->accent);
  TextStyle ts = ui_text_style(&ui, THEME_TEXT_BODY, t->text);
  ts.valign = TEXT_VALIGN_MIDDLE;
  ui_text_fitted(&ui, sentence, &ts, ui_mirror(&ui, (Rect){card.x + 40.0f, card.y + 16.0f, w - 64.0f, card.h - 32.0f}),
                 22.0f);
  draw_sdt(&ui, m, x, card.y + card.h + 20.0f, w, bottom);

  // Right column: accuracy per technique, then the list to review.
  float rx = SM_RIGHT_X, rw = SM_RIGHT_W(&ui), ry = SM_TOP;
  if (!s->assessment) {
    int shown = 0;
    for (int i = 0; i < TECHNIQUE_COUNT; i++) {
      if (m->techniques[i].total > 0) {
        if (shown == 0) {
          ry += line(&ui, _("Accuracy per technique"), THEME_TEXT_BODY, true, t->text, rx, ry, rw) + 6.0f;
        }
        float h = line(&ui, gameplay_technique_label((Technique)i), THEME_TEXT_BODY, false, t->text, rx, ry, rw * 0.7f);
        char *v = xasprintf(_("%d of %d"), m->techniques[i].correct, m->techniques[i].total);
        ui_text_bold(&ui, v, THEME_TEXT_BODY, t->text, ui_mirror(&ui, (Rect){rx + rw * 0.7f, ry, rw * 0.3f, h}),
                     TEXT_ALIGN_END, TEXT_VALIGN_TOP);
        free(v);
        ry += h + 2.0f;
        shown++;
      }
    }
    if (shown > 0) {
      ry += 20.0f;
    }
  }
  const char *list_title = s->assessment  ? _("Every answer (select one to see why)")
                           : s->row_count ? _("To review (select one to see why)")
                                          : _("Nothing to review: every answer was right.");
  ry += line(&ui, list_title, THEME_TEXT_BODY, true, t->text, rx, ry, rw) + 10.0f;
  bottom = SM_BUTTONS_Y(&ui) - 28.0f;
  if (s->row_count > 0 && bottom - ry >= SM_ROW_H) {
    Rect lr = ui_mirror(&ui, (Rect){rx, ry, rw, bottom - ry});
    if (lr.x != s->list.rect.x || lr.y != s->list.rect.y || lr.h != s->list.rect.h) {
      size_t sel = s->list.selected;
      ui_list_init(&s->list, lr, SM_ROW_H, 12.0f);
      ui_list_set_count(&s->list, s->row_count);
      ui_list_select(&s->list, sel);
    }
    ui_list_draw(&ui, &s->list, ui_form_focused_id(&s->form) == UI_FOCUS_LIST, draw_row, s);
  }
  ui_form_draw(&ui, &s->form);
}

const SceneVTable scene_summary_vtable = {
    .name = "summary",
    .enter = summary_enter,
    .leave = summary_leave,
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
