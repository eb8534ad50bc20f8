// The pack chooser: every pack the library found, with its language, item
// counts, description and best scores; broken packs are listed greyed out
// with their first error and cannot be started.
//
// Everything is laid out in packs_layout() (on enter, resize, text size)
// and again when the selection changes; draw() only reads it. Three
// arrangements, the first that leaves every column room for its words:
//  - side by side (landscape): the list at the start side, the card beside it;
//  - stacked (tall canvases): the list above, the card below;
//  - pages (narrow canvas or large text): the list alone; choosing a pack
//    (Enter, a click or tap, A) opens its details as a page with the
//    buttons, and Back (Esc, the Back button, B) returns to the list.
// Text wraps at spaces only: a word wider than its line (SDL_ttf would
// break it inside) is drawn smaller until it fits, and counted in
// Ui.stats (fitted; shrunk below Normal, cut when even its floor is too
// wide). Rows are as tall as the longest title needs. The card's facts and
// description are one panel above the buttons, a UiScroll view when it is
// taller than its room (wheel over the card, drag, or Up/Down with the
// focus on the panel).

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/i18n.h"
#include "base/str.h"
#include "quiz/pack_library.h"
#include "scenes/menu_text.h"
#include "scenes/scene_packs_rows.h"
#include "scenes/scenes.h"
#include "scenes/training_scenes.h"

enum { ID_PLAY = 1, ID_SCORES, ID_PAIR, ID_DESC };
// Layers of the text plan: the card's panel, then each row's title and meta.
enum { LAYER_PANEL = 1, LAYER_ROW0 = 2 };

typedef enum PacksMode {
  PACKS_SPLIT,    // list and card side by side
  PACKS_STACKED,  // list above the card
  PACKS_PAGES,    // the list, or the card (s->details)
} PacksMode;

// Words that had to be fitted at the last layout, reported to Ui.stats on
// every draw (as ui_text_fitted reports its own).
typedef struct FitCount {
  unsigned fitted, shrunk, cut;
  char last[96];
} FitCount;

typedef struct PacksScene {
  MenuSceneHead head;  // first: see scenes.h; texts: the panel and the rows; scroll: the panel
  PackRow *rows;
  size_t count;
  UiList list;
  UiHeader header;
  char play_hint[UI_HEADER_HINT_MAX];  // the form's Play button borrows it
  PacksMode mode;
  bool details;      // PACKS_PAGES: the details page shows
  Rect card;         // the details card (unmirrored); w == 0 when not shown
  float card_pad;    // inside it: CARD_PAD, half that on the details page
  Rect card_m;       // the same, mirrored
  float block_h;     // the button block at the card's foot
  float row_text_w;  // the width of a row's text
  char *message;     // shown above the buttons after trying to start a broken pack
  Rect message_box;  // unmirrored; h == 0 when there is no message
  TextStyle message_style;
  float rule_y;                // the line under the facts (content y; < 0 for none)
  float pointer_x, pointer_y;  // last pointer position (wheel events carry none)
  FitCount fit;
} PacksScene;

#define LIST_W 860.0f  // at most; at most 45% of the content width
#define CARD_PAD 40.0f
#define ROW_PAD 14.0f       // above and below a row's text
#define ROW_INSET 40.0f     // a row's text from its start edge
#define ROW_TEXT_END 64.0f  // a row's width less its text's
#define COLUMN_GAP 48.0f
// Side by side only when a row's text has room for this many body-size
// ems and the card for this many: narrower columns wrap a title word by
// word. Stacked only with this many rows and panel lines in view.
#define MIN_LIST_EMS 12.0f
#define MIN_CARD_EMS 14.0f
#define STACK_ROWS 3
#define STACK_LINES 5
// A word fitted to its line goes down to this share of its Normal size
// (Normal text); at larger steps never below Normal (ui_text_floor).
#define WORD_FIT_FLOOR 0.7f

static const PackRow *selected_row(const PacksScene *s) {
  return s->count ? &s->rows[s->list.selected] : NULL;
}

static bool card_shown(const PacksScene *s) {
  return s->mode != PACKS_PAGES || s->details;
}

static void update_buttons(PacksScene *s) {
  const PackRow *r = selected_row(s);
  bool playable = r && r->entry->pack;
  static const int ids[] = {ID_PLAY, ID_SCORES, ID_PAIR};
  for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
    UiButton *b = ui_form_button(&s->head.form, ids[i]);
    if (b) {
      b->disabled = !playable || (ids[i] == ID_PAIR && !r->pairs);
    }
  }
}

void scene_packs_push(App *app) {
  PacksScene *s = xcalloc(1, sizeof *s);
  s->rows = pack_rows_build(app, &s->count);
  ui_list_init(&s->list, (Rect){0}, 1, 16);
  ui_list_set_count(&s->list, s->count);
  for (size_t i = 0; i < s->count; i++) {
    if (app->pack && s->rows[i].entry->pack == app->pack) {
      ui_list_select(&s->list, i);
    }
  }
  engine_push_scene(app->engine, &scene_packs_vtable, s);
}

// ---- words that fit their line -----------------------------------------------

// The widest word of `utf8` at `st` (one line each), skipping words too
// short to be wider than `w` (no glyph is wider than 1.2 em, and a word has
// at most as many characters as bytes); its start and length in *at / *len.
static float widest_word(const Ui *ui, const char *utf8, const TextStyle *st, float w, size_t *at, size_t *len) {
  TextStyle one = *st;
  one.wrap_width = 0;
  float widest = 0;
  const char *p = utf8;
  while (*p) {
    size_t n = strcspn(p, " \n\t");
    if (n > 0 && (float)n * st->size * 1.2f > w) {
      char *word = xstrndup(p, n);
      float ww = text_measure(ui->engine, word, &one).w;
      free(word);
      if (ww > widest) {
        widest = ww;
        *at = (size_t)(p - utf8);
        *len = n;
      }
    }
    p += n;
    p += *p ? 1 : 0;
  }
  return widest;
}

// Makes st->size small enough that no word of `utf8` is wider than `w`
// (so wrapping breaks only at spaces), counting what it did in s->fit.
static void fit_words(PacksScene *s, const Ui *ui, const char *utf8, TextStyle *st, float w) {
  size_t at = 0, len = 0;
  float widest = widest_word(ui, utf8, st, w, &at, &len);
  if (widest <= w || w <= 0) {
    return;
  }
  float scale = ui->theme->text_scale > 0 ? ui->theme->text_scale : 1.0f;
  float normal = roundf(st->size / scale);
  float floor_size = ui_text_floor(ui, st, roundf(normal * WORD_FIT_FLOOR));
  char *word = xstrndup(utf8 + at, len);
  TextStyle one = *st;
  one.wrap_width = 0;
  one.size = fmaxf(floor_size, floorf(st->size * w / widest));
  while (one.size > floor_size && text_measure(ui->engine, word, &one).w > w) {
    one.size -= 1;
  }
  bool fits = text_measure(ui->engine, word, &one).w <= w;
  free(word);
  st->size = one.size;
  s->fit.fitted++;
  s->fit.shrunk += st->size + 0.5f < normal;
  if (!fits) {
    s->fit.cut++;
    str_copy(s->fit.last, sizeof s->fit.last, utf8);
  }
}

// Adds a paragraph to the plan at x/y wrapped at `w`, its words fitted;
// returns its height.
static float add_text(PacksScene *s, const Ui *ui, const char *utf8, TextStyle st, Rect box, int layer) {
  fit_words(s, ui, utf8, &st, box.w);
  return menu_text_add(&s->head.texts, ui, utf8, st, box, layer);
}

// ---- rows --------------------------------------------------------------------

static TextStyle row_title_style(const Ui *ui, const PackRow *row) {
  bool ok = row->entry->pack != NULL;
  TextStyle ts = menu_text_style(ui, THEME_TEXT_BODY, ok ? ui->theme->text : ui->theme->text_disabled, TEXT_WEIGHT_BOLD,
                                 TEXT_ALIGN_START);
  if (ok) {
    ts.lang = row->entry->pack->lang;  // a title in Arabic reads right to left
  }
  return ts;
}

static TextStyle row_meta_style(const Ui *ui, const PackRow *row) {
  return menu_text_style(ui, THEME_TEXT_SMALL, row->entry->pack ? ui->theme->text_muted : ui->theme->warning,
                         TEXT_WEIGHT_REGULAR, TEXT_ALIGN_START);
}

// Plans every row's title and its meta line under it at `text_w` (boxes
// from the row's text origin, layer LAYER_ROW0 + row); returns the rows'
// height (the tallest row's). Titles wrap, their words fitted.
static float plan_rows(PacksScene *s, const Ui *ui, float text_w) {
  float text_h = 0;
  for (size_t i = 0; i < s->count; i++) {
    int layer = LAYER_ROW0 + (int)i;
    float th =
        ceilf(add_text(s, ui, s->rows[i].title, row_title_style(ui, &s->rows[i]), (Rect){0, 0, text_w, 0}, layer));
    float mh = add_text(s, ui, s->rows[i].meta, row_meta_style(ui, &s->rows[i]), (Rect){0, th, text_w, 0}, layer);
    text_h = fmaxf(text_h, th + ceilf(mh));
  }
  s->row_text_w = text_w;
  return 2 * ROW_PAD + text_h;
}

// True when a title at `text_w` needs no fitting (measured, not planned).
static bool titles_fit(PacksScene *s, const Ui *ui, float text_w) {
  FitCount saved = s->fit;
  for (size_t i = 0; i < s->count; i++) {
    TextStyle st = row_title_style(ui, &s->rows[i]);
    float size = st.size;
    fit_words(s, ui, s->rows[i].title, &st, text_w);
    if (st.size != size) {
      s->fit = saved;
      return false;
    }
  }
  return true;
}

static void draw_row(void *user, const Ui *ui, size_t i, Rect r, bool selected, bool focused, bool hovered) {
  const PacksScene *s = user;
  const PackRow *row = &s->rows[i];
  const Theme *t = ui->theme;
  if (row->entry->pack) {
    ui_list_row_background(ui, r, selected, focused, hovered);
  } else {
    // Greyed: the plain surface, a thin border, muted text.
    draw_round_rect(ui->engine, r, t->radius, t->surface);
    draw_round_rect_outline(ui->engine, r, t->radius, 2, t->border);
    if (selected) {
      float bw = 10;
      draw_round_rect(ui->engine, (Rect){ui->rtl ? r.x + r.w - bw - 10 : r.x + 10, r.y + 14, bw, r.h - 28}, bw / 2,
                      t->text_disabled);
    }
    if (focused) {
      ui_focus_ring_draw(ui, r);
    }
  }
  // The row's rectangle is physical (the list is mirrored).
  float x = ui->rtl ? r.x + ROW_TEXT_END - ROW_INSET : r.x + ROW_INSET;
  for (size_t k = 0; k < s->head.texts.count; k++) {
    const MenuText *m = &s->head.texts.items[k];
    if (m->layer == LAYER_ROW0 + (int)i) {
      text_draw(ui->engine, m->text, &m->style, (Rect){x, r.y + ROW_PAD + m->box.y, m->box.w, m->box.h});
    }
  }
}

// ---- the details card ----------------------------------------------------------

static TextStyle para_style(const Ui *ui, ThemeText role, Color color, TextWeight weight, const char *lang) {
  TextStyle st = menu_text_style(ui, role, color, weight, TEXT_ALIGN_START);
  if (lang) {
    st.lang = lang;
  }
  return st;
}

// Adds a paragraph of the panel at `y` (content coordinates: the plan holds
// them from the panel's top); returns the y under it.
static float add_para(PacksScene *s, const Ui *ui, const char *utf8, TextStyle st, float y, float w) {
  return y + add_text(s, ui, utf8, st, (Rect){0, y, w, 0}, LAYER_PANEL);
}

// A broken pack's panel: why it cannot be played and every error.
static float add_errors(PacksScene *s, const Ui *ui, const PackRow *row, float y, float w) {
  const Theme *t = ui->theme;
  y = add_para(s, ui, _("This pack has errors and cannot be played."),
               para_style(ui, THEME_TEXT_BODY, t->warning, TEXT_WEIGHT_BOLD, NULL), y, w) +
      20;
  StrBuf b = {0};
  for (size_t i = 0; i < row->entry->diags.count; i++) {
    char *line = diag_format(&row->entry->diags.items[i]);
    strbuf_append(&b, fs_basename(line));
    strbuf_append(&b, i + 1 < row->entry->diags.count ? "\n" : "");
    free(line);
  }
  char *all = strbuf_take(&b);
  y = add_para(s, ui, all, para_style(ui, THEME_TEXT_BODY, t->text_muted, TEXT_WEIGHT_REGULAR, NULL), y, w);
  free(all);
  return y;
}

// A playable pack's facts, then a rule, then its description.
static float add_facts(PacksScene *s, const Ui *ui, const PackRow *row, float y, float w) {
  const Theme *t = ui->theme;
  const Pack *p = row->entry->pack;
  TextStyle muted = para_style(ui, THEME_TEXT_BODY, t->text_muted, TEXT_WEIGHT_REGULAR, NULL);
  size_t real = pack_count_answer(p, PACK_ANSWER_REAL), fake = pack_count_answer(p, PACK_ANSWER_FABRICATED);
  char *facts = xasprintf(_("%s · %zu real and %zu fabricated headlines"), pack_lang_name(p->lang), real, fake);
  y = add_para(s, ui, facts, muted, y, w) + 8;
  free(facts);
  if (p->min_age > 0) {
    char *age = xasprintf(_("For ages %d and up"), p->min_age);
    y = add_para(s, ui, age, muted, y, w) + 8;
    free(age);
  }
  if (p->kind == PACK_KIND_ASSESSMENT) {
    y = add_para(s, ui, _("A test: no answers are shown until the end."), muted, y, w) + 8;
  }
  if (row->best) {
    y = add_para(s, ui, row->best, para_style(ui, THEME_TEXT_BODY, t->text, TEXT_WEIGHT_BOLD, NULL), y, w) + 8;
  }
  if (row->progress) {
    y = add_para(s, ui, row->progress, para_style(ui, THEME_TEXT_BODY, t->text, TEXT_WEIGHT_REGULAR, NULL), y, w) + 8;
  }
  y = add_para(s, ui, row->pairs_line, muted, y, w) + 8;
  if (p->description && *p->description) {
    s->rule_y = y + 16;
    y = add_para(s, ui, p->description, para_style(ui, THEME_TEXT_BODY, t->text, TEXT_WEIGHT_REGULAR, p->lang), y + 42,
                 w);
  }
  return y;
}

// Plans the panel in `w` (content coordinates from 0); returns its height.
static float plan_panel(PacksScene *s, const Ui *ui, float w) {
  const Theme *t = ui->theme;
  s->rule_y = -1;
  const PackRow *row = selected_row(s);
  if (!row) {
    return add_para(s, ui,
                    _("No quiz packs were found. Put pack files (.xml) in the packs folder of your data folder."),
                    para_style(ui, THEME_TEXT_BODY, t->text, TEXT_WEIGHT_REGULAR, NULL), 0, w);
  }
  const Pack *p = row->entry->pack;
  TextStyle title =
      para_style(ui, THEME_TEXT_TITLE, p ? t->text : t->text_disabled, TEXT_WEIGHT_BOLD, p ? p->lang : NULL);
  float y = add_para(s, ui, row->title, title, 0, w) + 20;
  return p ? add_facts(s, ui, row, y, w) : add_errors(s, ui, row, y, w);
}

// Lays the buttons out in `n` columns at the foot of card `k`, Play last
// (at the end side of the last row, full width when it is alone there);
// returns the block's height, or -1 when a word does not fit its column
// (unless `force`).
static float place_buttons(const Ui *ui, Rect k, float pad, UiButton *b, int count, int n, bool force) {
  float bh = ui_button_h(ui), gap = ui_gap(ui);
  int rows = (count + n - 1) / n;
  float inner = k.w - 2 * pad, bottom = k.y + k.h - pad;
  float top = bottom - (float)rows * bh - (float)(rows - 1) * gap;
  for (int i = 0; i < count; i++) {
    int row = i / n, in_row = row == rows - 1 ? count - row * n : n;
    float bw = (inner - (float)(in_row - 1) * gap) / (float)in_row;
    if (!force && ui_button_width(ui, &b[i], bh, false) > bw) {
      return -1;
    }
    Rect r = {k.x + pad + (float)(i % n) * (bw + gap), top + (float)row * (bh + gap), bw, bh};
    b[i].rect = ui_mirror(ui, r);
  }
  return bottom - top;
}

// High scores, Pair round and Play at the foot of card `k` (`pad` inside
// it): in one row when their words fit, else the first two side by side
// above Play, else one above another. Fills `b`; returns the block's height.
static float layout_buttons(PacksScene *s, const Ui *ui, Rect k, float pad, UiButton b[3]) {
  b[0] = ui_button(ID_SCORES, (Rect){0}, _("High scores"), UI_BUTTON_NORMAL);
  b[1] = ui_button(ID_PAIR, (Rect){0}, _("Pair round"), UI_BUTTON_NORMAL);
  b[2] = ui_button(ID_PLAY, (Rect){0}, _("Play"), UI_BUTTON_PRIMARY);
  b[2].icon = ui->rtl ? DRAW_ICON_ARROW_LEFT : DRAW_ICON_PLAY;
  str_copy(s->play_hint, sizeof s->play_hint, game_key_hint(ui->engine, INPUT_ACTION_CONFIRM));
  b[2].key_hint = s->play_hint;
  float block = -1;
  for (int n = 3; n >= 1 && block < 0; n--) {
    block = place_buttons(ui, k, pad, b, 3, n, false);
  }
  return block >= 0 ? block : place_buttons(ui, k, pad, b, 3, 1, true);
}

// The card above its buttons: the message at its foot when there is one,
// the panel above it, a scroll view when its content is taller. The panel
// is planned in content coordinates and shifted to its place afterwards.
static void plan_card(const Ui *ui, PacksScene *s) {
  Rect above = s->card;
  above.h -= s->block_h;
  Rect in = rect_inset(above, s->card_pad);
  float bottom = in.y + in.h - 20;
  s->message_box = (Rect){0};
  if (s->message) {
    s->message_style = para_style(ui, THEME_TEXT_BODY, ui->theme->warning, TEXT_WEIGHT_REGULAR, NULL);
    fit_words(s, ui, s->message, &s->message_style, in.w);
    s->message_style.wrap_width = in.w;
    float mh = ceilf(text_measure(ui->engine, s->message, &s->message_style).h);
    s->message_box = (Rect){in.x, bottom - mh, in.w, mh};
    bottom -= mh + 20;
  }
  TextStyle body = ui_text_style(ui, THEME_TEXT_BODY, ui->theme->text);
  float line_h = text_line_height(ui->engine, &body);
  Rect view = {in.x, in.y, in.w, fmaxf(0, bottom - in.y)};
  UiScroll *sc = &s->head.scroll;
  ui_scroll_set(sc, ui_mirror(ui, view), 0, line_h);
  size_t first = s->head.texts.count;
  float content_h = plan_panel(s, ui, ui_scroll_content_w(sc));
  for (size_t i = first; i < s->head.texts.count; i++) {
    s->head.texts.items[i].box.x += in.x;
    s->head.texts.items[i].box.y += in.y;
  }
  ui_scroll_set(sc, ui_mirror(ui, view), content_h, line_h);
  UiButton *area = ui_form_button(&s->head.form, ID_DESC);
  if (area) {
    area->rect = sc->view;
    area->disabled = !ui_scroll_overflows(sc);
    if (area->disabled && ui_form_focused_id(&s->head.form) == ID_DESC) {
      s->head.form.focus = s->head.form.list ? UI_FOCUS_LIST : UI_FOCUS_NONE;
    }
  }
}

// Every text again (selection, message or page changed): the rows, then
// the card's panel when it shows.
static void plan_texts(const Ui *ui, PacksScene *s) {
  menu_text_clear(&s->head.texts);
  s->fit = (FitCount){0};
  plan_rows(s, ui, s->row_text_w);
  if (card_shown(s)) {
    plan_card(ui, s);
  } else {
    ui_scroll_set(&s->head.scroll, (Rect){0}, 0, 1);
  }
}

// ---- layout --------------------------------------------------------------------

static float list_h_for(float row_h, size_t rows) {
  return (float)rows * row_h + (float)(rows ? rows - 1 : 0) * 16;
}

// The list and card side by side when both columns have room for their
// words (not on a portrait canvas: its columns would be narrow and tall);
// else the list above the card when the canvas is tall enough for
// STACK_ROWS rows and STACK_LINES lines of the panel; else pages. Sets
// s->mode, s->row_text_w and the two rectangles (unmirrored).
static void arrange(PacksScene *s, const Ui *ui, Rect c, Rect *list, Rect *card) {
  float body = theme_text_size(ui->theme, THEME_TEXT_BODY);
  UiButton b[3];
  layout_buttons(s, ui, c, CARD_PAD, b);
  // The card at least as wide as High scores and Pair round side by side
  // (in two equal columns).
  float pair_w = 2 * fmaxf(ui_button_width(ui, &b[0], ui_button_h(ui), false),
                           ui_button_width(ui, &b[1], ui_button_h(ui), false)) +
                 ui_gap(ui);
  float card_need = fmaxf(MIN_CARD_EMS * body, pair_w) + 2 * CARD_PAD;
  float split_w = fminf(fminf(LIST_W * ui->theme->layout_scale, c.w * 0.45f), c.w - COLUMN_GAP - card_need);
  float split_text = split_w - ROW_TEXT_END;
  bool portrait = ui_h(ui) > ui_w(ui);
  s->card_pad = CARD_PAD;
  if (!portrait && split_text >= MIN_LIST_EMS * body && titles_fit(s, ui, split_text)) {
    s->mode = PACKS_SPLIT;
    s->row_text_w = split_text;
    *list = (Rect){c.x, c.y, split_w, c.h};
    *card = (Rect){c.x + split_w + COLUMN_GAP, c.y, c.w - split_w - COLUMN_GAP, c.h};
    return;
  }
  menu_text_clear(&s->head.texts);
  float row_h = plan_rows(s, ui, c.w - ROW_TEXT_END);
  TextStyle st = ui_text_style(ui, THEME_TEXT_BODY, ui->theme->text);
  float card_min =
      layout_buttons(s, ui, c, CARD_PAD, b) + 2 * CARD_PAD + 20 + STACK_LINES * text_line_height(ui->engine, &st);
  size_t rows = s->count < STACK_ROWS ? s->count : STACK_ROWS;
  if (s->count > 0 && c.h - COLUMN_GAP - list_h_for(row_h, rows) >= card_min) {
    s->mode = PACKS_STACKED;
    // As many rows as leave the card its room, at most half the height.
    while (rows < s->count && list_h_for(row_h, rows + 1) <= c.h * 0.5f &&
           c.h - COLUMN_GAP - list_h_for(row_h, rows + 1) >= card_min) {
      rows++;
    }
    float lh = list_h_for(row_h, rows);
    *list = (Rect){c.x, c.y, c.w, lh};
    *card = (Rect){c.x, c.y + lh + COLUMN_GAP, c.w, c.h - lh - COLUMN_GAP};
    return;
  }
  // Pages: the details page spans the content, its card half padded (the
  // page is the card), so that two buttons fit side by side sooner.
  s->mode = PACKS_PAGES;
  s->card_pad = CARD_PAD / 2;
  *list = c;
  *card = c;
}

static void packs_layout(SceneCtx *ctx) {
  PacksScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  int focused = ui_form_focused_id(&s->head.form);
  s->header = ui_header_layout(&ui, _("Choose a pack"), true, true);
  ui_header_use(&ui, &s->header);  // the content starts under it
  Rect c = ui_content_rect(&ui), list_r, card_r;
  arrange(s, &ui, c, &list_r, &card_r);
  menu_text_clear(&s->head.texts);
  float row_h = fminf(plan_rows(s, &ui, s->row_text_w), list_r.h);
  size_t selected = s->list.selected;
  ui_list_init(&s->list, ui_mirror(&ui, list_r), row_h, 16);
  ui_list_set_count(&s->list, s->count);
  ui_list_select(&s->list, selected < s->count ? selected : 0);
  ui_form_init(&s->head.form, ui.rtl);
  ui_form_add_header_from(&s->head.form, &ui, &s->header);
  s->card = (Rect){0};
  s->block_h = 0;
  if (s->mode != PACKS_PAGES || !s->details) {
    ui_form_set_list(&s->head.form, &s->list);
  }
  if (card_shown(s)) {
    s->card = card_r;
    UiButton b[3];
    s->block_h = layout_buttons(s, &ui, s->card, s->card_pad, b);
    for (int i = 0; i < 3; i++) {
      ui_form_add(&s->head.form, b[i]);
    }
    UiButton desc = ui_button(ID_DESC, (Rect){0}, _("Description"), UI_BUTTON_AREA);
    desc.disabled = true;
    ui_form_add(&s->head.form, desc);
  }
  s->card_m = ui_mirror(&ui, s->card);
  plan_texts(&ui, s);
  update_buttons(s);
  s->head.form.focus = s->head.form.list ? UI_FOCUS_LIST : UI_FOCUS_NONE;
  if (focused != UI_FOCUS_LIST && focused != UI_FOCUS_NONE) {
    ui_form_focus_id(&s->head.form, focused);
  }
  if (s->head.form.focus == UI_FOCUS_NONE && !ui_form_focus_id(&s->head.form, ID_PLAY)) {
    ui_form_focus_step(&s->head.form, 1);
  }
}

static void packs_free(void *data) {
  PacksScene *s = data;
  pack_rows_free(s->rows, s->count);
  menu_text_free(&s->head.texts);
  free(s->message);
  free(s);
}

// Back on top after a round (or the player screen): best scores, progress
// and the pairs left may have changed, so the rows are read again.
static void packs_uncover(SceneCtx *ctx) {
  PacksScene *s = ctx->data;
  App *app = app_from_ctx(ctx);
  size_t selected = s->list.selected;
  pack_rows_free(s->rows, s->count);
  s->rows = pack_rows_build(app, &s->count);
  ui_list_set_count(&s->list, s->count);
  if (selected < s->count) {
    ui_list_select(&s->list, selected);
  }
  packs_layout(ctx);
}

// The texts again after the selection or the message changed.
static void replan(SceneCtx *ctx, PacksScene *s) {
  Ui ui = app_ui(app_from_ctx(ctx));
  plan_texts(&ui, s);
}

// PACKS_PAGES: shows the details page (true) or the list page.
static void show_details(SceneCtx *ctx, PacksScene *s, bool details) {
  s->details = details;
  ui_scroll_to(&s->head.scroll, 0);
  packs_layout(ctx);
  if (!details) {
    s->head.form.focus = UI_FOCUS_LIST;
  } else if (!ui_form_focus_id(&s->head.form, ID_PLAY)) {
    ui_form_focus_id(&s->head.form, UI_ID_BACK);
  }
}

static void start(SceneCtx *ctx, PacksScene *s) {
  App *app = app_from_ctx(ctx);
  const PackRow *r = selected_row(s);
  free(s->message);
  s->message = NULL;
  if (!r) {
    return;
  }
  if (!r->entry->pack) {
    s->message = xstrdup(_("This pack has errors and cannot be played. Fix the file, or choose another pack."));
    replan(ctx, s);
    return;
  }
  app_select_pack(app, r->entry->pack);
  scene_player_push(app);
}

// The panel's scroll view: the wheel over the card, a drag on the panel,
// Up/Down/Page keys with the focus on it; true when handled.
static bool panel_event(PacksScene *s, const InputEvent *ev) {
  if (ev->type == INPUT_EVENT_POINTER_MOVE || ev->type == INPUT_EVENT_POINTER_DOWN) {
    s->pointer_x = ev->x;
    s->pointer_y = ev->y;
  }
  if (!card_shown(s)) {
    return false;
  }
  if (ev->type == INPUT_EVENT_WHEEL && !rect_contains(s->card_m, s->pointer_x, s->pointer_y)) {
    return false;  // over the list: the form scrolls it
  }
  return ui_scroll_event(&s->head.scroll, ev, ui_form_focused_id(&s->head.form) == ID_DESC);
}

static void activate(SceneCtx *ctx, PacksScene *s, int id) {
  App *app = app_from_ctx(ctx);
  const PackRow *row = selected_row(s);
  const Pack *p = row ? row->entry->pack : NULL;
  if (id == ID_PLAY) {
    start(ctx, s);
  } else if (id == ID_SCORES && p) {
    scene_scores_push(app, p->id);
  } else if (id == ID_PAIR && p && row->pairs) {
    app_select_pack(app, p);
    scene_pair_push(app);
  } else if (id == UI_ID_BACK && s->mode == PACKS_PAGES && s->details) {
    show_details(ctx, s, false);
  } else {
    scene_header_activate(ctx, id);
  }
}

static bool packs_event(SceneCtx *ctx, const InputEvent *ev) {
  PacksScene *s = ctx->data;
  if (s->mode == PACKS_PAGES && s->details && ev->type == INPUT_EVENT_ACTION && ev->action == INPUT_ACTION_BACK) {
    show_details(ctx, s, false);  // the details page: Back returns to the list
    return true;
  }
  if (panel_event(s, ev)) {
    return true;
  }
  UiResult r = ui_form_event(&s->head.form, ev);
  switch (r.kind) {
  case UI_RESULT_ACTIVATE:
    activate(ctx, s, r.id);
    return true;
  case UI_RESULT_LIST_ACTIVATE:
    if (s->mode == PACKS_PAGES) {
      show_details(ctx, s, true);
    } else {
      start(ctx, s);
    }
    return true;
  case UI_RESULT_LIST_SELECT:
    free(s->message);
    s->message = NULL;
    ui_scroll_to(&s->head.scroll, 0);
    replan(ctx, s);
    update_buttons(s);
    return true;
  case UI_RESULT_CHANGED:
    return true;
  case UI_RESULT_IGNORED:
    break;
  }
  return false;  // Back, Help, Settings: the global keys
}

// ---- drawing -------------------------------------------------------------------

static void draw_card(const Ui *ui, const PacksScene *s) {
  const UiScroll *sc = &s->head.scroll;
  ui_card_draw(ui, s->card_m);
  UiClip clip = ui_scroll_begin(ui, sc);
  menu_text_draw(ui, &s->head.texts, LAYER_PANEL, sc->offset);
  if (s->rule_y >= 0) {
    Rect view = ui_mirror(ui, sc->view);  // back to unmirrored
    Rect rule = {view.x, view.y + s->rule_y - sc->offset, ui_scroll_content_w(sc), 2};
    draw_fill_rect(ui->engine, ui_mirror(ui, rule), ui->theme->border);
  }
  ui_scroll_end(ui, sc, clip);
  if (s->message) {
    text_draw(ui->engine, s->message, &s->message_style, ui_mirror(ui, s->message_box));
  }
}

// What fit_words had to do, counted as ui_text_fitted counts its own.
static void report_fit(const Ui *ui, const FitCount *fit) {
  if (!ui->stats) {
    return;
  }
  ui->stats->fitted += fit->fitted;
  ui->stats->shrunk += fit->shrunk;
  if (fit->cut) {
    ui->stats->cut += fit->cut;
    str_copy(ui->stats->last_cut, sizeof ui->stats->last_cut, fit->last);
  }
}

static void packs_draw(SceneCtx *ctx) {
  PacksScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  ui_header_draw_from(&ui, &s->header, _("Choose a pack"));
  if (s->head.form.list) {
    // Clipped: a row taller than a very short list (a tall header) stays in it.
    UiClip clip = ui_clip_begin(&ui, rect_inset(s->list.rect, -16));  // room for the focus ring
    ui_list_draw(&ui, &s->list, s->head.form.focus == UI_FOCUS_LIST, draw_row, s);
    ui_clip_end(&ui, clip);
  }
  if (card_shown(s)) {
    draw_card(&ui, s);
  }
  ui_form_draw(&ui, &s->head.form);
  report_fit(&ui, &s->fit);
}

const SceneVTable scene_packs_vtable = {
    .name = "packs",
    .free_data = packs_free,
    .uncover = packs_uncover,
    .layout = packs_layout,
    .event = packs_event,
    .draw = packs_draw,
};
