// The title screen: the game's name, what it is for, and the main menu.

#include <stdlib.h>

#include "base/i18n.h"
#include "base/str.h"
#include "scenes/scenes.h"

enum { ID_PLAY = 1, ID_SCORES, ID_SETTINGS, ID_HELP, ID_QUIT };

typedef struct TitleScene {
  UiForm form;
} TitleScene;

void scene_title_push(App *app) {
  engine_push_scene(app->engine, &scene_title_vtable, xcalloc(1, sizeof(TitleScene)));
}

#define MENU_W 720.0f
#define MENU_TOP 470.0f

static void title_enter(SceneCtx *ctx) {
  TitleScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  ui_form_init(&s->form, ui.rtl);
  static const struct {
    int id;
    const char *label;
  } items[] = {
      {ID_PLAY, N_("Play")}, {ID_SCORES, N_("High scores")}, {ID_SETTINGS, N_("Settings")},
      {ID_HELP, N_("Help")}, {ID_QUIT, N_("Quit")},
  };
  float h = 84, gap = 16;
  for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
    Rect r = {(ui_w(&ui) - MENU_W) / 2, MENU_TOP + (float)i * (h + gap), MENU_W, h};
    UiButton b = ui_button(items[i].id, r, _(items[i].label), i == 0 ? UI_BUTTON_PRIMARY : UI_BUTTON_NORMAL);
    if (items[i].id == ID_PLAY) {
      b.icon = ui.rtl ? DRAW_ICON_ARROW_LEFT : DRAW_ICON_PLAY;
    } else if (items[i].id == ID_SETTINGS) {
      b.icon = UI_ICON_GEAR;
      b.key_hint = _("F2");
    } else if (items[i].id == ID_HELP) {
      b.key_hint = _("F1");
    }
    ui_form_add(&s->form, b);
  }
}

static void title_leave(SceneCtx *ctx) {
  free(ctx->data);
}

static void on_quit_answer(App *app, void *user, bool yes) {
  (void)user;
  if (yes) {
    engine_quit(app->engine);
  }
}

static void ask_quit(App *app) {
  scene_confirm_push(app, _("Quit Prebunk?"), _("Quit"), _("Keep playing"), on_quit_answer, NULL);
}

static bool title_event(SceneCtx *ctx, const InputEvent *ev) {
  TitleScene *s = ctx->data;
  App *app = app_from_ctx(ctx);
  UiResult r = ui_form_event(&s->form, ev);
  if (r.kind == UI_RESULT_ACTIVATE) {
    switch (r.id) {
    case ID_PLAY:
      scene_packs_push(app);
      break;
    case ID_SCORES:
      scene_scores_push(app, NULL);
      break;
    case ID_SETTINGS:
      scene_settings_push(app);
      break;
    case ID_HELP:
      scene_help_push(app);
      break;
    case ID_QUIT:
      ask_quit(app);
      break;
    default:
      break;
    }
  } else if (ev->type == INPUT_EVENT_ACTION && ev->action == INPUT_ACTION_BACK) {
    ask_quit(app);
  } else if (ev->type == INPUT_EVENT_ACTION && ev->action == INPUT_ACTION_HELP) {
    scene_help_push(app);
  } else if (ev->type == INPUT_EVENT_ACTION && ev->action == INPUT_ACTION_SETTINGS) {
    scene_settings_push(app);
  }
  if (r.kind != UI_RESULT_IGNORED || ev->type == INPUT_EVENT_ACTION) {
    engine_request_redraw(ctx->engine);
  }
  return true;
}

// A small pill with an icon and a word, as on the answer buttons.
static void draw_chip(const Ui *ui, Rect r, DrawIcon icon, const char *word, Color fill, Color on) {
  draw_round_rect(ui->engine, r, r.h / 2, fill);
  float isz = r.h * 0.5f;
  Rect ib = {r.x + r.h * 0.35f, r.y + (r.h - isz) / 2, isz, isz};
  Rect tb = {ib.x + isz + 14, r.y, r.w - (ib.x + isz + 14 - r.x) - r.h * 0.35f, r.h};
  if (ui->rtl) {
    ib.x = r.x + r.w - r.h * 0.35f - isz;
    tb.x = r.x + r.h * 0.35f;
  }
  draw_icon(ui->engine, icon, ib, on);
  TextStyle st = ui_text_style(ui, THEME_TEXT_BODY, on);
  st.weight = TEXT_WEIGHT_BOLD;
  st.align = TEXT_ALIGN_CENTER;
  st.valign = TEXT_VALIGN_MIDDLE;
  ui_text_fitted(ui, word, &st, tb, 20);
}

static void title_draw(SceneCtx *ctx) {
  TitleScene *s = ctx->data;
  App *app = app_from_ctx(ctx);
  Ui ui = app_ui(app);
  const Theme *t = ui.theme;

  TextStyle name = ui_text_style(&ui, THEME_TEXT_DISPLAY, t->text);
  name.weight = TEXT_WEIGHT_BOLD;
  name.align = TEXT_ALIGN_CENTER;
  name.valign = TEXT_VALIGN_MIDDLE;
  ui_text_fitted(&ui, _("Prebunk"), &name, (Rect){UI_MARGIN, 70, ui_w(&ui) - 2 * UI_MARGIN, 150}, 60);

  TextStyle tag = ui_text_style(&ui, THEME_TEXT_BODY, t->text_muted);
  tag.align = TEXT_ALIGN_CENTER;
  tag.valign = TEXT_VALIGN_MIDDLE;
  ui_text_fitted(&ui, _("Practise telling real news headlines from fabricated ones."), &tag,
                 (Rect){UI_MARGIN * 2, 225, ui_w(&ui) - 4 * UI_MARGIN, 100}, 26);

  float cw = 420, ch = 84, gap = 48;
  Rect real = {ui_w(&ui) / 2.0f - gap / 2 - cw, 345, cw, ch};
  Rect fake = {ui_w(&ui) / 2.0f + gap / 2, 345, cw, ch};
  draw_chip(&ui, ui_mirror(&ui, real), DRAW_ICON_CHECK, _("REAL"), t->real_fill, t->on_real);
  draw_chip(&ui, ui_mirror(&ui, fake), DRAW_ICON_CROSS, _("FABRICATED"), t->fabricated_fill, t->on_fabricated);

  ui_form_draw(&ui, &s->form);

  StrBuf foot = {0};
  if (app->player_name) {
    strbuf_appendf(&foot, _("Playing as %s"), app->player_name);
    strbuf_append(&foot, "   ·   ");
  }
  strbuf_append(&foot, _("Arrow keys move, Enter chooses, F1 shows all keys"));
  char *line = strbuf_take(&foot);
  TextStyle fs = ui_text_style(&ui, THEME_TEXT_SMALL, t->text_muted);
  fs.align = TEXT_ALIGN_CENTER;
  fs.valign = TEXT_VALIGN_MIDDLE;
  ui_text_fitted(&ui, line, &fs, (Rect){UI_MARGIN, ui_h(&ui) - 80, ui_w(&ui) - 2 * UI_MARGIN, 60}, 20);
  free(line);
}

const SceneVTable scene_title_vtable = {
    .name = "title",
    .enter = title_enter,
    .leave = title_leave,
    .event = title_event,
    .draw = title_draw,
};
