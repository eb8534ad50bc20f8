#pragma once
// Private to the summary screen (scene_summary.c, scene_summary_review.c):
// its data and the review's layout, drawing and hit-testing.
//
// Coordinates: everything on the page is laid out unmirrored, from the top
// of the scroll view down, before scrolling (the MenuTextPlan convention);
// draw() shifts it up by the scroll offset and mirrors it.

#include <stdbool.h>
#include <stddef.h>

#include "engine/draw.h"
#include "play/training.h"
#include "quiz/round.h"
#include "scenes/menu_text.h"
#include "scenes/ui.h"

// The text layer of the scrolled page in `head.texts`.
#define SUMMARY_LAYER_PAGE 1
#define SUMMARY_MAX_CARDS 8

// One headline of the review as laid out: a card, its stamp, and the
// question it was in the round (to reopen its feedback).
typedef struct SummaryReviewCard {
  Rect card;   // unmirrored, before scrolling
  Rect stamp;  // the TRUE / FALSE chip, unmirrored, before scrolling
  PlayStamp kind;
  size_t question;  // index into the round's results
} SummaryReviewCard;

typedef struct SummaryScene {
  MenuSceneHead head;  // first: see scenes.h (form, page text, scroll view)
  Round *round;        // owned
  PlaySummary *sum;    // owned: measures, calibration, techniques, review
  bool assessment;
  bool details;  // the Details view is showing
  // The review: the summary's entries (believed fakes, rejected real
  // headlines, time-outs), then, in an assessment (nothing was revealed
  // during it), the right answers too. Question indices into the round.
  size_t *review_q;
  size_t review_n;
  SummaryReviewCard *cards;  // review_n of them, laid out in the plain view
  int review_button0;        // the form's index of the first card's button, -1 for none
  int review_buttons;        // how many cards have a button (the form's room)
  int pressed_card;          // the card a pointer went down on, -1 for none
  int hover_card;            // the card under the pointer, -1 for none (drawn lighter)
  // Card backgrounds of the page (unmirrored, before scrolling), with the
  // colour of their accent edge.
  Rect boxes[SUMMARY_MAX_CARDS];
  Color box_edge[SUMMARY_MAX_CARDS];
  int box_count;
  UiTable techniques;  // the per-technique table
  bool overflow;       // something did not fit its room (tests assert it never happens)
} SummaryScene;

// Lays the review out in the column from (x, y) at width w: a heading for
// each group (believed and rejected alike), then a card per headline.
// Returns the column's new bottom.
float summary_review_layout(SummaryScene *s, const Ui *ui, float x, float y, float w);
// Draws the cards' backgrounds and stamps, shifted up by `offset`.
void summary_review_draw(const SummaryScene *s, const Ui *ui, float offset);
// The card under the physical point (x, y) inside the scroll view, or -1.
int summary_review_card_at(const SummaryScene *s, const Ui *ui, float x, float y);
// Points the cards' form buttons at where they are now drawn (after a
// layout or a scroll): those outside the view cannot take the focus.
void summary_review_sync(SummaryScene *s, const Ui *ui);
