#include "engine/engine.h"

#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/log.h"
#include "base/str.h"
#include "engine/engine_internal.h"
#include "engine/png_io.h"

// Requests that enter() calls make in turn are applied in the same pass; this
// bounds a scene that pushes itself forever.
#define MAX_SCENE_OPS_PER_PASS 64
// An idle loop still wakes up now and then (cheap) so a clock-driven change
// that a scene forgot to announce shows within a second.
#define IDLE_WAIT_MS ENGINE_IDLE_WAKE_MS
#define REPEAT_WAIT_MS 16

EngineConfig engine_config_default(void) {
  return (EngineConfig){
      .title = "Prebunk",
      .width = 1280,
      .height = 720,
      .display = -1,
      .sound = true,
      .vsync = true,
      .text_cache_bytes = (size_t)64 << 20,
      .screenshot_frames = 1,
  };
}

static void update_view(Engine *e) {
  int ow, oh, ww, wh;
  if (SDL_GetRendererOutputSize(e->renderer, &ow, &oh) != 0) {
    return;
  }
  SDL_GetWindowSize(e->window, &ww, &wh);
  if (ow != e->view.out_w || oh != e->view.out_h || ww != e->view.win_w || wh != e->view.win_h) {
    bool resized = ow != e->view.out_w || oh != e->view.out_h;
    e->view = view_make(ow, oh, ww, wh);
    e->redraw = true;
    e->relayout = e->relayout || resized;
  }
}

static void load_controller_mappings(const char *data_dir) {
  if (!data_dir) {
    return;
  }
  char *path = fs_join(data_dir, "gamecontrollerdb.txt");
  if (fs_exists(path)) {
    // base/fs, not SDL_RWFromFile: a FIFO in its place must not block.
    char *data = NULL, *err = NULL;
    size_t len = 0;
    if (fs_read_file(path, (size_t)4 << 20, &data, &len, &err) != FS_READ_OK) {
      log_warn("%s: not read: %s", path, err);
    } else if (SDL_GameControllerAddMappingsFromRW(SDL_RWFromConstMem(data, (int)len), 1) < 0) {
      log_warn("%s: %s", path, SDL_GetError());
    } else {
      log_info("%s: controller mappings read", path);
    }
    free(data);
    free(err);
  }
  free(path);
}

Engine *engine_create(const EngineConfig *config, char **err) {
  Engine *e = xcalloc(1, sizeof *e);
  e->config = *config;
  if (e->config.screenshot_frames <= 0) {
    e->config.screenshot_frames = 1;
  }
  e->real_clock = clock_real();
  e->clock = config->clock ? config->clock : &e->real_clock;
  e->background = (Color){0, 0, 0, 255};
  e->redraw = true;
  e->top_changed = true;
  e->focused = true;
  // Keep the desktop usable when a fullscreen game loses focus (alt-tab).
  SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    *err = xasprintf("cannot start SDL video: %s", SDL_GetError());
    free(e);
    return NULL;
  }
  if (!engine_video_check(err)) {
    engine_destroy(e);
    return NULL;
  }
  if (SDL_InitSubSystem(SDL_INIT_GAMECONTROLLER) != 0) {
    log_warn("no game controller support: %s", SDL_GetError());
  } else {
    load_controller_mappings(config->data_dir);
  }
  if (TTF_Init() != 0) {
    *err = xasprintf("cannot start SDL_ttf: %s", TTF_GetError());
    engine_destroy(e);
    return NULL;
  }
  e->ttf_inited = true;
  if (!config->font_dir) {
    *err = xstrdup("no font folder given");
    engine_destroy(e);
    return NULL;
  }
  e->fonts = font_cache_create(config->font_dir, config->fonts, config->nfonts, err);
  if (!e->fonts || !engine_window_open(e, err)) {
    engine_destroy(e);
    return NULL;
  }
  engine_window_set_icon(e, config->icon_path);
  // SDL starts with text input on; it must be asked for (name entry only).
  SDL_StopTextInput();
  e->input = input_create(config->bindings, config->nbindings);
  e->text = text_cache_create(e->renderer, config->text_cache_bytes ? config->text_cache_bytes : (size_t)64 << 20);
  e->audio = audio_create(config->sound, config->cues, config->ncues);
  update_view(e);
  e->relayout = false;  // no scene yet
  return e;
}

// --- scene stack -------------------------------------------------------

static SceneCtx ctx_for(Engine *e, SceneEntry *s) {
  return (SceneCtx){.engine = e, .app = e->config.app, .data = s->data};
}

static void request(Engine *e, SceneOp op, const SceneVTable *vt, void *data) {
  e->pending = xgrow(e->pending, &e->pending_cap, e->npending + 1, sizeof *e->pending);
  e->pending[e->npending++] = (SceneRequest){op, vt, data};
}

// The data of a push the engine will never enter.
static void drop_data(const SceneVTable *vt, void *data) {
  if (data && vt && vt->free_data) {
    vt->free_data(data);
  }
}

void engine_push_scene(Engine *e, const SceneVTable *vt, void *data) {
  request(e, SCENE_OP_PUSH, vt, data);
}

bool engine_push_scene_once(Engine *e, const SceneVTable *vt, void *data) {
  bool there = e->depth > 0 && e->stack[e->depth - 1].vt == vt;
  for (size_t i = 0; i < e->npending && !there; i++) {
    there = e->pending[i].vt == vt && e->pending[i].op != SCENE_OP_POP;
  }
  if (there) {
    drop_data(vt, data);
    return false;
  }
  request(e, SCENE_OP_PUSH, vt, data);
  return true;
}

void engine_pop_scene(Engine *e) {
  request(e, SCENE_OP_POP, NULL, NULL);
}

void engine_replace_scene(Engine *e, const SceneVTable *vt, void *data) {
  request(e, SCENE_OP_REPLACE, vt, data);
}

static void scene_call(Engine *e, SceneEntry *s, void (*fn)(SceneCtx *)) {
  if (fn) {
    SceneCtx ctx = ctx_for(e, s);
    fn(&ctx);
  }
}

static void scene_pop_now(Engine *e) {
  if (e->depth == 0) {
    log_warn("pop on an empty scene stack");
    return;
  }
  SceneEntry top = e->stack[e->depth - 1];
  log_debug("leave %s", top.vt->name);
  scene_call(e, &top, top.vt->leave);
  e->depth--;
  drop_data(top.vt, top.data);
}

static void scene_push_now(Engine *e, const SceneVTable *vt, void *data) {
  e->stack = xgrow(e->stack, &e->stack_cap, e->depth + 1, sizeof *e->stack);
  SceneEntry *s = &e->stack[e->depth++];
  *s = (SceneEntry){vt, data, false};
  log_debug("enter %s", vt->name);
  if (vt->enter) {
    SceneCtx ctx = ctx_for(e, s);
    vt->enter(&ctx);
    // Requests made inside enter() are only queued, so `s` stays valid.
    s->data = ctx.data;
  }
  scene_call(e, s, vt->layout);
}

// After a pass of requests: every scene but the top is covered, the top is not.
static void reconcile_cover(Engine *e) {
  for (size_t i = 0; i < e->depth; i++) {
    SceneEntry *s = &e->stack[i];
    bool want = i + 1 < e->depth;
    if (want != s->covered) {
      s->covered = want;
      scene_call(e, s, want ? s->vt->cover : s->vt->uncover);
    }
  }
}

static void apply_requests(Engine *e) {
  size_t done = 0;
  bool changed = false;
  // Requests made by enter()/leave() are appended and handled in this pass.
  for (size_t i = 0; i < e->npending; i++) {
    SceneRequest r = e->pending[i];
    if (++done > MAX_SCENE_OPS_PER_PASS) {
      if (done == MAX_SCENE_OPS_PER_PASS + 1) {
        log_error("scene requests keep coming (a scene pushes itself?); dropping the rest");
      }
      drop_data(r.vt, r.data);
      continue;
    }
    switch (r.op) {
    case SCENE_OP_POP:
      scene_pop_now(e);
      break;
    case SCENE_OP_REPLACE:
      scene_pop_now(e);
      scene_push_now(e, r.vt, r.data);
      break;
    case SCENE_OP_PUSH:
      scene_push_now(e, r.vt, r.data);
      break;
    }
    changed = true;
  }
  e->npending = 0;
  if (changed) {
    reconcile_cover(e);
    e->redraw = true;
    e->top_changed = true;
  }
}

static void layout_all(Engine *e) {
  e->relayout = false;
  for (size_t i = 0; i < e->depth; i++) {
    scene_call(e, &e->stack[i], e->stack[i].vt->layout);
  }
  e->redraw = true;
}

void engine_relayout(Engine *e) {
  e->relayout = true;
}

size_t engine_scene_count(const Engine *e) {
  return e->depth;
}

const SceneVTable *engine_top_scene(const Engine *e) {
  return e->depth ? e->stack[e->depth - 1].vt : NULL;
}

void *engine_scene_data(const Engine *e, size_t depth) {
  return depth < e->depth ? e->stack[e->depth - 1 - depth].data : NULL;
}

// --- frames ------------------------------------------------------------

static void draw_scenes(Engine *e) {
  SDL_SetRenderDrawColor(e->renderer, e->background.r, e->background.g, e->background.b, 255);
  SDL_RenderSetClipRect(e->renderer, NULL);
  SDL_RenderClear(e->renderer);
  if (e->depth > 0) {
    size_t base = e->depth - 1;
    while (base > 0 && e->stack[base].vt->overlay) {
      base--;
    }
    for (size_t i = base; i < e->depth; i++) {
      if (e->stack[i].vt->draw) {
        SceneCtx ctx = ctx_for(e, &e->stack[i]);
        e->stack[i].vt->draw(&ctx);
      }
    }
  }
  if (e->config.draw_overlay) {
    e->config.draw_overlay(e->config.app);
  }
  SDL_RenderSetClipRect(e->renderer, NULL);
}

// Reads the frame being drawn (before present: afterwards the back buffer
// is undefined on accelerated renderers).
static bool capture_png(Engine *e, const char *path, char **err) {
  int w = e->view.out_w, h = e->view.out_h;
  if (w <= 0 || h <= 0) {
    *err = xstrdup("the window has no size");
    return false;
  }
  uint8_t *px = xmalloc((size_t)w * (size_t)h * 4);
  if (SDL_RenderReadPixels(e->renderer, NULL, SDL_PIXELFORMAT_RGBA32, px, w * 4) != 0) {
    *err = xasprintf("cannot read the frame: %s", SDL_GetError());
    free(px);
    return false;
  }
  bool ok = png_write_rgba(path, px, w, h, w * 4, err);
  free(px);
  return ok;
}

static void present(Engine *e) {
  SDL_RenderPresent(e->renderer);
  e->frames++;
  if (e->depth > 0) {
    e->scene_frames++;
  }
}

bool engine_save_screenshot(Engine *e, const char *path, char **err) {
  update_view(e);
  draw_scenes(e);
  bool ok = capture_png(e, path, err);
  present(e);
  return ok;
}

static void draw_frame(Engine *e) {
  draw_scenes(e);
  const EngineConfig *c = &e->config;
  // --screenshot: the first complete frame is the first drawn with the
  // starting scene entered (screenshot_frames counts those).
  bool shoot = c->screenshot_path && !e->screenshot_done && e->depth > 0 &&
               e->scene_frames + 1 >= (uint64_t)c->screenshot_frames;
  if (shoot) {
    char *err = NULL;
    if (capture_png(e, c->screenshot_path, &err)) {
      log_info("screenshot saved to %s", c->screenshot_path);
    } else {
      log_error("%s", err);
      free(err);
    }
    e->screenshot_done = true;
    e->quit = true;
  }
  present(e);
  e->redraw = false;
  if (c->quit_after_frames > 0 && e->frames >= (uint64_t)c->quit_after_frames) {
    e->quit = true;
  }
}

// --- events ------------------------------------------------------------

static void controller_added(Engine *e, int device_index) {
  if (!SDL_IsGameController(device_index)) {
    return;
  }
  SDL_GameController *pad = SDL_GameControllerOpen(device_index);
  if (!pad) {
    log_warn("cannot open controller %d: %s", device_index, SDL_GetError());
    return;
  }
  e->pads = xgrow(e->pads, &e->pads_cap, e->npads + 1, sizeof *e->pads);
  e->pads[e->npads++] = pad;
  log_info("controller connected: %s", SDL_GameControllerName(pad));
}

static void controller_removed(Engine *e, SDL_JoystickID id) {
  for (size_t i = 0; i < e->npads; i++) {
    if (SDL_JoystickInstanceID(SDL_GameControllerGetJoystick(e->pads[i])) == id) {
      log_info("controller disconnected: %s", SDL_GameControllerName(e->pads[i]));
      SDL_GameControllerClose(e->pads[i]);
      e->pads[i] = e->pads[--e->npads];
      return;
    }
  }
}

static void dispatch(Engine *e, const InputEvent *ev) {
  bool handled = false;
  if (e->depth > 0) {
    SceneEntry *top = &e->stack[e->depth - 1];
    if (top->vt->event) {
      SceneCtx ctx = ctx_for(e, top);
      handled = top->vt->event(&ctx, ev);
    }
  }
  if (!handled && e->config.on_unhandled_event) {
    handled = e->config.on_unhandled_event(e->config.app, ev);
  }
  if (handled) {
    e->redraw = true;
  }
}

// Focus lost / gained (or minimised / restored) reaches the top scene as an
// event, so a timed round can pause itself.
static void dispatch_focus(Engine *e, bool gained) {
  if (gained == e->focused) {
    return;
  }
  e->focused = gained;
  InputEvent ev = {.type = gained ? INPUT_EVENT_FOCUS_GAINED : INPUT_EVENT_FOCUS_LOST};
  dispatch(e, &ev);
}

static void handle_event(Engine *e, const SDL_Event *sdl) {
  e->events++;
  switch (sdl->type) {
  case SDL_QUIT:
    e->quit = true;
    return;
  case SDL_WINDOWEVENT:
    switch (sdl->window.event) {
    case SDL_WINDOWEVENT_SIZE_CHANGED:
      if (!e->fullscreen && !(SDL_GetWindowFlags(e->window) & SDL_WINDOW_MAXIMIZED)) {
        e->win_w = sdl->window.data1;
        e->win_h = sdl->window.data2;
      }
      update_view(e);
      e->redraw = true;
      break;
    case SDL_WINDOWEVENT_FOCUS_LOST:
    case SDL_WINDOWEVENT_MINIMIZED:
      dispatch_focus(e, false);
      break;
    case SDL_WINDOWEVENT_FOCUS_GAINED:
      dispatch_focus(e, true);
      e->redraw = true;
      break;
    case SDL_WINDOWEVENT_EXPOSED:
    case SDL_WINDOWEVENT_SHOWN:
    case SDL_WINDOWEVENT_RESTORED:
    case SDL_WINDOWEVENT_MAXIMIZED:
    case SDL_WINDOWEVENT_DISPLAY_CHANGED:
      update_view(e);
      e->redraw = true;
      break;
    default:
      break;
    }
    return;
  case SDL_RENDER_TARGETS_RESET:
  case SDL_RENDER_DEVICE_RESET:
    // Texture contents may be lost: rasterise again.
    text_cache_clear(e->text);
    e->redraw = true;
    return;
  case SDL_CONTROLLERDEVICEADDED:
    controller_added(e, sdl->cdevice.which);
    return;
  case SDL_CONTROLLERDEVICEREMOVED:
    controller_removed(e, sdl->cdevice.which);
    return;
  default:
    break;
  }
  InputEvent ev;
  if (input_translate(e->input, sdl, &e->view, engine_now_ms(e), &ev)) {
    if (ev.type == INPUT_EVENT_ACTION && ev.action == INPUT_ACTION_FULLSCREEN) {
      engine_set_fullscreen(e, !e->fullscreen);  // a window concern: scenes never see it
      return;
    }
    dispatch(e, &ev);
  }
}

// Everything after the events of one step.
static void finish_step(Engine *e) {
  uint64_t now = engine_now_ms(e);
  InputEvent ev;
  while (input_poll_repeat(e->input, now, &ev)) {
    dispatch(e, &ev);
  }
  e->animating = false;
  if (e->depth > 0) {
    SceneEntry *top = &e->stack[e->depth - 1];
    uint64_t dt = e->top_changed || now < e->last_update_ms ? 0 : now - e->last_update_ms;
    e->top_changed = false;
    e->last_update_ms = now;
    if (top->vt->update) {
      SceneCtx ctx = ctx_for(e, top);
      e->animating = top->vt->update(&ctx, now, dt);
    }
  }
  if (e->config.on_step && e->config.on_step(e->config.app, now)) {
    e->redraw = true;
  }
  if (!e->quit && (e->redraw || e->animating || (e->config.screenshot_path && !e->screenshot_done))) {
    draw_frame(e);
  }
  apply_requests(e);
  if (e->depth == 0) {
    e->quit = true;
  }
}

bool engine_step(Engine *e) {
  if (e->quit) {
    return false;
  }
  e->steps++;
  update_view(e);
  if (e->relayout) {
    layout_all(e);
  }
  // Requests made before the first step (the starting scene) or between
  // steps; the scenes they push are laid out as they enter.
  apply_requests(e);
  SDL_Event sdl;
  while (!e->quit && SDL_PollEvent(&sdl)) {
    handle_event(e, &sdl);
  }
  if (!e->quit) {
    finish_step(e);
  }
  return !e->quit;
}

void engine_run(Engine *e) {
  while (!e->quit) {
    // --frames (tests) draws a frame every step, so N frames take N steps
    // rather than waiting for N changes of an idle screen.
    if (e->config.quit_after_frames > 0) {
      e->redraw = true;
    }
    bool busy = e->animating || e->redraw || e->npending > 0 || (e->config.screenshot_path && !e->screenshot_done);
    if (!busy) {
      // Idle: sleep in the OS until an event arrives.
      SDL_Event sdl;
      int timeout = input_repeat_pending(e->input) ? REPEAT_WAIT_MS : IDLE_WAIT_MS;
      if (SDL_WaitEventTimeout(&sdl, timeout)) {
        handle_event(e, &sdl);
      }
    }
    uint64_t before = SDL_GetTicks64();
    uint64_t frames = e->frames;
    engine_step(e);
    // Without vsync, animated frames are paced to the display rate.
    if (e->frames != frames && e->animating && !e->vsync) {
      uint64_t period = 1000 / (uint64_t)(e->refresh_hz > 0 ? e->refresh_hz : 60);
      uint64_t spent = SDL_GetTicks64() - before;
      if (spent < period) {
        SDL_Delay((Uint32)(period - spent));
      }
    }
  }
}

void engine_quit(Engine *e) {
  e->quit = true;
}

bool engine_quitting(const Engine *e) {
  return e->quit;
}

void engine_request_redraw(Engine *e) {
  e->redraw = true;
}

uint64_t engine_now_ms(const Engine *e) {
  return clock_now_ms(e->clock);
}

// --- window ------------------------------------------------------------

void engine_window_size(const Engine *e, int *w, int *h) {
  *w = e->win_w;
  *h = e->win_h;
}

bool engine_is_fullscreen(const Engine *e) {
  return e->fullscreen;
}

void engine_set_fullscreen(Engine *e, bool fullscreen) {
  if (fullscreen == e->fullscreen) {
    return;
  }
  if (SDL_SetWindowFullscreen(e->window, fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0) != 0) {
    log_warn("cannot switch fullscreen: %s", SDL_GetError());
    return;
  }
  e->fullscreen = fullscreen;
  update_view(e);
  e->redraw = true;
}

void engine_set_window_size(Engine *e, int w, int h) {
  SDL_SetWindowSize(e->window, w, h);
  if (!e->fullscreen) {
    e->win_w = w;
    e->win_h = h;
  }
  update_view(e);
  e->redraw = true;
}

const View *engine_view(const Engine *e) {
  return &e->view;
}

void engine_window_to_logical(const Engine *e, float wx, float wy, float *lx, float *ly) {
  view_window_to_logical(&e->view, wx, wy, lx, ly);
}

void engine_set_background_color(Engine *e, Color color) {
  e->background = color;
  e->redraw = true;
}

// --- text input, sound, stats ------------------------------------------

void engine_text_input_start(Engine *e) {
  input_set_text_active(e->input, true);
  SDL_StartTextInput();
}

void engine_text_input_stop(Engine *e) {
  input_set_text_active(e->input, false);
  SDL_StopTextInput();
}

bool engine_text_input_active(const Engine *e) {
  return input_text_active(e->input);
}

void engine_set_bindings(Engine *e, const InputBinding *bindings, size_t count) {
  input_set_bindings(e->input, bindings, count);
  e->redraw = true;  // key hints on screen may have changed
}

const char *engine_key_label(const Engine *e, InputAction action) {
  return input_key_label(e->input, action);
}

void engine_play_sound(Engine *e, SoundCue cue) {
  e->cues_requested++;
  e->last_cue = cue;
  audio_play(e->audio, cue);
}

void engine_set_sound(Engine *e, bool on) {
  audio_set_enabled(e->audio, on);
}

bool engine_sound_on(const Engine *e) {
  return audio_enabled(e->audio);
}

Audio *engine_audio(Engine *e) {
  return e->audio;
}

const char *engine_font_problems(const Engine *e) {
  return font_cache_problems(e->fonts);
}

EngineStats engine_stats(const Engine *e) {
  TextCacheStats t = text_cache_stats(e->text);
  return (EngineStats){
      .frames_drawn = e->frames,
      .events_handled = e->events,
      .steps = e->steps,
      .cues_requested = e->cues_requested,
      .last_cue = e->cues_requested ? e->last_cue : -1,
      .text_rasterisations = t.rasterisations,
      .text_cache_hits = t.hits,
      .text_cache_evictions = t.evictions,
      .text_cache_bytes = t.bytes,
      .fonts_open = font_cache_count(e->fonts),
  };
}

void engine_set_text_cache_cap(Engine *e, size_t cap_bytes) {
  text_cache_set_cap(e->text, cap_bytes);
}

SDL_Renderer *engine_renderer(Engine *e) {
  return e->renderer;
}

SDL_Window *engine_window(Engine *e) {
  return e->window;
}

void engine_destroy(Engine *e) {
  if (!e) {
    return;
  }
  // Every pushed scene gets its enter() and its leave() (and its data freed).
  if (e->renderer) {
    apply_requests(e);
    while (e->depth > 0) {
      scene_pop_now(e);
    }
    // Requests made by those leave() calls are dropped, their data freed.
    for (size_t i = 0; i < e->npending; i++) {
      drop_data(e->pending[i].vt, e->pending[i].data);
    }
    e->npending = 0;
  }
  free(e->stack);
  free(e->pending);
  for (size_t i = 0; i < e->npads; i++) {
    SDL_GameControllerClose(e->pads[i]);
  }
  free(e->pads);
  audio_destroy(e->audio);
  text_cache_destroy(e->text);
  font_cache_destroy(e->fonts);
  input_destroy(e->input);
  if (e->renderer) {
    SDL_DestroyRenderer(e->renderer);
  }
  if (e->window) {
    SDL_DestroyWindow(e->window);
  }
  if (e->ttf_inited) {
    TTF_Quit();
  }
  SDL_Quit();
  free(e);
}
