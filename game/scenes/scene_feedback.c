// The feedback screen: after each answer of a practice round (and again from
// the summary, read-only) it says whether the answer was right, states the
// truth in a sentence and explains it. It stays until the player continues:
// people read at their own pace. Also home of the explanation drawing the
// author's preview shares, so authors see exactly what students see.

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

// ---- shared pieces ----------------------------------------------------------

const char *gameplay_technique_label(Technique t) {
  static const char *const labels[TECHNIQUE_COUNT] = {
      [TECHNIQUE_IMPERSONATION] = N_("Impersonation"),
      [TECHNIQUE_EMOTION] = N_("Emotional language"),
      [TECHNIQUE_POLARIZATION] = N_("Polarisation"),
      [TECHNIQUE_CONSPIRACY] = N_("Conspiracy theory"),
      [TECHNIQUE_DISCREDITING] = N_("Discrediting"),
      [TECHNIQUE_TROLLING] = N_("Trolling"),
      [TECHNIQUE_FAKE_EXPERT] = N_("Fake expert"),
      [TECHNIQUE_FEARMONGERING] = N_("Fearmongering"),
      [TECHNIQUE_SATIRE] = N_("Satire taken as news"),
      [TECHNIQUE_FALSE_CONTEXT] = N_("False context"),
      [TECHNIQUE_MISLEADING_STATISTIC] = N_("Misleading statistic"),
      [TECHNIQUE_SCAPEGOATING] = N_("Scapegoating"),
      [TECHNIQUE_DEHUMANISING_LANGUAGE] = N_("Dehumanising language"),
      [TECHNIQUE_FALSE_DICHOTOMY] = N_("False dichotomy"),
      [TECHNIQUE_AD_HOMINEM] = N_("Ad hominem attack"),
      [TECHNIQUE_AI_GENERATED_MEDIA] = N_("AI-generated or manipulated media"),
  };
  return (unsigned)t < TECHNIQUE_COUNT ? _(labels[t]) : "?";
}

const char *gameplay_key_hint(const App *app, InputAction action, char buf[GAMEPLAY_HINT_SIZE]) {
  const char *hint = game_key_hint(app->engine, action);
  if (!hint[0]) {
    return NULL;
  }
  str_copy(buf, GAMEPLAY_HINT_SIZE, hint);  // a longer key name is cut: still a hint
  return buf;
}

static bool parse_digits(const char *s, size_t n, int *out) {
  int v = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') {
      return false;
    }
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

char *gameplay_format_date(const char *iso) {
  static const char *const months[12] = {
      N_("January"), N_("February"), N_("March"),     N_("April"),   N_("May"),      N_("June"),
      N_("July"),    N_("August"),   N_("September"), N_("October"), N_("November"), N_("December"),
  };
  if (!iso) {
    return NULL;
  }
  size_t len = strlen(iso);
  int year = 0, month = 0, day = 0;
  if (len < 4 || !parse_digits(iso, 4, &year)) {
    return xstrdup(iso);
  }
  if (len == 4) {
    return xasprintf("%d", year);
  }
  if ((len != 7 && len != 10) || iso[4] != '-' || !parse_digits(iso + 5, 2, &month) || month < 1 || month > 12) {
    return xstrdup(iso);
  }
  const char *mname = _(months[month - 1]);
  if (len == 7) {
    // TRANSLATORS: a month and a year, e.g. "April 2016"; use %2$d / %1$s to reorder.
    return xasprintf(_("%s %d"), mname, year);
  }
  if (iso[7] != '-' || !parse_digits(iso + 8, 2, &day) || day < 1 || day > 31) {
    return xstrdup(iso);
  }
  // TRANSLATORS: day, month name, year, e.g. "17 April 2016"; reorder with %2$s etc.
  return xasprintf(_("%d %s %d"), day, mname, year);
}

char *gameplay_truth_sentence(const PackItem *item) {
  char *date = gameplay_format_date(item->date);
  // The outlet may be written in another direction than the sentence (an
  // Arabic outlet in an English sentence): isolate it so the date and the
  // punctuation around it stay in place.
  char *outlet = item->outlet ? text_isolate(item->outlet) : NULL;
  char *out;
  if (item->answer == PACK_ANSWER_REAL) {
    if (outlet && date) {
      out = xasprintf(_("This headline is real: %s, %s."), outlet, date);
    } else if (outlet) {
      out = xasprintf(_("This headline is real: %s."), outlet);
    } else if (date) {
      out = xasprintf(_("This headline is real: it ran in %s."), date);
    } else {
      out = xstrdup(_("This headline is real."));
    }
  } else if (outlet) {
    // A fabricated item's "outlet" says how it circulated ("Viral post on
    // social media", "Screenshot styled as a BBC News post"), which reads
    // wrongly after "It imitates".
    out = xasprintf(_("This headline is fabricated. It circulated as: %s."), outlet);
  } else {
    out = xstrdup(_("This headline is fabricated."));
  }
  free(date);
  free(outlet);
  return out;
}

char *gameplay_truth_short(const PackItem *item) {
  return xstrdup(item->answer == PACK_ANSWER_REAL ? _("This headline is real.") : _("This headline is fabricated."));
}

char *gameplay_source_sentence(const PackItem *item) {
  char *date = gameplay_format_date(item->date);
  char *outlet = item->outlet ? text_isolate(item->outlet) : NULL;
  char *out = NULL;
  if (item->answer == PACK_ANSWER_REAL) {
    if (outlet && date) {
      out = xasprintf(_("Source: %s, %s."), outlet, date);
    } else if (outlet) {
      out = xasprintf(_("Source: %s."), outlet);
    } else if (date) {
      out = xasprintf(_("It ran in %s."), date);
    }
  } else if (outlet) {
    out = xasprintf(_("It circulated as: %s."), outlet);
  }
  free(date);
  free(outlet);
  return out;
}

float gameplay_clamp_scroll(float scroll, float content_h, float visible_h) {
  float max = content_h - visible_h;
  if (max < 0) {
    max = 0;
  }
  return scroll < 0 ? 0 : scroll > max ? max : scroll;
}

// One wrapped block of the explanation column: measured, drawn when it shows
// through the clip, and *y moved past it.
typedef struct Column {
  Engine *engine;
  float x, y, width, scroll;
  Rect clip;
  bool measure_only;  // lay out without drawing
} Column;

static void column_text(Column *c, const char *text, TextStyle style, float gap_after) {
  if (!text || !text[0]) {
    return;
  }
  style.wrap_width = c->width;
  TextSize m = text_measure(c->engine, text, &style);
  Rect box = {c->x, c->y - c->scroll, c->width, m.h};
  if (!c->measure_only && box.y + box.h > c->clip.y && box.y < c->clip.y + c->clip.h) {
    text_draw(c->engine, text, &style, box);
  }
  c->y += m.h + gap_after;
}

// A URL has no spaces to wrap at, so it is broken after '/', '?', '&', '-'
// or '.' wherever the line would grow wider than the column.
static char *break_url(Engine *engine, const char *url, const TextStyle *style, float width) {
  StrBuf out = {0};
  StrBuf line = {0};
  const char *p = url;
  while (*p) {
    const char *q = p;
    while (*q && !strchr("/?&-.", *q)) {
      q++;
    }
    if (*q) {
      q++;
    }
    StrBuf trial = {0};
    strbuf_append(&trial, line.data ? line.data : "");
    strbuf_append_n(&trial, p, (size_t)(q - p));
    if (line.len > 0 && text_measure(engine, trial.data, style).w > width) {
      strbuf_append(&out, line.data);
      strbuf_append_char(&out, '\n');
      strbuf_free(&line);
      line = (StrBuf){0};
      strbuf_append_n(&line, p, (size_t)(q - p));
      strbuf_free(&trial);
    } else {
      strbuf_free(&line);
      line = trial;
    }
    p = q;
  }
  if (line.data) {
    strbuf_append(&out, line.data);
  }
  strbuf_free(&line);
  return strbuf_take(&out);
}

float gameplay_explain_body_draw(const Ui *ui, const Pack *pack, const PackItem *item, Rect body, float scroll,
                                 bool draw) {
  const Theme *t = ui->theme;
  float gap = t->spacing > 0 ? t->spacing : ui_gap(ui);
  // Room at the end side for the scroll bar.
  Column c = {.engine = ui->engine,
              .x = ui->rtl ? body.x + 40.0f : body.x,
              .y = body.y,
              .width = body.w - 40.0f,
              .scroll = scroll,
              .clip = body,
              .measure_only = !draw};
  UiClip clip = {0};
  if (draw) {
    clip = ui_clip_begin(ui, body);
  }
  if (item->url) {
    TextStyle small = ui_text_style(ui, THEME_TEXT_SMALL, t->text_muted);
    small.lang = "en";  // a URL reads left to right in every language
    // Two ems of slack: the text engine wraps a line measured close to the
    // width once more, leaving an empty line after it.
    char *url = break_url(ui->engine, item->url, &small, c.width - 2.0f * small.size);
    column_text(&c, url, small, gap * 0.5f);
    free(url);
  }
  TextStyle text = text_style(theme_text_size(t, THEME_TEXT_BODY), t->text, pack_item_lang(pack, item));
  column_text(&c, item->explanation, text, gap);
  for (int i = 0; i < TECHNIQUE_COUNT; i++) {
    if (!(item->techniques & (1u << i))) {
      continue;
    }
    TextStyle label = ui_text_style(ui, THEME_TEXT_BODY, t->high_contrast ? t->text : t->fabricated);
    label.weight = TEXT_WEIGHT_BOLD;
    column_text(&c, gameplay_technique_label((Technique)i), label, 0);
    column_text(&c, _(technique_description((Technique)i)), ui_text_style(ui, THEME_TEXT_BODY, t->text), gap);
  }
  if (draw) {
    ui_clip_end(ui, clip);
  }
  return c.y - body.y;
}

float gameplay_headline_fit(const Ui *ui, const Pack *pack, const PackItem *item, Rect box, float max_size) {
  Rect in = rect_inset(box, GAMEPLAY_HEADLINE_PAD);
  TextStyle s = text_style(max_size, ui->theme->text, pack_item_lang(pack, item));
  s.weight = TEXT_WEIGHT_BOLD;
  float size = text_fit(ui->engine, item->headline, &s, in.w, in.h, GAMEPLAY_HEADLINE_MIN_SIZE);
  // text_fit() allows an output pixel of slack, which at a small scale is
  // about two units: checked against the real measured height, a size that
  // runs into the card's padding steps down (the width keeps the wrapper's
  // rounding to whole pixels).
  s.wrap_width = in.w;
  while (size > GAMEPLAY_HEADLINE_MIN_SIZE) {
    s.size = size;
    TextSize m = text_measure(ui->engine, item->headline, &s);
    if (m.h <= in.h + 0.5f && m.w <= in.w + 1.5f) {
      break;
    }
    size = fmaxf(GAMEPLAY_HEADLINE_MIN_SIZE, size - 1.0f);
  }
  return size;
}

void gameplay_headline_draw(const Ui *ui, const Pack *pack, const PackItem *item, Rect box, float max_size) {
  ui_card_draw(ui, box);
  TextStyle s =
      text_style(gameplay_headline_fit(ui, pack, item, box, max_size), ui->theme->text, pack_item_lang(pack, item));
  s.weight = TEXT_WEIGHT_BOLD;
  s.align = TEXT_ALIGN_CENTER;
  s.valign = TEXT_VALIGN_MIDDLE;
  ui_text_fitted(ui, item->headline, &s, rect_inset(box, GAMEPLAY_HEADLINE_PAD), GAMEPLAY_HEADLINE_MIN_SIZE);
}

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
