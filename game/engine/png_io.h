#pragma once
// PNG reading and writing with libpng (SDL2 core cannot write PNG and
// SDL2_image is not available). 8-bit RGBA, rows top to bottom.

#include <stdbool.h>
#include <stdint.h>

// Writes `w` x `h` RGBA pixels (`stride` bytes per row) to `path`.
// On failure returns false and sets *err (owned by the caller).
bool png_write_rgba(const char *path, const uint8_t *pixels, int w, int h, int stride, char **err);
// Reads a PNG as tightly packed RGBA (*pixels owned by the caller, free()).
bool png_read_rgba(const char *path, uint8_t **pixels, int *w, int *h, char **err);
