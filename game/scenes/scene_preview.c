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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/i18n.h"
#include "base/log.h"
#include "base/str.h"
#include "quiz/diag.h"
#include "quiz/pack_load.h"
#include "scenes/scenes.h"

enum {
  ID_PREV = 1,
  ID_NEXT = 2,
  ID_WARNINGS = 3,
  PREVIEW_POLL_MS = 1000,
};

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
  float scroll, content_h;
  // The item's page as students see it after answering (gameplay_page.c),
  // laid out in page_area by preview_page().
  GameplayPage page;
  Rect page_area;
} PreviewScene;

// Geometry on the 1920x1080 canvas (left-to-right; mirrored for RTL UIs).
#define PV_INFO_Y(u) (ui_header_h(u) + 20.0f)
#define PV_INFO_H(u) (56.0f * (u)->theme->layout_scale)
#define PV_HEADLINE_Y(u) (PV_INFO_Y(u) + PV_INFO_H(u) + 12.0f)
#define PV_FOOTER_Y(u) (ui_h(u) - 40.0f - ui_button_h(u))
#define PV_BODY_BOTTOM(u) (PV_FOOTER_Y(u) - 52.0f)  // the key hints line sits between body and footer

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
  App *app = app_from_ctx(ctx);
  PreviewScene *s = ctx->data;
  s->last_poll = app_now_ms(app);

  Ui ui = app_ui(app);
  ui_form_init(&s->form, ui.rtl);
  ui_form_add_header(&s->form, &ui, true, true);
  float w = 440.0f;
  // Previous sits on the reading-start side, Next on the end side.
  UiButton prev = ui_button(ID_PREV, ui_mirror(&ui, (Rect){ui_margin(&ui), PV_FOOTER_Y(&ui), w, ui_button_h(&ui)}),
                            _("Previous"), UI_BUTTON_NORMAL);
  prev.icon = ui.rtl ? DRAW_ICON_ARROW_RIGHT : DRAW_ICON_ARROW_LEFT;
  UiButton next =
      ui_button(ID_NEXT, ui_mirror(&ui, (Rect){ui_w(&ui) - ui_margin(&ui) - w, PV_FOOTER_Y(&ui), w, ui_button_h(&ui)}),
                _("Next"), UI_BUTTON_PRIMARY);
  next.icon = ui.rtl ? DRAW_ICON_ARROW_LEFT : DRAW_ICON_ARROW_RIGHT;
  ui_form_add(&s->form, prev);
  ui_form_add(&s->form, next);
  float ww = 400.0f;
  UiButton warn = ui_button(ID_WARNINGS, (Rect){(ui_w(&ui) - ww) / 2, PV_FOOTER_Y(&ui), ww, ui_button_h(&ui)}, "",
                            UI_BUTTON_NORMAL);
  warn.icon = UI_NO_ICON;
  ui_form_add(&s->form, warn);
  ui_form_focus_id(&s->form, ID_NEXT);
  preview_sync_buttons(s);
}

static void preview_free(void *data) {
  PreviewScene *s = data;
  if (!s) {
    return;
  }
  gameplay_page_free(&s->page);
  pack_destroy(s->pack);
  diag_clear(&s->diags);
  free(s->path);
  free(s);
}

// Lays the current item's page out again (after a move, a reload, a resize).
static void preview_page(SceneCtx *ctx) {
  PreviewScene *s = ctx->data;
  if (!s->pack || s->pack->item_count == 0) {
    gameplay_page_free(&s->page);
    return;
  }
  Ui ui = app_ui(app_from_ctx(ctx));
  gameplay_page_layout(&s->page, &ui, s->pack, &s->pack->items[s->index], NULL, s->page_area, 0);
  s->content_h = s->page.body_h;
  s->scroll = gameplay_clamp_scroll(s->scroll, s->content_h, s->page.body.h);
}

static void preview_layout(SceneCtx *ctx) {
  PreviewScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  s->page_area = (Rect){ui_margin(&ui), PV_HEADLINE_Y(&ui), ui_w(&ui) - 2 * ui_margin(&ui),
                        PV_BODY_BOTTOM(&ui) - PV_HEADLINE_Y(&ui)};
  preview_page(ctx);
}

static void preview_move(SceneCtx *ctx, int delta) {
  PreviewScene *s = ctx->data;
  if (!s->pack || s->pack->item_count == 0) {
    return;
  }
  size_t n = s->pack->item_count;
  s->index = (s->index + n + (size_t)(delta < 0 ? n - 1 : 1)) % n;
  s->scroll = 0;
  preview_page(ctx);
  engine_request_redraw(ctx->engine);
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

static bool preview_event(SceneCtx *ctx, const InputEvent *ev) {
  App *app = app_from_ctx(ctx);
  PreviewScene *s = ctx->data;
  if (ev->type == INPUT_EVENT_ACTION) {
    switch (ev->action) {
    case INPUT_ACTION_LEFT:
    case INPUT_ACTION_RIGHT: {
      // Physical arrows: Right moves on in a left-to-right interface.
      bool forward = (ev->action == INPUT_ACTION_RIGHT) != app->ui_rtl;
      preview_move(ctx, forward ? 1 : -1);
      return true;
    }
    case INPUT_ACTION_UP:
    case INPUT_ACTION_DOWN:
      s->scroll = gameplay_clamp_scroll(s->scroll + (ev->action == INPUT_ACTION_UP ? -120.0f : 120.0f), s->content_h,
                                        s->page.body.h);
      engine_request_redraw(ctx->engine);
      return true;
    case INPUT_ACTION_BACK:
      preview_ask_close(app, s);
      return true;
    case INPUT_ACTION_HELP:
      scene_help_push(app);
      return true;
    case INPUT_ACTION_SETTINGS:
      scene_settings_push(app);
      return true;
    default:
      break;
    }
  }
  if (ev->type == INPUT_EVENT_WHEEL) {
    s->scroll = gameplay_clamp_scroll(s->scroll - ev->wheel_y * 80.0f, s->content_h, s->page.body.h);
    engine_request_redraw(ctx->engine);
    return true;
  }
  UiResult res = ui_form_event(&s->form, ev);
  if (res.kind == UI_RESULT_ACTIVATE) {
    if (res.id == ID_PREV || res.id == ID_NEXT) {
      preview_move(ctx, res.id == ID_NEXT ? 1 : -1);
    } else if (res.id == ID_WARNINGS) {
      s->show_warnings = !s->show_warnings;
      preview_sync_buttons(s);
      engine_request_redraw(ctx->engine);
    } else if (res.id == UI_ID_BACK) {
      preview_ask_close(app, s);
    } else {
      scene_header_activate(ctx, res.id);
    }
  } else if (res.kind != UI_RESULT_IGNORED) {
    engine_request_redraw(ctx->engine);
  }
  return true;
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
    preview_sync_buttons(s);
    preview_page(ctx);
    engine_request_redraw(ctx->engine);
  }
  return false;
}

static void draw_errors(const Ui *ui, PreviewScene *s) {
  const Theme *t = ui->theme;
  Rect c = ui_content_rect(ui);
  float y = c.y + 24.0f;
  const char *head = s->pack ? _("This pack plays, with warnings (validate --strict refuses it). Fix them and save: "
                                 "the preview reloads by itself.")
                             : _("This pack has errors. Fix them and save: the preview reloads by itself.");
  float h = ui_text_bold(ui, head, THEME_TEXT_BODY, t->warning, ui_mirror(ui, (Rect){c.x, y, c.w, 1.0f}),
                         TEXT_ALIGN_START, TEXT_VALIGN_TOP)
                .h;
  y += h + 24.0f;
  for (size_t i = 0; i < s->diags.count && y < PV_FOOTER_Y(ui) - 40.0f; i++) {
    char *line = diag_format(&s->diags.items[i]);
    TextStyle st =
        ui_text_style(ui, THEME_TEXT_SMALL, s->diags.items[i].severity == DIAG_ERROR ? t->text : t->text_muted);
    st.lang = "en";  // file names and paths read left to right
    st.wrap_width = c.w;
    TextSize sz = text_draw(ui->engine, line, &st, (Rect){c.x, y, c.w, 1.0f});
    y += sz.h + 10.0f;
    free(line);
  }
}

static void preview_draw(SceneCtx *ctx) {
  App *app = app_from_ctx(ctx);
  PreviewScene *s = ctx->data;
  Ui ui = app_ui(app);
  const Theme *t = ui.theme;
  char *title = xasprintf(_("Preview: %s"), s->pack ? s->pack->title : fs_basename(s->path));
  ui_header_draw(&ui, title);
  free(title);
  if (!s->pack || s->show_warnings) {
    draw_errors(&ui, s);
    ui_form_draw(&ui, &s->form);
    return;
  }
  if (s->pack->item_count == 0) {
    ui_text(&ui, _("This pack has no items yet."), THEME_TEXT_BODY, t->text, ui_content_rect(&ui), TEXT_ALIGN_CENTER,
            TEXT_VALIGN_MIDDLE);
    ui_form_draw(&ui, &s->form);
    return;
  }
  const PackItem *item = &s->pack->items[s->index];

  // Which item, where in the file, and its answer (word + icon + colour).
  char *info =
      xasprintf(_("Item %zu of %zu · id %s · line %d"), s->index + 1, s->pack->item_count, item->id, item->line);
  Rect ibox = {ui_margin(&ui) + 420.0f, PV_INFO_Y(&ui), ui_w(&ui) - 2 * ui_margin(&ui) - 420.0f, PV_INFO_H(&ui)};
  ui_text(&ui, info, THEME_TEXT_SMALL, t->text_muted, ui_mirror(&ui, ibox), TEXT_ALIGN_END, TEXT_VALIGN_MIDDLE);
  free(info);
  bool real = item->answer == PACK_ANSWER_REAL;
  Rect tag = ui_mirror(&ui, (Rect){ui_margin(&ui), PV_INFO_Y(&ui), 400.0f, PV_INFO_H(&ui)});
  draw_round_rect(ui.engine, tag, PV_INFO_H(&ui) / 2, real ? t->real_fill : t->fabricated_fill);
  Color on = real ? t->on_real : t->on_fabricated;
  Rect icon = {tag.x + 18.0f, tag.y + 8.0f, PV_INFO_H(&ui) - 16.0f, PV_INFO_H(&ui) - 16.0f};
  if (ui.rtl) {
    icon.x = tag.x + tag.w - 18.0f - icon.w;
  }
  draw_icon(ui.engine, real ? DRAW_ICON_CHECK : DRAW_ICON_CROSS, icon, on);
  Rect word = {tag.x + 76.0f, tag.y, tag.w - 92.0f, tag.h};
  if (ui.rtl) {
    word.x = tag.x + 16.0f;
  }
  ui_text_bold(&ui, real ? _("REAL") : _("FABRICATED"), THEME_TEXT_BODY, on, word, TEXT_ALIGN_START,
               TEXT_VALIGN_MIDDLE);

  // The same page as the feedback screen (tip and techniques always in view).
  gameplay_page_draw(&s->page, &ui, s->scroll);
  const char *status = s->content_h > s->page.body.h + 1.0f ? _("Up/Down scrolls · Left/Right moves · reloads on save")
                                                            : _("Left/Right moves · reloads on save");
  Rect sbox = {ui_margin(&ui), PV_FOOTER_Y(&ui) - 40.0f, ui_w(&ui) - 2 * ui_margin(&ui), 36.0f};
  ui_text(&ui, status, THEME_TEXT_SMALL, t->text_muted, ui_mirror(&ui, sbox), TEXT_ALIGN_CENTER, TEXT_VALIGN_MIDDLE);
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
