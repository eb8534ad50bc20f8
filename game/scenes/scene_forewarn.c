// The forewarning card before a practice round: one technique, what it is,
// a small invented example (labelled as invented, so it is never mistaken
// for news) and how to spot it, then Continue. The forewarn-refute-example
// pattern of Roozenbeek et al. (2022); the card is the player's weakest
// technique (play/forewarn.h).

#include "scenes/training_scenes.h"

#include <stdlib.h>

#include "base/i18n.h"
#include "base/str.h"
#include "scenes/gameplay.h"
#include "scenes/scenes.h"

enum { ID_CONTINUE = 1 };

typedef struct ForewarnScene {
  UiForm form;            // first: see scenes.h
  PlayForewarnCard card;  // its strings are translated constants (borrowed)
  SceneForewarnDoneFn done;
  void *user;
  bool closing;
  // Layout: a card holding a column of blocks (unmirrored, laid out from
  // the card's top), scrolled in the kit's scroll view when it is taller.
  Rect card_rect, kicker, title, what, example_label, example, spot_label, spot, button;
  UiScroll scroll;
} ForewarnScene;

void scene_forewarn_push(App *app, const PlayForewarnCard *card, SceneForewarnDoneFn done, void *user) {
  ForewarnScene *s = xcalloc(1, sizeof *s);
  s->card = *card;
  s->done = done;
  s->user = user;
  engine_push_scene(app->engine, &scene_forewarn_vtable, s);
}

// The height `text` takes wrapped at `w` in `role`.
static float text_h(const Ui *ui, const char *text, ThemeText role, bool bold, float w) {
  TextStyle st = ui_text_style(ui, role, ui->theme->text);
  st.weight = bold ? TEXT_WEIGHT_BOLD : TEXT_WEIGHT_REGULAR;
  st.wrap_width = w;
  return text_measure(ui->engine, text, &st).h;
}

static Rect take(float x, float *y, float w, float h, float gap_after) {
  Rect r = {x, *y, w, h};
  *y += h + gap_after;
  return r;
}

static void forewarn_layout(SceneCtx *ctx) {
  ForewarnScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  Rect content = ui_content_rect(&ui);
  float gap = ui_gap(&ui), bh = ui_button_h(&ui);
  // A readable measure on wide canvases; the whole width on narrow ones.
  float w = content.w;
  float measure = theme_text_size(ui.theme, THEME_TEXT_BODY) * 34.0f;
  if (w > measure) {
    w = measure;
  }
  float x = content.x + (content.w - w) / 2;
  float pad = gap * 1.5f;
  float iw = w - 2 * pad - gap, ix = x + pad;  // a gap at the end for the scroll bar
  float y = content.y + pad;
  s->kicker = take(ix, &y, iw, text_h(&ui, _("Before you start: a technique to watch for"), THEME_TEXT_SMALL, true, iw),
                   gap / 2);
  s->title = take(ix, &y, iw, text_h(&ui, s->card.title, THEME_TEXT_TITLE, true, iw), gap);
  s->what = take(ix, &y, iw, text_h(&ui, s->card.what, THEME_TEXT_BODY, false, iw), gap);
  s->example_label = take(
      ix, &y, iw, text_h(&ui, _("An invented example, not a real headline:"), THEME_TEXT_SMALL, true, iw), gap / 3);
  s->example = take(ix, &y, iw, text_h(&ui, s->card.example, THEME_TEXT_BODY, true, iw - 2 * gap) + gap, gap);
  s->spot_label = take(ix, &y, iw, text_h(&ui, _("How to spot it"), THEME_TEXT_SMALL, true, iw), gap / 3);
  s->spot = take(ix, &y, iw, text_h(&ui, s->card.spot, THEME_TEXT_BODY, false, iw), 0);
  float content_h = y + pad - content.y;

  float bw = ui_button_width(&ui, &(UiButton){.label = _("Continue"), .icon = DRAW_ICON_PLAY}, bh, true);
  if (bw > w) {
    bw = w;
  }
  float floor_y = ui_h(&ui) - ui_margin(&ui) / 2 - bh;
  float room = floor_y - gap - content.y;
  float card_h = content_h < room ? content_h : room;
  s->card_rect = (Rect){x, content.y, w, card_h};
  // The view is the card (the blocks inside keep its padding); the bar
  // sits in the gap left at the end side.
  TextStyle body = ui_text_style(&ui, THEME_TEXT_BODY, ui.theme->text);
  ui_scroll_set(&s->scroll, ui_mirror(&ui, s->card_rect), content_h, text_line_height(ui.engine, &body));
  s->button = (Rect){x + (w - bw) / 2, content.y + card_h + gap, bw, bh};
  ui_form_init(&s->form, ui.rtl);
  ui_form_add_header(&s->form, &ui, false, true);
  UiButton b = ui_button(ID_CONTINUE, ui_mirror(&ui, s->button), _("Continue"), UI_BUTTON_PRIMARY);
  b.icon = DRAW_ICON_PLAY;
  b.key_hint = _("Enter");
  ui_form_add(&s->form, b);
  ui_form_focus_id(&s->form, ID_CONTINUE);
}

bool scene_forewarn_peek_overflow(const void *scene_data, float canvas_h) {
  const ForewarnScene *s = scene_data;
  return s->card_rect.y + s->card_rect.h > s->button.y || s->button.y + s->button.h > canvas_h + 0.5f;
}

Technique scene_forewarn_peek_technique(const void *scene_data) {
  return ((const ForewarnScene *)scene_data)->card.technique;
}

const UiScroll *scene_forewarn_peek_scroll(const void *scene_data) {
  return &((const ForewarnScene *)scene_data)->scroll;
}

static void forewarn_close(SceneCtx *ctx, ForewarnScene *s) {
  if (s->closing) {
    return;
  }
  s->closing = true;
  engine_pop_scene(ctx->engine);
  if (s->done) {
    s->done(app_from_ctx(ctx), s->user);
  }
}

static bool forewarn_event(SceneCtx *ctx, const InputEvent *ev) {
  ForewarnScene *s = ctx->data;
  // Up / Down, the wheel and a drag scroll the card when it is taller than
  // its room; at either end Up / Down are left to the buttons.
  if (ui_scroll_event(&s->scroll, ev, true)) {
    return true;
  }
  UiResult r = ui_form_event(&s->form, ev);
  if (r.kind == UI_RESULT_ACTIVATE) {
    if (r.id == ID_CONTINUE) {
      forewarn_close(ctx, s);
    } else {
      scene_header_activate(ctx, r.id);
    }
    return true;
  }
  if (r.kind == UI_RESULT_IGNORED && ev->type == INPUT_EVENT_ACTION && !ev->repeat && ev->action == INPUT_ACTION_BACK) {
    forewarn_close(ctx, s);  // Esc skips the card: the round still starts
    return true;
  }
  return r.kind != UI_RESULT_IGNORED;
}

static void draw_block(const ForewarnScene *s, const Ui *ui, const char *text, ThemeText role, bool bold, Color color,
                       Rect box) {
  box.y -= s->scroll.offset;
  if (box.y + box.h < s->scroll.view.y || box.y > s->scroll.view.y + s->scroll.view.h) {
    return;  // out of view
  }
  TextStyle st = ui_text_style(ui, role, color);
  st.weight = bold ? TEXT_WEIGHT_BOLD : TEXT_WEIGHT_REGULAR;
  ui_text_fitted(ui, text, &st, ui_mirror(ui, box), theme_text_size_normal(role));
}

static void forewarn_draw(SceneCtx *ctx) {
  ForewarnScene *s = ctx->data;
  Ui ui = app_ui(app_from_ctx(ctx));
  const Theme *t = ui.theme;
  ui_header_draw(&ui, _("Forewarned"));
  ui_card_draw(&ui, ui_mirror(&ui, s->card_rect));
  UiClip clip = ui_scroll_begin(&ui, &s->scroll);
  draw_block(s, &ui, _("Before you start: a technique to watch for"), THEME_TEXT_SMALL, true, t->text_muted, s->kicker);
  draw_block(s, &ui, s->card.title, THEME_TEXT_TITLE, true, t->text, s->title);
  draw_block(s, &ui, s->card.what, THEME_TEXT_BODY, false, t->text, s->what);
  draw_block(s, &ui, _("An invented example, not a real headline:"), THEME_TEXT_SMALL, true, t->fabricated,
             s->example_label);
  // The example sits in a box edged in the fabricated colour: it is never
  // shown like a headline of the round.
  Rect ex = s->example;
  ex.y -= s->scroll.offset;
  draw_round_rect_outline(ui.engine, ui_mirror(&ui, ex), t->radius, t->focus_thickness / 2, t->fabricated);
  float g = ui_gap(&ui);
  draw_block(s, &ui, s->card.example, THEME_TEXT_BODY, true, t->text,
             (Rect){s->example.x + g, s->example.y + g / 2, s->example.w - 2 * g, s->example.h - g});
  draw_block(s, &ui, _("How to spot it"), THEME_TEXT_SMALL, true, t->text_muted, s->spot_label);
  draw_block(s, &ui, s->card.spot, THEME_TEXT_BODY, false, t->text, s->spot);
  ui_scroll_end(&ui, &s->scroll, clip);
  ui_form_draw(&ui, &s->form);
}

static void forewarn_free(void *data) {
  free(data);
}

const SceneVTable scene_forewarn_vtable = {
    .name = "forewarn",
    .free_data = forewarn_free,
    .layout = forewarn_layout,
    .event = forewarn_event,
    .draw = forewarn_draw,
};

// ---- before a round -------------------------------------------------------------

static void start_round(App *app, void *user) {
  (void)user;
  scene_round_push(app);
}

void scene_round_push_forewarned(App *app) {
  PlayForewarnCard card;
  // The seed only breaks ties between equally weak techniques; it must not
  // take a draw from app->rng, which seeds the round itself.
  uint64_t seed = (uint64_t)app->player_id * 2654435761u + play_run_fake_count(app->run);
  if (app->pack && app->pack->kind == PACK_KIND_PRACTICE &&
      play_forewarn_for(app->store, app->player_id, app->pack, seed, &card) &&
      (int)card.technique != app->forewarn_last) {
    app->forewarn_last = (int)card.technique;
    scene_forewarn_push(app, &card, start_round, NULL);
    return;
  }
  scene_round_push(app);
}

bool scene_forewarn_start_demo(App *app, char **err) {
  PlayForewarnCard card;
  if (!app->pack || !play_forewarn_for(app->store, app->player_id, app->pack, 1, &card)) {
    *err = xstrdup(_("There is no forewarning card for this pack."));
    return false;
  }
  scene_forewarn_push(app, &card, start_round, NULL);
  return true;
}
