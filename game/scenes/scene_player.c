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
#include "scenes/training_scenes.h"

enum {
  ID_START = 1,
  ID_FIELD,  // the name field (an area the form focuses first: typing works at once)
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

// The character keys in reading order, KEY_COLS to a row (the last row of
// characters is followed by the Erase key); a short canvas at a large text
// size gets the compact keyboard instead: KEY_COLS_COMPACT to a row and
// Erase on the last row with Shift, Space and Start, one row fewer.
static const char key_chars[] = "1234567890ABCDEFGHIJKLMNOPQRSTUVWXYZ-'";
#define KEY_CHAR_COUNT (sizeof key_chars - 1)

// Layout (player_layout), left to right before mirroring: the name field and
// the keyboard in a column of at most LEFT_MAX_W (60% of the content width),
// the recent players and "Play as a guest" beside it. Heights follow the
// text size; the keys get shorter when the canvas is short.
#define LEFT_MAX_W 1100.0f
#define KEY_COLS 10
#define KEY_ROWS 5
#define KEY_COLS_COMPACT 13
#define KEY_ROWS_COMPACT 4
#define KEY_GAP 12.0f
// The compact keyboard is for short canvases: its gaps are tighter too.
#define KEY_GAP_COMPACT 8.0f
#define FIELD_PAD_COMPACT 16.0f  // less padding in the name field
#define RECENT_GAP 14.0f
#define HINT_MAX 24

typedef struct PlayerGeometry {
  bool wide;       // the recent players in a column beside the keyboard (else in a row under it)
  int cols, rows;  // KEY_COLS x KEY_ROWS, or the compact keyboard
  float key_gap;   // between keys; the gaps around the field follow it
  float left_x, left_w;
  float key_h, keyboard_top;
  float key_fit;                                // the key height the room gave before the floor (KEY_MIN_H)
  Rect label, field, guest, recent_label, msg;  // unmirrored; label.h == 0: no label
  Rect recent[RECENT_MAX];
  size_t recent_count;  // how many recent players have room
} PlayerGeometry;

typedef struct PlayerScene {
  UiForm form;  // first: see scenes.h
  char name[NAME_BYTES];
  StorePlayerList recent;
  char *error;  // why the name was refused (owned) or NULL
  Rect field;
  bool shift;                          // invert the case of the next letter
  char key_labels[KEY_CHAR_COUNT][2];  // what each character key shows (and types)
  PlayerGeometry geo;
  UiHeader header;
  char start_hint[HINT_MAX];
  int focus_id;  // kept across layouts
} PlayerScene;

void scene_player_push(App *app) {
  PlayerScene *s = xcalloc(1, sizeof *s);
  if (app->player_name) {
    str_copy(s->name, sizeof s->name, app->player_name);
  }
  char *err = NULL;
  if (!store_recent_players(app->store, RECENT_MAX, &s->recent, &err)) {
    log_warn("recent players: %s", err ? err : "?");
  }
  free(err);
  s->focus_id = ID_FIELD;
  engine_push_scene(app->engine, &scene_player_vtable, s);
}

// ---- layout ---------------------------------------------------------------------

static float key_w(const PlayerGeometry *g) {
  return (g->left_w - (float)(g->cols - 1) * g->key_gap) / (float)g->cols;
}

// The rectangle of the key at `col` (0-based, reading order) spanning `span`
// columns in keyboard row `row`, before mirroring.
static Rect key_rect(const PlayerGeometry *g, int row, int col, int span) {
  float w = key_w(g);
  return (Rect){g->left_x + (float)col * (w + g->key_gap), g->keyboard_top + (float)row * (g->key_h + g->key_gap),
                (float)span * w + (float)(span - 1) * g->key_gap, g->key_h};
}

static float keyboard_bottom(const PlayerGeometry *g) {
  return g->keyboard_top + (float)g->rows * g->key_h + (float)(g->rows - 1) * g->key_gap;
}

#define WIDE_MIN_W 1700.0f

#define KEY_MIN_H 84.0f

// Keys as tall as `room` allows for `rows` rows, up to 90% of a button; not
// clamped from below (see key_height).
static float key_room(const Ui *ui, float room, const PlayerGeometry *g) {
  return fminf(ui_button_h(ui) * 0.9f, (room - (float)(g->rows - 1) * g->key_gap) / (float)g->rows);
}

// Keys as tall as `room` allows between a floor (a key's letter at its
// Normal size) and a button.
static float key_height(const Ui *ui, float room, const PlayerGeometry *g) {
  return fmaxf(KEY_MIN_H, key_room(ui, room, g));
}

// The sizes every layout shares.
typedef struct PlayerSizes {
  Rect c;
  float label_h, field_h, msg_h, bottom;
} PlayerSizes;

static PlayerSizes player_sizes(const Ui *ui) {
  PlayerSizes z = {.c = ui_content_rect(ui)};
  TextStyle label = ui_text_style(ui, THEME_TEXT_BODY, ui->theme->text);
  z.label_h = ceilf(text_line_height(ui->engine, &label) * 1.3f);
  TextStyle title = ui_text_style(ui, THEME_TEXT_TITLE, ui->theme->text);
  z.field_h = ceilf(text_line_height(ui->engine, &title) + 40);
  z.msg_h = z.label_h * 1.6f;
  z.bottom = z.c.y + z.c.h + ui_gap(ui);
  return z;
}

// The keyboard's shape for a layout: compact (one row fewer) or not.
static void set_keyboard(PlayerGeometry *g, bool compact) {
  g->cols = compact ? KEY_COLS_COMPACT : KEY_COLS;
  g->rows = compact ? KEY_ROWS_COMPACT : KEY_ROWS;
  g->key_gap = compact ? KEY_GAP_COMPACT : KEY_GAP;
}

static PlayerGeometry geometry_wide(const Ui *ui, const PlayerSizes *z, size_t recent) {
  Rect c = z->c;
  PlayerGeometry g = {.left_x = c.x, .wide = true};
  set_keyboard(&g, false);
  float label_h = z->label_h, field_h = z->field_h, msg_h = z->msg_h, bottom = z->bottom;
  g.left_w = fminf(LEFT_MAX_W, c.w * 0.6f);
  float rx = c.x + g.left_w + 64, rw = c.x + c.w - rx;
  g.label = (Rect){c.x, c.y, g.left_w, label_h};
  g.field = (Rect){c.x, c.y + label_h + 8, g.left_w, field_h};
  g.keyboard_top = g.field.y + field_h + 28;
  g.key_fit = key_room(ui, bottom - msg_h - g.keyboard_top, &g);
  g.key_h = fmaxf(KEY_MIN_H, g.key_fit);
  g.guest = (Rect){rx, g.keyboard_top + (float)(g.rows - 1) * (g.key_h + g.key_gap), rw, g.key_h};
  g.recent_label = (Rect){rx, c.y, rw, label_h};
  float rh = fminf(ui_button_h(ui), g.key_h);
  for (size_t i = 0; i < recent && i < RECENT_MAX; i++) {
    Rect r = {rx, g.field.y + (float)i * (rh + RECENT_GAP), rw, rh};
    if (r.y + r.h > g.guest.y - RECENT_GAP) {
      break;  // no room for more above the guest button
    }
    g.recent[g.recent_count++] = r;
  }
  g.msg = (Rect){c.x, keyboard_bottom(&g) + 16, g.left_w, bottom - keyboard_bottom(&g) - 16};
  return g;
}

// Narrow: the keyboard takes the whole width, and the recent players and
// "Play as a guest" share a row under it. The "Type your name" label goes
// when the keys would get short (the field says it, and the header asks
// who is playing).
static PlayerGeometry geometry_narrow(const Ui *ui, const PlayerSizes *z, size_t recent, bool compact) {
  Rect c = z->c;
  PlayerGeometry g = {.left_x = c.x, .left_w = c.w};
  set_keyboard(&g, compact);
  float label_h = z->label_h, field_h = z->field_h - (compact ? FIELD_PAD_COMPACT : 0), msg_h = z->msg_h;
  float bottom = z->bottom, field_gap = compact ? 2 * g.key_gap : 28, row_gap = compact ? g.key_gap : RECENT_GAP;
  float row = key_height(ui, 1e9f, &g) + row_gap;
  float with_label = bottom - msg_h - row - (c.y + label_h + 8 + field_h + field_gap);
  bool show_label = key_height(ui, with_label, &g) >= ui_button_h(ui) * 0.8f;
  float top = c.y + (show_label ? label_h + 8 : 0);
  if (show_label) {
    g.label = (Rect){c.x, c.y, c.w, label_h};
  }
  g.field = (Rect){c.x, top, c.w, field_h};
  g.keyboard_top = top + field_h + field_gap;
  g.key_fit = key_room(ui, bottom - msg_h - row - g.keyboard_top, &g);
  g.key_h = fmaxf(KEY_MIN_H, g.key_fit);
  float ry = keyboard_bottom(&g) + row_gap;
  UiButton guest = ui_button(ID_GUEST, (Rect){0}, _("Play as a guest"), UI_BUTTON_NORMAL);
  float guest_w = fminf(c.w, ui_button_width(ui, &guest, g.key_h, false));
  g.guest = (Rect){c.x + c.w - guest_w, ry, guest_w, g.key_h};
  float room = c.w - guest_w - RECENT_GAP;
  size_t n = recent < RECENT_MAX ? recent : RECENT_MAX;
  while (n > 0 && (room - (float)n * RECENT_GAP) / (float)n < 300) {
    n--;
  }
  for (size_t i = 0; i < n; i++) {
    float w = (room - (float)(n - 1) * RECENT_GAP) / (float)n;
    g.recent[g.recent_count++] = (Rect){c.x + (float)i * (w + RECENT_GAP), ry, w, g.key_h};
  }
  float msg_y = g.guest.y + g.guest.h + row_gap;
  g.msg = (Rect){c.x, msg_y, g.left_w, bottom - msg_y};
  return g;
}

// True when the layout's keys got at least their floor from the room (a
// floor taken anyway pushes the message under the canvas's foot).
static bool keys_have_room(const PlayerGeometry *g) {
  return g->key_fit >= KEY_MIN_H;
}

// The first layout whose keys have room: the recent players beside the
// keyboard (a wide canvas), under it, then under the compact keyboard.
static PlayerGeometry geometry(const Ui *ui, size_t recent) {
  PlayerSizes z = player_sizes(ui);
  if (z.c.w >= WIDE_MIN_W) {
    PlayerGeometry g = geometry_wide(ui, &z, recent);
    if (keys_have_room(&g)) {
      return g;
    }
  }
  PlayerGeometry g = geometry_narrow(ui, &z, recent, false);
  if (keys_have_room(&g)) {
    return g;
  }
  return geometry_narrow(ui, &z, recent, true);
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

// ---- layout / lifecycle -----------------------------------------------------------

// A key's icon only when the key is wide enough for it and its word at the
// themed size: the word matters more (a narrow Erase shows only its word).
static void drop_icon_without_room(const Ui *ui, UiButton *b) {
  if (ui_button_width(ui, b, b->rect.h, false) > b->rect.w) {
    b->icon = UI_NO_ICON;
  }
}

// The keys: the characters row by row, Erase after them (on the compact
// keyboard on the last row: Shift 2, Space 3, Erase 3, Start 5), then Shift,
// Space and Start on the last row.
static void add_keyboard(PlayerScene *s, const Ui *ui) {
  const PlayerGeometry *g = &s->geo;
  for (size_t i = 0; i < KEY_CHAR_COUNT; i++) {
    Rect r = key_rect(g, (int)(i / (size_t)g->cols), (int)(i % (size_t)g->cols), 1);
    ui_form_add(&s->form, ui_button(ID_KEY0 + (int)i, ui_mirror(ui, r), s->key_labels[i], UI_BUTTON_NORMAL));
  }
  int last_row = g->rows - 1, start_col = 8;
  Rect erase_r = key_rect(g, last_row, 5, 3);
  if (g->cols == KEY_COLS) {
    int last = (int)((KEY_CHAR_COUNT - 1) / KEY_COLS), after = (int)(KEY_CHAR_COUNT % KEY_COLS);
    erase_r = key_rect(g, last, after, KEY_COLS - after);
    start_col = 5;
  }
  UiButton erase = ui_button(ID_KEY_ERASE, ui_mirror(ui, erase_r), _("Erase"), UI_BUTTON_NORMAL);
  // Erasing goes back towards where reading starts.
  erase.icon = ui->rtl ? DRAW_ICON_ARROW_RIGHT : DRAW_ICON_ARROW_LEFT;
  drop_icon_without_room(ui, &erase);
  ui_form_add(&s->form, erase);
  ui_form_add(&s->form,
              ui_button(ID_KEY_SHIFT, ui_mirror(ui, key_rect(g, last_row, 0, 2)), _("Shift"), UI_BUTTON_NORMAL));
  ui_form_add(&s->form,
              ui_button(ID_KEY_SPACE, ui_mirror(ui, key_rect(g, last_row, 2, 3)), _("Space"), UI_BUTTON_NORMAL));
  UiButton start = ui_button(ID_START, ui_mirror(ui, key_rect(g, last_row, start_col, g->cols - start_col)),
                             _("Start the round"), UI_BUTTON_PRIMARY);
  start.icon = ui->rtl ? DRAW_ICON_ARROW_LEFT : DRAW_ICON_PLAY;
  drop_icon_without_room(ui, &start);
  start.key_hint = s->start_hint;
  ui_form_add(&s->form, start);
}

static void player_layout(SceneCtx *ctx) {
  PlayerScene *s = ctx->data;
  App *app = app_from_ctx(ctx);
  Ui ui = app_ui(app);
  int focused = ui_form_focused_id(&s->form);
  if (focused != UI_FOCUS_NONE && focused != UI_FOCUS_LIST) {
    s->focus_id = focused;
  }
  s->header = ui_header_layout(&ui, _("Who is playing?"), true, true);
  ui_header_use(&ui, &s->header);  // a title too long for the bar has its own line
  s->geo = geometry(&ui, s->recent.count);
  const PlayerGeometry *g = &s->geo;
  str_copy(s->start_hint, sizeof s->start_hint, game_key_hint(app->engine, INPUT_ACTION_CONFIRM));
  s->field = ui_mirror(&ui, g->field);
  ui_form_init(&s->form, ui.rtl);
  ui_form_add_header_from(&s->form, &ui, &s->header);
  // The field first: it has the focus when the screen opens.
  ui_form_add(&s->form, ui_button(ID_FIELD, s->field, _("Your name or nickname"), UI_BUTTON_AREA));
  update_key_labels(s);
  add_keyboard(s, &ui);
  for (size_t i = 0; i < g->recent_count; i++) {
    ui_form_add(&s->form, ui_button(ID_RECENT0 + (int)i, ui_mirror(&ui, g->recent[i]), s->recent.items[i].name,
                                    UI_BUTTON_NORMAL));
  }
  // Beside Start (or the field): the other way in.
  ui_form_add(&s->form, ui_button(ID_GUEST, ui_mirror(&ui, g->guest), _("Play as a guest"), UI_BUTTON_NORMAL));
  ui_form_focus_id(&s->form, s->focus_id);
}

static void player_enter(SceneCtx *ctx) {
  engine_text_input_start(ctx->engine);
}

static void player_leave(SceneCtx *ctx) {
  engine_text_input_stop(ctx->engine);
}

// Under an overlay (help, settings, a notice) letters are not typed into the
// name; back on top they are again.
static void player_cover(SceneCtx *ctx) {
  engine_text_input_stop(ctx->engine);
}

static void player_uncover(SceneCtx *ctx) {
  engine_text_input_start(ctx->engine);
}

static void player_free(void *data) {
  PlayerScene *s = data;
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
  scene_round_push_forewarned(app);
}

// A new guest every time: guests are separate people (Guest 1, Guest 2 ...).
static void choose_guest(SceneCtx *ctx, PlayerScene *s) {
  App *app = app_from_ctx(ctx);
  set_error(s, NULL);
  char *err = NULL;
  if (!app_set_guest(app, &err)) {
    set_error(s, err ? err : xstrdup(_("A guest cannot be added now.")));
    return;
  }
  engine_pop_scene(ctx->engine);
  scene_round_push_forewarned(app);
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

static void activate(SceneCtx *ctx, PlayerScene *s, int id) {
  if (id == ID_START || id == ID_FIELD) {
    choose(ctx, s, s->name);
  } else if (id == ID_GUEST) {
    choose_guest(ctx, s);
  } else if (id == ID_KEY_ERASE) {
    erase(s);
  } else if (id == ID_KEY_SHIFT) {
    s->shift = !s->shift;
  } else if (id == ID_KEY_SPACE) {
    press_space(s);
  } else if (id >= ID_KEY0 && (size_t)(id - ID_KEY0) < KEY_CHAR_COUNT) {
    press_char(s, (size_t)(id - ID_KEY0));
  } else if (id >= ID_RECENT0 && (size_t)(id - ID_RECENT0) < s->recent.count) {
    choose(ctx, s, s->recent.items[id - ID_RECENT0].name);
  } else {
    scene_header_activate(ctx, id);
  }
}

static bool player_event(SceneCtx *ctx, const InputEvent *ev) {
  PlayerScene *s = ctx->data;
  bool handled = true;
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
      activate(ctx, s, r.id);
    }
    handled = r.kind != UI_RESULT_IGNORED;  // Back, Help, Settings: the global keys
  }
  update_key_labels(s);
  return handled;
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
  const PlayerGeometry *g = &s->geo;
  ui_header_draw_from(&ui, &s->header, _("Who is playing?"));
  TextStyle label = ui_text_style(&ui, THEME_TEXT_BODY, t->text);
  label.weight = TEXT_WEIGHT_BOLD;
  label.valign = TEXT_VALIGN_MIDDLE;
  if (g->label.h > 0) {
    ui_text_line(&ui, _("Type your name"), &label, ui_mirror(&ui, g->label), 24);
  }
  draw_field(&ui, s);
  if (s->error) {
    TextStyle es = ui_text_style(&ui, THEME_TEXT_BODY, t->warning);
    ui_text_fitted_clipped(&ui, s->error, &es, ui_mirror(&ui, g->msg), 24);
  } else if (app->pack) {
    char *line = xasprintf(_("Pack: %s"), app->pack->title);
    TextStyle ps = ui_text_style(&ui, THEME_TEXT_BODY, t->text_muted);
    ui_text_fitted_clipped(&ui, line, &ps, ui_mirror(&ui, g->msg), 24);
    free(line);
  }
  if (g->wide) {
    ui_text_line(&ui, _("Recent players"), &label, ui_mirror(&ui, g->recent_label), 24);
    if (s->recent.count == 0) {
      TextStyle none = ui_text_style(&ui, THEME_TEXT_BODY, t->text_muted);
      Rect r = g->recent_label;
      float top = g->field.y;
      ui_text_fitted_clipped(&ui, _("Nobody has played here yet."), &none,
                             ui_mirror(&ui, (Rect){r.x, top, r.w, g->guest.y - 16 - top}), 24);
    }
  }
  ui_form_draw(&ui, &s->form);
}

const SceneVTable scene_player_vtable = {
    .name = "player",
    .enter = player_enter,
    .leave = player_leave,
    .free_data = player_free,
    .cover = player_cover,
    .uncover = player_uncover,
    .layout = player_layout,
    .event = player_event,
    .draw = player_draw,
};
