// Who is playing: type a name, pick one of the recent players, or play as a
// guest. A name can be typed on a physical keyboard (SDL text input, always
// on) or with the on-screen keyboard under the name field, so a controller,
// a mouse or a touch screen alone can enter a new name too. Confirming
// starts the round of the chosen pack, replacing this screen.
//
// On-screen keyboard: digits, A-Z, hyphen, apostrophe, Erase, Shift, Space
// and Start, laid out left to right and mirrored for right-to-left
// interfaces. Letters are capitalised like names ("Ana Lee-Smith"): upper
// case at the start and after a space or hyphen, lower case elsewhere; Shift
// inverts that for the next letter. On a controller X erases and Y types a
// space (A presses the focused key, B goes back as on every screen).

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/log.h"
#include "base/str.h"
#include "base/utf8.h"
#include "scenes/scenes.h"

enum {
  ID_START = 1,
  ID_GUEST,
  ID_KEY_ERASE,
  ID_KEY_SHIFT,
  ID_KEY_SPACE,
  ID_RECENT0 = 100,
  ID_KEY0 = 200,  // + index into key_chars
};
#define RECENT_MAX 5
// Bytes kept for the typed name: STORE_PLAYER_NAME_MAX code points of up to 4 bytes.
#define NAME_BYTES (STORE_PLAYER_NAME_MAX * 4 + 1)

// The character keys in reading order, ten to a row (the last row of
// characters is followed by the Erase key).
static const char key_chars[] = "1234567890ABCDEFGHIJKLMNOPQRSTUVWXYZ-'";
#define KEY_CHAR_COUNT (sizeof key_chars - 1)

// Layout on the 1920x1080 canvas, left to right (mirrored by ui_mirror).
#define LEFT_W 1100.0f  // name field and keyboard column
#define COL_GAP 64.0f   // between the keyboard and the recent players
#define KEY_COLS 10
#define KEY_GAP 12.0f
#define KEY_H 92.0f
#define KEY_ROWS 5
#define FIELD_H 120.0f
#define LABEL_H 60.0f
#define RECENT_H 88.0f
#define RECENT_GAP 14.0f

typedef struct PlayerScene {
  UiForm form;  // first: see scenes.h
  char name[NAME_BYTES];
  StorePlayerList recent;
  char *error;  // why the name was refused (owned) or NULL
  Rect field;
  bool shift;                          // invert the case of the next letter
  char key_labels[KEY_CHAR_COUNT][2];  // what each character key shows (and types)
} PlayerScene;

void scene_player_push(App *app) {
  engine_push_scene(app->engine, &scene_player_vtable, xcalloc(1, sizeof(PlayerScene)));
}

// ---- layout ---------------------------------------------------------------------

static float key_w(void) {
  return (LEFT_W - (KEY_COLS - 1) * KEY_GAP) / KEY_COLS;
}

static float keyboard_top(void) {
  return UI_CONTENT_TOP + LABEL_H + 8 + FIELD_H + 28;
}

// The rectangle of the key at `col` (0-based, reading order) spanning `span`
// columns in keyboard row `row`, before mirroring.
static Rect key_rect(int row, int col, int span) {
  float w = key_w();
  return (Rect){UI_MARGIN + (float)col * (w + KEY_GAP), keyboard_top() + (float)row * (KEY_H + KEY_GAP),
                (float)span * w + (float)(span - 1) * KEY_GAP, KEY_H};
}

static float keyboard_bottom(void) {
  return keyboard_top() + KEY_ROWS * KEY_H + (KEY_ROWS - 1) * KEY_GAP;
}

// ---- the name -------------------------------------------------------------------

// Removes the last UTF-8 character.
static void backspace(char *s) {
  s[utf8_prev(s, strlen(s))] = '\0';
}

static void set_error(PlayerScene *s, char *msg) {
  free(s->error);
  s->error = msg;
}

// Appends whole code points of `text` while the name stays within
// STORE_PLAYER_NAME_MAX; says so when some did not fit.
static void append_text(PlayerScene *s, const char *text) {
  set_error(s, NULL);
  size_t have = utf8_length(s->name), len = strlen(s->name), text_len = strlen(text);
  const char *p = text;
  while (*p) {
    size_t n = utf8_next(p, text_len - (size_t)(p - text), 0);
    if (have >= STORE_PLAYER_NAME_MAX || len + n >= sizeof s->name) {
      set_error(s, xasprintf(_("A name can have at most %d characters."), STORE_PLAYER_NAME_MAX));
      return;
    }
    memcpy(s->name + len, p, n);
    len += n;
    s->name[len] = '\0';
    have++;
    p += n;
  }
}

// Upper case at the start of the name and after a space or hyphen.
static bool next_letter_upper(const PlayerScene *s) {
  size_t n = strlen(s->name);
  bool word_start = n == 0 || s->name[n - 1] == ' ' || s->name[n - 1] == '-';
  return word_start != s->shift;
}

static void update_key_labels(PlayerScene *s) {
  bool upper = next_letter_upper(s);
  for (size_t i = 0; i < KEY_CHAR_COUNT; i++) {
    char ch = key_chars[i];
    if (ch >= 'A' && ch <= 'Z' && !upper) {
      ch = (char)(ch - 'A' + 'a');
    }
    s->key_labels[i][0] = ch;
    s->key_labels[i][1] = '\0';
  }
  UiButton *shift = ui_form_button(&s->form, ID_KEY_SHIFT);
  if (shift) {
    shift->selected = s->shift;
  }
}

// ---- enter / leave --------------------------------------------------------------

static void add_keyboard(PlayerScene *s, const Ui *ui) {
  for (size_t i = 0; i < KEY_CHAR_COUNT; i++) {
    Rect r = key_rect((int)(i / KEY_COLS), (int)(i % KEY_COLS), 1);
    ui_form_add(&s->form, ui_button(ID_KEY0 + (int)i, ui_mirror(ui, r), s->key_labels[i], UI_BUTTON_NORMAL));
  }
  int last = (int)((KEY_CHAR_COUNT - 1) / KEY_COLS), after = (int)(KEY_CHAR_COUNT % KEY_COLS);
  UiButton erase =
      ui_button(ID_KEY_ERASE, ui_mirror(ui, key_rect(last, after, KEY_COLS - after)), _("Erase"), UI_BUTTON_NORMAL);
  // Erasing goes back towards where reading starts.
  erase.icon = ui->rtl ? DRAW_ICON_ARROW_RIGHT : DRAW_ICON_ARROW_LEFT;
  ui_form_add(&s->form, erase);
  UiButton shift = ui_button(ID_KEY_SHIFT, ui_mirror(ui, key_rect(KEY_ROWS - 1, 0, 2)), _("Shift"), UI_BUTTON_NORMAL);
  ui_form_add(&s->form, shift);
  ui_form_add(&s->form,
              ui_button(ID_KEY_SPACE, ui_mirror(ui, key_rect(KEY_ROWS - 1, 2, 3)), _("Space"), UI_BUTTON_NORMAL));
  UiButton start = ui_button(ID_START, ui_mirror(ui, key_rect(KEY_ROWS - 1, 5, KEY_COLS - 5)), _("Start the round"),
                             UI_BUTTON_PRIMARY);
  start.icon = ui->rtl ? DRAW_ICON_ARROW_LEFT : DRAW_ICON_PLAY;
  start.key_hint = _("Enter");
  ui_form_add(&s->form, start);
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

  Rect c = ui_content_rect(&ui);
  s->field = ui_mirror(&ui, (Rect){c.x, c.y + LABEL_H + 8, LEFT_W, FIELD_H});
  ui_form_init(&s->form, ui.rtl);
  ui_form_add_header(&s->form, &ui, true, true);
  update_key_labels(s);
  add_keyboard(s, &ui);
  float rx = c.x + LEFT_W + COL_GAP, rw = c.x + c.w - rx;
  for (size_t i = 0; i < s->recent.count && i < RECENT_MAX; i++) {
    Rect r = {rx, c.y + LABEL_H + 8 + (float)i * (RECENT_H + RECENT_GAP), rw, RECENT_H};
    ui_form_add(&s->form, ui_button(ID_RECENT0 + (int)i, ui_mirror(&ui, r), s->recent.items[i].name, UI_BUTTON_NORMAL));
  }
  // Beside Start, on the keyboard's last row: the other way in.
  Rect last = key_rect(KEY_ROWS - 1, 0, 1);
  ui_form_add(&s->form, ui_button(ID_GUEST, ui_mirror(&ui, (Rect){rx, last.y, rw, KEY_H}), _("Play as a guest"),
                                  UI_BUTTON_NORMAL));
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

// ---- events ---------------------------------------------------------------------

static void choose(SceneCtx *ctx, PlayerScene *s, const char *name) {
  App *app = app_from_ctx(ctx);
  set_error(s, NULL);
  if (str_is_blank(name)) {
    set_error(s, xstrdup(_("Type your name first, or choose a name from the list.")));
    return;
  }
  char *err = NULL;
  if (!app_set_player(app, name, &err)) {
    set_error(s, err ? err : xstrdup(_("That name cannot be used.")));
    return;
  }
  // The round replaces this screen: leaving the round returns to the packs.
  engine_pop_scene(ctx->engine);
  scene_round_push(app);
}

static void press_char(PlayerScene *s, size_t index) {
  char text[2] = {s->key_labels[index][0], '\0'};
  append_text(s, text);
  s->shift = false;
}

static void press_space(PlayerScene *s) {
  size_t n = strlen(s->name);
  // A leading or doubled space would be squashed away when the name is cleaned.
  if (n > 0 && s->name[n - 1] != ' ') {
    append_text(s, " ");
  }
}

static void erase(PlayerScene *s) {
  backspace(s->name);
  set_error(s, NULL);
}

static bool player_event(SceneCtx *ctx, const InputEvent *ev) {
  PlayerScene *s = ctx->data;
  engine_request_redraw(ctx->engine);
  if (ev->type == INPUT_EVENT_TEXT) {
    append_text(s, ev->text);
  } else if (ev->type == INPUT_EVENT_TEXT_BACKSPACE) {
    erase(s);
  } else if (ev->type == INPUT_EVENT_ACTION && ev->action == INPUT_ACTION_ANSWER_REAL) {
    erase(s);  // controller X (R is a letter here: text input is on)
  } else if (ev->type == INPUT_EVENT_ACTION && ev->action == INPUT_ACTION_ANSWER_FABRICATED) {
    press_space(s);  // controller Y
  } else {
    UiResult r = ui_form_event(&s->form, ev);
    if (r.kind == UI_RESULT_ACTIVATE) {
      if (r.id == ID_START) {
        choose(ctx, s, s->name);
      } else if (r.id == ID_GUEST) {
        choose(ctx, s, _("Guest"));
      } else if (r.id == ID_KEY_ERASE) {
        erase(s);
      } else if (r.id == ID_KEY_SHIFT) {
        s->shift = !s->shift;
      } else if (r.id == ID_KEY_SPACE) {
        press_space(s);
      } else if (r.id >= ID_KEY0 && (size_t)(r.id - ID_KEY0) < KEY_CHAR_COUNT) {
        press_char(s, (size_t)(r.id - ID_KEY0));
      } else if (r.id >= ID_RECENT0 && (size_t)(r.id - ID_RECENT0) < s->recent.count) {
        choose(ctx, s, s->recent.items[r.id - ID_RECENT0].name);
      } else {
        scene_header_activate(ctx, r.id);
      }
    } else if (r.kind == UI_RESULT_IGNORED) {
      scene_header_action(ctx, ev);
    }
  }
  update_key_labels(s);
  return true;
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

// ---- drawing --------------------------------------------------------------------

static void draw_field(const Ui *ui, const PlayerScene *s) {
  const Theme *t = ui->theme;
  // The name field: a card with the text and a caret at its end.
  draw_round_rect(ui->engine, s->field, t->radius, t->surface);
  draw_round_rect_outline(ui->engine, s->field, t->radius, 4, t->accent);
  Rect tb = rect_inset(s->field, 28);
  TextStyle ns = ui_text_style(ui, THEME_TEXT_TITLE, t->text);
  ns.valign = TEXT_VALIGN_MIDDLE;
  float caret_x;
  if (s->name[0]) {
    // One line, shrunk for long names; the end (where typing happens) stays visible.
    Rect room = {ui->rtl ? tb.x + 20 : tb.x, tb.y, tb.w - 20, tb.h};
    float size = ui_text_line(ui, s->name, &ns, room, 24);
    ns.size = size;
    float w = fminf(text_measure(ui->engine, s->name, &ns).w, room.w);
    caret_x = ui->rtl ? tb.x + tb.w - w - 16 : tb.x + w + 12;
  } else {
    TextStyle ph = ui_text_style(ui, THEME_TEXT_BODY, t->text_muted);
    ph.valign = TEXT_VALIGN_MIDDLE;
    Rect room = {ui->rtl ? tb.x : tb.x + 24, tb.y, tb.w - 24, tb.h};
    ui_text_line(ui, _("Your name or nickname"), &ph, room, 20);
    caret_x = ui->rtl ? tb.x + tb.w - 6 : tb.x;
  }
  draw_fill_rect(ui->engine, (Rect){caret_x, tb.y + 8, 4, tb.h - 16}, t->focus);
}

static void player_draw(SceneCtx *ctx) {
  PlayerScene *s = ctx->data;
  App *app = app_from_ctx(ctx);
  Ui ui = app_ui(app);
  const Theme *t = ui.theme;
  ui_header_draw(&ui, _("Who is playing?"));
  Rect c = ui_content_rect(&ui);
  TextStyle label = ui_text_style(&ui, THEME_TEXT_BODY, t->text);
  label.weight = TEXT_WEIGHT_BOLD;
  label.valign = TEXT_VALIGN_MIDDLE;
  ui_text_line(&ui, _("Type your name"), &label, ui_mirror(&ui, (Rect){c.x, c.y, LEFT_W, LABEL_H}), 24);
  draw_field(&ui, s);

  float msg_y = keyboard_bottom() + 16;
  Rect msg = ui_mirror(&ui, (Rect){c.x, msg_y, LEFT_W, c.y + c.h - msg_y});
  if (s->error) {
    TextStyle es = ui_text_style(&ui, THEME_TEXT_BODY, t->warning);
    ui_text_fitted_clipped(&ui, s->error, &es, msg, 24);
  } else if (app->pack) {
    char *line = xasprintf(_("Pack: %s"), app->pack->title);
    TextStyle ps = ui_text_style(&ui, THEME_TEXT_BODY, t->text_muted);
    ui_text_fitted_clipped(&ui, line, &ps, msg, 24);
    free(line);
  }
  float rx = c.x + LEFT_W + COL_GAP, rw = c.x + c.w - rx;
  ui_text_line(&ui, _("Recent players"), &label, ui_mirror(&ui, (Rect){rx, c.y, rw, LABEL_H}), 24);
  if (s->recent.count == 0) {
    TextStyle none = ui_text_style(&ui, THEME_TEXT_BODY, t->text_muted);
    Rect guest = key_rect(KEY_ROWS - 1, 0, 1);
    float top = c.y + LABEL_H + 8;
    ui_text_fitted_clipped(&ui, _("Nobody has played here yet."), &none,
                           ui_mirror(&ui, (Rect){rx, top, rw, guest.y - 16 - top}), 24);
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
