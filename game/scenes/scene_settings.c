// Settings: one row per setting, changed with Left/Right (or the arrow
// buttons in the row, or Enter/click to step forward). Every change applies
// at once and is saved to settings.ini. Reachable from every screen (F2, the
// header's Settings button, the title menu, the pause menu); BACK returns to
// the screen beneath, which was only covered. Opened during a round, the
// screen says that the round's rules (seconds, questions, speed bonus) apply
// from the next round: the round in play keeps the rules it started with.
// Above the rows a note says that assessment packs are untimed and ask all
// their items whatever the seconds and questions say (unless the pack sets
// its own seconds). A text-size change lays every screen out again.

#include <math.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "base/str.h"
#include "scenes/menu_text.h"
#include "scenes/scenes.h"

typedef enum SettingRow {
  ROW_SECONDS,
  ROW_QUESTIONS,
  ROW_SPEED_BONUS,
  ROW_CONFIDENCE,
  ROW_SOUND,
  ROW_TEXT_SIZE,
  ROW_HIGH_CONTRAST,
  ROW_REDUCED_MOTION,
  ROW_FULLSCREEN,
  ROW_COUNT,
} SettingRow;

static const int seconds_steps[] = {SETTINGS_FROM_PACK, SETTINGS_SECONDS_OFF, 5, 10, 15, 20, 30, 45, 60, 90, 120};
static const int question_steps[] = {SETTINGS_FROM_PACK, 5, 10, 15, 20, 30, 40, 50, 100};
#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

typedef struct SettingsScene {
  MenuSceneHead head;  // first: see scenes.h
  UiList list;
  bool in_round;  // opened during a round: the note also says "from the next round"
  // The notes card and the rows scroll together in head.scroll: `note` and
  // `list_y` are layout positions (unmirrored, before scrolling); the list
  // is as tall as all its rows and moved with the offset (sync_list), so
  // its own row scrolling never starts and its hit-testing follows.
  Rect note;
  float list_y;
  // A row's parts, measured in layout(): side by side [label][<][value][>],
  // or stacked (the label on its own line above the controls) when the
  // label would need more than two lines beside them (2x text).
  float step_w, value_w, label_w, label_h;
  bool stacked;
} SettingsScene;

#define ROW_GAP 10.0f
#define STEP_W 92.0f        // each of the two arrow buttons in a row, at Normal
#define VALUE_MIN_W 320.0f  // the value between them: at least this, else as its widest word
#define SETTINGS_MAX_W 1500.0f

static const char *row_label(SettingRow row);

static void settings_free(void *data) {
  SettingsScene *s = data;
  menu_text_free(&s->head.texts);
  free(s);
}

static void push(App *app, bool in_round) {
  // One settings screen at a time: F2 on the settings screen, or twice in
  // one frame, does nothing.
  SettingsScene *s = xcalloc(1, sizeof *s);
  s->in_round = in_round;
  engine_push_scene_once(app->engine, &scene_settings_vtable, s);
}

void scene_settings_push(App *app) {
  push(app, false);
}

void scene_settings_push_in_round(App *app) {
  push(app, true);
}

// The widest value any row can show, measured in the value's style.
static float widest_value(const Ui *ui, const TextStyle *vs) {
  const char *words[4 + SETTINGS_TEXT_COUNT] = {_("As the pack says"), _("Off (no time limit)"), _("On"), _("Off")};
  for (int i = 0; i < SETTINGS_TEXT_COUNT; i++) {
    words[4 + i] = _(settings_text_size_label((SettingsTextSize)i));
  }
  char *secs = xasprintf(ngettext("%d second", "%d seconds", 120UL), 120);
  float w = text_measure(ui->engine, secs, vs).w;
  free(secs);
  for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
    w = fmaxf(w, text_measure(ui->engine, words[i], vs).w);
  }
  return ceilf(w);
}

// Sizes a row's parts for a row `w` wide; returns the row height.
static float measure_rows(SettingsScene *s, const Ui *ui, float w) {
  TextStyle vs = ui_text_style(ui, THEME_TEXT_BODY, ui->theme->text);
  vs.weight = TEXT_WEIGHT_BOLD;
  float line = text_line_height(ui->engine, &vs);
  s->step_w = STEP_W * ui->theme->layout_scale;
  float controls_max = w - 80;  // the row's start and end padding
  float widest = widest_value(ui, &vs);
  s->value_w = fminf(fmaxf(VALUE_MIN_W, widest + 40), controls_max - 2 * (s->step_w + 12));
  int value_lines = widest + 40 <= s->value_w ? 1 : 2;  // else it wraps in its box
  float controls = 2 * (s->step_w + 12) + s->value_w;
  TextStyle ls = ui_text_style(ui, THEME_TEXT_BODY, ui->theme->text);
  for (int pass = 0; pass < 2; pass++) {
    s->stacked = pass == 1;
    s->label_w = s->stacked ? w - 80 : w - controls - 100;
    ls.wrap_width = fmaxf(s->label_w, 1);
    s->label_h = 0;
    for (int r = 0; r < ROW_COUNT; r++) {
      s->label_h = fmaxf(s->label_h, text_measure(ui->engine, row_label((SettingRow)r), &ls).h);
    }
    if (s->label_w > 0 && s->label_h <= 2.2f * text_line_height(ui->engine, &ls)) {
      break;
    }
  }
  // The arrows are at least touch size.
  float control_h = fmaxf(84 * ui->theme->layout_scale, (float)value_lines * line + 20);
  float row_h = s->stacked ? 10 + s->label_h + 8 + control_h + 10 : fmaxf(control_h + 20, s->label_h + UI_GAP + 8);
  return row_h;
}

// Moves the list with the page's scroll offset.
static void sync_list(SettingsScene *s) {
  s->list.rect.y = s->list_y - s->head.scroll.offset;
}

// Scrolls the selected row into view (after keys moved the selection).
static void reveal_selected(SettingsScene *s) {
  float step = s->list.row_h + s->list.gap;
  float ring = s->list.gap;  // the focus ring shows too
  ui_scroll_reveal(&s->head.scroll, s->list_y + (float)s->list.selected * step - ring, s->list.row_h + 2 * ring);
  sync_list(s);
}

// The notes card (assessment packs; in a round, when the rules apply) and
// the rows below it, in a column of at most SETTINGS_MAX_W; rows are as tall
// as a value at the themed size needs. All of it scrolls in the kit's
// scroll view when it does not fit (2x text on a short canvas).
static void settings_layout(SceneCtx *ctx) {
  SettingsScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  MenuTextPlan *p = &s->head.texts;
  menu_text_clear(p);
  Rect c = ui_content_rect(&ui);
  float w = fminf(c.w, SETTINGS_MAX_W);
  TextStyle body = ui_text_style(&ui, THEME_TEXT_BODY, ui.theme->text);
  UiScroll *sc = &s->head.scroll;
  Rect view = {c.x + (c.w - w) / 2, c.y, w, c.h};
  ui_scroll_set(sc, ui_mirror(&ui, view), 0, text_line_height(ui.engine, &body));
  // Room for the focus ring around a row, which the viewport would clip.
  float ring = ui.theme->focus_thickness + 4;
  Rect col = {view.x + ring, view.y + ring, ui_scroll_content_w(sc) - ring, view.h - ring};
  float pad = UI_GAP;
  TextStyle ns = menu_text_style(&ui, THEME_TEXT_SMALL, ui.theme->text, TEXT_WEIGHT_REGULAR, TEXT_ALIGN_START);
  float y = col.y + pad;
  y += menu_text_add(p, &ui,
                     _("Assessment packs (tests such as the MIST-20) have no clock and ask all their items, whatever "
                       "Seconds per question and Questions per round say, unless the pack sets its own seconds."),
                     ns, (Rect){col.x + pad, y, col.w - 2 * pad, 0}, 0);
  if (s->in_round) {
    ns.weight = TEXT_WEIGHT_BOLD;
    y += UI_GAP / 2;
    y += menu_text_add(p, &ui,
                       _("Seconds per question, questions per round and speed bonus apply from the next round. The "
                         "other settings apply now."),
                       ns, (Rect){col.x + pad, y, col.w - 2 * pad, 0}, 0);
  }
  s->note = (Rect){col.x, col.y, col.w, y + pad - col.y};
  float row_h = measure_rows(s, &ui, col.w);
  s->list_y = s->note.y + s->note.h + UI_GAP;
  // Half a unit more than the rows need, so rounding never hides the last.
  Rect lr = {col.x, s->list_y, col.w, ROW_COUNT * (row_h + ROW_GAP) - ROW_GAP + 0.5f};
  size_t selected = s->list.selected;
  ui_list_init(&s->list, ui_mirror(&ui, lr), row_h, ROW_GAP);
  ui_list_set_count(&s->list, ROW_COUNT);
  ui_list_select(&s->list, selected);
  ui_scroll_set(sc, sc->view, lr.y + lr.h + ring - view.y, sc->step);
  reveal_selected(s);
  int focus = s->head.form.focus;
  bool first = s->head.form.count == 0;
  ui_form_init(&s->head.form, ui.rtl);
  ui_form_add_header(&s->head.form, &ui, true, false);
  ui_form_set_list(&s->head.form, &s->list);
  if (!first) {
    s->head.form.focus = focus;
  }
}

static size_t step_index(const int *steps, size_t n, int value) {
  for (size_t i = 0; i < n; i++) {
    if (steps[i] == value) {
      return i;
    }
  }
  // A value from the file that is not a step: continue from the nearest one below.
  size_t best = 0;
  for (size_t i = 0; i < n; i++) {
    if (steps[i] <= value) {
      best = i;
    }
  }
  return best;
}

static int step(const int *steps, size_t n, int value, int dir, bool wrap) {
  long i = (long)step_index(steps, n, value) + dir;
  if (i < 0) {
    i = wrap ? (long)n - 1 : 0;
  } else if (i >= (long)n) {
    i = wrap ? 0 : (long)n - 1;
  }
  return steps[i];
}

// Changes a row's value by one step (dir -1 / +1); `wrap` for Enter/click
// cycling. Applies and saves.
static void change(App *app, SettingRow row, int dir, bool wrap) {
  Settings *st = &app->settings;
  bool relayout = false;
  switch (row) {
  case ROW_SECONDS:
    st->seconds_per_question = step(seconds_steps, COUNT_OF(seconds_steps), st->seconds_per_question, dir, wrap);
    break;
  case ROW_QUESTIONS:
    st->questions = step(question_steps, COUNT_OF(question_steps), st->questions, dir, wrap);
    break;
  case ROW_SPEED_BONUS:
    st->speed_bonus = !st->speed_bonus;
    break;
  case ROW_CONFIDENCE:
    st->confidence_tap = !st->confidence_tap;
    break;
  case ROW_SOUND:
    st->sound = !st->sound;
    break;
  case ROW_TEXT_SIZE: {
    int v = (int)st->text_size + dir;
    if (v < 0) {
      v = wrap ? SETTINGS_TEXT_COUNT - 1 : 0;
    } else if (v >= SETTINGS_TEXT_COUNT) {
      v = wrap ? 0 : SETTINGS_TEXT_COUNT - 1;
    }
    st->text_size = (SettingsTextSize)v;
    relayout = true;
    break;
  }
  case ROW_HIGH_CONTRAST:
    st->high_contrast = !st->high_contrast;
    break;
  case ROW_REDUCED_MOTION:
    st->reduced_motion = !st->reduced_motion;
    break;
  case ROW_FULLSCREEN:
    st->fullscreen = !st->fullscreen;
    break;
  case ROW_COUNT:
    break;
  }
  app_apply_settings(app);
  if (relayout) {
    // Every screen on the stack measured its text at the old size.
    engine_relayout(app->engine);
  }
}

static const char *row_label(SettingRow row) {
  static const char *const labels[ROW_COUNT] = {
      N_("Seconds per question"),
      N_("Questions per round"),
      N_("Speed bonus"),
      N_("Ask how sure I am"),
      N_("Sound"),
      N_("Text size"),
      N_("High-contrast colours"),
      N_("Reduced motion"),
      N_("Fullscreen"),
  };
  return _(labels[row]);
}

// The value as shown (owned).
static char *row_value(const App *app, SettingRow row) {
  const Settings *st = &app->settings;
  switch (row) {
  case ROW_SECONDS:
    if (st->seconds_per_question == SETTINGS_FROM_PACK) {
      return xstrdup(_("As the pack says"));
    }
    if (st->seconds_per_question == SETTINGS_SECONDS_OFF) {
      return xstrdup(_("Off (no time limit)"));
    }
    return xasprintf(ngettext("%d second", "%d seconds", (unsigned long)st->seconds_per_question),
                     st->seconds_per_question);
  case ROW_QUESTIONS:
    if (st->questions == SETTINGS_FROM_PACK) {
      return xstrdup(_("As the pack says"));
    }
    return xasprintf("%d", st->questions);
  case ROW_SPEED_BONUS:
    return xstrdup(st->speed_bonus ? _("On") : _("Off"));
  case ROW_CONFIDENCE:
    return xstrdup(st->confidence_tap ? _("On") : _("Off"));
  case ROW_SOUND:
    return xstrdup(st->sound ? _("On") : _("Off"));
  case ROW_TEXT_SIZE:
    return xstrdup(_(settings_text_size_label(st->text_size)));
  case ROW_HIGH_CONTRAST:
    return xstrdup(st->high_contrast ? _("On") : _("Off"));
  case ROW_REDUCED_MOTION:
    return xstrdup(st->reduced_motion ? _("On") : _("Off"));
  case ROW_FULLSCREEN:
    return xstrdup(st->fullscreen ? _("On") : _("Off"));
  case ROW_COUNT:
    break;
  }
  return xstrdup("");
}

// The label, the two arrow buttons and the value box of a row (physical
// rects, from the sizes measure_rows() chose).
static void row_parts(const Ui *ui, const SettingsScene *s, Rect r, Rect *label, Rect *dec, Rect *value, Rect *inc) {
  float y = r.y + 10, h = r.h - 20;
  Rect l = {r.x + 40, r.y, s->label_w, r.h};
  if (s->stacked) {
    l = (Rect){r.x + 40, r.y + 10, s->label_w, s->label_h};
    y = l.y + l.h + 8;
    h = r.y + r.h - 10 - y;
  }
  float x_end = r.x + r.w - 20;
  // Laid out left to right as [dec][value][inc] at the end side; mirrored in RTL,
  // where "increase" sits on the left, the reading-end side.
  Rect i = {x_end - s->step_w, y, s->step_w, h};
  Rect v = {i.x - 12 - s->value_w, y, s->value_w, h};
  Rect d = {v.x - 12 - s->step_w, y, s->step_w, h};
  if (ui->rtl) {
    float cx = r.x + r.w / 2;
    i.x = 2 * cx - i.x - i.w;
    v.x = 2 * cx - v.x - v.w;
    d.x = 2 * cx - d.x - d.w;
    l.x = 2 * cx - l.x - l.w;
  }
  *label = l;
  *dec = d;
  *value = v;
  *inc = i;
}

static bool is_bool_row(SettingRow row) {
  return row != ROW_SECONDS && row != ROW_QUESTIONS && row != ROW_TEXT_SIZE;
}

// The page's scrolling: the wheel, a drag, Page Up/Down and Home/End (Up
// and Down move the selection, which the page then follows). A drag that
// began on a row must not choose it when it ends; a press on a row that is
// scrolled out of sight means nothing. True when the event was used.
static bool settings_scroll_event(SettingsScene *s, const InputEvent *ev) {
  UiScroll *sc = &s->head.scroll;
  if (ev->type == INPUT_EVENT_ACTION && (ev->action == INPUT_ACTION_UP || ev->action == INPUT_ACTION_DOWN)) {
    return false;
  }
  if (ev->type == INPUT_EVENT_POINTER_DOWN && !rect_contains(sc->view, ev->x, ev->y) &&
      ui_list_row_at(&s->list, ev->x, ev->y) >= 0) {
    return true;
  }
  bool was_drag = sc->dragging;
  if (!ui_scroll_event(sc, ev, true)) {
    return false;
  }
  if (was_drag || sc->dragging) {
    s->head.form.list_pressed = -1;  // the press became a drag
    s->head.form.dragging = false;
  }
  sync_list(s);
  return true;
}

static bool settings_event(SceneCtx *ctx, const InputEvent *ev) {
  SettingsScene *s = ctx->data;
  App *app = app_from_ctx(ctx);
  Ui ui = app_ui(app);
  // Left/Right change the focused row's value (the reading direction decides
  // which one is "more").
  if (ev->type == INPUT_EVENT_ACTION && s->head.form.focus == UI_FOCUS_LIST &&
      (ev->action == INPUT_ACTION_LEFT || ev->action == INPUT_ACTION_RIGHT)) {
    int dir = ev->action == INPUT_ACTION_RIGHT ? 1 : -1;
    change(app, (SettingRow)s->list.selected, ui.rtl ? -dir : dir, false);
    return true;
  }
  if (settings_scroll_event(s, ev)) {
    return true;
  }
  // A click or tap on a row's arrow buttons.
  if (ev->type == INPUT_EVENT_POINTER_DOWN && ev->button == 1) {
    int row = ui_list_row_at(&s->list, ev->x, ev->y);
    if (row >= 0) {
      Rect label, dec, val, inc;
      row_parts(&ui, s, ui_list_row_rect(&s->list, (size_t)row), &label, &dec, &val, &inc);
      int dir = rect_contains(inc, ev->x, ev->y) ? 1 : rect_contains(dec, ev->x, ev->y) ? -1 : 0;
      if (dir != 0) {
        ui_list_select(&s->list, (size_t)row);
        s->head.form.focus = UI_FOCUS_LIST;
        change(app, (SettingRow)row, dir, false);
        return true;
      }
    }
  }
  UiResult r = ui_form_event(&s->head.form, ev);
  if (ev->type == INPUT_EVENT_ACTION && r.kind != UI_RESULT_IGNORED && s->head.form.focus == UI_FOCUS_LIST) {
    reveal_selected(s);
  }
  if (r.kind == UI_RESULT_LIST_ACTIVATE) {
    change(app, (SettingRow)r.row, 1, true);
  } else if (r.kind == UI_RESULT_LIST_SELECT) {
    // A tap on a yes/no row flips it at once: one tap, one change.
    if (ev->type == INPUT_EVENT_POINTER_UP && is_bool_row((SettingRow)r.row)) {
      change(app, (SettingRow)r.row, 1, true);
    }
  } else if (r.kind == UI_RESULT_ACTIVATE) {
    // The settings screen's header has no Settings button (and opening
    // settings on top of itself does nothing): the shared rule fits.
    scene_header_activate(ctx, r.id);
  }
  // BACK, HELP and the rest: app_global_event's defaults are right here.
  return r.kind != UI_RESULT_IGNORED;
}

typedef struct RowCtx {
  const App *app;
  const SettingsScene *scene;
} RowCtx;

static void draw_row(void *user, const Ui *ui, size_t i, Rect r, bool selected, bool focused, bool hovered) {
  const RowCtx *rc = user;
  const Theme *t = ui->theme;
  SettingRow row = (SettingRow)i;
  ui_list_row_background(ui, r, selected, focused, hovered);
  Rect label, dec, val, inc;
  row_parts(ui, rc->scene, r, &label, &dec, &val, &inc);
  TextStyle ls = ui_text_style(ui, THEME_TEXT_BODY, t->text);
  ls.valign = TEXT_VALIGN_MIDDLE;
  ui_text_fitted(ui, row_label(row), &ls, label, 22);

  char *value = row_value(rc->app, row);
  draw_round_rect(ui->engine, val, t->radius * 0.6f, t->surface);
  TextStyle vs = ui_text_style(ui, THEME_TEXT_BODY, t->text);
  vs.weight = TEXT_WEIGHT_BOLD;
  vs.align = TEXT_ALIGN_CENTER;
  vs.valign = TEXT_VALIGN_MIDDLE;
  ui_text_fitted(ui, value, &vs, rect_inset(val, 8), 20);
  free(value);
  // Arrow buttons: physical arrows pointing away from the value.
  Rect phys_left = dec.x < inc.x ? dec : inc;
  Rect phys_right = dec.x < inc.x ? inc : dec;
  draw_round_rect(ui->engine, phys_left, t->radius * 0.6f, t->surface);
  draw_round_rect(ui->engine, phys_right, t->radius * 0.6f, t->surface);
  if (t->high_contrast) {
    draw_round_rect_outline(ui->engine, phys_left, t->radius * 0.6f, 2, t->border);
    draw_round_rect_outline(ui->engine, phys_right, t->radius * 0.6f, 2, t->border);
  }
  draw_icon(ui->engine, DRAW_ICON_ARROW_LEFT, rect_inset(phys_left, 20), t->text);
  draw_icon(ui->engine, DRAW_ICON_ARROW_RIGHT, rect_inset(phys_right, 20), t->text);
}

// The notes card and the rows, under the notes' text.
static void draw_page(const Ui *ui, const MenuSceneHead *head, void *user) {
  const SettingsScene *s = (const SettingsScene *)head;
  Rect note = s->note;
  note.y -= head->scroll.offset;
  ui_card_draw(ui, ui_mirror(ui, note));
  RowCtx rc = {.app = user, .scene = s};
  ui_list_draw(ui, &s->list, head->form.focus == UI_FOCUS_LIST, draw_row, &rc);
}

static void settings_draw(SceneCtx *ctx) {
  SettingsScene *s = ctx->data;
  App *app = app_from_ctx(ctx);
  Ui ui = app_ui(app);
  ui_header_draw(&ui, _("Settings"));
  menu_scene_draw(&ui, &s->head, -1, 0, draw_page, app);
}

const SceneVTable scene_settings_vtable = {
    .name = "settings",
    .free_data = settings_free,
    .layout = settings_layout,
    .event = settings_event,
    .draw = settings_draw,
};
