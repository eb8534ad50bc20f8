// The feedback screen: after each answer of a practice round (and again from
// the summary, read-only) it says whether the answer was right, states the
// truth in a sentence and explains it. It stays until the player continues:
// people read at their own pace. The page itself is gameplay_page.c.
//
// Right after an answer of a practice round it can ask two optional things
// (play/training.h), each skipped with Enter:
//  1. "How sure are you?" (Sure / I think so / Guessing), BEFORE the verdict
//     shows: confidence given after the feedback is hindsight, not
//     calibration (how often "sure" was right only means something when
//     the player did not know yet). So neither the verdict, the points nor
//     the right/wrong sound are given away until the tap or the skip.
//  2. for a fabricated headline, "Which technique?" with three choices,
//     after the verdict and BEFORE the page names the techniques (it would
//     give the answer away); the page then says whether the choice was
//     right, with the right technique's name and tip.
// Assessments (the MIST-20) never get here: they show nothing between
// questions, and a confidence question would change a validated
// instrument, so they are asked neither.

#include "scenes/gameplay.h"

#include <SDL.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/str.h"
#include "engine/text.h"
#include "play/training.h"
#include "scenes/game_config.h"
#include "scenes/scenes.h"
#include "scenes/ui_scroll.h"

// ---- the feedback scene -----------------------------------------------------

enum {
  ID_NEXT = 1,
  ID_CHOICE = 10,  // ID_CHOICE + k: the k-th of the three choices
  FEEDBACK_CHOICES = 3,
};

// The headline card of a question step is left out below this height (two
// lines at the smallest headline size would not fit in it).
#define ASK_CARD_MIN_H (2 * GAMEPLAY_HEADLINE_PAD + 2.6f * GAMEPLAY_HEADLINE_MIN_SIZE)

// A question step's layout (the choices are the form's buttons).
typedef struct FeedbackAsk {
  Rect card;   // the headline (h 0: no room for it)
  Rect line;   // "You answered: real." / the truth sentence
  Rect title;  // "How sure are you?" / "Which technique does it use?"
  bool overflow;
} FeedbackAsk;

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
  char *said_plain;                   // "You answered: real." with no points, before the verdict (owned)
  char next_key[GAMEPLAY_HINT_SIZE];  // Next's key (CONFIRM)
  char choice_keys[FEEDBACK_CHOICES][GAMEPLAY_HINT_SIZE];
  UiScroll scroll;  // the explanation, the only part that scrolls
  // The optional taps (FEEDBACK_MODE_ANSWER with a session only).
  PlaySession *session;  // borrowed, NULL: no taps (review)
  FeedbackStep step;
  PlayConfidence confidence;       // what was tapped, NONE when skipped
  PlayTechniqueQuestion question;  // valid from FEEDBACK_STEP_TECHNIQUE on when has_question
  bool has_question;
  int chosen;  // the technique choice, -1 when none
  bool chosen_right;
  char *note;   // the page's "Which technique?" result (owned, NULL when none)
  char *truth;  // the truth sentence of the technique step (owned)
  FeedbackAsk ask;
  bool refocus;  // the step changed: Next takes the focus
  // Layout (feedback_layout).
  Rect icon, verdict, said_box, hint;
  bool said_in_page;
  // Compact: the page did not fit at its full size, so the verdict sits in
  // the header bar between icon-only buttons (`header`), with tighter gaps.
  bool compact;
  UiHeader header;  // "You answered" did not fit beside the verdict: the page places it
  GameplayPage page;
  bool overflow;  // the verdict row or the page's fixed part did not fit
} FeedbackScene;

static FeedbackScene *feedback_create(FeedbackMode mode, const Pack *pack, const RoundAnswer *answer, size_t index,
                                      size_t count, bool last, FeedbackDoneFn done, void *user) {
  FeedbackScene *s = xcalloc(1, sizeof *s);
  *s = (FeedbackScene){.mode = mode,
                       .pack = pack,
                       .answer = *answer,
                       .index = index,
                       .count = count,
                       .last = last,
                       .done = done,
                       .user = user,
                       .step = FEEDBACK_STEP_PAGE,
                       .chosen = -1};
  const char *said = !answer->answered                   ? _("You gave no answer.")
                     : answer->given == PACK_ANSWER_REAL ? _("You answered: real.")
                                                         : _("You answered: fabricated.");
  if (mode == FEEDBACK_MODE_ANSWER && answer->points > 0) {
    s->said =
        xasprintf(ngettext("%s  +%d point", "%s  +%d points", (unsigned long)answer->points), said, answer->points);
  } else {
    s->said = xstrdup(said);
  }
  s->said_plain = xstrdup(said);
  return s;
}

void scene_feedback_push(App *app, FeedbackMode mode, const Pack *pack, const RoundAnswer *answer, size_t index,
                         size_t count, bool last, FeedbackDoneFn done, void *user) {
  engine_push_scene(app->engine, &scene_feedback_vtable,
                    feedback_create(mode, pack, answer, index, count, last, done, user));
}

// The verdict shows from now on: its sound, then the technique question
// when the headline has one, else the page.
static void feedback_reveal(App *app, FeedbackScene *s) {
  if (app->settings.sound) {
    engine_play_sound(app->engine, s->answer.correct ? SOUND_CUE_CORRECT : SOUND_CUE_WRONG);
  }
  s->has_question = play_session_technique_question(s->session, &s->question);
  s->step = s->has_question ? FEEDBACK_STEP_TECHNIQUE : FEEDBACK_STEP_PAGE;
}

void scene_feedback_push_answer(App *app, PlaySession *session, const RoundAnswer *answer, size_t index, size_t count,
                                bool last, FeedbackDoneFn done, void *user) {
  FeedbackScene *s =
      feedback_create(FEEDBACK_MODE_ANSWER, play_session_pack(session), answer, index, count, last, done, user);
  s->session = session;
  s->truth = gameplay_truth_sentence(answer->item);
  if (answer->answered && app->settings.confidence_tap) {
    s->step = FEEDBACK_STEP_CONFIDENCE;  // a time-out has no verdict to rate
  } else {
    feedback_reveal(app, s);
  }
  engine_push_scene(app->engine, &scene_feedback_vtable, s);
}

static void feedback_free(void *data) {
  FeedbackScene *s = data;
  gameplay_page_free(&s->page);
  free(s->said);
  free(s->said_plain);
  free(s->note);
  free(s->truth);
  free(s);
}

static const char *verdict_word(const RoundAnswer *a) {
  return a->correct ? _("Right!") : a->timed_out ? _("Time ran out") : _("Not quite");
}

static const char *next_label(const FeedbackScene *s) {
  switch (s->step) {
  case FEEDBACK_STEP_CONFIDENCE:
    return _("Show the answer");
  case FEEDBACK_STEP_TECHNIQUE:
    return _("Skip the question");
  default:
    return s->mode == FEEDBACK_MODE_REVIEW ? _("Back to summary") : s->last ? _("See results") : _("Next question");
  }
}

// The footer: Next (its width from its word) at the end side, the scroll
// hint in the rest. Returns the footer's top.
static float layout_footer(FeedbackScene *s, const App *app, const Ui *ui) {
  const char *label = next_label(s);
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

// The header and, when it is not in the header, the verdict row (shown
// from the technique step on). Returns the y where the content starts.
static float layout_top(FeedbackScene *s, const Ui *ui, bool compact, bool verdict) {
  s->compact = verdict && compact && layout_verdict_in_header(s, ui);
  float gap = ui_gap(ui) * (s->compact ? 0.25f : 0.5f);
  float y = ui_header_h(ui) + gap;
  if (s->compact) {
    ui_form_add_header_from(&s->form, ui, &s->header);
    return y;
  }
  // Back only when it is a real step back (review); after an answer the
  // way on is Next, and Esc asks to quit the round.
  ui_form_add_header(&s->form, ui, s->mode == FEEDBACK_MODE_REVIEW, true);
  return verdict ? layout_verdict(s, ui, y) + gap : y;
}

// ---- the question steps ---------------------------------------------------------

static const char *choice_label(const FeedbackScene *s, int k) {
  return s->step == FEEDBACK_STEP_CONFIDENCE ? play_confidence_label((PlayConfidence)(PLAY_CONFIDENCE_SURE + k))
                                             : gameplay_technique_label(s->question.choices[k]);
}

static TextStyle ask_title_style(const Ui *ui) {
  TextStyle st = ui_text_style(ui, THEME_TEXT_BODY, ui->theme->text);
  st.weight = TEXT_WEIGHT_BOLD;
  return st;
}

static float wrapped_h(const Ui *ui, const char *text, TextStyle st, float w) {
  st.wrap_width = w;
  return text_measure(ui->engine, text, &st).h;
}

// The three choices as buttons: side by side when every word fits its
// third of the row, else one under another. Placed from `y` when `place`;
// returns their height.
static float layout_choices(FeedbackScene *s, const App *app, const Ui *ui, float y, bool place) {
  float cw = ui_w(ui) - 2 * ui_margin(ui);
  float bh = ui_button_h(ui);
  float gap = ui_gap(ui);
  float w3 = (cw - 2 * gap) / FEEDBACK_CHOICES;
  UiButton b[FEEDBACK_CHOICES];
  bool row = true;
  for (int k = 0; k < FEEDBACK_CHOICES; k++) {
    b[k] = ui_button(ID_CHOICE + k, (Rect){0}, choice_label(s, k), UI_BUTTON_NORMAL);
    b[k].key_hint = gameplay_key_hint(app, INPUT_ACTION_CHOICE_1 + k, s->choice_keys[k]);
    // Some slack, so a word does not run into its key hint.
    row = row && ui_button_width(ui, &b[k], bh, true) + 0.3f * gap <= w3;
  }
  for (int k = 0; place && k < FEEDBACK_CHOICES; k++) {
    Rect r = row ? (Rect){ui_margin(ui) + (float)k * (w3 + gap), y, w3, bh}
                 : (Rect){ui_margin(ui), y + (float)k * (bh + gap), cw, bh};
    b[k].rect = ui_mirror(ui, r);
    ui_form_add(&s->form, b[k]);
  }
  return row ? bh : FEEDBACK_CHOICES * bh + (FEEDBACK_CHOICES - 1) * gap;
}

static const char *ask_title(const FeedbackScene *s) {
  return s->step == FEEDBACK_STEP_CONFIDENCE ? _("How sure are you?") : _("Which technique does it use?");
}

// The line above the question: what was answered (before the verdict, no
// points), or the truth once the verdict shows.
static const char *ask_line(const FeedbackScene *s) {
  return s->step == FEEDBACK_STEP_CONFIDENCE ? s->said_plain : s->truth;
}

// A question step, top down: [verdict], the headline card (when there is
// room for it), the line, the question, the choices; Skip in the footer.
static void layout_ask_as(FeedbackScene *s, const App *app, const Ui *ui, bool compact, bool with_line) {
  ui_form_init(&s->form, ui->rtl);
  float y = layout_top(s, ui, compact, s->step == FEEDBACK_STEP_TECHNIQUE);
  float footer = layout_footer(s, app, ui);
  float cw = ui_w(ui) - 2 * ui_margin(ui);
  float gap = ui_gap(ui) * 0.5f;
  TextStyle ls = ui_text_style(ui, THEME_TEXT_BODY, ui->theme->text);
  float line_h = with_line ? wrapped_h(ui, ask_line(s), ls, cw) : 0;
  float title_h = wrapped_h(ui, ask_title(s), ask_title_style(ui), cw);
  float choices_h = layout_choices(s, app, ui, 0, false);
  float rest = (line_h > 0 ? line_h + gap : 0) + title_h + gap + choices_h;
  float room = footer - 2 * gap - y;
  TextStyle hs = text_style(theme_text_size(ui->theme, THEME_TEXT_HEADLINE), ui->theme->text,
                            pack_item_lang(s->pack, s->answer.item));
  hs.weight = TEXT_WEIGHT_BOLD;
  float card_full =
      wrapped_h(ui, s->answer.item->headline, hs, cw - 2 * GAMEPLAY_HEADLINE_PAD) + 2 * GAMEPLAY_HEADLINE_PAD + 2.0f;
  float card_h = fminf(card_full, room - rest - gap);
  if (card_h < ASK_CARD_MIN_H) {
    card_h = 0;
  }
  s->ask.overflow = rest > room;
  s->ask.card = ui_mirror(ui, (Rect){ui_margin(ui), y, cw, card_h});
  y += card_h > 0 ? card_h + gap : 0;
  s->ask.line = ui_mirror(ui, (Rect){ui_margin(ui), y, cw, line_h});
  y += line_h > 0 ? line_h + gap : 0;
  s->ask.title = ui_mirror(ui, (Rect){ui_margin(ui), y, cw, title_h});
  y += title_h + gap;
  layout_choices(s, app, ui, y, true);
}

// What goes when room is short: the verdict row (into the header), then the line.
static void layout_ask(FeedbackScene *s, const App *app, const Ui *ui) {
  bool technique = s->step == FEEDBACK_STEP_TECHNIQUE;
  layout_ask_as(s, app, ui, false, true);
  if (s->ask.overflow && technique) {
    layout_ask_as(s, app, ui, true, true);
  }
  if (s->ask.overflow) {
    layout_ask_as(s, app, ui, technique, false);
  }
  s->overflow = s->ask.overflow;
}

// ---- the page -------------------------------------------------------------------

// Lays the page out, compact or not (see FeedbackScene).
static void feedback_layout_as(FeedbackScene *s, const App *app, const Ui *ui, bool compact, float fixed_max) {
  ui_form_init(&s->form, ui->rtl);
  float y = layout_top(s, ui, compact, true);
  float gap = ui_gap(ui) * (s->compact ? 0.25f : 0.5f);
  float footer = layout_footer(s, app, ui);
  Rect area = {ui_margin(ui), y, ui_w(ui) - 2 * ui_margin(ui), footer - gap - y};
  GameplayPageNote note = {.text = s->note, .right = s->chosen_right};
  gameplay_page_layout_noted(&s->page, ui, s->pack, s->answer.item, s->said_in_page ? s->said : NULL,
                             s->note ? &note : NULL, area, fixed_max);
}

static void layout_page(FeedbackScene *s, const App *app, const Ui *ui) {
  // The fixed part's cap: its size laid out at the largest text size (the
  // least room), so that it never gets smaller as the text size goes up.
  Settings largest = app->settings;
  largest.text_size = SETTINGS_TEXT_LARGEST;
  Theme big = theme_from_settings(&largest);
  Ui bui = *ui;
  bui.theme = &big;
  feedback_layout_as(s, app, &bui, false, 0);
  if (s->page.overflow || s->page.size < theme_text_size(&big, THEME_TEXT_BODY)) {
    feedback_layout_as(s, app, &bui, true, 0);
  }
  float cap = s->page.size;
  feedback_layout_as(s, app, ui, false, cap);
  if (s->page.overflow || s->page.size < fminf(cap, theme_text_size(ui->theme, THEME_TEXT_BODY))) {
    // The fixed part did not fit at its size: the verdict moves up into the
    // header bar, so the page has that row too.
    feedback_layout_as(s, app, ui, true, cap);
  }
  s->overflow = s->page.overflow;
  TextStyle body = ui_text_style(ui, THEME_TEXT_BODY, ui->theme->text);
  ui_scroll_set(&s->scroll, s->page.body, s->page.body_h, text_line_height(ui->engine, &body));
}

static void feedback_layout(SceneCtx *ctx) {
  FeedbackScene *s = ctx->data;
  App *app = app_from_ctx(ctx);
  Ui ui = app_ui(app);
  int focus = ui_form_focused_id(&s->form);
  bool first = s->form.count == 0 || s->refocus;
  s->refocus = false;
  if (s->step == FEEDBACK_STEP_PAGE) {
    layout_page(s, app, &ui);
  } else {
    layout_ask(s, app, &ui);
  }
  // Next first: Enter skips a question step, or goes on from the page.
  if (first || !ui_form_focus_id(&s->form, focus)) {
    ui_form_focus_id(&s->form, ID_NEXT);
  }
}

// ---- events ---------------------------------------------------------------------

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

static void feedback_step_changed(SceneCtx *ctx, FeedbackScene *s) {
  s->refocus = true;
  feedback_layout(ctx);
  engine_request_redraw(ctx->engine);
}

// The page's line on the technique answered: right or not, the right
// technique by name, and its tip.
static char *technique_note(const FeedbackScene *s, Technique chosen) {
  Technique right = s->question.choices[s->question.right];
  const char *tip = _(technique_tip(right));
  if (s->chosen_right) {
    return xasprintf(_("Which technique? Right: %s. %s"), gameplay_technique_label(right), tip);
  }
  char *mine = xstrdup(gameplay_technique_label(chosen));
  char *out = xasprintf(_("Which technique? You chose %s; it is %s. %s"), mine, gameplay_technique_label(right), tip);
  free(mine);
  return out;
}

// Choice `k` of a question step (a tap, a click, 1/2/3, A on it).
static void feedback_choose(SceneCtx *ctx, FeedbackScene *s, int k) {
  if (s->closing || k < 0 || k >= FEEDBACK_CHOICES) {
    return;
  }
  if (s->step == FEEDBACK_STEP_CONFIDENCE) {
    s->confidence = (PlayConfidence)(PLAY_CONFIDENCE_SURE + k);
    play_session_confidence(s->session, s->confidence);
    feedback_reveal(app_from_ctx(ctx), s);
  } else if (s->step == FEEDBACK_STEP_TECHNIQUE) {
    Technique chosen = s->question.choices[k];
    if (play_session_technique_answer(s->session, chosen, &s->chosen_right)) {
      s->chosen = k;
      s->note = technique_note(s, chosen);
    }
    s->step = FEEDBACK_STEP_PAGE;
  } else {
    return;
  }
  feedback_step_changed(ctx, s);
}

// Enter (or Skip) on a question step: on without an answer.
static void feedback_skip(SceneCtx *ctx, FeedbackScene *s) {
  if (s->step == FEEDBACK_STEP_CONFIDENCE) {
    feedback_reveal(app_from_ctx(ctx), s);
  } else {
    s->step = FEEDBACK_STEP_PAGE;
  }
  feedback_step_changed(ctx, s);
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

// Next, Enter, Esc: a question step is skipped, the page goes on.
static void feedback_next(SceneCtx *ctx, FeedbackScene *s) {
  if (s->step == FEEDBACK_STEP_PAGE) {
    feedback_continue(ctx);
  } else if (!s->closing) {
    feedback_skip(ctx, s);
  }
}

static bool feedback_event(SceneCtx *ctx, const InputEvent *ev) {
  App *app = app_from_ctx(ctx);
  FeedbackScene *s = ctx->data;
  bool action = ev->type == INPUT_EVENT_ACTION;
  if (action && ev->action >= INPUT_ACTION_CHOICE_1 && ev->action <= INPUT_ACTION_CHOICE_3) {
    if (s->step == FEEDBACK_STEP_PAGE || ev->repeat) {
      return false;
    }
    feedback_choose(ctx, s, (int)(ev->action - INPUT_ACTION_CHOICE_1));
    return true;
  }
  if (s->step == FEEDBACK_STEP_PAGE && ui_scroll_event(&s->scroll, ev, true)) {
    return true;
  }
  UiResult res = ui_form_event(&s->form, ev);
  if (res.kind == UI_RESULT_ACTIVATE) {
    if (res.id == ID_NEXT || res.id == UI_ID_BACK) {
      feedback_next(ctx, s);
    } else if (res.id >= ID_CHOICE && res.id < ID_CHOICE + FEEDBACK_CHOICES) {
      feedback_choose(ctx, s, res.id - ID_CHOICE);
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
  if (!action) {
    return false;
  }
  switch (ev->action) {
  case INPUT_ACTION_CONFIRM:
  case INPUT_ACTION_BACK:
    // Reviewing: back to the summary. After an answer: the same as Next, so
    // Esc never loses the player's place; quitting is asked on the question.
    if (!ev->repeat) {
      feedback_next(ctx, s);
    }
    return true;
  case INPUT_ACTION_SETTINGS:
    feedback_settings(app, s);
    return true;
  default:
    return false;  // Help, sound and the rest: app_global_event()
  }
}

// ---- drawing --------------------------------------------------------------------

static void draw_top(const Ui *ui, const FeedbackScene *s, bool verdict) {
  const Theme *t = ui->theme;
  const RoundAnswer *a = &s->answer;
  if (s->compact) {
    ui_header_draw_from(ui, &s->header, "");
  } else {
    // Short: a longer title is cut between the header's buttons at the largest text.
    char *title = xasprintf(_("%zu of %zu"), s->index + 1, s->count);
    ui_header_draw(ui, title);
    free(title);
  }
  if (!verdict) {
    return;
  }
  // Verdict: icon + word + what was answered; never colour alone.
  Color vc = a->correct ? t->correct : t->wrong;
  draw_circle(ui->engine, s->icon.x + s->icon.w / 2, s->icon.y + s->icon.h / 2, s->icon.w / 2, vc);
  draw_icon(ui->engine, a->correct ? DRAW_ICON_CHECK : DRAW_ICON_CROSS, rect_inset(s->icon, s->icon.w * 0.2f),
            t->background);
  TextStyle vs = ui_text_style(ui, THEME_TEXT_TITLE, vc);
  vs.weight = TEXT_WEIGHT_BOLD;
  vs.valign = TEXT_VALIGN_MIDDLE;
  text_draw(ui->engine, verdict_word(a), &vs, s->verdict);
  if (!s->said_in_page) {
    TextStyle ss = ui_text_style(ui, THEME_TEXT_SMALL, t->text_muted);
    ss.valign = TEXT_VALIGN_MIDDLE;
    text_draw(ui->engine, s->said, &ss, s->said_box);
  }
}

static void draw_wrapped(const Ui *ui, const char *text, TextStyle st, Rect box) {
  if (box.h > 0) {
    st.wrap_width = box.w;
    ui_text_fitted(ui, text, &st, box, st.size);
  }
}

static void draw_ask(const Ui *ui, const FeedbackScene *s) {
  draw_top(ui, s, s->step == FEEDBACK_STEP_TECHNIQUE);
  if (s->ask.card.h > 0) {
    gameplay_headline_draw(ui, s->pack, s->answer.item, s->ask.card, theme_text_size(ui->theme, THEME_TEXT_HEADLINE));
  }
  draw_wrapped(ui, ask_line(s), ui_text_style(ui, THEME_TEXT_BODY, ui->theme->text), s->ask.line);
  draw_wrapped(ui, ask_title(s), ask_title_style(ui), s->ask.title);
}

static void feedback_draw(SceneCtx *ctx) {
  App *app = app_from_ctx(ctx);
  FeedbackScene *s = ctx->data;
  Ui ui = app_ui(app);
  const Theme *t = ui.theme;
  if (s->step != FEEDBACK_STEP_PAGE) {
    draw_ask(&ui, s);
    ui_form_draw(&ui, &s->form);
    return;
  }
  draw_top(&ui, s, true);
  gameplay_page_draw_fixed(&s->page, &ui);
  UiClip clip = ui_scroll_begin(&ui, &s->scroll);
  gameplay_page_draw_body(&s->page, &ui, s->scroll.offset);
  ui_scroll_end(&ui, &s->scroll, clip);
  if (ui_scroll_overflows(&s->scroll)) {
    // More of the explanation below (or above): say how to reach it.
    bool more_below = s->scroll.offset < ui_scroll_max(&s->scroll) - 1.0f;
    TextStyle hs = ui_text_style(&ui, THEME_TEXT_SMALL, t->text_muted);
    hs.valign = TEXT_VALIGN_MIDDLE;
    ui_text_fitted(&ui, more_below ? _("More below: scroll or press Down") : _("Press Up to scroll back"), &hs, s->hint,
                   theme_text_size(t, THEME_TEXT_SMALL) * 0.8f);
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
    *scroll = s ? s->scroll.offset : 0;
  }
  return s ? &s->page : NULL;
}

FeedbackStep scene_feedback_peek_step(const void *scene_data, bool *overflow) {
  const FeedbackScene *s = scene_data;
  if (overflow) {
    *overflow = s && s->overflow;
  }
  return s ? s->step : FEEDBACK_STEP_PAGE;
}
