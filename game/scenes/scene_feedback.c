// The feedback screen: after each answer of a practice round (and again from
// the summary, read-only) it says whether the answer was right, states the
// truth in a sentence and explains it. It stays until the player continues:
// people read at their own pace. The page itself is gameplay_page.c.

#include "scenes/gameplay.h"

#include <SDL.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/str.h"
#include "engine/text.h"
#include "scenes/scenes.h"

// ---- the feedback scene -----------------------------------------------------

enum {
  ID_NEXT = 1,
};

typedef struct FeedbackScene {
  UiForm form;  // first: see scenes.h
  FeedbackMode mode;
  const Pack *pack;
  RoundAnswer answer;
  size_t index, count;
  bool last;
  FeedbackDoneFn done;
  void *user;
  bool closing;                       // the pop was requested: ignore the rest of this frame's events
  char *said;                         // "You answered: real.  +100 points" (owned)
  char next_key[GAMEPLAY_HINT_SIZE];  // Next's key (CONFIRM)
  float scroll;
  // Layout (feedback_layout).
  Rect icon, verdict, said_box, hint, track;
  bool said_in_page;
  // Compact: the page did not fit at its full size, so the verdict sits in
  // the header bar between icon-only buttons (`header`), with tighter gaps.
  bool compact;
  UiHeader header;  // "You answered" did not fit beside the verdict: the page places it
  GameplayPage page;
  bool overflow;  // the verdict row or the page's fixed part did not fit
} FeedbackScene;

void scene_feedback_push(App *app, FeedbackMode mode, const Pack *pack, const RoundAnswer *answer, size_t index,
                         size_t count, bool last, FeedbackDoneFn done, void *user) {
  FeedbackScene *s = xcalloc(1, sizeof *s);
  *s = (FeedbackScene){.mode = mode,
                       .pack = pack,
                       .answer = *answer,
                       .index = index,
                       .count = count,
                       .last = last,
                       .done = done,
                       .user = user};
  const char *said = !answer->answered                   ? _("You gave no answer.")
                     : answer->given == PACK_ANSWER_REAL ? _("You answered: real.")
                                                         : _("You answered: fabricated.");
  if (mode == FEEDBACK_MODE_ANSWER && answer->points > 0) {
    s->said =
        xasprintf(ngettext("%s  +%d point", "%s  +%d points", (unsigned long)answer->points), said, answer->points);
  } else {
    s->said = xstrdup(said);
  }
  engine_push_scene(app->engine, &scene_feedback_vtable, s);
}

static void feedback_free(void *data) {
  FeedbackScene *s = data;
  gameplay_page_free(&s->page);
  free(s->said);
  free(s);
}

static const char *verdict_word(const RoundAnswer *a) {
  return a->correct ? _("Right!") : a->timed_out ? _("Time ran out") : _("Not quite");
}

// The footer: Next (its width from its word) at the end side, the scroll
// hint in the rest. Returns the footer's top.
static float layout_footer(FeedbackScene *s, const App *app, const Ui *ui) {
  const char *label = s->mode == FEEDBACK_MODE_REVIEW ? _("Back to summary")
                      : s->last                       ? _("See results")
                                                      : _("Next question");
  const char *key = gameplay_key_hint(app, INPUT_ACTION_CONFIRM, s->next_key);
  TextStyle bs = ui_text_style(ui, THEME_TEXT_BUTTON, ui->theme->text);
  bs.weight = TEXT_WEIGHT_BOLD;
  float cw = ui_w(ui) - 2 * ui_margin(ui);
  float w = fminf(cw * 0.6f, fmaxf(520.0f, text_measure(ui->engine, label, &bs).w + 64.0f + 0.6f * ui_button_h(ui) +
                                               (key ? text_measure(ui->engine, key, &bs).w : 0)));
  // Compact: closer to the bottom edge, for the page's room.
  float top = ui_h(ui) - ui_button_h(ui) - (s->compact ? ui_gap(ui) : 40.0f);
  UiButton b = ui_button(ID_NEXT, ui_mirror(ui, (Rect){ui_margin(ui) + cw - w, top, w, ui_button_h(ui)}), label,
                         UI_BUTTON_PRIMARY);
  b.icon = ui->rtl ? DRAW_ICON_ARROW_LEFT : DRAW_ICON_ARROW_RIGHT;
  b.key_hint = key;
  ui_form_add(&s->form, b);
  s->hint = ui_mirror(ui, (Rect){ui_margin(ui), top, cw - w - ui_gap(ui), ui_button_h(ui)});
  return top;
}

// The verdict row: icon, word, and what was answered beside it (when the
// two do not fit on one row, the page places it, see GameplayPage).
// Returns the y under it.
static float layout_verdict(FeedbackScene *s, const Ui *ui, float y) {
  const Theme *t = ui->theme;
  float cw = ui_w(ui) - 2 * ui_margin(ui);
  TextStyle vs = ui_text_style(ui, THEME_TEXT_TITLE, t->text);
  vs.weight = TEXT_WEIGHT_BOLD;
  TextStyle ss = ui_text_style(ui, THEME_TEXT_SMALL, t->text);
  float line = text_line_height(ui->engine, &vs);
  float isz = fminf(88.0f, line);
  float vw = fminf(cw - isz - ui_gap(ui), text_measure(ui->engine, verdict_word(&s->answer), &vs).w + 1.0f);
  s->icon = ui_mirror(ui, (Rect){ui_margin(ui), y + (line - isz) / 2, isz, isz});
  s->verdict = ui_mirror(ui, (Rect){ui_margin(ui) + isz + ui_gap(ui), y, vw, line});
  float sx = ui_margin(ui) + isz + ui_gap(ui) + vw + ui_gap(ui);
  float sw = ui_margin(ui) + cw - sx;
  float said_w = text_measure(ui->engine, s->said, &ss).w + 1.0f;
  s->said_in_page = said_w > sw;
  s->said_box = ui_mirror(ui, (Rect){ui_margin(ui) + cw - said_w, y, s->said_in_page ? 0 : said_w, line});
  return y + line;
}

// The verdict in the header bar: the header laid out for its word (hints
// left out, then icon-only buttons), the icon and word in the room left.
// False when even that leaves too little room.
static bool layout_verdict_in_header(FeedbackScene *s, const Ui *ui) {
  bool back = s->mode == FEEDBACK_MODE_REVIEW;
  s->header = ui_header_layout(ui, verdict_word(&s->answer), back, true);
  TextStyle vs = ui_text_style(ui, THEME_TEXT_TITLE, ui->theme->text);
  vs.weight = TEXT_WEIGHT_BOLD;
  float line = fminf(text_line_height(ui->engine, &vs), ui_header_h(ui));
  float isz = fminf(88.0f, line);
  float vw = text_measure(ui->engine, verdict_word(&s->answer), &vs).w + 1.0f;
  float x0 = s->header.back.x + s->header.back.w + ui_gap(ui);
  float room = s->header.settings.x - ui_gap(ui) - x0;
  if (isz + ui_gap(ui) + vw > room) {
    return false;
  }
  float x = x0 + (room - isz - ui_gap(ui) - vw) / 2;
  float y = (ui_header_h(ui) - line) / 2;
  s->icon = ui_mirror(ui, (Rect){x, y + (line - isz) / 2, isz, isz});
  s->verdict = ui_mirror(ui, (Rect){x + isz + ui_gap(ui), y, vw, line});
  s->said_in_page = true;
  return true;
}

// Lays the page out, compact or not (see FeedbackScene).
static void feedback_layout_as(FeedbackScene *s, const App *app, const Ui *ui, bool compact, float fixed_max) {
  ui_form_init(&s->form, ui->rtl);
  s->compact = compact && layout_verdict_in_header(s, ui);
  float gap = ui_gap(ui) * (s->compact ? 0.25f : 0.5f);
  float y = ui_header_h(ui) + gap;
  if (s->compact) {
    ui_form_add_header_from(&s->form, ui, &s->header);
  } else {
    // Back only when it is a real step back (review); after an answer the
    // way on is Next, and Esc asks to quit the round.
    ui_form_add_header(&s->form, ui, s->mode == FEEDBACK_MODE_REVIEW, true);
    y = layout_verdict(s, ui, y) + gap;
  }
  float footer = layout_footer(s, app, ui);
  Rect area = {ui_margin(ui), y, ui_w(ui) - 2 * ui_margin(ui), footer - gap - y};
  gameplay_page_layout(&s->page, ui, s->pack, s->answer.item, s->said_in_page ? s->said : NULL, area, fixed_max);
}

static void feedback_layout(SceneCtx *ctx) {
  FeedbackScene *s = ctx->data;
  App *app = app_from_ctx(ctx);
  Ui ui = app_ui(app);
  int focus = ui_form_focused_id(&s->form);
  bool first = s->form.count == 0;
  // The fixed part's cap: its size laid out at the largest text size (the
  // least room), so that it never gets smaller as the text size goes up.
  Settings largest = app->settings;
  largest.text_size = SETTINGS_TEXT_LARGEST;
  Theme big = theme_from_settings(&largest);
  Ui bui = ui;
  bui.theme = &big;
  feedback_layout_as(s, app, &bui, false, 0);
  if (s->page.overflow || s->page.size < theme_text_size(&big, THEME_TEXT_BODY)) {
    feedback_layout_as(s, app, &bui, true, 0);
  }
  float cap = s->page.size;
  feedback_layout_as(s, app, &ui, false, cap);
  if (s->page.overflow || s->page.size < fminf(cap, theme_text_size(ui.theme, THEME_TEXT_BODY))) {
    // The fixed part did not fit at its size: the verdict moves up into the
    // header bar, so the page has that row too.
    feedback_layout_as(s, app, &ui, true, cap);
  }
  s->overflow = s->page.overflow;
  s->scroll = gameplay_clamp_scroll(s->scroll, s->page.body_h, s->page.body.h);
  s->track = ui_mirror(&ui, (Rect){ui_w(&ui) - ui_margin(&ui) - 12.0f, s->page.body.y, 10.0f, s->page.body.h});
  if (first || !ui_form_focus_id(&s->form, focus)) {
    ui_form_focus_id(&s->form, ID_NEXT);
  }
}

static void feedback_continue(SceneCtx *ctx) {
  FeedbackScene *s = ctx->data;
  if (s->closing) {
    return;
  }
  s->closing = true;
  engine_pop_scene(ctx->engine);
  // Once only: a second Enter in the same frame must not skip a question.
  FeedbackDoneFn done = s->done;
  s->done = NULL;
  if (done) {
    done(app_from_ctx(ctx), s->user);
  }
}

// True when the body moved.
static bool feedback_scroll(FeedbackScene *s, float delta) {
  float next = gameplay_clamp_scroll(s->scroll + delta, s->page.body_h, s->page.body.h);
  bool moved = next != s->scroll;
  s->scroll = next;
  return moved;
}

// Between two questions of a round the settings screen says that the round's
// rules change from the next round; from the summary's review it is plain.
static void feedback_settings(App *app, const FeedbackScene *s) {
  if (s->mode == FEEDBACK_MODE_ANSWER) {
    scene_settings_push_in_round(app);
  } else {
    scene_settings_push(app);
  }
}

static bool feedback_event(SceneCtx *ctx, const InputEvent *ev) {
  App *app = app_from_ctx(ctx);
  FeedbackScene *s = ctx->data;
  if (ev->type == INPUT_EVENT_ACTION && (ev->action == INPUT_ACTION_UP || ev->action == INPUT_ACTION_DOWN)) {
    feedback_scroll(s, ev->action == INPUT_ACTION_UP ? -120.0f : 120.0f);
    return true;
  }
  if (ev->type == INPUT_EVENT_WHEEL) {
    return feedback_scroll(s, -ev->wheel_y * 80.0f);
  }
  UiResult res = ui_form_event(&s->form, ev);
  if (res.kind == UI_RESULT_ACTIVATE) {
    if (res.id == ID_NEXT || res.id == UI_ID_BACK) {
      feedback_continue(ctx);
    } else if (res.id == UI_ID_HELP) {
      scene_help_push(app);
    } else if (res.id == UI_ID_SETTINGS) {
      feedback_settings(app, s);
    }
    return true;
  }
  if (res.kind != UI_RESULT_IGNORED) {
    return true;
  }
  if (ev->type != INPUT_EVENT_ACTION) {
    return false;
  }
  switch (ev->action) {
  case INPUT_ACTION_CONFIRM:
  case INPUT_ACTION_BACK:
    // Reviewing: back to the summary. After an answer: the same as Next, so
    // Esc never loses the player's place; quitting is asked on the question.
    feedback_continue(ctx);
    return true;
  case INPUT_ACTION_SETTINGS:
    feedback_settings(app, s);
    return true;
  default:
    return false;  // Help, sound and the rest: app_global_event()
  }
}

static void feedback_draw(SceneCtx *ctx) {
  App *app = app_from_ctx(ctx);
  FeedbackScene *s = ctx->data;
  Ui ui = app_ui(app);
  const Theme *t = ui.theme;
  const RoundAnswer *a = &s->answer;

  if (s->compact) {
    ui_header_draw_from(&ui, &s->header, "");
  } else {
    // Short: a longer title is cut between the header's buttons at the largest text.
    char *title = xasprintf(_("%zu of %zu"), s->index + 1, s->count);
    ui_header_draw(&ui, title);
    free(title);
  }

  // Verdict: icon + word + what was answered; never colour alone.
  Color vc = a->correct ? t->correct : t->wrong;
  draw_circle(ui.engine, s->icon.x + s->icon.w / 2, s->icon.y + s->icon.h / 2, s->icon.w / 2, vc);
  draw_icon(ui.engine, a->correct ? DRAW_ICON_CHECK : DRAW_ICON_CROSS, rect_inset(s->icon, s->icon.w * 0.2f),
            t->background);
  TextStyle vs = ui_text_style(&ui, THEME_TEXT_TITLE, vc);
  vs.weight = TEXT_WEIGHT_BOLD;
  vs.valign = TEXT_VALIGN_MIDDLE;
  text_draw(ui.engine, verdict_word(a), &vs, s->verdict);
  if (!s->said_in_page) {
    TextStyle ss = ui_text_style(&ui, THEME_TEXT_SMALL, t->text_muted);
    ss.valign = TEXT_VALIGN_MIDDLE;
    text_draw(ui.engine, s->said, &ss, s->said_box);
  }

  gameplay_page_draw(&s->page, &ui, s->scroll);
  if (s->page.body_h > s->page.body.h + 1.0f) {
    // More of the explanation below (or above): say how to reach it.
    bool more_below = s->scroll + s->page.body.h < s->page.body_h - 1.0f;
    TextStyle hs = ui_text_style(&ui, THEME_TEXT_SMALL, t->text_muted);
    hs.valign = TEXT_VALIGN_MIDDLE;
    ui_text_fitted(&ui, more_below ? _("More below: scroll or press Down") : _("Press Up to scroll back"), &hs, s->hint,
                   theme_text_size(t, THEME_TEXT_SMALL) * 0.8f);
    ui_scrollbar_draw(&ui, s->track, s->page.body.h, s->page.body_h, s->scroll);
  }
  ui_form_draw(&ui, &s->form);
}

const SceneVTable scene_feedback_vtable = {
    .name = "feedback",
    .free_data = feedback_free,
    .layout = feedback_layout,
    .event = feedback_event,
    .draw = feedback_draw,
};

const GameplayPage *scene_feedback_peek_page(const void *scene_data, float *scroll) {
  const FeedbackScene *s = scene_data;
  if (scroll) {
    *scroll = s ? s->scroll : 0;
  }
  return s ? &s->page : NULL;
}
