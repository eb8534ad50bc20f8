#include "engine/draw.h"

#include <assert.h>
#include <math.h>

#include "engine/engine_internal.h"

Color color_rgb(uint32_t rgb) {
  return (Color){(uint8_t)(rgb >> 16), (uint8_t)(rgb >> 8), (uint8_t)rgb, 255};
}

Color color_rgba(uint32_t rgba) {
  return (Color){(uint8_t)(rgba >> 24), (uint8_t)(rgba >> 16), (uint8_t)(rgba >> 8), (uint8_t)rgba};
}

static SDL_Color sdl_color(Color c) {
  return (SDL_Color){c.r, c.g, c.b, c.a};
}

void draw_fill_rect(Engine *e, Rect r, Color color) {
  Rect p = view_rect_to_px(&e->view, r);
  SDL_FRect fr = {p.x, p.y, p.w, p.h};
  SDL_SetRenderDrawColor(e->renderer, color.r, color.g, color.b, color.a);
  SDL_SetRenderDrawBlendMode(e->renderer, color.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
  SDL_RenderFillRectF(e->renderer, &fr);
  SDL_SetRenderDrawBlendMode(e->renderer, SDL_BLENDMODE_BLEND);
}

void draw_rect_outline(Engine *e, Rect r, float t, Color color) {
  if (t * 2 >= r.w || t * 2 >= r.h) {
    draw_fill_rect(e, r, color);
    return;
  }
  draw_fill_rect(e, (Rect){r.x, r.y, r.w, t}, color);
  draw_fill_rect(e, (Rect){r.x, r.y + r.h - t, r.w, t}, color);
  draw_fill_rect(e, (Rect){r.x, r.y + t, t, r.h - 2 * t}, color);
  draw_fill_rect(e, (Rect){r.x + r.w - t, r.y + t, t, r.h - 2 * t}, color);
}

// Points (in output pixels) are collected here before one SDL_RenderGeometry.
// The largest shape (an arrow icon: three strokes with round caps at 4K) needs ~600.
#define MAX_VERTS 1024

typedef struct Mesh {
  SDL_Vertex v[MAX_VERTS];
  int idx[MAX_VERTS * 3];
  int nv, ni;
} Mesh;

static int mesh_vertex(Mesh *m, float x, float y, SDL_Color c) {
  assert(m->nv < MAX_VERTS);  // shapes are bounded by construction (segment caps)
  m->v[m->nv] = (SDL_Vertex){{x, y}, c, {0, 0}};
  return m->nv++;
}

static void mesh_tri(Mesh *m, int a, int b, int c) {
  assert(m->ni + 3 <= MAX_VERTS * 3);
  m->idx[m->ni++] = a;
  m->idx[m->ni++] = b;
  m->idx[m->ni++] = c;
}

static void mesh_draw(Engine *e, const Mesh *m) {
  if (m->ni > 0) {
    SDL_RenderGeometry(e->renderer, NULL, m->v, m->nv, m->idx, m->ni);
  }
}

// Corner segments: enough that a big radius at 4K still looks round.
// Corner segments: enough that a big radius at 4K still looks round.
static int arc_segments(float radius_px) {
  int n = (int)(radius_px / 3.0f) + 3;
  return n > 24 ? 24 : n;
}

// Opaque colours skip per-pixel blending, which is most of the cost of big
// fills on the software renderer.
static void set_blend(Engine *e, Color color) {
  SDL_SetRenderDrawBlendMode(e->renderer, color.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
}

static void fill_px(Engine *e, float x, float y, float w, float h) {
  if (w > 0 && h > 0) {
    SDL_FRect fr = {x, y, w, h};
    SDL_RenderFillRectF(e->renderer, &fr);
  }
}

// The quarter ring (or quarter disc when r_in is 0) of a corner centred on
// (cx, cy), towards (dx, dy) = (+-1, +-1), in output pixels.
static void mesh_corner(Mesh *m, float cx, float cy, float dx, float dy, float r_out, float r_in, SDL_Color c) {
  int segs = arc_segments(r_out);
  const float half_pi = 1.5707963f;
  int prev_o = -1, prev_i = -1;
  int centre = r_in <= 0 ? mesh_vertex(m, cx, cy, c) : -1;
  for (int i = 0; i <= segs; i++) {
    float a = half_pi * (float)i / (float)segs;
    float ux = dx * cosf(a), uy = dy * sinf(a);
    int o = mesh_vertex(m, cx + r_out * ux, cy + r_out * uy, c);
    int in = centre >= 0 ? centre : mesh_vertex(m, cx + r_in * ux, cy + r_in * uy, c);
    if (i > 0) {
      mesh_tri(m, prev_o, o, in);
      if (centre < 0) {
        mesh_tri(m, prev_o, in, prev_i);
      }
    }
    prev_o = o;
    prev_i = in;
  }
}

static float clamp_radius(float w, float h, float rad) {
  float lim = (w < h ? w : h) / 2;
  return rad < 0 ? 0 : rad > lim ? lim : rad;
}

// Rounded shapes are snapped to whole output pixels: the straight parts are
// plain rectangles (fast everywhere, and the software renderer's triangle
// filler is ~10x slower per pixel), only the corners are geometry, and
// integer edges make rectangles and triangles meet without seams or overlap.
typedef struct PxBox {
  float x, y, w, h, rad;
} PxBox;

static bool px_box(const Engine *e, Rect r, float radius, PxBox *b) {
  Rect p = view_rect_to_px(&e->view, r);
  float x0 = roundf(p.x), y0 = roundf(p.y), x1 = roundf(p.x + p.w), y1 = roundf(p.y + p.h);
  if (x1 <= x0 || y1 <= y0) {
    return false;
  }
  *b = (PxBox){x0, y0, x1 - x0, y1 - y0, 0};
  b->rad = roundf(clamp_radius(b->w, b->h, view_px_len(&e->view, radius)));
  return true;
}

void draw_round_rect(Engine *e, Rect r, float radius, Color color) {
  PxBox b;
  if (!px_box(e, r, radius, &b)) {
    return;
  }
  SDL_SetRenderDrawColor(e->renderer, color.r, color.g, color.b, color.a);
  set_blend(e, color);
  float rad = b.rad;
  fill_px(e, b.x, b.y + rad, b.w, b.h - 2 * rad);              // middle band, full width
  fill_px(e, b.x + rad, b.y, b.w - 2 * rad, rad);              // top, between the corners
  fill_px(e, b.x + rad, b.y + b.h - rad, b.w - 2 * rad, rad);  // bottom
  if (rad > 0) {
    Mesh m;  // ~32 KiB on the stack: no allocation per shape
    m.nv = m.ni = 0;
    SDL_Color c = sdl_color(color);
    mesh_corner(&m, b.x + rad, b.y + rad, -1, -1, rad, 0, c);
    mesh_corner(&m, b.x + b.w - rad, b.y + rad, 1, -1, rad, 0, c);
    mesh_corner(&m, b.x + b.w - rad, b.y + b.h - rad, 1, 1, rad, 0, c);
    mesh_corner(&m, b.x + rad, b.y + b.h - rad, -1, 1, rad, 0, c);
    mesh_draw(e, &m);
  }
  SDL_SetRenderDrawBlendMode(e->renderer, SDL_BLENDMODE_BLEND);
}

void draw_round_rect_outline(Engine *e, Rect r, float radius, float thickness, Color color) {
  PxBox b;
  if (!px_box(e, r, radius, &b)) {
    return;
  }
  float t = roundf(view_px_len(&e->view, thickness));
  t = t < 1 ? 1 : t;
  if (t * 2 >= b.w || t * 2 >= b.h) {
    draw_round_rect(e, r, radius, color);
    return;
  }
  // The straight sides run between the corners; corners are at least t big.
  float rad = b.rad > t ? b.rad : t;
  SDL_SetRenderDrawColor(e->renderer, color.r, color.g, color.b, color.a);
  set_blend(e, color);
  fill_px(e, b.x + rad, b.y, b.w - 2 * rad, t);
  fill_px(e, b.x + rad, b.y + b.h - t, b.w - 2 * rad, t);
  fill_px(e, b.x, b.y + rad, t, b.h - 2 * rad);
  fill_px(e, b.x + b.w - t, b.y + rad, t, b.h - 2 * rad);
  Mesh m;
  m.nv = m.ni = 0;
  SDL_Color c = sdl_color(color);
  if (b.rad >= t) {
    float in = rad - t;
    mesh_corner(&m, b.x + rad, b.y + rad, -1, -1, rad, in, c);
    mesh_corner(&m, b.x + b.w - rad, b.y + rad, 1, -1, rad, in, c);
    mesh_corner(&m, b.x + b.w - rad, b.y + b.h - rad, 1, 1, rad, in, c);
    mesh_corner(&m, b.x + rad, b.y + b.h - rad, -1, 1, rad, in, c);
    mesh_draw(e, &m);
  } else {
    // Radius smaller than the stroke: square corners.
    fill_px(e, b.x, b.y, t, t);
    fill_px(e, b.x + b.w - t, b.y, t, t);
    fill_px(e, b.x, b.y + b.h - t, t, t);
    fill_px(e, b.x + b.w - t, b.y + b.h - t, t, t);
  }
  SDL_SetRenderDrawBlendMode(e->renderer, SDL_BLENDMODE_BLEND);
}

// A quad from (x0,y0) to (x1,y1), `t` pixels wide, in output pixels.
static void mesh_line(Mesh *m, float x0, float y0, float x1, float y1, float t, SDL_Color c) {
  float dx = x1 - x0, dy = y1 - y0;
  float len = sqrtf(dx * dx + dy * dy);
  if (len <= 0.0f) {
    return;
  }
  float nx = -dy / len * t / 2, ny = dx / len * t / 2;
  int a = mesh_vertex(m, x0 + nx, y0 + ny, c);
  int b = mesh_vertex(m, x1 + nx, y1 + ny, c);
  int d = mesh_vertex(m, x1 - nx, y1 - ny, c);
  int f = mesh_vertex(m, x0 - nx, y0 - ny, c);
  mesh_tri(m, a, b, d);
  mesh_tri(m, a, d, f);
}

static void mesh_circle(Mesh *m, float cx, float cy, float rad, SDL_Color c) {
  int segs = 4 * arc_segments(rad);
  int centre = mesh_vertex(m, cx, cy, c);
  int first = m->nv;
  for (int i = 0; i < segs; i++) {
    float a = 2 * 3.14159265f * (float)i / (float)segs;
    mesh_vertex(m, cx + rad * cosf(a), cy + rad * sinf(a), c);
  }
  for (int i = 0; i < segs; i++) {
    mesh_tri(m, centre, first + i, first + (i + 1) % segs);
  }
}

// A convex polygon as a fan.
static void mesh_poly(Mesh *m, const float *xy, int n, SDL_Color c) {
  int first = m->nv;
  for (size_t i = 0; i < (size_t)n; i++) {
    mesh_vertex(m, xy[2 * i], xy[2 * i + 1], c);
  }
  for (int i = 1; i + 1 < n; i++) {
    mesh_tri(m, first, first + i, first + i + 1);
  }
}

void draw_line(Engine *e, float x0, float y0, float x1, float y1, float thickness, Color color) {
  Mesh m;
  m.nv = m.ni = 0;
  const View *v = &e->view;
  mesh_line(&m, view_px_x(v, x0), view_px_y(v, y0), view_px_x(v, x1), view_px_y(v, y1), view_px_len(v, thickness),
            sdl_color(color));
  mesh_draw(e, &m);
}

void draw_circle(Engine *e, float cx, float cy, float radius, Color color) {
  Mesh m;
  m.nv = m.ni = 0;
  const View *v = &e->view;
  mesh_circle(&m, view_px_x(v, cx), view_px_y(v, cy), view_px_len(v, radius), sdl_color(color));
  mesh_draw(e, &m);
}

void draw_bar(Engine *e, Rect r, float fraction, Color fill, Color track, bool rtl) {
  float f = fraction < 0 ? 0 : fraction > 1 ? 1 : fraction;
  if (track.a > 0) {
    draw_fill_rect(e, r, track);
  }
  float w = r.w * f;
  if (w > 0) {
    draw_fill_rect(e, (Rect){rtl ? r.x + r.w - w : r.x, r.y, w, r.h}, fill);
  }
}

// Icons are designed on a unit square and mapped onto the box's centred square.
typedef struct IconFrame {
  float x, y, s;  // output pixels
} IconFrame;

static float ix(const IconFrame *f, float u) {
  return f->x + u * f->s;
}
static float iy(const IconFrame *f, float v) {
  return f->y + v * f->s;
}

static void icon_line(Mesh *m, const IconFrame *f, float u0, float v0, float u1, float v1, float t, SDL_Color c) {
  mesh_line(m, ix(f, u0), iy(f, v0), ix(f, u1), iy(f, v1), t * f->s, c);
  // Round caps hide the seams where strokes meet.
  mesh_circle(m, ix(f, u0), iy(f, v0), t * f->s / 2, c);
  mesh_circle(m, ix(f, u1), iy(f, v1), t * f->s / 2, c);
}

static void icon_poly(Mesh *m, const IconFrame *f, const float *uv, int n, SDL_Color c) {
  float xy[16];
  for (size_t i = 0; i < (size_t)n && i < 8; i++) {
    xy[2 * i] = ix(f, uv[2 * i]);
    xy[2 * i + 1] = iy(f, uv[2 * i + 1]);
  }
  mesh_poly(m, xy, n, c);
}

static void icon_speaker(Mesh *m, const IconFrame *f, SDL_Color c) {
  static const float body[] = {0.10f, 0.38f, 0.28f, 0.38f, 0.28f, 0.62f, 0.10f, 0.62f};
  static const float cone[] = {0.28f, 0.38f, 0.50f, 0.16f, 0.50f, 0.84f, 0.28f, 0.62f};
  icon_poly(m, f, body, 4, c);
  icon_poly(m, f, cone, 4, c);
}

void draw_icon(Engine *e, DrawIcon icon, Rect box, Color color) {
  Rect p = view_rect_to_px(&e->view, box);
  float s = p.w < p.h ? p.w : p.h;
  if (s <= 0) {
    return;
  }
  IconFrame f = {p.x + (p.w - s) / 2, p.y + (p.h - s) / 2, s};
  SDL_Color c = sdl_color(color);
  Mesh m;
  m.nv = m.ni = 0;
  const float t = 0.12f;
  switch (icon) {
  case DRAW_ICON_CHECK:
    icon_line(&m, &f, 0.16f, 0.54f, 0.40f, 0.78f, t, c);
    icon_line(&m, &f, 0.40f, 0.78f, 0.86f, 0.24f, t, c);
    break;
  case DRAW_ICON_CROSS:
    icon_line(&m, &f, 0.22f, 0.22f, 0.78f, 0.78f, t, c);
    icon_line(&m, &f, 0.78f, 0.22f, 0.22f, 0.78f, t, c);
    break;
  case DRAW_ICON_PAUSE: {
    static const float a[] = {0.24f, 0.18f, 0.42f, 0.18f, 0.42f, 0.82f, 0.24f, 0.82f};
    static const float b[] = {0.58f, 0.18f, 0.76f, 0.18f, 0.76f, 0.82f, 0.58f, 0.82f};
    icon_poly(&m, &f, a, 4, c);
    icon_poly(&m, &f, b, 4, c);
    break;
  }
  case DRAW_ICON_PLAY: {
    static const float tri[] = {0.26f, 0.16f, 0.84f, 0.50f, 0.26f, 0.84f};
    icon_poly(&m, &f, tri, 3, c);
    break;
  }
  case DRAW_ICON_SPEAKER: {
    icon_speaker(&m, &f, c);
    // Two sound waves as arcs of short strokes.
    for (int w = 0; w < 2; w++) {
      float rad = w == 0 ? 0.16f : 0.30f;
      const int n = 8;
      for (int i = 0; i < n; i++) {
        float a0 = -0.8f + 1.6f * (float)i / n, a1 = -0.8f + 1.6f * (float)(i + 1) / n;
        mesh_line(&m, ix(&f, 0.54f + rad * cosf(a0)), iy(&f, 0.5f + rad * sinf(a0)), ix(&f, 0.54f + rad * cosf(a1)),
                  iy(&f, 0.5f + rad * sinf(a1)), 0.07f * s, c);
      }
    }
    break;
  }
  case DRAW_ICON_SPEAKER_MUTED:
    icon_speaker(&m, &f, c);
    icon_line(&m, &f, 0.62f, 0.36f, 0.88f, 0.64f, 0.08f, c);
    icon_line(&m, &f, 0.88f, 0.36f, 0.62f, 0.64f, 0.08f, c);
    break;
  case DRAW_ICON_ARROW_LEFT:
  case DRAW_ICON_ARROW_RIGHT: {
    // Drawn pointing right, mirrored for left.
    bool left = icon == DRAW_ICON_ARROW_LEFT;
    float tip = left ? 0.18f : 0.82f, tail = left ? 0.82f : 0.18f, back = left ? 0.44f : 0.56f;
    icon_line(&m, &f, tail, 0.5f, tip, 0.5f, t, c);
    icon_line(&m, &f, tip, 0.5f, back, 0.24f, t, c);
    icon_line(&m, &f, tip, 0.5f, back, 0.76f, t, c);
    break;
  }
  case DRAW_ICON_COUNT:
  default:
    break;
  }
  mesh_draw(e, &m);
}
