// Moodle HTML reduced to plain text (see import_moodle.h).

#include "quiz/import_moodle.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/str.h"
#include "quiz/import_moodle_int.h"
#include "quiz/pack_load.h"
#include "quiz/pack_rules.h"
#include "quiz/pack_write.h"

/* ---- HTML to plain text ---- */

static bool is_block(const char *name) {
  static const char *const blocks[] = {
      "p",          "div",    "br",         "li",      "ul",      "ol",      "h1",      "h2",       "h3",
      "h4",         "h5",     "h6",         "tr",      "pre",     "hr",      "dl",      "dt",       "dd",
      "table",      "thead",  "tbody",      "center",  "section", "article", "header",  "footer",   "aside",
      "blockquote", "figure", "figcaption", "address", "nav",     "main",    "caption", "fieldset",
  };
  for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++) {
    if (str_casecmp(name, blocks[i]) == 0) {
      return true;
    }
  }
  return false;
}

static bool is_media(const char *name) {
  static const char *const media[] = {"img", "video", "audio", "iframe", "object", "embed", "svg", "picture"};
  for (size_t i = 0; i < sizeof media / sizeof media[0]; i++) {
    if (str_casecmp(name, media[i]) == 0) {
      return true;
    }
  }
  return false;
}

static bool is_hidden(const char *name) {
  return str_casecmp(name, "script") == 0 || str_casecmp(name, "style") == 0 || str_casecmp(name, "head") == 0 ||
         str_casecmp(name, "template") == 0 || str_casecmp(name, "noscript") == 0;
}

// Appends text, turning U+00A0 into a space and dropping control characters.
static void append_text(StrBuf *b, const char *s) {
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (p[0] == 0xC2 && p[1] == 0xA0) {
      strbuf_append_char(b, ' ');
      p++;
    } else if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') {
      continue;
    } else if (*p == 0x7F) {
      continue;
    } else {
      strbuf_append_char(b, (char)*p);
    }
  }
}

size_t moodle_utf8_chars(const char *s) {
  size_t n = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    n += (*p & 0xC0) != 0x80;
  }
  return n;
}

// Cuts `s` in place to at most `max` characters, on a character boundary.
char *moodle_cut_chars(char *s, size_t max) {
  size_t n = 0;
  for (char *p = s; *p; p++) {
    if (((unsigned char)*p & 0xC0) != 0x80 && n++ == max) {
      *p = '\0';
      str_trim(s);
      break;
    }
  }
  return s;
}

bool moodle_is_ws(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Collapses white space; MOODLE_BREAK marks become "\n" (paragraphs) or spaces (line).
char *moodle_normalise(const char *raw, MoodleTextMode mode) {
  StrBuf out = {0};
  strbuf_append(&out, "");
  bool pending_space = false, pending_break = false;
  for (const char *p = raw; *p; p++) {
    if (*p == MOODLE_BREAK) {
      if (mode == MOODLE_TEXT_PARAGRAPHS) {
        pending_break = out.len > 0;
      } else {
        pending_space = out.len > 0;
      }
      continue;
    }
    if (moodle_is_ws(*p)) {
      pending_space = out.len > 0;
      continue;
    }
    if (pending_break) {
      strbuf_append_char(&out, '\n');
    } else if (pending_space) {
      strbuf_append_char(&out, ' ');
    }
    pending_break = pending_space = false;
    strbuf_append_char(&out, *p);
  }
  return strbuf_take(&out);
}

static void html_ignore_error(void *data, xmlErrorPtr error) {
  (void)data;
  (void)error;
}

char *moodle_html_to_text(const char *html, size_t len, MoodleTextMode mode, int *images) {
  if (images) {
    *images = 0;
  }
  if (!html || len == 0 || len > INT32_MAX) {
    return xstrdup("");
  }
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  if (!ctxt) {
    return xstrdup("");
  }
  // Broken HTML is normal in question text: take what the parser recovers,
  // silently; it never loads anything (NONET) and has no DTD to expand.
  ctxt->sax->serror = html_ignore_error;
  htmlDocPtr doc = htmlCtxtReadMemory(ctxt, html, (int)len, NULL, "UTF-8",
                                      HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  StrBuf raw = {0};
  strbuf_append(&raw, "");
  int media = 0;
  xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
  // Iterative walk: depth is whatever the (untrusted) input says.
  xmlNodePtr n = root;
  while (n) {
    bool descend = false;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content) {
        append_text(&raw, (const char *)n->content);
      }
    } else if (n->type == XML_ELEMENT_NODE) {
      const char *name = (const char *)n->name;
      if (is_media(name)) {
        media++;
      } else if (!is_hidden(name)) {
        if (is_block(name)) {
          strbuf_append_char(&raw, MOODLE_BREAK);
        } else if (str_casecmp(name, "td") == 0 || str_casecmp(name, "th") == 0) {
          strbuf_append_char(&raw, ' ');
        }
        descend = n->children != NULL;
      }
    }
    if (descend) {
      n = n->children;
      continue;
    }
    // Leaving n (and then each finished parent): close blocks, move on.
    while (n) {
      if (n->type == XML_ELEMENT_NODE && is_block((const char *)n->name)) {
        strbuf_append_char(&raw, MOODLE_BREAK);
      }
      if (n == root) {
        n = NULL;
        break;
      }
      if (n->next) {
        n = n->next;
        break;
      }
      n = n->parent;
    }
  }
  xmlFreeDoc(doc);
  htmlFreeParserCtxt(ctxt);
  char *text = moodle_normalise(raw.data, mode);
  strbuf_free(&raw);
  if (images) {
    *images = media;
  }
  return text;
}
