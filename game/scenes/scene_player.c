// Who is playing: type a name (SDL text input), pick one of the recent
// players, or play as a guest (so a controller or a mouse alone can start).
// Confirming starts the round of the chosen pack, replacing this screen.

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/log.h"
#include "base/str.h"
#include "scenes/scenes.h"

enum { ID_START = 1, ID_GUEST, ID_RECENT0 = 100 };
#define RECENT_MAX 5
// Bytes kept for the typed name: STORE_PLAYER_NAME_MAX code points of up to 4 bytes.
#define NAME_BYTES (STORE_PLAYER_NAME_MAX * 4 + 1)

typedef struct PlayerScene {
  UiForm form;  // first: see scenes.h
  char name[NAME_BYTES];
  StorePlayerList recent;
  char *error;  // why the name was refused (owned) or NULL
  Rect field;
} PlayerScene;

void scene_player_push(App *app) {
  engine_push_scene(app->engine, &scene_player_vtable, xcalloc(1, sizeof(PlayerScene)));
}

static void player_enter(SceneCtx *ctx) {
  PlayerScene *s = ctx->data;
  App *app = app_from_ctx(ctx);
  Ui ui = app_ui(app);
  if (app->player_name) {
    str_copy(s->name, sizeof s->name, app->player_name);
  }
  char *err = NULL;
  if (!store_recent_players(app->store, RECENT_MAX, &s->recent, &err)) {
    log_warn("recent players: %s", err ? err : "?");
  }
  free(err);

  Rect c = ui_content_rect();
  float left_w = 1000;
  s->field = ui_mirror(&ui, (Rect){c.x, c.y + 90, left_w, 130});
  ui_form_init(&s->form, ui.rtl);
  ui_form_add_header(&s->form, &ui, true);
  UiButton start = ui_button(ID_START, ui_mirror(&ui, (Rect){c.x, c.y + 260, left_w, UI_BUTTON_H + 8}),
                             _("Start the round"), UI_BUTTON_PRIMARY);
  start.icon = ui.rtl ? DRAW_ICON_ARROW_LEFT : DRAW_ICON_PLAY;
  start.key_hint = _("Enter");
  ui_form_add(&s->form, start);
  UiButton guest = ui_button(ID_GUEST, ui_mirror(&ui, (Rect){c.x, c.y + 400, left_w, UI_BUTTON_H}),
                             _("Play as a guest"), UI_BUTTON_NORMAL);
  ui_form_add(&s->form, guest);
  float rx = c.x + left_w + 80, rw = c.x + c.w - rx;
  for (size_t i = 0; i < s->recent.count && i < RECENT_MAX; i++) {
    Rect r = {rx, c.y + 90 + (float)i * (UI_BUTTON_H + 20), rw, UI_BUTTON_H};
    ui_form_add(&s->form, ui_button(ID_RECENT0 + (int)i, ui_mirror(&ui, r), s->recent.items[i].name, UI_BUTTON_NORMAL));
  }
  ui_form_focus_id(&s->form, ID_START);
  engine_text_input_start(ctx->engine);
}

static void player_leave(SceneCtx *ctx) {
  PlayerScene *s = ctx->data;
  engine_text_input_stop(ctx->engine);
  if (!s) {
    return;
  }
  store_player_list_free(&s->recent);
  free(s->error);
  free(s);
}

static void choose(SceneCtx *ctx, PlayerScene *s, const char *name) {
  App *app = app_from_ctx(ctx);
  free(s->error);
  s->error = NULL;
  if (str_is_blank(name)) {
    s->error = xstrdup(_("Type your name first, or choose a name from the list."));
    return;
  }
  char *err = NULL;
  if (!app_set_player(app, name, &err)) {
    s->error = err ? err : xstrdup(_("That name cannot be used."));
    return;
  }
  // The round replaces this screen: leaving the round returns to the packs.
  engine_pop_scene(ctx->engine);
  scene_round_push(app);
}

// Removes the last UTF-8 character.
static void backspace(char *s) {
  size_t n = strlen(s);
  while (n > 0) {
    n--;
    if (((unsigned char)s[n] & 0xC0) != 0x80) {
      break;
    }
  }
  s[n] = '\0';
}

static void player_event(SceneCtx *ctx, const InputEvent *ev) {
  PlayerScene *s = ctx->data;
  App *app = app_from_ctx(ctx);
  engine_request_redraw(ctx->engine);
  if (ev->type == INPUT_EVENT_TEXT) {
    size_t have = strlen(s->name), add = strlen(ev->text);
    if (have + add < sizeof s->name) {
      memcpy(s->name + have, ev->text, add + 1);
    }
    free(s->error);
    s->error = NULL;
    return;
  }
  if (ev->type == INPUT_EVENT_TEXT_BACKSPACE) {
    backspace(s->name);
    return;
  }
  UiResult r = ui_form_event(&s->form, ev);
  if (r.kind == UI_RESULT_ACTIVATE) {
    if (r.id == UI_ID_BACK) {
      engine_pop_scene(ctx->engine);
    } else if (r.id == UI_ID_HELP) {
      scene_help_push(app);
    } else if (r.id == ID_START) {
      choose(ctx, s, s->name);
    } else if (r.id == ID_GUEST) {
      choose(ctx, s, _("Guest"));
    } else if (r.id >= ID_RECENT0 && (size_t)(r.id - ID_RECENT0) < s->recent.count) {
      choose(ctx, s, s->recent.items[r.id - ID_RECENT0].name);
    }
  } else if (r.kind == UI_RESULT_IGNORED && ev->type == INPUT_EVENT_ACTION) {
    if (ev->action == INPUT_ACTION_BACK) {
      engine_pop_scene(ctx->engine);
    } else if (ev->action == INPUT_ACTION_HELP) {
      scene_help_push(app);
    }
  }
}

static bool player_update(SceneCtx *ctx, uint64_t now_ms, uint64_t dt_ms) {
  (void)now_ms;
  (void)dt_ms;
  // Back on top after an overlay (help stops text input): take letters again.
  if (!engine_text_input_active(ctx->engine)) {
    engine_text_input_start(ctx->engine);
  }
  return false;
}

static void player_draw(SceneCtx *ctx) {
  PlayerScene *s = ctx->data;
  App *app = app_from_ctx(ctx);
  Ui ui = app_ui(app);
  const Theme *t = ui.theme;
  ui_header_draw(&ui, _("Who is playing?"));
  Rect c = ui_content_rect();
  float left_w = 1000;
  ui_text_bold(&ui, _("Type your name"), THEME_TEXT_BODY, t->text, ui_mirror(&ui, (Rect){c.x, c.y, left_w, 80}),
               TEXT_ALIGN_START, TEXT_VALIGN_MIDDLE);
  // The name field: a card with the text and a caret at its end.
  draw_round_rect(ui.engine, s->field, t->radius, t->surface);
  draw_round_rect_outline(ui.engine, s->field, t->radius, 4, t->accent);
  Rect tb = rect_inset(s->field, 32);
  TextStyle ns = ui_text_style(&ui, THEME_TEXT_TITLE, t->text);
  ns.valign = TEXT_VALIGN_MIDDLE;
  float caret_x;
  if (s->name[0]) {
    ns.size = text_fit(ui.engine, s->name, &ns, tb.w - 20, tb.h, 24);
    TextSize sz = text_draw(ui.engine, s->name, &ns, tb);
    caret_x = ui.rtl ? tb.x + tb.w - sz.w - 16 : tb.x + sz.w + 12;
  } else {
    TextStyle ph = ui_text_style(&ui, THEME_TEXT_BODY, t->text_muted);
    ph.valign = TEXT_VALIGN_MIDDLE;
    ui_text_fitted(&ui, _("Your name or nickname"), &ph, (Rect){tb.x + 24, tb.y, tb.w - 24, tb.h}, 20);
    caret_x = ui.rtl ? tb.x + tb.w - 6 : tb.x;
  }
  draw_fill_rect(ui.engine, (Rect){caret_x, tb.y + 8, 4, tb.h - 16}, t->focus);

  if (s->error) {
    TextStyle es = ui_text_style(&ui, THEME_TEXT_BODY, t->warning);
    ui_text_fitted(&ui, s->error, &es, ui_mirror(&ui, (Rect){c.x, c.y + 530, left_w, 140}), 24);
  } else if (app->pack) {
    char *line = xasprintf(_("Pack: %s"), app->pack->title);
    TextStyle ps = ui_text_style(&ui, THEME_TEXT_BODY, t->text_muted);
    ui_text_fitted(&ui, line, &ps, ui_mirror(&ui, (Rect){c.x, c.y + 530, left_w, 140}), 24);
    free(line);
  }
  float rx = c.x + left_w + 80, rw = c.x + c.w - rx;
  ui_text_bold(&ui, _("Recent players"), THEME_TEXT_BODY, t->text, ui_mirror(&ui, (Rect){rx, c.y, rw, 80}),
               TEXT_ALIGN_START, TEXT_VALIGN_MIDDLE);
  if (s->recent.count == 0) {
    ui_text(&ui, _("Nobody has played here yet."), THEME_TEXT_BODY, t->text_muted,
            ui_mirror(&ui, (Rect){rx, c.y + 100, rw, 200}), TEXT_ALIGN_START, TEXT_VALIGN_TOP);
  }
  ui_form_draw(&ui, &s->form);
}

const SceneVTable scene_player_vtable = {
    .name = "player",
    .enter = player_enter,
    .leave = player_leave,
    .event = player_event,
    .update = player_update,
    .draw = player_draw,
};
