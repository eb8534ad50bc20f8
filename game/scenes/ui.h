#pragma once
// The UI kit shared by every screen: text in the interface language, cards,
// buttons with a word and an optional icon, a focus ring, a header bar, a
// scrolling list, a scroll view (ui_scroll.h) and a table with measured
// columns (ui_table.h), and a form that ties buttons and one list together
// for mouse, touch, keyboard and controller alike.
//
// Everything is in logical units (a canvas of at least 1440x1080 that
// follows the output's shape, engine/view.h).
// Layout code is written for left-to-right and passed through ui_mirror(),
// which flips rectangles horizontally when the interface language reads
// right to left; text uses TEXT_ALIGN_START/END, never left/right. Focus
// navigation is spatial (it follows where things are drawn), so once the
// rectangles are mirrored the arrow keys follow the mirrored layout.
//
// Usage in a scene:
//   enter:  ui_form_init(&s->form, ui.rtl); ui_form_add_header(&s->form, &ui, true);
//           ui_form_add(&s->form, (UiButton){.id = ID_PLAY, .rect = ui_mirror(&ui, r),
//                                               .label = _("Play"), .kind = UI_BUTTON_PRIMARY});
//   event:  UiResult res = ui_form_event(&s->form, ev);
//           if (res.kind == UI_RESULT_ACTIVATE && res.id == ID_PLAY) ...
//           if (res.kind != UI_RESULT_IGNORED) engine_request_redraw(...) (done by the form's owner)
//   draw:   ui_header_draw(&ui, _("Packs")); ui_form_draw(&ui, &s->form);

#include <stdbool.h>
#include <stddef.h>

#include "engine/draw.h"
#include "engine/input.h"
#include "engine/text.h"
#include "engine/view.h"
#include "scenes/game_config.h"
#include "scenes/theme.h"

typedef struct Engine Engine;

// Where the kit reports text it could not show whole: tests read it to
// prove a screen shows everything at a size (see "text" below).
typedef struct UiStats {
  unsigned cut;       // texts ended with an ellipsis: they did not fit even at their floor
  unsigned shrunk;    // texts drawn below the Normal size of their style
  unsigned fitted;    // texts drawn smaller so that their longest word fits its line (never broken inside)
  char last_cut[96];  // the start of the last text cut (for a test's message)
} UiStats;

// What every drawing helper needs: borrowed pointers, built per call with
// app_ui() (app.h). `lang` is the interface language (BCP 47), `rtl` its
// direction.
typedef struct Ui {
  Engine *engine;
  const Theme *theme;
  const char *lang;
  bool rtl;
  float w, h;      // the logical canvas size (engine_view()), read through ui_w()/ui_h()
  UiStats *stats;  // nullable, borrowed: where cut/shrunk text is counted (app_ui(): the App's)
  // Where the screen's header ends when it is taller than the bar (its
  // title on a line of its own, ui_header_use()); 0: the bar alone.
  float header_bottom;
} Ui;

// Page geometry at Normal text, for code that has no Ui at hand. Layouts
// use the functions below, which follow the text size (theme.h).
#define UI_MARGIN 72.0f                            // left/right page margin
#define UI_HEADER_H 128.0f                         // header bar height at Normal
#define UI_BUTTON_H 104.0f                         // standard button height at Normal (touch friendly)
#define UI_GAP 24.0f                               // standard gap
#define UI_CONTENT_TOP (UI_HEADER_H + UI_GAP * 2)  // top of the area below the header at Normal
// The logical canvas size (engine_view(): it follows the output's shape,
// at least VIEW_MIN_W x VIEW_MIN_H).
float ui_w(const Ui *ui);
float ui_h(const Ui *ui);
// The theme's page geometry at the current text size (Theme: margin, gap,
// header_h, button_h); ui_content_top() is below the header and two gaps:
// the bar, or the bar and the title's own line under it once the screen
// has passed its header to ui_header_use().
float ui_margin(const Ui *ui);
float ui_gap(const Ui *ui);
float ui_header_h(const Ui *ui);
float ui_button_h(const Ui *ui);
float ui_content_top(const Ui *ui);
// The area below the header bar, inside the margins.
Rect ui_content_rect(const Ui *ui);
// Zeroes the counters.
void ui_stats_clear(UiStats *stats);

// Flips `r` horizontally on the canvas when the interface reads right to left.
Rect ui_mirror(const Ui *ui, Rect r);

// ---- text ------------------------------------------------------------------

// A style for interface text of a role: its themed size, `color`, the
// interface language, start-aligned, top.
TextStyle ui_text_style(const Ui *ui, ThemeText role, Color color);
// Draws interface text in `box` with the given alignment (start/centre/end
// follow the interface direction), wrapped at the box width. Returns the size.
TextSize ui_text(const Ui *ui, const char *utf8, ThemeText role, Color color, Rect box, TextAlign align,
                 TextVAlign valign);
// Like ui_text() but bold.
TextSize ui_text_bold(const Ui *ui, const char *utf8, ThemeText role, Color color, Rect box, TextAlign align,
                      TextVAlign valign);
// Fitting text to a box. A text is drawn at its style's size when it fits;
// otherwise shrunk, but never below its FLOOR (ui_text_floor()): at Normal
// the caller's `min_size`, at every larger step also never below the
// style's Normal size (style->size / text_scale). So no text gets smaller
// than at Normal when the player turns the size up; make room by wrapping
// or scrolling (ui_scroll) instead. When it does not fit even at its floor
// it is cut and ends with an ellipsis, never overflowing its box, and
// ui->stats->cut counts it; a size below the style's Normal size counts in
// ui->stats->shrunk (only possible at Normal).
float ui_text_floor(const Ui *ui, const TextStyle *style, float min_size);

// Draws `utf8` wrapped in `box`, shrunk towards its floor until it fits, cut
// at a word boundary with an ellipsis as a last resort; `style` gives
// weight, colour, alignment, language (e.g. a headline's pack_item_lang).
// Returns the size used.
float ui_text_fitted(const Ui *ui, const char *utf8, const TextStyle *style, Rect box, float min_size);

// The same as ui_text_fitted() (kept for the screens that call it: both cut
// now, as nothing may overflow its box).
float ui_text_fitted_clipped(const Ui *ui, const char *utf8, const TextStyle *style, Rect box, float min_size);

// Draws `utf8` on ONE line in `box` (no wrapping): shrunk towards its floor
// when it is too wide, then cut at a character boundary and ended with an
// ellipsis, so it never leaves the box (header titles). `style` gives
// weight, colour, alignment, vertical placement and language. Returns the
// size used.
float ui_text_line(const Ui *ui, const char *utf8, const TextStyle *style, Rect box, float min_size);

// ---- clipping and scrolling --------------------------------------------------

// The renderer's clip state, saved by ui_clip_begin().
typedef struct UiClip {
  SDL_Rect rect;
  bool enabled;
} UiClip;

// Clips drawing to `r` (logical) until ui_clip_end() with the returned value.
UiClip ui_clip_begin(const Ui *ui, Rect r);
void ui_clip_end(const Ui *ui, UiClip saved);
// A vertical scroll bar in `track` showing `visible` of `content` units from
// `offset` (nothing is drawn when everything is visible). Screens that
// scroll use UiScroll (ui_scroll.h), which draws its own bar; this stays
// for the ones not moved onto it yet (packs, feedback, summary).
void ui_scrollbar_draw(const Ui *ui, Rect track, float visible, float content, float offset);

// ---- shapes ----------------------------------------------------------------

// A rounded panel in the surface colour with a thin border.
void ui_card_draw(const Ui *ui, Rect r);
// The keyboard/controller focus ring around `r` (drawn just outside it).
void ui_focus_ring_draw(const Ui *ui, Rect r);
// A translucent layer over the whole canvas, for overlays.
void ui_scrim_draw(const Ui *ui);

// ---- buttons ---------------------------------------------------------------

typedef enum UiButtonKind {
  UI_BUTTON_NORMAL,      // raised surface, text colour
  UI_BUTTON_PRIMARY,     // accent fill: the main action of a screen
  UI_BUTTON_REAL,        // REAL answer: blue fill, check icon by default
  UI_BUTTON_FABRICATED,  // FABRICATED answer: vermillion fill, cross icon by default
  UI_BUTTON_QUIET,       // no fill until hovered/focused (header Back/Help)
  // A focusable area drawn by its owner (e.g. a scrolling text panel): the
  // form draws only its focus ring, and leaves pointer events over it to the
  // owner (it is never pressed or hovered). CONFIRM on it is still reported.
  UI_BUTTON_AREA,
} UiButtonKind;

// No icon (DrawIcon has no "none").
#define UI_NO_ICON DRAW_ICON_COUNT
// A gear (Settings), drawn by the UI kit from circles and lines: the engine's
// icon set has none, and the engine knows nothing about screens.
#define UI_ICON_GEAR ((DrawIcon)(DRAW_ICON_COUNT + 1))

typedef struct UiButton {
  int id;                // the caller's id, reported on activation
  Rect rect;             // logical, already mirrored (ui_mirror) where it matters
  const char *label;     // translated, borrowed: must stay valid while the button is used
  DrawIcon icon;         // UI_NO_ICON (the zero value is DRAW_ICON_CHECK: set it!)
  const char *key_hint;  // small key name drawn at the end side ("R", "Esc"), NULL for none; borrowed
  UiButtonKind kind;
  bool disabled;   // drawn greyed, cannot be focused or activated
  bool selected;   // "on" state of a toggle (drawn with a check mark)
  bool icon_only;  // the word is not drawn (no room: the header's gear); it still names the button
} UiButton;

// A button with no icon and no hint: a convenient starting value.
UiButton ui_button(int id, Rect rect, const char *label, UiButtonKind kind);
// Draws one button: word (fitted to the button), icon before the word on the
// start side, key hint on the end side; hovered / pressed / focused states.
// The word wins over the key hint: when both do not fit at the themed size
// (large text steps), the hint is left out rather than the word shrunk.
void ui_button_draw(const Ui *ui, const UiButton *b, bool focused, bool hovered, bool pressed);
// The width `b` needs at height `h` to show its icon and word at the themed
// size, with its key hint when `with_hint`: for layouts that size buttons
// from their words (the header bar).
float ui_button_width(const Ui *ui, const UiButton *b, float h, bool with_hint);
// Draws an engine icon (draw_icon) or one of the UI kit's own (UI_ICON_GEAR)
// into the square centred in `box`; UI_NO_ICON draws nothing.
void ui_icon_draw(const Ui *ui, DrawIcon icon, Rect box, Color color);

// ---- list ------------------------------------------------------------------

// A vertical list of rows of equal height with a selected row, scrolled so
// the selection is always visible. Rows are drawn by the caller.
typedef struct UiList {
  Rect rect;        // visible area
  size_t count;     // rows
  size_t selected;  // selected row (0 when empty)
  size_t first;     // first visible row
  float row_h;      // row height
  float gap;        // gap between rows
  int hover;        // row under the pointer, -1 for none
} UiList;

void ui_list_init(UiList *list, Rect rect, float row_h, float gap);
// Changes the row count, keeping the selection in range and visible.
void ui_list_set_count(UiList *list, size_t count);
void ui_list_select(UiList *list, size_t row);
// Scrolls by `rows` (negative: up), clamped so the list stays filled.
void ui_list_scroll(UiList *list, long rows);
// Number of whole rows that fit in the visible area (at least 1).
size_t ui_list_visible_rows(const UiList *list);
// Rectangle of a visible row (physical; the list's rect is already mirrored).
Rect ui_list_row_rect(const UiList *list, size_t row);
// The row at a logical point, or -1.
int ui_list_row_at(const UiList *list, float x, float y);

// Draws one row: `r` its rectangle, `selected` the list's selection,
// `focused` when the list has the keyboard focus and this row is selected.
typedef void (*UiListDrawRow)(void *user, const Ui *ui, size_t row, Rect r, bool selected, bool focused, bool hovered);
// Draws the visible rows through `draw_row` and "more above / below" arrows
// when the list scrolls.
void ui_list_draw(const Ui *ui, const UiList *list, bool focused, UiListDrawRow draw_row, void *user);
// A standard row background: raised surface, accent edge when selected,
// focus ring when focused. Row callbacks call it first.
void ui_list_row_background(const Ui *ui, Rect r, bool selected, bool focused, bool hovered);

// ---- form: focus, hover, press, activation ---------------------------------

#define UI_FORM_MAX_BUTTONS 64
// The focus is on the form's list (see ui_form_set_list).
#define UI_FOCUS_LIST (-2)
#define UI_FOCUS_NONE (-1)
// Ids the header bar's buttons get.
#define UI_ID_BACK (-100)
#define UI_ID_HELP (-101)
#define UI_ID_SETTINGS (-102)
// True for the header's ids: they never take the first focus of a screen.
bool ui_is_header_id(int id);

typedef struct UiForm {
  UiButton buttons[UI_FORM_MAX_BUTTONS];
  int count;
  UiList *list;  // optional, borrowed: a list that takes part in focus navigation
  int focus;     // focused button index, UI_FOCUS_LIST or UI_FOCUS_NONE
  int hover;     // button under the pointer, or -1
  int pressed;   // button pressed by the pointer (activates on release over it), or -1
  bool rtl;
  // Pointer gesture on the list: the row pressed (-1 none), where, and
  // whether it became a drag (touch scrolling) rather than a tap.
  int list_pressed;
  float press_y;
  bool dragging;
} UiForm;

typedef enum UiResultKind {
  UI_RESULT_IGNORED,        // the event means nothing to the form (BACK, HELP, answers...)
  UI_RESULT_CHANGED,        // focus, hover, press, scroll or selection changed: redraw
  UI_RESULT_ACTIVATE,       // a button was activated: .id
  UI_RESULT_LIST_SELECT,    // the list's selection moved: .row (also a redraw)
  UI_RESULT_LIST_ACTIVATE,  // a list row was chosen (confirm, click on the selected row): .row
} UiResultKind;

typedef struct UiResult {
  UiResultKind kind;
  int id;      // UI_RESULT_ACTIVATE
  size_t row;  // UI_RESULT_LIST_*
} UiResult;

void ui_form_init(UiForm *form, bool rtl);
// Adds a button (copied); returns its index. The first enabled button added
// gets the focus unless something already has it.
int ui_form_add(UiForm *form, UiButton button);
// Removes every button (keeps the list); focus is reset.
void ui_form_clear(UiForm *form);
// Lets `list` (borrowed) take part in navigation; it gets the focus.
void ui_form_set_list(UiForm *form, UiList *list);
// The button with this id (borrowed, to change label/disabled), or NULL.
UiButton *ui_form_button(UiForm *form, int id);
// Moves the focus to the button with this id (false when there is none or it is disabled).
bool ui_form_focus_id(UiForm *form, int id);
// The focused button's id, or UI_FOCUS_LIST / UI_FOCUS_NONE.
int ui_form_focused_id(const UiForm *form);

// Handles one input event:
//  - pointer move: hover only (a light highlight; the focus ring stays
//    where the keyboard put it, so only the focused thing looks chosen);
//    pointer down/up: press, focus and activate on release over the same
//    button; one click/tap on a list row selects and activates it
//    (UI_RESULT_LIST_ACTIVATE); a drag scrolls; wheel scrolls the list;
//  - UP/DOWN/LEFT/RIGHT: inside the list UP/DOWN move the selection, at its
//    ends and otherwise focus moves to the nearest enabled item in that
//    direction (spatially); CONFIRM activates the focused item.
// Anything else is IGNORED, for the scene to handle (BACK, HELP, answers).
UiResult ui_form_event(UiForm *form, const InputEvent *event);
// Moves focus to the next (dir > 0) or previous (dir < 0) enabled item in
// reading order (rows top to bottom, each along the reading direction;
// the list counts as one item), wrapping around: Tab and Shift+Tab. With
// nothing focused, Tab goes to the first item and Shift+Tab to the last.
// True when the focus moved.
bool ui_form_focus_step(UiForm *form, int dir);
// Moves focus as an arrow key would (UP/DOWN/LEFT/RIGHT). True when it moved.
bool ui_form_navigate(UiForm *form, InputAction direction);
// Draws every button (with hover/press/focus states). The list is drawn by
// its owner with ui_list_draw (its focus is ui_form_focused_id() == UI_FOCUS_LIST).
void ui_form_draw(const Ui *ui, const UiForm *form);

// ---- dialog ------------------------------------------------------------------

// A card over a scrim with a title, a message and up to three buttons,
// sized from its measured text at the current text size and centred on
// the canvas (confirm, notice). The owner adds the buttons to its form at
// the rects the layout gives, in the order of `labels`.
#define UI_DIALOG_MAX_BUTTONS 3

typedef struct UiDialogSpec {
  const char *title;                          // borrowed, may be NULL
  const char *message;                        // borrowed, may be NULL
  const char *labels[UI_DIALOG_MAX_BUTTONS];  // borrowed button words, in order (start to end side)
  int count;                                  // buttons
  bool centred;                               // centred text (a short question) instead of start-aligned
  bool warning;                               // the title in the warning colour (a notice)
} UiDialogSpec;

typedef struct UiDialog {
  Rect card, title, message;  // mirrored
  Rect buttons[UI_DIALOG_MAX_BUTTONS];
  int count;
} UiDialog;

// Computes every rectangle (in layout(): on enter, resize, text size).
void ui_dialog_layout(UiDialog *d, const Ui *ui, const UiDialogSpec *spec);
// Draws the scrim, card, title and message (text fitted, never below its
// Normal size: cut and counted instead). Draw the form's buttons after it.
void ui_dialog_draw(const Ui *ui, const UiDialog *d, const UiDialogSpec *spec);

// ---- header bar ------------------------------------------------------------

// The header bar, left to right (mirrored for right-to-left interfaces):
//   [Back Esc]        title        [gear Settings F2] [Help F1]
// Adds the header's buttons to `form`: "Back" (Esc) at the start side when
// `with_back`, "Settings" (F2, with a gear) when `with_settings` (every
// screen but the settings screen itself), and "Help" (F1) at the end side;
// ids UI_ID_BACK / UI_ID_SETTINGS / UI_ID_HELP.
void ui_form_add_header(UiForm *form, const Ui *ui, bool with_back, bool with_settings);
// The rectangle of the header's start-side slot (where Back goes), mirrored:
// a screen without Back may put its own button there (the round's Pause).
Rect ui_header_start_rect(const Ui *ui);
// The header's Back button alone, exactly as ui_form_add_header() makes it
// (the start-side slot, the arrow pointing to the reading start, "Esc" when
// the header has room for hints): the one Back button of every screen, for
// screens that build their header's start side themselves (the round puts
// Pause there and Back beside it, or Back only between questions).
UiButton ui_header_back_button(const Ui *ui);
// Draws the header bar background and `title`: centred on the canvas when it
// fits between the buttons there, else centred in the room between them, on
// one line (shrunk, then cut). Draw the form's buttons after it.
void ui_header_draw(const Ui *ui, const char *title);

// The header laid out for one screen's `title` (in its layout()): key hints
// from the bindings (game_key_hint), and, when the title would not fit at
// its full size, the hints left out, then Settings as a gear only, then Back
// as an arrow only. Keep it in the scene's data: the form's buttons borrow
// its hints.
//
// A title that does not fit beside the buttons even then, not even shrunk
// to its Normal size (a long pack title, large text), moves to a line of
// its own under them, across the page: at its full size when that takes
// at most two lines, else smaller down to its Normal size, wrapped at
// spaces, never cut: the bar grows to hold it, `title_below` says so and `bottom` is
// where the header ends. Pass the header to ui_header_use() so that
// ui_content_top() and ui_content_rect() start under it.
#define UI_HEADER_HINT_MAX 24
typedef struct UiHeader {
  Rect back, settings, help;  // unmirrored
  Rect title;                 // unmirrored: the title's box, in the bar or on its own line
  bool with_back, with_settings;
  bool hints, settings_word, back_word;
  bool title_below;  // the title is on its own line under the buttons
  float title_size;  // its size there (title_below)
  float bottom;      // the header's height: ui_header_h(), or more with the title below
  char back_hint[UI_HEADER_HINT_MAX], settings_hint[UI_HEADER_HINT_MAX], help_hint[UI_HEADER_HINT_MAX];
} UiHeader;
// `title` may be NULL (then the header leaves the title 30% of the width).
UiHeader ui_header_layout(const Ui *ui, const char *title, bool with_back, bool with_settings);
// Makes ui_content_top() / ui_content_rect() of `ui` start under `h` (in
// layout(), before placing the content; a Ui built again with app_ui()
// starts from the bar alone).
void ui_header_use(Ui *ui, const UiHeader *h);
// Adds the header's buttons as laid out (`h` borrowed: it must outlive the form's use).
void ui_form_add_header_from(UiForm *form, const Ui *ui, const UiHeader *h);
// Draws the bar and `title` in the room `h` left it.
void ui_header_draw_from(const Ui *ui, const UiHeader *h, const char *title);

// ---- chip --------------------------------------------------------------------

// A small flat label with an optional icon badge (the title screen's REAL /
// FABRICATED legend). Not a control: never add one to a form. It has no
// raised surface, no border and no hover, pressed or focus state, so it
// cannot be mistaken for a button.
typedef enum UiChipKind {
  UI_CHIP_NEUTRAL,     // accent badge
  UI_CHIP_REAL,        // the REAL colour's badge (use with DRAW_ICON_CHECK)
  UI_CHIP_FABRICATED,  // the FABRICATED colour's badge (use with DRAW_ICON_CROSS)
} UiChipKind;

typedef struct UiChip {
  Rect rect;          // mirrored where it matters; its height from ui_chip_height()
  const char *label;  // translated, borrowed
  DrawIcon icon;      // UI_NO_ICON for none
  UiChipKind kind;
} UiChip;

// How a chip of `kind` is drawn: flat (raised false, border_w 0).
typedef struct UiChipStyle {
  Color fill, text, badge, on_badge;
  float border_w;
  bool raised;
} UiChipStyle;

UiChipStyle ui_chip_style(const Ui *ui, UiChipKind kind);
// A chip's height (a line of small bold text and padding) and the width its
// word and badge need at the current text size.
float ui_chip_height(const Ui *ui);
float ui_chip_width(const Ui *ui, const UiChip *chip);
// Draws it; the word is one line (cut and counted in ui->stats when the
// rect is narrower than ui_chip_width()).
void ui_chip_draw(const Ui *ui, const UiChip *chip);

// ---- scroll view and table ---------------------------------------------------

#include "scenes/ui_scroll.h"  // IWYU pragma: export
#include "scenes/ui_table.h"   // IWYU pragma: export
