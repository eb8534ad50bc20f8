#pragma once
// Private to the gameplay screens (scene_round.c, scene_feedback.c,
// scene_summary.c, scene_preview.c): the pieces they share. Other screens use
// scenes.h.

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/view.h"
#include "play/session.h"
#include "play/training.h"
#include "quiz/diag.h"
#include "quiz/measures.h"
#include "quiz/pack.h"
#include "quiz/round.h"
#include "quiz/technique.h"
#include "scenes/app.h"
#include "scenes/ui.h"

// Why the feedback screen is shown.
typedef enum FeedbackMode {
  FEEDBACK_MODE_ANSWER,  // right after an answer in a round: "Next" continues the round
  FEEDBACK_MODE_REVIEW,  // reopened from the summary, read-only: "Back" returns
} FeedbackMode;

// Called once when the player leaves the feedback screen (Next, Enter, Esc),
// after the screen requested its own pop; not called when the app closes.
typedef void (*FeedbackDoneFn)(App *app, void *user);

// Shows the feedback for `answer` (copied; its item and `pack` are borrowed
// and must outlive the screen). `index`/`count` give "Question i of n"; `last`
// names the button "See results" instead of "Next". `done` (nullable) with
// `user` (borrowed) is how the round carries on.
void scene_feedback_push(App *app, FeedbackMode mode, const Pack *pack, const RoundAnswer *answer, size_t index,
                         size_t count, bool last, FeedbackDoneFn done, void *user);

// The same right after an answer of `session`'s round (FEEDBACK_MODE_ANSWER;
// the session is borrowed and must outlive the screen; the pack is the
// session's), with the optional taps of play/training.h as steps (see
// scene_feedback.c): the confidence tap before the verdict (not after a
// time-out), then "Which technique?" for a fabricated headline that has
// one, then the page. Each step is skipped with Enter or Next.
void scene_feedback_push_answer(App *app, PlaySession *session, const RoundAnswer *answer, size_t index, size_t count,
                                bool last, FeedbackDoneFn done, void *user);

// Where the feedback screen is.
typedef enum FeedbackStep {
  FEEDBACK_STEP_CONFIDENCE,  // "How sure are you?" (the verdict not shown yet)
  FEEDBACK_STEP_TECHNIQUE,   // "Which technique does it use?" (the techniques not named yet)
  FEEDBACK_STEP_PAGE,        // the explanation page
} FeedbackStep;

// The round's pause menu (an overlay): Resume (P, Start, Esc, B, Enter),
// Settings, Help, and "Quit this round", which asks first. The round's clock
// stops and its headline hides while it is covered (cover/uncover). `on_quit` (nullable) with `user` (borrowed, must
// outlive the menu) is called once when quitting was confirmed, after the menu requested its own pop; it is not called
// when the menu closes otherwise.
typedef void (*ScenePauseQuitFn)(App *app, void *user);
void scene_pause_push(App *app, ScenePauseQuitFn on_quit, void *user);
// The same, opened because the window lost the focus during a timed
// question: it says "Paused while the window was in the background".
void scene_pause_push_background(App *app, ScenePauseQuitFn on_quit, void *user);

// The key hint of `action` (game_key_hint(): from the bindings) copied into
// `buf` (the caller's, as long as a button points at it); NULL when no key
// is bound, so the button shows none.
#define GAMEPLAY_HINT_SIZE 24
const char *gameplay_key_hint(const App *app, InputAction action, char buf[GAMEPLAY_HINT_SIZE]);

// The player-facing name of a technique ("Fake expert"), translated.
const char *gameplay_technique_label(Technique t);

// An ISO 8601 date ("2016", "2016-04", "2016-04-17") for people
// ("2016", "April 2016", "17 April 2016"), translated; a malformed date is
// returned as given. Owned by the caller; NULL in, NULL out.
char *gameplay_format_date(const char *iso);

// The truth about an item in a sentence: "This headline is real: The
// Guardian, 17 April 2016." / "This headline is fabricated. It imitates X."
// Owned by the caller.
char *gameplay_truth_sentence(const PackItem *item);

// The scrolling part of an item's explanation page: the address, the
// explanation, and what each technique means, in `body` from its top minus
// `scroll`, clipped to it. Only measures when !draw. Returns the height of
// the whole column.
float gameplay_explain_body_draw(const Ui *ui, const Pack *pack, const PackItem *item, Rect body, float scroll,
                                 bool draw);

// The truth in a sentence without its source ("This headline is real."),
// and the source alone ("Source: The Guardian, 17 April 2016." / "It
// circulated as: ..."; NULL when the item names none), for a page that has
// to move the source into its scrolling part. Owned by the caller.
char *gameplay_truth_short(const PackItem *item);
char *gameplay_source_sentence(const PackItem *item);

// An item's explanation page laid out in an area. The part always in view:
// the truth sentence with the source, the techniques by name, the tip; the
// headline card and the "You answered" line above it; the scrolling body
// below (the address, the explanation, what each technique means). No text
// is ever made smaller to make room: when space is short the headline card
// moves to the top of the scrolling part, then the "You answered" line,
// then the truth sentence (the source line stays: "Source: The Guardian, 17
// April 2016."); `overflow` says the rest still did not fit. Rectangles are
// mirrored for RTL.
typedef struct GameplayPage {
  const Pack *pack;              // borrowed
  const PackItem *item;          // borrowed
  const char *said;              // borrowed, nullable: "You answered: real."
  Rect headline;                 // in view (h 0 when it scrolls: see headline_scrolls)
  Rect said_box;                 // in view (h 0 when none or it scrolls)
  Rect truth;                    // the truth sentence (with outlet and date), or the source line alone
  Rect techniques;               // "Techniques used: ..." (h 0 when none)
  Rect note_box;                 // the note under them (h 0 when none)
  Rect tip_card, tip_head, tip;  // h 0 when no tip
  Rect body;                     // what scrolls
  float body_h;                  // its content height (with what moved into it)
  float size;                    // the fixed part's text size: the body role's size
  bool headline_scrolls;         // the headline card is the first thing in the body
  bool said_scrolls;             // the "You answered" line moved into the body
  float headline_h;              // its height there
  char *truth_text;              // owned: what `truth` shows
  char *truth_moved;             // owned: "This headline is real.", moved into the body (NULL when in view)
  char *tech_text;               // owned, NULL when no technique
  const char *note;              // borrowed, nullable: see GameplayPageNote
  bool note_right;
  bool overflow;  // the part always in view did not fit the area
} GameplayPage;
// (Re)computes `p` (its old strings are freed) for `item` in `area`, with
// `said` (borrowed, nullable; it must outlive `p`) above the truth. The
// fixed part is at the body role's size, or `fixed_max` when that is
// smaller (0: no cap): a screen that caps it at what fits at the largest
// text size keeps it from ever getting smaller when the size goes up.
void gameplay_page_layout(GameplayPage *p, const Ui *ui, const Pack *pack, const PackItem *item, const char *said,
                          Rect area, float fixed_max);
// A line the fixed part shows under the techniques, in the colour of a
// right (or wrong) answer: the feedback's "Which technique?" result.
typedef struct GameplayPageNote {
  const char *text;  // borrowed; it must outlive the page
  bool right;
} GameplayPageNote;
// The same with `note` (nullable) in the part always in view.
void gameplay_page_layout_noted(GameplayPage *p, const Ui *ui, const Pack *pack, const PackItem *item, const char *said,
                                const GameplayPageNote *note, Rect area, float fixed_max);
// Draws it, the body scrolled by `scroll` (clamp with gameplay_clamp_scroll).
void gameplay_page_draw(const GameplayPage *p, const Ui *ui, float scroll);
// The same in two parts, for a screen that wraps the body in a UiScroll:
// the part always in view, and the body (clipped to p->body) scrolled by `scroll`.
void gameplay_page_draw_fixed(const GameplayPage *p, const Ui *ui);
void gameplay_page_draw_body(const GameplayPage *p, const Ui *ui, float scroll);
// Frees the strings (not `p`); NULL is a no-op.
void gameplay_page_free(GameplayPage *p);

// The headline in a card, in the item's language and direction, fitted to `box`.
// The size it is drawn at: the largest from `max_size` down to
// GAMEPLAY_HEADLINE_MIN_SIZE whose measured height fits the card's inside
// (`box` inset by GAMEPLAY_HEADLINE_PAD).
float gameplay_headline_fit(const Ui *ui, const Pack *pack, const PackItem *item, Rect box, float max_size);
void gameplay_headline_draw(const Ui *ui, const Pack *pack, const PackItem *item, Rect box, float max_size);

// A scroll offset clamped to 0..max(0, content - visible).
float gameplay_clamp_scroll(float scroll, float content_h, float visible_h);

// Read-only looks into the gameplay screens, for tests and the lead's tools:
// `scene_data` is engine_scene_data() of a scene with that vtable (borrowed).
// The round being played (NULL before it starts or once handed on).
const Round *scene_round_peek(const void *scene_data);
// The round's play session (borrowed; NULL when the round could not
// start), for tests that give the optional taps of play/training.h.
PlaySession *scene_round_peek_session(void *scene_data);
// The round's headline card as last laid out (mirrored).
Rect scene_round_peek_card(const void *scene_data);
// The headline's inset inside its card (gameplay_headline_draw) and the
// smallest size it is shrunk to.
#define GAMEPLAY_HEADLINE_PAD 40.0f
#define GAMEPLAY_HEADLINE_MIN_SIZE 30.0f
// The feedback screen's page (its layout; borrowed) and scroll offset.
const GameplayPage *scene_feedback_peek_page(const void *scene_data, float *scroll);
// The feedback screen's step; *overflow (nullable): the step's layout ran
// past its room (it never should).
FeedbackStep scene_feedback_peek_step(const void *scene_data, bool *overflow);
// The summary's round, measures and the whole PlaySummary (borrowed).
const Round *scene_summary_peek_round(const void *scene_data);
const Measures *scene_summary_peek_measures(const void *scene_data);
const PlaySummary *scene_summary_peek_summary(const void *scene_data);
// The review's cards: the summary's entries (believed, rejected, timed
// out), then in an assessment the right answers. Card k is the form's
// focusable area with id SCENE_SUMMARY_REVIEW_ID + k (when the form has
// room), which opens that item's feedback.
#define SCENE_SUMMARY_REVIEW_ID 1000
size_t scene_summary_peek_review_count(const void *scene_data);
// Review card k as laid out (unmirrored, before scrolling, as the page's
// text plan) and its stamp; false when there is no such card.
bool scene_summary_peek_card(const void *scene_data, size_t k, Rect *card, PlayStamp *stamp);
// The per-technique table (no rows when no fabricated headline was asked).
const UiTable *scene_summary_peek_techniques(const void *scene_data);
// True when the last layout had to leave something out or run past its room
// (it never should, at any size from 1440x1080 and any text size).
bool scene_summary_peek_overflow(const void *scene_data);
// True while the Details view (V, r, f, d, n, d′, c with their meanings) shows.
bool scene_summary_peek_details(const void *scene_data);
// The summary page's scroll offset (the Details view, or the plain view when
// it is longer than the screen) and the most it can scroll (0 when it fits).
void scene_summary_peek_scroll(const void *scene_data, float *offset, float *max);
// The preview's pack (NULL while the file has errors) and its diagnostics.
const Pack *scene_preview_peek(const void *scene_data, const DiagList **diags);
// The preview's page of the current item (the feedback's layout), or NULL.
const GameplayPage *scene_preview_peek_page(const void *scene_data);
// True while the preview lists the pack's warnings instead of an item.
bool scene_preview_showing_warnings(const void *scene_data);
