// The help overlay: what the game is about (what "fabricated" means, how to
// judge a headline, why calling everything fake is as wrong as believing
// everything), what the summary's measures mean with their exact formulas,
// the scoring rules and every key. Reachable from every screen with F1, H,
// the controller's Back button or the header's Help button (and from the
// round's pause menu).
//
// The text is laid out at the themed sizes (never shrunk) in one column of
// a readable width and scrolls in the kit's scroll view: Up/Down (a line),
// Page Up/Down, Home/End, the mouse wheel, a drag, or the controller's
// D-pad. Esc, F1 or the Close button close it.

#include <math.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "base/str.h"
#include "scenes/menu_text.h"
#include "scenes/scenes.h"

enum { ID_CLOSE = 1 };
enum { LAYER_FIXED = 0, LAYER_SCROLLED = 1 };

#define HELP_CARD_MAX_W 1640.0f  // wider reads badly: lines get too long
#define HELP_PAD 56.0f

typedef struct HelpScene {
  MenuSceneHead head;  // first: see scenes.h
  Rect card;           // the scrolled text is head.scroll
} HelpScene;

typedef struct HelpKey {
  const char *keys;        // keyboard
  const char *controller;  // game controller
  const char *action;
} HelpKey;

static const HelpKey help_keys[] = {
    {N_("R or Left"), N_("X"), N_("Answer REAL")},
    {N_("F or Right"), N_("Y"), N_("Answer FABRICATED")},
    {N_("Arrow keys"), N_("D-pad or stick"), N_("Move between buttons and lists; scroll this help")},
    {N_("Enter or Space"), N_("A"), N_("Choose, continue")},
    {N_("1, 2, 3"), N_("D-pad, then A"), N_("After an answer: how sure you were; then which technique it used")},
    {N_("Page Up, Page Down, Home, End"), N_("-"), N_("Scroll a long page (this help, high scores)")},
    {N_("Esc"), N_("B"), N_("Back one step (asks before leaving a round)")},
    {N_("P"), N_("Start"), N_("Pause the round (the clock stops)")},
    {N_("F1 or H"), N_("Back"), N_("This help")},
    {N_("F2"), N_("-"), N_("Settings, from every screen")},
    {N_("M"), N_("-"), N_("Sound on or off")},
    {N_("F11 or Alt+Enter"), N_("-"), N_("Fullscreen on or off")},
};
#define HELP_KEY_COUNT (sizeof help_keys / sizeof help_keys[0])

// A section: a heading and its paragraphs; a paragraph starting with "- "
// is drawn as a bullet.
typedef struct HelpSection {
  const char *heading;
  const char *lines[8];
} HelpSection;

static const HelpSection help_sections[] = {
    {N_("What the game is about"),
     {N_("Each question shows a news headline. Some were really published by news outlets. Others are fabricated: "
         "made up, or twisted, to mislead people or to make them angry or afraid, and dressed up to look like "
         "news."),
      N_("Decide for each one: REAL or FABRICATED. After every answer the game shows why, and what gave it away."),
      NULL}},
    {N_("How to judge a headline"),
     {N_("- The source: is it a known outlet, with a name and a place? Fabricated news often has none, or one that "
         "sounds like a real one."),
      N_("- The date: is it recent, or old news passed on as new?"),
      N_("- Who says it: an expert, a witness, an official? Or \"people\", \"they\", \"scientists\" with no name?"),
      N_("- Other outlets: would other newspapers report something this big? If nobody else has it, be careful."),
      N_("- Emotional wording: SHOCKING, outrage, fear, capital letters and exclamation marks are meant to stop you "
         "thinking."),
      N_("- Too good (or too bad) to be true: a miracle cure, a secret plot, a simple answer to a hard problem."),
      NULL}},
    {N_("Do not call everything fake"),
     {N_("Calling every headline fabricated is as wrong as believing every one. Most news is real: the goal is to "
         "tell them apart, not to trust nothing. The summary shows both kinds of mistake and which way you lean."),
      NULL}},
    {N_("What the summary's measures mean"),
     {
         N_("R is the number of real headlines in the round and F the number of fabricated ones. An item that ran out "
            "of time counts as wrong, and as neither a \"real\" nor a \"fabricated\" answer."),
         N_("- V, discernment: how many you got right in all. V = r + f (0 to R + F)."),
         N_("- r, real news detection: real headlines you called real (0 to R)."),
         N_("- f, fake news detection: fabricated headlines you called fabricated (0 to F)."),
         N_("- d, distrust: how far you over-use \"fabricated\". d = max(0, \"fabricated\" answers - F)."),
         N_("- n, naivety: how far you over-use \"real\". n = max(0, \"real\" answers - R)."),
         N_("- d′ (d-prime), how well you tell them apart, over answered items: d′ = z(H) - z(FA), with hit rate "
            "H = (fabricated called fabricated + 0.5) / (fabricated answered + 1) and false-alarm rate FA = (real "
            "called "
            "fabricated + 0.5) / (real answered + 1); z is the normal quantile. 0 is guessing; higher is better."),
         N_("- c, bias: c = -(z(H) + z(FA)) / 2. Above 0 you lean to trusting (\"real\"), below 0 to doubting "
            "(\"fabricated\")."),
     }},
    {N_("After each answer"),
     {N_("- Before the verdict, you may say how sure you were: sure, I think so, or guessing. The summary then shows "
         "how often \"sure\" was right. You can skip it, or turn it off in Settings (Ask how sure I am)."),
      N_("- After a fabricated headline, you may name the technique it used, from three. It is scored apart from "
         "real or fabricated, and the summary shows how well you named each technique."),
      NULL}},
    {N_("Scoring"),
     {N_("- 100 points for a correct answer."),
      N_("- A speed bonus of up to 50 for answering early, when it is on in Settings (it is off unless you turn it "
         "on). Assessment packs have no clock and no bonus."),
      N_("- Nothing is taken away for a wrong answer, and there is no streak bonus: every question counts the same."),
      N_("- High scores rank by correct answers first, then by d′, then by time."), NULL}},
};
#define HELP_SECTION_COUNT (sizeof help_sections / sizeof help_sections[0])

static void help_free(void *data) {
  HelpScene *s = data;
  menu_text_free(&s->head.texts);
  free(s);
}

void scene_help_push(App *app) {
  // One help at a time: a second F1 in the same frame, or from the help
  // itself, does nothing.
  engine_push_scene_once(app->engine, &scene_help_vtable, xcalloc(1, sizeof(HelpScene)));
}

// The key table: three columns as wide as their widest cell (the first two
// capped, so the third always has room), each cell wrapped. Returns the y
// below it.
static float layout_keys(HelpScene *s, const Ui *ui, float x, float y, float w) {
  const Theme *t = ui->theme;
  MenuTextPlan *p = &s->head.texts;
  TextStyle head = menu_text_style(ui, THEME_TEXT_SMALL, t->text_muted, TEXT_WEIGHT_BOLD, TEXT_ALIGN_START);
  TextStyle key = menu_text_style(ui, THEME_TEXT_BODY, t->text, TEXT_WEIGHT_BOLD, TEXT_ALIGN_START);
  TextStyle body = menu_text_style(ui, THEME_TEXT_BODY, t->text, TEXT_WEIGHT_REGULAR, TEXT_ALIGN_START);
  float gap = 2 * UI_GAP, c1 = text_measure(ui->engine, _("Keyboard"), &head).w;
  float c2 = text_measure(ui->engine, _("Controller"), &head).w;
  for (size_t i = 0; i < HELP_KEY_COUNT; i++) {
    c1 = fmaxf(c1, text_measure(ui->engine, _(help_keys[i].keys), &key).w);
    c2 = fmaxf(c2, text_measure(ui->engine, _(help_keys[i].controller), &key).w);
  }
  c1 = fminf(ceilf(c1) + 2, w * 0.34f);
  c2 = fminf(ceilf(c2) + 2, w * 0.24f);
  float c3 = w - c1 - c2 - 2 * gap;
  float x2 = x + c1 + gap, x3 = x2 + c2 + gap;
  float hh = menu_text_add(p, ui, _("Keyboard"), head, (Rect){x, y, c1, 0}, LAYER_SCROLLED);
  hh = fmaxf(hh, menu_text_add(p, ui, _("Controller"), head, (Rect){x2, y, c2, 0}, LAYER_SCROLLED));
  hh = fmaxf(hh, menu_text_add(p, ui, _("What it does"), head, (Rect){x3, y, c3, 0}, LAYER_SCROLLED));
  y += hh + UI_GAP / 2;
  for (size_t i = 0; i < HELP_KEY_COUNT; i++) {
    float h = menu_text_add(p, ui, _(help_keys[i].keys), key, (Rect){x, y, c1, 0}, LAYER_SCROLLED);
    h = fmaxf(h, menu_text_add(p, ui, _(help_keys[i].controller), key, (Rect){x2, y, c2, 0}, LAYER_SCROLLED));
    h = fmaxf(h, menu_text_add(p, ui, _(help_keys[i].action), body, (Rect){x3, y, c3, 0}, LAYER_SCROLLED));
    y += h + UI_GAP / 2;
  }
  return y;
}

// One section: its heading, then paragraphs and bullets. Returns the y below it.
static float layout_section(HelpScene *s, const Ui *ui, const HelpSection *sec, float x, float y, float w) {
  const Theme *t = ui->theme;
  MenuTextPlan *p = &s->head.texts;
  TextStyle heading = menu_text_style(ui, THEME_TEXT_BUTTON, t->text, TEXT_WEIGHT_BOLD, TEXT_ALIGN_START);
  TextStyle body = menu_text_style(ui, THEME_TEXT_BODY, t->text, TEXT_WEIGHT_REGULAR, TEXT_ALIGN_START);
  y += menu_text_add(p, ui, _(sec->heading), heading, (Rect){x, y, w, 0}, LAYER_SCROLLED) + UI_GAP / 2;
  float indent = 1.2f * body.size;
  for (size_t i = 0; i < sizeof sec->lines / sizeof sec->lines[0] && sec->lines[i]; i++) {
    const char *line = _(sec->lines[i]);
    if (str_starts_with(line, "- ")) {
      menu_text_add(p, ui, "•", body, (Rect){x, y, indent, 0}, LAYER_SCROLLED);
      y += menu_text_add(p, ui, line + 2, body, (Rect){x + indent, y, w - indent, 0}, LAYER_SCROLLED);
    } else {
      y += menu_text_add(p, ui, line, body, (Rect){x, y, w, 0}, LAYER_SCROLLED);
    }
    y += UI_GAP / 2;
  }
  return y + UI_GAP;
}

static void help_layout(SceneCtx *ctx) {
  HelpScene *s = ctx->data;
  App *app = app_from_ctx(ctx);
  Ui ui = app_ui(app);
  menu_text_clear(&s->head.texts);
  float w = fminf(ui_w(&ui) - 2 * UI_GAP * 2, HELP_CARD_MAX_W);
  s->card = (Rect){(ui_w(&ui) - w) / 2, 40, w, ui_h(&ui) - 80};

  TextStyle title = menu_text_style(&ui, THEME_TEXT_TITLE, ui.theme->text, TEXT_WEIGHT_BOLD, TEXT_ALIGN_START);
  title.valign = TEXT_VALIGN_MIDDLE;
  float title_h = text_line_height(ui.engine, &title) + UI_GAP;
  Rect in = rect_inset(s->card, HELP_PAD);
  menu_text_add_line(&s->head.texts, &ui, _("Help"), title, (Rect){in.x, s->card.y + 28, in.w, title_h}, LAYER_FIXED);

  ui_form_init(&s->head.form, ui.rtl);
  TextStyle bs = ui_text_style(&ui, THEME_TEXT_BUTTON, ui.theme->text);
  float bw = fmaxf(380, text_measure(ui.engine, _("Close"), &bs).w + 240);
  // As tall as the theme says at this text size: a fixed height cut the
  // word at 2x on a 4K screen.
  float bh = ui_button_h(&ui);
  Rect close = {in.x + in.w - bw, s->card.y + s->card.h - 40 - bh, bw, bh};
  UiButton b = ui_button(ID_CLOSE, ui_mirror(&ui, close), _("Close"), UI_BUTTON_PRIMARY);
  b.key_hint = _("Esc");
  ui_form_add(&s->head.form, b);

  float top = s->card.y + 28 + title_h + UI_GAP / 2;
  TextStyle body = ui_text_style(&ui, THEME_TEXT_BODY, ui.theme->text);
  UiScroll *sc = &s->head.scroll;
  // The card is centred, so the viewport is the same mirrored; the height
  // is set once the text is measured.
  ui_scroll_set(sc, ui_mirror(&ui, (Rect){in.x, top, in.w, close.y - UI_GAP - top}), 0, 0);
  float text_w = ui_scroll_content_w(sc);
  float y = top;
  for (size_t i = 0; i < HELP_SECTION_COUNT; i++) {
    y = layout_section(s, &ui, &help_sections[i], in.x, y, text_w);
  }
  TextStyle heading = menu_text_style(&ui, THEME_TEXT_BUTTON, ui.theme->text, TEXT_WEIGHT_BOLD, TEXT_ALIGN_START);
  y += menu_text_add(&s->head.texts, &ui, _("Keys"), heading, (Rect){in.x, y, text_w, 0}, LAYER_SCROLLED) + UI_GAP / 2;
  y = layout_keys(s, &ui, in.x, y, text_w);
  ui_scroll_set(sc, sc->view, y - top, text_line_height(ui.engine, &body));
}

static bool help_event(SceneCtx *ctx, const InputEvent *ev) {
  HelpScene *s = ctx->data;
  // The text is all there is to move through: the keys always scroll it.
  if (ui_scroll_event(&s->head.scroll, ev, true)) {
    return true;
  }
  if (ev->type == INPUT_EVENT_ACTION && (ev->action == INPUT_ACTION_UP || ev->action == INPUT_ACTION_DOWN)) {
    return true;  // at the top or the bottom: nothing else to move to
  }
  UiResult r = ui_form_event(&s->head.form, ev);
  if (r.kind == UI_RESULT_ACTIVATE ||
      (ev->type == INPUT_EVENT_ACTION &&
       (ev->action == INPUT_ACTION_BACK || ev->action == INPUT_ACTION_HELP || ev->action == INPUT_ACTION_CONFIRM))) {
    engine_pop_scene(ctx->engine);
    return true;
  }
  return r.kind != UI_RESULT_IGNORED;
}

static void help_draw(SceneCtx *ctx) {
  HelpScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  ui_scrim_draw(&ui);
  ui_card_draw(&ui, s->card);
  menu_scene_draw(&ui, &s->head, LAYER_FIXED, LAYER_SCROLLED, NULL, NULL);
}

const SceneVTable scene_help_vtable = {
    .name = "help",
    .overlay = true,
    .free_data = help_free,
    .layout = help_layout,
    .event = help_event,
    .draw = help_draw,
};
