// Packaging facts that the validators cannot know: the desktop file, the
// AppStream metainfo and the icons must agree with the build (application id,
// binary name, version) and with each other.
#include <ini.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <png.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "support/test_support.h"

// The sizes the hicolor theme gets; the brief fixes them, make-icons.sh renders
// them and packaging/CMakeLists.txt installs them.
static const int icon_sizes[] = {16, 22, 24, 32, 48, 64, 128, 256, 512};

// --- desktop file -----------------------------------------------------------

typedef struct DesktopEntry {
  char *name;
  char *generic_name;
  char *comment;
  char *exec;
  char *icon;
  char *terminal;
  char *type;
  char *categories;
  char *keywords;
  char *startup_wm_class;
  int other_groups;
} DesktopEntry;

static int desktop_entry_handler(void *user, const char *section, const char *key, const char *value) {
  DesktopEntry *e = user;
  if (strcmp(section, "Desktop Entry") != 0) {
    e->other_groups++;
    return 1;
  }
  static const struct {
    const char *key;
    size_t offset;
  } fields[] = {
      {"Name", offsetof(DesktopEntry, name)},         {"GenericName", offsetof(DesktopEntry, generic_name)},
      {"Comment", offsetof(DesktopEntry, comment)},   {"Exec", offsetof(DesktopEntry, exec)},
      {"Icon", offsetof(DesktopEntry, icon)},         {"Terminal", offsetof(DesktopEntry, terminal)},
      {"Type", offsetof(DesktopEntry, type)},         {"Categories", offsetof(DesktopEntry, categories)},
      {"Keywords", offsetof(DesktopEntry, keywords)}, {"StartupWMClass", offsetof(DesktopEntry, startup_wm_class)},
  };
  for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
    if (strcmp(key, fields[i].key) == 0) {
      char **slot = (char **)((char *)e + fields[i].offset);
      if (*slot) {
        return 0;  // a key given twice is an error for the desktop spec too
      }
      *slot = xstrdup(value);
    }
  }
  return 1;
}

static void desktop_entry_free(DesktopEntry *e) {
  free(e->name);
  free(e->generic_name);
  free(e->comment);
  free(e->exec);
  free(e->icon);
  free(e->terminal);
  free(e->type);
  free(e->categories);
  free(e->keywords);
  free(e->startup_wm_class);
}

static void test_desktop_file_matches_build(void **state) {
  (void)state;
  char *path = test_source_path("packaging/" PREBUNK_APP_ID ".desktop");
  // inih reads the key=value format; its inline ';' comments need a space
  // before the ';', which the desktop lists (Categories=Game;Education;) never have.
  DesktopEntry e = {0};
  assert_int_equal(ini_parse(path, desktop_entry_handler, &e), 0);
  assert_int_equal(e.other_groups, 0);
  assert_non_null(e.name);
  assert_string_equal(e.name, "Prebunk");
  // The launcher runs the binary the build installs, found on PATH.
  assert_non_null(e.exec);
  assert_string_equal(e.exec, PREBUNK_BINARY_NAME);
  // The themed icon is installed under the application id.
  assert_non_null(e.icon);
  assert_string_equal(e.icon, PREBUNK_APP_ID);
  // SDL names the X11 window class after the executable; docks group the
  // window under this launcher only when the two match.
  assert_non_null(e.startup_wm_class);
  assert_string_equal(e.startup_wm_class, PREBUNK_BINARY_NAME);
  assert_non_null(e.terminal);
  assert_string_equal(e.terminal, "false");
  assert_non_null(e.type);
  assert_string_equal(e.type, "Application");
  assert_non_null(e.categories);
  assert_string_equal(e.categories, "Game;Education;");
  assert_non_null(e.generic_name);
  assert_non_null(e.comment);
  assert_non_null(e.keywords);
  // Lists in desktop files end with ';'; a keyword list without it loses its last word in some parsers.
  assert_true(strlen(e.keywords) > 0 && e.keywords[strlen(e.keywords) - 1] == ';');
  desktop_entry_free(&e);
  free(path);
}

// --- metainfo ---------------------------------------------------------------

static xmlDocPtr metainfo_load(void) {
  char *path = test_source_path("packaging/" PREBUNK_APP_ID ".metainfo.xml");
  // No recovery: a malformed file must fail here, not be half-read.
  xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
  if (!doc) {
    fail_msg("%s is not well-formed XML", path);
  }
  free(path);
  return doc;
}

// The string value of an XPath expression (owned), "" when nothing matches.
static char *xpath_string(xmlDocPtr doc, const char *expr) {
  xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
  assert_non_null(ctx);
  char *full = xasprintf("string(%s)", expr);
  xmlXPathObjectPtr obj = xmlXPathEvalExpression((const xmlChar *)full, ctx);
  assert_non_null(obj);
  char *s = xstrdup(obj->stringval ? (const char *)obj->stringval : "");
  xmlXPathFreeObject(obj);
  xmlXPathFreeContext(ctx);
  free(full);
  return s;
}

static double xpath_number(xmlDocPtr doc, const char *expr) {
  xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
  assert_non_null(ctx);
  xmlXPathObjectPtr obj = xmlXPathEvalExpression((const xmlChar *)expr, ctx);
  assert_non_null(obj);
  double v = xmlXPathCastToNumber(obj);
  xmlXPathFreeObject(obj);
  xmlXPathFreeContext(ctx);
  return v;
}

static void assert_xpath_equal(xmlDocPtr doc, const char *expr, const char *want) {
  char *got = xpath_string(doc, expr);
  if (strcmp(got, want) != 0) {
    fail_msg("%s is '%s', expected '%s'", expr, got, want);
  }
  free(got);
}

static void test_metainfo_matches_build(void **state) {
  (void)state;
  xmlDocPtr doc = metainfo_load();
  assert_xpath_equal(doc, "/component/@type", "desktop-application");
  assert_xpath_equal(doc, "/component/id", PREBUNK_APP_ID);
  assert_xpath_equal(doc, "/component/launchable[@type='desktop-id']", PREBUNK_APP_ID ".desktop");
  assert_xpath_equal(doc, "/component/metadata_license", "CC0-1.0");
  assert_xpath_equal(doc, "/component/project_license", "MIT");
  assert_xpath_equal(doc, "/component/provides/binary", PREBUNK_BINARY_NAME);
  assert_xpath_equal(doc, "/component/content_rating/@type", "oars-1.1");
  assert_xpath_equal(doc, "/component/url[@type='homepage']", PREBUNK_HOMEPAGE);
  // Software centres show the first <release> as the installed version.
  assert_xpath_equal(doc, "/component/releases/release[1]/@version", PREBUNK_VERSION);
  char *date = xpath_string(doc, "/component/releases/release[1]/@date");
  assert_int_equal(strlen(date), 10);  // YYYY-MM-DD
  free(date);
  assert_xpath_equal(doc, "/component/categories/category[1]", "Game");
  assert_xpath_equal(doc, "/component/categories/category[2]", "Education");
  // A description that says what it teaches and for whom: several paragraphs
  // plus the list of audiences.
  assert_true(xpath_number(doc, "count(/component/description/p)") >= 2);
  assert_true(xpath_number(doc, "count(/component/description/ul/li)") >= 3);
  assert_true(xpath_number(doc, "count(/component/keywords/keyword)") >= 3);
  // Every input the engine maps to game actions is declared exactly once.
  static const char *const controls[] = {"pointing", "keyboard", "gamepad", "touch"};
  for (size_t i = 0; i < sizeof controls / sizeof controls[0]; i++) {
    char *expr = xasprintf("count(/component/*[self::recommends or self::supports]/control[.='%s'])", controls[i]);
    if (xpath_number(doc, expr) != 1.0) {
      fail_msg("control '%s' is not declared exactly once", controls[i]);
    }
    free(expr);
  }
  xmlFreeDoc(doc);
}

// --- icons ------------------------------------------------------------------

typedef struct Rgba {
  unsigned char r, g, b, a;
} Rgba;

// Reads an 8-bit RGBA PNG into a width*height array (owned); fails the test on
// any other format, since the theme icons and the window icon assume RGBA.
static Rgba *png_load_rgba(const char *path, int *width, int *height) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fail_msg("cannot open %s", path);
  }
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  png_infop info = png_create_info_struct(png);
  assert_non_null(png);
  assert_non_null(info);
  if (setjmp(png_jmpbuf(png))) {
    fail_msg("%s is not a readable PNG", path);
  }
  png_init_io(png, f);
  png_read_info(png, info);
  *width = (int)png_get_image_width(png, info);
  *height = (int)png_get_image_height(png, info);
  assert_int_equal(png_get_bit_depth(png, info), 8);
  assert_int_equal(png_get_color_type(png, info), PNG_COLOR_TYPE_RGB_ALPHA);
  Rgba *pixels = xmalloc(sizeof *pixels * (size_t)*width * (size_t)*height);
  png_bytep *rows = xmalloc(sizeof *rows * (size_t)*height);
  for (int y = 0; y < *height; y++) {
    rows[y] = (png_bytep)(pixels + (size_t)y * (size_t)*width);
  }
  png_read_image(png, rows);
  png_read_end(png, NULL);
  png_destroy_read_struct(&png, &info, NULL);
  free(rows);
  fclose(f);
  return pixels;
}

static bool has_colour(const Rgba *px, size_t n, unsigned char r, unsigned char g, unsigned char b) {
  for (size_t i = 0; i < n; i++) {
    if (px[i].a == 255 && px[i].r == r && px[i].g == g && px[i].b == b) {
      return true;
    }
  }
  return false;
}

static void test_icons_have_their_size_and_palette(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof icon_sizes / sizeof icon_sizes[0]; i++) {
    int size = icon_sizes[i];
    char *name = xasprintf("assets/icons/prebunk-%d.png", size);
    char *path = test_source_path(name);
    int w = 0, h = 0;
    Rgba *px = png_load_rgba(path, &w, &h);
    if (w != size || h != size) {
      fail_msg("%s is %dx%d, expected %dx%d", path, w, h, size, size);
    }
    // Rounded card with a margin: the corner is transparent, the middle is card.
    assert_int_equal(px[0].a, 0);
    assert_int_equal(px[(size_t)(h / 2) * (size_t)w + (size_t)(w / 2)].a, 255);
    // From 48 px up the strokes are several pixels wide, so the exact palette
    // colours must appear: blue #0072B2 (real) and vermillion #D55E00 (fabricated).
    if (size >= 48) {
      assert_true(has_colour(px, (size_t)w * (size_t)h, 0x00, 0x72, 0xB2));
      assert_true(has_colour(px, (size_t)w * (size_t)h, 0xD5, 0x5E, 0x00));
    }
    free(px);
    free(path);
    free(name);
  }
}

static void test_svg_is_square_and_well_formed(void **state) {
  (void)state;
  char *path = test_source_path("assets/icons/prebunk.svg");
  xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
  assert_non_null(doc);
  xmlNodePtr root = xmlDocGetRootElement(doc);
  assert_non_null(root);
  assert_string_equal((const char *)root->name, "svg");
  // hicolor/scalable icons must be square or desktops stretch them.
  xmlChar *view_box = xmlGetProp(root, (const xmlChar *)"viewBox");
  assert_non_null(view_box);
  double x = -1, y = -1, vw = 0, vh = 0;
  assert_int_equal(sscanf((const char *)view_box, "%lf %lf %lf %lf", &x, &y, &vw, &vh), 4);
  assert_true(vw > 0 && vw == vh);
  xmlFree(view_box);
  xmlFreeDoc(doc);
  free(path);
}

int main(void) {
  LIBXML_TEST_VERSION
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_desktop_file_matches_build),
      cmocka_unit_test(test_metainfo_matches_build),
      cmocka_unit_test(test_icons_have_their_size_and_palette),
      cmocka_unit_test(test_svg_is_square_and_well_formed),
  };
  int failed = cmocka_run_group_tests(tests, NULL, NULL);
  xmlCleanupParser();
  return failed;
}
