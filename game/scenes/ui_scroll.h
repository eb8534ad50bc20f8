#pragma once
// A vertical scroll view: a viewport on content taller than it, with an
// offset that always stays in range, wheel, drag (touch) and keyboard
// scrolling, "keep this visible", and a themed scroll bar drawn only when
// the content overflows.
//
// Coordinates: the content is laid out in canvas units from the top of the
// viewport down (a piece at layout y is drawn at y - offset); the viewport
// rect is physical (already mirrored with ui_mirror, as UiList's is), and
// the scroll bar sits at its end side (right, or left in a right-to-left
// interface). Mirroring never changes y, so content rects are the same in
// both directions for ui_scroll_reveal().
//
// Usage in a scene:
//   layout: ui_scroll_set(&s->scroll, ui_mirror(&ui, view), content_h, line_h);
//           text width inside: ui_scroll_content_w(&s->scroll)
//   event:  if (ui_scroll_event(&s->scroll, ev, focused)) return true;
//   draw:   UiClip c = ui_scroll_begin(&ui, &s->scroll);
//           ... draw content shifted up by s->scroll.offset ...
//           ui_scroll_end(&ui, &s->scroll, c);

#include <stdbool.h>

#include "engine/draw.h"
#include "engine/input.h"

typedef struct Ui Ui;
typedef struct UiClip UiClip;

// The scroll bar's width and the room left for it beside the content.
#define UI_SCROLLBAR_W 12.0f
#define UI_SCROLLBAR_ROOM (UI_SCROLLBAR_W + 24.0f)
// The shortest thumb, so it stays easy to see and to aim at.
#define UI_SCROLLBAR_MIN_THUMB 48.0f
// A pointer that moves less than this between press and release taps
// rather than drags.
#define UI_SCROLL_DRAG_SLOP 12.0f

typedef struct UiScroll {
  Rect view;        // the viewport, physical (mirrored)
  float content_h;  // the height of everything inside
  float offset;     // how far the content is scrolled up, 0 .. ui_scroll_max()
  float step;       // one line: a wheel notch scrolls three, Up/Down one
  // Pointer gesture: pressed inside the viewport, where, and whether it
  // has moved far enough to be a drag.
  bool pressed, dragging;
  float press_y, last_y;
} UiScroll;

// Sets the viewport, content height and line step (in layout()); keeps the
// offset, clamped to the new range, and ends any gesture in progress.
void ui_scroll_set(UiScroll *s, Rect view, float content_h, float step);
// The largest offset (0 when everything fits).
float ui_scroll_max(const UiScroll *s);
// True when the content is taller than the viewport (a bar is drawn).
bool ui_scroll_overflows(const UiScroll *s);
// The width content should be laid out at: the viewport's, less the room
// of the scroll bar (always reserved, so text does not re-wrap when the
// content grows past the viewport).
float ui_scroll_content_w(const UiScroll *s);
// Moves to `offset` / by `dy`, clamped. True when the offset changed.
bool ui_scroll_to(UiScroll *s, float offset);
bool ui_scroll_by(UiScroll *s, float dy);
// Scrolls as little as needed so the content rows y .. y + h (layout
// coordinates, see above) are visible; a band taller than the viewport
// shows its top. True when the offset changed.
bool ui_scroll_reveal(UiScroll *s, float y, float h);

// Handles one event; true when the view used it (then the caller redraws
// when the offset changed, which this reports too).
//  - wheel: three lines a notch (the engine's wheel events carry no
//    position: a screen has one scroll view, or routes the wheel itself);
//  - pointer down in the viewport (content overflowing), move, up: a drag
//    once it moves more than UI_SCROLL_DRAG_SLOP; a press that never drags
//    is not used, so taps still reach buttons inside;
//  - when `focused`: UP/DOWN one line, PAGE_UP/PAGE_DOWN most of a
//    viewport, HOME/END the top and the bottom. At either end an arrow is
//    not used (so focus can move on), page keys always are.
bool ui_scroll_event(UiScroll *s, const InputEvent *ev, bool focused);

// Clips drawing to the viewport; returns the previous clip for
// ui_scroll_end().
UiClip ui_scroll_begin(const Ui *ui, const UiScroll *s);
// Restores the clip and draws the scroll bar (when the content overflows).
void ui_scroll_end(const Ui *ui, const UiScroll *s, UiClip saved);
// Only the scroll bar (when the content overflows), for content that clips
// itself (the gameplay page's body).
void ui_scroll_bar_draw(const Ui *ui, const UiScroll *s);
// The bar's track and thumb at the viewport's end side (tests and drawing);
// false when there is no bar.
bool ui_scroll_bar_rects(const UiScroll *s, bool rtl, Rect *track, Rect *thumb);
