// The author's preview (`prebunk --pack FILE --preview`): every item in turn
// with its answer and the explanation exactly as students will see it after
// answering. The file is polled about once a second and reloaded when it
// changes; a pack with errors shows them (FILE:LINE: message) instead, and
// recovers as soon as the author saves a fixed file. A pack that loads with
// warnings says how many on its Warnings button, which lists them. Leaving
// (Esc, Back) asks first: the preview is often the only screen, and leaving
// it closes the game.
//
// Polling never makes the game busy: update() returns false and relies on
// the engine waking the top scene when its idle wait times out (once a
// second, engine.c IDLE_WAIT_MS).

#include "scenes/gameplay.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/i18n.h"
#include "base/log.h"
#include "base/str.h"
#include "quiz/diag.h"
#include "quiz/pack_load.h"
#include "scenes/menu_text.h"
#include "scenes/scenes.h"
#include "scenes/ui_scroll.h"

enum {
  ID_PREV = 1,
  ID_NEXT = 2,
  ID_WARNINGS = 3,
  PREVIEW_POLL_MS = 1000,
};
enum { LAYER_FIXED = 0, LAYER_LIST = 1 };

typedef struct PreviewScene {
  UiForm form;  // first: see scenes.h
  char *path;   // owned
  Pack *pack;   // owned; NULL while the file has errors
  DiagList diags;
  int64_t mtime;
  uint64_t last_poll;
  size_t index;
  bool show_warnings;  // the Warnings button is on: the list replaces the item
  bool confirm_open;   // the "close the preview?" question is up
  char warnings_label[64];
  // What scrolls: the item page's body, or the list of errors and warnings.
  UiScroll scroll;
  // The item's page as students see it after answering (gameplay_page.c),
  // laid out in page_area by preview_page().
  GameplayPage page;
  Rect page_area;
  // Layout (physical): the answer tag, its icon and word, the item's place
  // in the file, the key hints above the footer.
  Rect tag, tag_icon, tag_word, info, status;
  const char *status_text;  // translated constant; NULL when the page needs the room
  // The errors view: its heading (fixed) and one line per diagnostic
  // (scrolled), measured at their themed sizes.
  MenuTextPlan list;
  // The header, laid out for the title (on a line of its own when the bar
  // has no room for it; unmirrored), and the title (owned).
  UiHeader header;
  char *title;
} PreviewScene;

static void preview_load(PreviewScene *s) {
  const char *keep_id = NULL;
  char *kept = NULL;
  if (s->pack && s->index < s->pack->item_count) {
    kept = xstrdup(s->pack->items[s->index].id);
    keep_id = kept;
  }
  diag_clear(&s->diags);
  Pack *p = pack_load_file(s->path, &s->diags);
  pack_destroy(s->pack);
  s->pack = p;
  s->mtime = fs_mtime_ns(s->path);
  if (p) {
    // Stay on the item the author was looking at, even if items moved.
    size_t idx = s->index;
    for (size_t i = 0; keep_id && i < p->item_count; i++) {
      if (strcmp(p->items[i].id, keep_id) == 0) {
        idx = i;
        break;
      }
    }
    s->index = p->item_count ? (idx < p->item_count ? idx : p->item_count - 1) : 0;
  } else {
    log_info("preview: %s has %zu error(s)", s->path, s->diags.errors);
  }
  free(kept);
}

// Moving between items means nothing while the file has errors.
static void preview_sync_buttons(PreviewScene *s) {
  UiButton *w = ui_form_button(&s->form, ID_WARNINGS);
  if (w) {
    size_t n = s->pack ? s->diags.warnings : 0;
    if (n) {
      snprintf(s->warnings_label, sizeof s->warnings_label, ngettext("%zu warning", "%zu warnings", (unsigned long)n),
               n);
    } else {
      snprintf(s->warnings_label, sizeof s->warnings_label, "%s", _("No warnings"));
    }
    w->label = s->warnings_label;
    w->disabled = n == 0;
    s->show_warnings = s->show_warnings && n > 0;
    w->selected = s->show_warnings;
  }
  bool items = s->pack && s->pack->item_count > 1;
  for (int id = ID_PREV; id <= ID_NEXT; id++) {
    UiButton *b = ui_form_button(&s->form, id);
    if (b) {
      b->disabled = !items;
    }
  }
  if (items && ui_form_focused_id(&s->form) == UI_FOCUS_NONE) {
    ui_form_focus_id(&s->form, ID_NEXT);
  }
}

// The push builds the preview's data (the pack loaded from `path`);
// free_data releases it.
void scene_preview_push(App *app, const char *path) {
  PreviewScene *s = xcalloc(1, sizeof *s);
  s->path = xstrdup(path);
  preview_load(s);
  engine_push_scene(app->engine, &scene_preview_vtable, s);
}

static void preview_enter(SceneCtx *ctx) {
  PreviewScene *s = ctx->data;
  s->last_poll = app_now_ms(app_from_ctx(ctx));
}

static void preview_free(void *data) {
  PreviewScene *s = data;
  if (!s) {
    return;
  }
  gameplay_page_free(&s->page);
  menu_text_free(&s->list);
  pack_destroy(s->pack);
  diag_clear(&s->diags);
  free(s->path);
  free(s->title);
  free(s);
}

static bool showing_list(const PreviewScene *s) {
  return !s->pack || s->show_warnings;
}

static float line_step(const Ui *ui) {
  TextStyle body = ui_text_style(ui, THEME_TEXT_BODY, ui->theme->text);
  return text_line_height(ui->engine, &body);
}

// The errors view: a heading, then every diagnostic (FILE:LINE: message) in
// the scroll view down to `bottom`.
static void preview_list(PreviewScene *s, const Ui *ui, float bottom) {
  const Theme *t = ui->theme;
  menu_text_clear(&s->list);
  Rect c = ui_content_rect(ui);
  const char *head = s->pack ? _("This pack plays, with warnings (validate --strict refuses it). Fix them and save: "
                                 "the preview reloads by itself.")
                             : _("This pack has errors. Fix them and save: the preview reloads by itself.");
  TextStyle hs = menu_text_style(ui, THEME_TEXT_BODY, t->warning, TEXT_WEIGHT_BOLD, TEXT_ALIGN_START);
  float y = c.y + menu_text_add(&s->list, ui, head, hs, (Rect){c.x, c.y, c.w, 0}, LAYER_FIXED) + ui_gap(ui) / 2;
  ui_scroll_set(&s->scroll, ui_mirror(ui, (Rect){c.x, y, c.w, bottom - y}), 0, line_step(ui));
  float w = ui_scroll_content_w(&s->scroll), top = y;
  for (size_t i = 0; i < s->diags.count; i++) {
    char *line = diag_format(&s->diags.items[i]);
    bool error = s->diags.items[i].severity == DIAG_ERROR;
    TextStyle st =
        menu_text_style(ui, THEME_TEXT_SMALL, error ? t->text : t->text_muted, TEXT_WEIGHT_REGULAR, TEXT_ALIGN_START);
    st.lang = "en";  // file names and paths read left to right
    y += menu_text_add(&s->list, ui, line, st, (Rect){c.x, y, w, 0}, LAYER_LIST) + ui_gap(ui) / 3;
    free(line);
  }
  ui_scroll_set(&s->scroll, s->scroll.view, y - top, s->scroll.step);
}

// Lays the current item's page out again (after a move, a reload, a resize),
// or the errors view in its place.
static void preview_page(SceneCtx *ctx) {
  PreviewScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  ui_header_use(&ui, &s->header);
  if (showing_list(s)) {
    gameplay_page_free(&s->page);
    preview_list(s, &ui, s->status.y + s->status.h);
    return;
  }
  menu_text_clear(&s->list);
  if (s->pack->item_count == 0) {
    gameplay_page_free(&s->page);
    ui_scroll_set(&s->scroll, (Rect){0}, 0, 1);
    return;
  }
  gameplay_page_layout(&s->page, &ui, s->pack, &s->pack->items[s->index], NULL, s->page_area, 0);
  ui_scroll_set(&s->scroll, s->page.body, s->page.body_h, line_step(&ui));
}

// The footer: Previous at the reading-start side, Warnings in the middle,
// Next at the end side; the focus stays where it was.
static void preview_buttons(PreviewScene *s, const Ui *ui, float y) {
  int focus = ui_form_focused_id(&s->form);
  bool first = s->form.count == 0;
  ui_form_init(&s->form, ui->rtl);
  ui_form_add_header_from(&s->form, ui, &s->header);
  float m = ui_margin(ui), bh = ui_button_h(ui), gap = ui_gap(ui);
  float w = fminf(440.0f, (ui_w(ui) - 2 * m - 2 * gap) / 3);
  UiButton prev = ui_button(ID_PREV, ui_mirror(ui, (Rect){m, y, w, bh}), _("Previous"), UI_BUTTON_NORMAL);
  prev.icon = ui->rtl ? DRAW_ICON_ARROW_RIGHT : DRAW_ICON_ARROW_LEFT;
  UiButton next = ui_button(ID_NEXT, ui_mirror(ui, (Rect){ui_w(ui) - m - w, y, w, bh}), _("Next"), UI_BUTTON_PRIMARY);
  next.icon = ui->rtl ? DRAW_ICON_ARROW_LEFT : DRAW_ICON_ARROW_RIGHT;
  ui_form_add(&s->form, prev);
  ui_form_add(&s->form, next);
  UiButton warn = ui_button(ID_WARNINGS, (Rect){(ui_w(ui) - w) / 2, y, w, bh}, "", UI_BUTTON_NORMAL);
  warn.icon = UI_NO_ICON;
  ui_form_add(&s->form, warn);
  if (first || !ui_form_focus_id(&s->form, focus)) {
    ui_form_focus_id(&s->form, ID_NEXT);
  }
  preview_sync_buttons(s);
}

// The key hints: the long one when the page scrolls and it fits in the
// room of the short one (whose height the layout keeps, so the page does not
// jump); the scroll bar shows that the page scrolls anyway.
static void preview_status(PreviewScene *s, const Ui *ui) {
  s->status_text = s->status.h > 0 ? _("Left/Right moves · reloads on save") : NULL;
  if (!s->status_text || !ui_scroll_overflows(&s->scroll)) {
    return;
  }
  const char *hint = _("Up/Down scrolls · Left/Right moves · reloads on save");
  TextStyle ss = ui_text_style(ui, THEME_TEXT_SMALL, ui->theme->text_muted);
  ss.wrap_width = s->status.w;
  if (text_measure(ui->engine, hint, &ss).h <= s->status.h + 0.5f) {
    s->status_text = hint;
  }
}

// The answer tag (as wide as its word) at the start side and the item's
// place in the file at the end side beside it (on up to two lines), or on
// its own line(s) below when it needs more. Returns the y below them.
static float preview_info(PreviewScene *s, const Ui *ui, float y) {
  float m = ui_margin(ui), gap = ui_gap(ui), w = ui_w(ui) - 2 * m;
  const PackItem *item = s->pack && s->index < s->pack->item_count ? &s->pack->items[s->index] : NULL;
  if (!item) {
    s->tag = s->info = (Rect){0};
    return y;
  }
  TextStyle ws = menu_text_style(ui, THEME_TEXT_BODY, ui->theme->text, TEXT_WEIGHT_BOLD, TEXT_ALIGN_START);
  const char *word = item->answer == PACK_ANSWER_REAL ? _("REAL") : _("FABRICATED");
  float h = fmaxf(56.0f * ui->theme->layout_scale, text_line_height(ui->engine, &ws) + gap / 2);
  float icon = h - 16.0f, pad = 18.0f;
  float word_w = ceilf(text_measure(ui->engine, word, &ws).w) + 2;
  Rect tag = {m, y, fminf(w, pad + icon + 16.0f + word_w + 2 * pad), h};
  s->tag = ui_mirror(ui, tag);
  s->tag_icon = ui_mirror(ui, (Rect){tag.x + pad, tag.y + 8.0f, icon, icon});
  s->tag_word = ui_mirror(ui, (Rect){tag.x + pad + icon + 16.0f, tag.y, word_w, h});
  TextStyle is = ui_text_style(ui, THEME_TEXT_SMALL, ui->theme->text_muted);
  char *info =
      xasprintf(_("Item %zu of %zu · id %s · line %d"), s->index + 1, s->pack->item_count, item->id, item->line);
  Rect r = {tag.x + tag.w + gap, y, w - tag.w - gap, h};
  is.wrap_width = r.w;
  float ih = text_measure(ui->engine, info, &is).h;
  if (ih > 2.2f * text_line_height(ui->engine, &is)) {
    is.wrap_width = w;
    r = (Rect){m, y + h + gap / 4, w, text_measure(ui->engine, info, &is).h};
  } else {
    r.h = fmaxf(h, ih);
  }
  free(info);
  s->info = ui_mirror(ui, r);
  return fmaxf(tag.y + tag.h, r.y + r.h) + 12.0f;
}

// Footer, key hints, the info row, then the page (or the errors) between.
// The header's title: "Preview: <pack title>" when it fits in the bar,
// else the pack's title alone, else the file's name (what the author has
// open), else nothing: a title on a line of its own would take the room
// of the page the author is checking.
static void preview_header(PreviewScene *s, const Ui *ui) {
  const char *name = fs_basename(s->path);
  char *candidates[3] = {
      xasprintf(_("Preview: %s"), s->pack ? s->pack->title : name),
      xstrdup(s->pack ? s->pack->title : name),
      xstrdup(name),
  };
  free(s->title);
  s->title = NULL;
  for (size_t i = 0; i < 3; i++) {
    s->header = ui_header_layout(ui, candidates[i], true, true);
    if (!s->title && !s->header.title_below) {
      s->title = candidates[i];
      candidates[i] = NULL;
    }
    free(candidates[i]);
  }
  if (!s->title) {
    s->title = xstrdup("");
  }
  s->header = ui_header_layout(ui, s->title, true, true);
}

static void preview_layout(SceneCtx *ctx) {
  PreviewScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  preview_header(s, &ui);
  ui_header_use(&ui, &s->header);
  float m = ui_margin(&ui), gap = ui_gap(&ui);
  float footer_y = ui_h(&ui) - 40.0f - ui_button_h(&ui);
  preview_buttons(s, &ui, footer_y);
  TextStyle ss = ui_text_style(&ui, THEME_TEXT_SMALL, ui.theme->text_muted);
  ss.wrap_width = ui_w(&ui) - 2 * m;
  float sh = text_measure(ui.engine, _("Left/Right moves · reloads on save"), &ss).h;
  float top = preview_info(s, &ui, s->header.bottom + 20.0f);
  // The key hints give their room to the page when it is short of it (the
  // footer's buttons say the same).
  for (int pass = 0; pass < 2; pass++) {
    float h = pass == 0 ? sh : 0;
    s->status = ui_mirror(&ui, (Rect){m, footer_y - gap / 2 - h, ui_w(&ui) - 2 * m, h});
    s->page_area = (Rect){m, top, ui_w(&ui) - 2 * m, s->status.y - (pass == 0 ? gap / 2 : 0) - top};
    preview_page(ctx);
    if (!s->page.overflow) {
      break;
    }
  }
  preview_status(s, &ui);
}

static void preview_move(SceneCtx *ctx, int delta) {
  PreviewScene *s = ctx->data;
  if (!s->pack || s->pack->item_count == 0) {
    return;
  }
  size_t n = s->pack->item_count;
  s->index = (s->index + n + (size_t)(delta < 0 ? n - 1 : 1)) % n;
  ui_scroll_to(&s->scroll, 0);
  preview_layout(ctx);  // the info row may change height with the item
}

static void on_close_answer(App *app, void *user, bool yes) {
  PreviewScene *s = user;
  s->confirm_open = false;
  if (yes) {
    engine_pop_scene(app->engine);  // the confirm overlay has already gone
  }
}

static void preview_ask_close(App *app, PreviewScene *s) {
  if (s->confirm_open) {
    return;
  }
  s->confirm_open = true;
  scene_confirm_push(app, _("Close the preview?"), _("Close preview"), _("Keep previewing"), on_close_answer, s);
}

// Left/Right move between items, Back asks first; the scroll view has
// Up/Down, the wheel and a drag; Help, Settings and the sound key are the
// global ones (app_keys.c): they are not used here.
static bool preview_event(SceneCtx *ctx, const InputEvent *ev) {
  App *app = app_from_ctx(ctx);
  PreviewScene *s = ctx->data;
  if (ev->type == INPUT_EVENT_ACTION && !ev->repeat &&
      (ev->action == INPUT_ACTION_LEFT || ev->action == INPUT_ACTION_RIGHT)) {
    // Physical arrows: Right moves on in a left-to-right interface.
    bool forward = (ev->action == INPUT_ACTION_RIGHT) != app->ui_rtl;
    preview_move(ctx, forward ? 1 : -1);
    return true;
  }
  if (ev->type == INPUT_EVENT_ACTION && ev->action == INPUT_ACTION_BACK) {
    preview_ask_close(app, s);
    return true;
  }
  if (ui_scroll_event(&s->scroll, ev, true)) {
    return true;
  }
  UiResult res = ui_form_event(&s->form, ev);
  if (res.kind == UI_RESULT_ACTIVATE) {
    if (res.id == ID_PREV || res.id == ID_NEXT) {
      preview_move(ctx, res.id == ID_NEXT ? 1 : -1);
    } else if (res.id == ID_WARNINGS) {
      s->show_warnings = !s->show_warnings;
      preview_sync_buttons(s);
      ui_scroll_to(&s->scroll, 0);
      preview_page(ctx);
    } else if (res.id == UI_ID_BACK) {
      preview_ask_close(app, s);
    } else {
      scene_header_activate(ctx, res.id);
    }
  }
  return res.kind != UI_RESULT_IGNORED;
}

static bool preview_update(SceneCtx *ctx, uint64_t now, uint64_t dt) {
  (void)dt;
  PreviewScene *s = ctx->data;
  if (now - s->last_poll < PREVIEW_POLL_MS) {
    return false;
  }
  s->last_poll = now;
  int64_t mtime = fs_mtime_ns(s->path);
  if (mtime != s->mtime) {
    preview_load(s);
    preview_layout(ctx);
    engine_request_redraw(ctx->engine);
  }
  return false;
}

static void draw_item(const Ui *ui, const PreviewScene *s) {
  const Theme *t = ui->theme;
  const PackItem *item = &s->pack->items[s->index];
  // Which item, where in the file, and its answer (word + icon + colour).
  char *info =
      xasprintf(_("Item %zu of %zu · id %s · line %d"), s->index + 1, s->pack->item_count, item->id, item->line);
  TextStyle is = menu_text_style(ui, THEME_TEXT_SMALL, t->text_muted, TEXT_WEIGHT_REGULAR, TEXT_ALIGN_END);
  is.valign = TEXT_VALIGN_MIDDLE;
  is.wrap_width = s->info.w;
  text_draw(ui->engine, info, &is, s->info);
  free(info);
  bool real = item->answer == PACK_ANSWER_REAL;
  draw_round_rect(ui->engine, s->tag, s->tag.h / 2, real ? t->real_fill : t->fabricated_fill);
  Color on = real ? t->on_real : t->on_fabricated;
  draw_icon(ui->engine, real ? DRAW_ICON_CHECK : DRAW_ICON_CROSS, s->tag_icon, on);
  ui_text_bold(ui, real ? _("REAL") : _("FABRICATED"), THEME_TEXT_BODY, on, s->tag_word, TEXT_ALIGN_START,
               TEXT_VALIGN_MIDDLE);
  // The same page as the feedback screen (tip and techniques always in view).
  gameplay_page_draw(&s->page, ui, s->scroll.offset);
  ui_scroll_bar_draw(ui, &s->scroll);
}

static void preview_draw(SceneCtx *ctx) {
  PreviewScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  ui_header_use(&ui, &s->header);
  if (!showing_list(s) && s->pack->item_count == 0) {
    scene_message_draw(&ui, s->title, _("This pack has no items yet."), ui.theme->text, &s->form);
    return;
  }
  ui_header_draw_from(&ui, &s->header, s->title);
  if (showing_list(s)) {
    menu_text_draw(&ui, &s->list, LAYER_FIXED, 0);
    UiClip clip = ui_scroll_begin(&ui, &s->scroll);
    menu_text_draw(&ui, &s->list, LAYER_LIST, s->scroll.offset);
    ui_scroll_end(&ui, &s->scroll, clip);
  } else {
    draw_item(&ui, s);
    TextStyle ss = menu_text_style(&ui, THEME_TEXT_SMALL, ui.theme->text_muted, TEXT_WEIGHT_REGULAR, TEXT_ALIGN_CENTER);
    ss.wrap_width = s->status.w;
    if (s->status_text) {
      text_draw(ui.engine, s->status_text, &ss, s->status);
    }
  }
  ui_form_draw(&ui, &s->form);
}

const SceneVTable scene_preview_vtable = {
    .name = "preview",
    .enter = preview_enter,
    .free_data = preview_free,
    .layout = preview_layout,
    .event = preview_event,
    .update = preview_update,
    .draw = preview_draw,
};

bool scene_preview_showing_warnings(const void *scene_data) {
  const PreviewScene *s = scene_data;
  return s && s->show_warnings;
}

const Pack *scene_preview_peek(const void *scene_data, const DiagList **diags) {
  const PreviewScene *s = scene_data;
  if (diags) {
    *diags = s ? &s->diags : NULL;
  }
  return s ? s->pack : NULL;
}

const GameplayPage *scene_preview_peek_page(const void *scene_data) {
  const PreviewScene *s = scene_data;
  return s && s->page.item ? &s->page : NULL;
}

const UiScroll *scene_preview_peek_scroll(const void *scene_data, const MenuTextPlan **list) {
  const PreviewScene *s = scene_data;
  if (list) {
    *list = &s->list;
  }
  return &s->scroll;
}
