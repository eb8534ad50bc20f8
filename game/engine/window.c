// The window: the check that SDL's video driver shows anything, the window
// and renderer (sized to fit the display), and its icon.

#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/log.h"
#include "base/str.h"
#include "engine/engine_internal.h"
#include "engine/png_io.h"

// With no display (DISPLAY and WAYLAND_DISPLAY unset) SDL falls back to its
// offscreen driver and the game ran where nobody could see it. A driver that
// shows nothing is only right when asked for by name (SDL_VIDEODRIVER=dummy
// in the tests, offscreen for a render farm).
bool engine_video_check(char **err) {
  const char *driver = SDL_GetCurrentVideoDriver();
  if (!driver || (strcmp(driver, "offscreen") != 0 && strcmp(driver, "dummy") != 0)) {
    return true;
  }
  const char *asked = SDL_GetHint(SDL_HINT_VIDEODRIVER);  // the hint, else $SDL_VIDEODRIVER
  if (asked && strstr(asked, driver)) {
    return true;
  }
  *err = xasprintf(
      "there is no display to show the window on (SDL found none and fell back to its %s driver; "
      "DISPLAY is %s, WAYLAND_DISPLAY is %s). Start Prebunk in a desktop session, or set "
      "SDL_VIDEODRIVER=%s to run it without a window on purpose",
      driver, getenv("DISPLAY") ? "set" : "not set", getenv("WAYLAND_DISPLAY") ? "set" : "not set", driver);
  return false;
}

bool engine_window_open(Engine *e, char **err) {
  const EngineConfig *c = &e->config;
  int pos = SDL_WINDOWPOS_CENTERED;
  if (c->display >= 0) {
    if (c->display < SDL_GetNumVideoDisplays()) {
      pos = (int)SDL_WINDOWPOS_CENTERED_DISPLAY(c->display);
    } else {
      log_warn("there is no display %d; using the default one", c->display);
    }
  }
  Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
  if (c->fullscreen) {
    flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
  }
  e->win_w = c->width > 0 ? c->width : 1280;
  e->win_h = c->height > 0 ? c->height : 720;
  // A remembered 16384x16384 took 1.3 GB: clamped to the display, not below 1280x720.
  SDL_Rect usable;
  if (c->fit_display && SDL_GetDisplayUsableBounds(
                            c->display >= 0 && c->display < SDL_GetNumVideoDisplays() ? c->display : 0, &usable) == 0) {
    int max_w = usable.w > 1280 ? usable.w : 1280, max_h = usable.h > 720 ? usable.h : 720;
    if (e->win_w > max_w || e->win_h > max_h) {
      log_info("window %dx%d is larger than the display (%dx%d): clamped", e->win_w, e->win_h, usable.w, usable.h);
      e->win_w = e->win_w < max_w ? e->win_w : max_w;
      e->win_h = e->win_h < max_h ? e->win_h : max_h;
    }
  }
  e->window = SDL_CreateWindow(c->title ? c->title : "", pos, pos, e->win_w, e->win_h, flags);
  if (!e->window) {
    *err = xasprintf("cannot open a window: %s", SDL_GetError());
    return false;
  }
  e->fullscreen = c->fullscreen;
  SDL_SetWindowMinimumSize(e->window, VIEW_MIN_WINDOW_W, VIEW_MIN_WINDOW_H);
  Uint32 rflags = SDL_RENDERER_ACCELERATED | (c->vsync ? SDL_RENDERER_PRESENTVSYNC : 0);
  e->renderer = SDL_CreateRenderer(e->window, -1, rflags);
  if (!e->renderer) {
    log_warn("no accelerated renderer (%s); using software", SDL_GetError());
    e->renderer = SDL_CreateRenderer(e->window, -1, SDL_RENDERER_SOFTWARE);
  }
  if (!e->renderer) {
    *err = xasprintf("cannot create a renderer: %s", SDL_GetError());
    return false;
  }
  SDL_RendererInfo info;
  SDL_GetRendererInfo(e->renderer, &info);
  // The software renderer may report the flag but cannot wait for the display.
  e->vsync = (info.flags & SDL_RENDERER_PRESENTVSYNC) && strcmp(info.name, "software") != 0;
  SDL_DisplayMode mode;
  int display = SDL_GetWindowDisplayIndex(e->window);
  e->refresh_hz = 60;
  if (display >= 0 && SDL_GetCurrentDisplayMode(display, &mode) == 0 && mode.refresh_rate > 0) {
    e->refresh_hz = mode.refresh_rate;
  }
  SDL_SetRenderDrawBlendMode(e->renderer, SDL_BLENDMODE_BLEND);
  log_info("renderer %s, vsync %s, %d Hz", info.name, e->vsync ? "on" : "off", e->refresh_hz);
  return true;
}

void engine_window_set_icon(Engine *e, const char *path) {
  if (!path || !fs_exists(path)) {
    return;  // an icon is nice to have, never required
  }
  uint8_t *px;
  int w, h;
  char *err = NULL;
  if (!png_read_rgba(path, &px, &w, &h, &err)) {
    log_warn("window icon: %s", err);
    free(err);
    return;
  }
  SDL_Surface *s = SDL_CreateRGBSurfaceWithFormatFrom(px, w, h, 32, w * 4, SDL_PIXELFORMAT_RGBA32);
  if (s) {
    SDL_SetWindowIcon(e->window, s);
    SDL_FreeSurface(s);
  } else {
    log_warn("window icon: %s", SDL_GetError());
  }
  free(px);
}
