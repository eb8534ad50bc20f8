#include "demo_scene.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/str.h"

Demo *demo_create(const char *name, DemoDraw what) {
  Demo *d = xcalloc(1, sizeof *d);
  str_copy(d->name, sizeof d->name, name);
  d->what = what;
  return d;
}

static void log_call(SceneCtx *ctx, const char *what) {
  DemoLog *log = ctx->app;
  Demo *d = ctx->data;
  if (log && log->ncalls < DEMO_LOG_MAX) {
    snprintf(log->calls[log->ncalls++], sizeof log->calls[0], "%s:%s", what, d->name);
  }
}

static void demo_enter(SceneCtx *ctx) {
  log_call(ctx, "enter");
}

static void demo_leave(SceneCtx *ctx) {
  log_call(ctx, "leave");
}

static void demo_free(void *data) {
  Demo *d = data;
  if (d->freed_out) {
    (*d->freed_out)++;
  }
  free(d);
}

static void demo_cover(SceneCtx *ctx) {
  log_call(ctx, "cover");
}

static void demo_uncover(SceneCtx *ctx) {
  log_call(ctx, "uncover");
}

static void demo_layout(SceneCtx *ctx) {
  log_call(ctx, "layout");
}

static bool demo_event(SceneCtx *ctx, const InputEvent *ev) {
  DemoLog *log = ctx->app;
  Demo *d = ctx->data;
  if (log && log->nevents < DEMO_LOG_MAX) {
    log->events[log->nevents++] = *ev;
  }
  if (d->push_on_event) {
    engine_push_scene(ctx->engine, d->push_on_event, demo_create("pushed", DEMO_DRAW_NOTHING));
    d->push_on_event = NULL;
    d->count_during_event = engine_scene_count(ctx->engine);
  }
  if (d->pop_on_event) {
    engine_pop_scene(ctx->engine);
    d->pop_on_event = false;
    d->count_during_event = engine_scene_count(ctx->engine);
  }
  return !d->ignore_events;
}

static bool demo_update(SceneCtx *ctx, uint64_t now_ms, uint64_t dt_ms) {
  (void)now_ms;
  Demo *d = ctx->data;
  d->updates++;
  d->last_dt = dt_ms;
  return d->animate;
}

static void draw_full(Engine *e) {
  static const char *const lines[] = {
      "Scientists confirm that the moon is slowly drifting away from Earth",
      "City council votes to replace all traffic lights with friendly owls",
      "Local bakery wins national award for its sourdough bread",
      "Study finds that reading headlines alone misleads most readers",
  };
  Color ink = color_rgb(0x202020);
  draw_fill_rect(e, (Rect){0, 0, engine_view(e)->w, engine_view(e)->h}, color_rgb(0xF4F1EA));
  TextStyle title = text_style(64, ink, "en");
  title.weight = TEXT_WEIGHT_BOLD;
  title.align = TEXT_ALIGN_CENTER;
  text_draw(e, "Real or fabricated?", &title, (Rect){0, 40, engine_view(e)->w, 90});
  TextStyle body = text_style(34, ink, "en");
  body.wrap_width = 820;
  for (int i = 0; i < 16; i++) {
    float x = (i % 2) ? 1000 : 80;
    float y = 160 + (float)(i / 2) * 112;
    draw_round_rect(e, (Rect){x - 20, y - 10, 860, 100}, 18, color_rgb(0xFFFFFF));
    text_draw(e, lines[i % 4], &body, (Rect){x, y, 820, 90});
  }
  TextStyle ar = text_style(40, ink, "ar");
  text_draw(e, "هذا عنوان حقيقي", &ar, (Rect){80, 1060 - 60, 1760, 60});
  draw_bar(e, (Rect){80, 140, 1760, 12}, 0.6f, color_rgb(0x2E7D32), color_rgb(0xDDDDDD), false);
  for (int i = 0; i < DRAW_ICON_COUNT; i++) {
    draw_icon(e, (DrawIcon)i, (Rect){1500 + (float)i * 50, 40, 44, 44}, ink);
  }
}

static void demo_draw(SceneCtx *ctx) {
  Demo *d = ctx->data;
  Engine *e = ctx->engine;
  d->draws++;
  if (d->draws_out) {
    (*d->draws_out)++;
  }
  switch (d->what) {
  case DEMO_DRAW_TEXT: {
    TextStyle s = text_style(48, color_rgb(0xFFFFFF), "en");
    text_draw(e, "Is this headline real?", &s, (Rect){100, 100, 1720, 80});
    s.weight = TEXT_WEIGHT_BOLD;
    s.align = TEXT_ALIGN_CENTER;
    text_draw(e, "Real", &s, (Rect){100, 300, 800, 80});
    text_draw(e, "Fabricated", &s, (Rect){1000, 300, 800, 80});
    TextStyle ar = text_style(40, color_rgb(0xFFFF00), "ar");
    text_draw(e, "هل هذا العنوان حقيقي؟", &ar, (Rect){100, 500, 1720, 80});
    break;
  }
  case DEMO_DRAW_QUADRANTS:
    draw_fill_rect(e, (Rect){0, 0, engine_view(e)->w, engine_view(e)->h}, color_rgb(0x0000FF));
    draw_fill_rect(e, (Rect){0, 0, engine_view(e)->w / 2, engine_view(e)->h / 2}, color_rgb(0xFF0000));
    break;
  case DEMO_DRAW_FULL:
    draw_full(e);
    break;
  case DEMO_DRAW_NOTHING:
  default:
    break;
  }
}

const SceneVTable demo_scene = {
    .name = "demo",
    .enter = demo_enter,
    .leave = demo_leave,
    .free_data = demo_free,
    .cover = demo_cover,
    .uncover = demo_uncover,
    .layout = demo_layout,
    .event = demo_event,
    .update = demo_update,
    .draw = demo_draw,
};

const SceneVTable demo_overlay = {
    .name = "demo-overlay",
    .overlay = true,
    .enter = demo_enter,
    .leave = demo_leave,
    .free_data = demo_free,
    .cover = demo_cover,
    .uncover = demo_uncover,
    .layout = demo_layout,
    .event = demo_event,
    .update = demo_update,
    .draw = demo_draw,
};

size_t demo_log_count(const DemoLog *log, const char *call) {
  size_t n = 0;
  for (size_t i = 0; i < log->ncalls; i++) {
    n += strcmp(log->calls[i], call) == 0;
  }
  return n;
}

int demo_log_index(const DemoLog *log, const char *call) {
  for (size_t i = 0; i < log->ncalls; i++) {
    if (strcmp(log->calls[i], call) == 0) {
      return (int)i;
    }
  }
  return -1;
}

bool demo_unhandled(void *app, const InputEvent *ev) {
  DemoLog *log = app;
  log->unhandled++;
  log->last_unhandled = *ev;
  return log->unhandled_handles;
}
