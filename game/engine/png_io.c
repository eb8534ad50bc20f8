#include "engine/png_io.h"

#include <png.h>
#include <stdlib.h>
#include <string.h>

#include "base/str.h"

// libpng's "simplified API" (png_image) handles setjmp and format conversion
// itself, which keeps this file free of longjmp error handling.

bool png_write_rgba(const char *path, const uint8_t *pixels, int w, int h, int stride, char **err) {
  png_image image;
  memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  image.width = (png_uint_32)w;
  image.height = (png_uint_32)h;
  image.format = PNG_FORMAT_RGBA;
  if (!png_image_write_to_file(&image, path, 0, pixels, stride, NULL)) {
    *err = xasprintf("%s: cannot write PNG: %s", path, image.message);
    png_image_free(&image);
    return false;
  }
  return true;
}

bool png_read_rgba(const char *path, uint8_t **pixels, int *w, int *h, char **err) {
  png_image image;
  memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&image, path)) {
    *err = xasprintf("%s: cannot read PNG: %s", path, image.message);
    png_image_free(&image);
    return false;
  }
  image.format = PNG_FORMAT_RGBA;
  // Window icons and screenshots are small; refuse absurd sizes from a bad file.
  if (image.width == 0 || image.height == 0 || image.width > 16384 || image.height > 16384) {
    *err = xasprintf("%s: PNG size %ux%u is out of range", path, image.width, image.height);
    png_image_free(&image);
    return false;
  }
  uint8_t *buf = xmalloc(PNG_IMAGE_SIZE(image));
  if (!png_image_finish_read(&image, NULL, buf, 0, NULL)) {
    *err = xasprintf("%s: cannot decode PNG: %s", path, image.message);
    free(buf);
    png_image_free(&image);
    return false;
  }
  *pixels = buf;
  *w = (int)image.width;
  *h = (int)image.height;
  return true;
}
