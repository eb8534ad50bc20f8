#include "quiz/pack_write.h"

#include <libxml/xmlwriter.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/i18n.h"
#include "base/str.h"
#include "base/utf8.h"

static const char PACK_NAMESPACE[] = "urn:prebunk:quizpack:1";

// libxml2 passes text through unchecked, so a stray control character would
// produce a file no XML parser accepts. Reject it here, naming the field.
static bool xml_text_ok(const char *s) {
  if (!s) {
    return true;
  }
  size_t len = strlen(s);
  if (!utf8_valid(s, len)) {
    return false;
  }
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') {
      return false;
    }
    // U+FFFE and U+FFFF: EF BF BE / EF BF BF.
    if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) {
      return false;
    }
  }
  return true;
}

static bool check_field(const char *value, const char *where, const char *field, char **err) {
  if (xml_text_ok(value)) {
    return true;
  }
  if (err) {
    *err = xasprintf(_("%s: %s is not valid UTF-8 or holds a control character XML cannot carry"), where, field);
  }
  return false;
}

static bool check_pack(const Pack *pack, char **err) {
  const char *top = _("pack");
  if (!check_field(pack->id, top, "id", err) || !check_field(pack->lang, top, "xml:lang", err) ||
      !check_field(pack->title, top, "title", err) || !check_field(pack->description, top, "description", err) ||
      !check_field(pack->author, top, "author", err) || !check_field(pack->license, top, "license", err)) {
    return false;
  }
  for (size_t i = 0; i < pack->item_count; i++) {
    const PackItem *it = &pack->items[i];
    char *where = xasprintf(_("item %zu"), i + 1);
    bool ok = check_field(it->id, where, "id", err) && check_field(it->headline, where, "headline", err) &&
              check_field(it->outlet, where, "outlet", err) && check_field(it->date, where, "date", err) &&
              check_field(it->url, where, "url", err) && check_field(it->explanation, where, "explanation", err) &&
              check_field(it->tip, where, "tip", err) && check_field(it->lang, where, "xml:lang", err);
    for (size_t t = 0; ok && t < it->tag_count; t++) {
      ok = check_field(it->tags[t], where, "tag", err);
    }
    free(where);
    if (!ok) {
      return false;
    }
  }
  return true;
}

// xmlTextWriter calls return -1 on failure; fold them into one flag so the
// writing code reads like the format it produces.
typedef struct Writer {
  xmlTextWriterPtr w;
  bool ok;
} Writer;

static const xmlChar *xc(const char *s) {
  return (const xmlChar *)s;
}

static void start(Writer *wr, const char *name) {
  wr->ok = wr->ok && xmlTextWriterStartElement(wr->w, xc(name)) >= 0;
}

static void end(Writer *wr) {
  wr->ok = wr->ok && xmlTextWriterEndElement(wr->w) >= 0;
}

static void attr(Writer *wr, const char *name, const char *value) {
  if (value) {
    wr->ok = wr->ok && xmlTextWriterWriteAttribute(wr->w, xc(name), xc(value)) >= 0;
  }
}

static void attr_int(Writer *wr, const char *name, int value) {
  char buf[24];
  snprintf(buf, sizeof buf, "%d", value);
  attr(wr, name, buf);
}

// <name>text</name>; an empty element when text is NULL or "".
static void element(Writer *wr, const char *name, const char *text) {
  start(wr, name);
  if (text && *text) {
    wr->ok = wr->ok && xmlTextWriterWriteString(wr->w, xc(text)) >= 0;
  }
  end(wr);
}

static void optional_element(Writer *wr, const char *name, const char *text) {
  if (text) {
    element(wr, name, text);
  }
}

// The loader squashes white space, keeping a blank line as the paragraph
// break it stores as one '\n'; write that break back as a blank line.
static void paragraphs_element(Writer *wr, const char *name, const char *text) {
  if (!text || !strchr(text, '\n')) {
    element(wr, name, text);
    return;
  }
  StrBuf b = {0};
  for (const char *p = text; *p; p++) {
    if (*p == '\n') {
      strbuf_append(&b, "\n\n");
    } else {
      strbuf_append_char(&b, *p);
    }
  }
  element(wr, name, b.data);
  strbuf_free(&b);
}

static void write_item(Writer *wr, const PackItem *it) {
  start(wr, "item");
  attr(wr, "id", it->id);
  attr(wr, "answer", pack_answer_name(it->answer));
  attr(wr, "xml:lang", it->lang);
  element(wr, "headline", it->headline);
  if (it->outlet || it->date || it->url) {
    start(wr, "source");
    attr(wr, "outlet", it->outlet);
    attr(wr, "date", it->date);
    attr(wr, "url", it->url);
    end(wr);
  }
  paragraphs_element(wr, "explanation", it->explanation);
  for (int t = 0; t < TECHNIQUE_COUNT; t++) {
    if (it->techniques & (1u << t)) {
      element(wr, "technique", technique_name((Technique)t));
    }
  }
  if (it->tip) {
    paragraphs_element(wr, "tip", it->tip);
  }
  for (size_t i = 0; i < it->tag_count; i++) {
    element(wr, "tag", it->tags[i]);
  }
  end(wr);
}

char *pack_write_xml_checked(const Pack *pack, char **err) {
  if (err) {
    *err = NULL;
  }
  if (!check_pack(pack, err)) {
    return NULL;
  }
  xmlBufferPtr buf = xmlBufferCreate();
  xmlTextWriterPtr w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
  if (!w) {
    xmlBufferFree(buf);
    if (err) {
      *err = xstrdup(_("out of memory while writing the pack"));
    }
    return NULL;
  }
  Writer wr = {.w = w, .ok = true};
  wr.ok = xmlTextWriterSetIndent(w, 1) >= 0 && xmlTextWriterSetIndentString(w, xc("  ")) >= 0 &&
          xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) >= 0;
  start(&wr, "quizpack");
  attr(&wr, "xmlns", PACK_NAMESPACE);
  attr(&wr, "id", pack->id);
  attr_int(&wr, "version", pack->version > 0 ? pack->version : 1);
  attr(&wr, "xml:lang", pack->lang);
  if (pack->kind == PACK_KIND_ASSESSMENT) {
    attr(&wr, "kind", "assessment");
  }
  if (pack->min_age > 0) {
    attr_int(&wr, "min-age", pack->min_age);
  }
  if (pack->order > 0) {
    attr_int(&wr, "order", pack->order);
  }
  element(&wr, "title", pack->title);
  paragraphs_element(&wr, "description", pack->description);
  optional_element(&wr, "author", pack->author);
  optional_element(&wr, "license", pack->license);
  if (pack->round_questions > 0 || pack->round_seconds > 0) {
    start(&wr, "round");
    if (pack->round_questions > 0) {
      attr_int(&wr, "questions", pack->round_questions);
    }
    if (pack->round_seconds > 0) {
      attr_int(&wr, "seconds", pack->round_seconds);
    }
    end(&wr);
  }
  for (size_t i = 0; i < pack->item_count; i++) {
    write_item(&wr, &pack->items[i]);
  }
  end(&wr);
  wr.ok = wr.ok && xmlTextWriterEndDocument(w) >= 0;
  xmlFreeTextWriter(w);  // flushes into buf
  char *out = NULL;
  if (wr.ok) {
    out = xstrndup((const char *)xmlBufferContent(buf), (size_t)xmlBufferLength(buf));
  } else if (err) {
    *err = xstrdup(_("libxml2 could not write the pack"));
  }
  xmlBufferFree(buf);
  return out;
}

char *pack_write_xml(const Pack *pack) {
  return pack_write_xml_checked(pack, NULL);
}

bool pack_write_file(const Pack *pack, const char *path, char **err) {
  char *xml = pack_write_xml_checked(pack, err);
  if (!xml) {
    return false;
  }
  bool ok = fs_write_atomic(path, xml, strlen(xml), err);
  free(xml);
  return ok;
}

static bool id_char_ok(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

bool pack_id_valid(const char *id) {
  if (!id || !*id) {
    return false;
  }
  size_t n = 0;
  for (const char *p = id; *p; p++, n++) {
    if (!id_char_ok(*p)) {
      return false;
    }
  }
  return n <= PACK_MAX_ID_CHARS;
}

char *pack_id_from_text(const char *text, size_t max_len) {
  if (max_len == 0 || max_len > PACK_MAX_ID_CHARS) {
    max_len = PACK_MAX_ID_CHARS;
  }
  StrBuf b = {0};
  strbuf_append(&b, "");
  size_t last_word_end = 0;  // length up to the end of the last whole word
  bool gap = false;
  for (const char *p = text ? text : ""; *p; p++) {
    char c = *p;
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c >= 'A' && c <= 'Z') {
      c = (char)(c - 'A' + 'a');
      keep = true;
    }
    // Apostrophes join ("don't" -> "dont") rather than split a word.
    if (c == '\'') {
      continue;
    }
    if (!keep) {
      gap = b.len > 0;
      continue;
    }
    if (gap) {
      last_word_end = b.len;
      if (b.len + 2 > max_len) {
        break;
      }
      strbuf_append_char(&b, '-');
      gap = false;
    }
    if (b.len + 1 > max_len) {
      // A single word longer than the limit is cut; otherwise stop at the
      // last word boundary so ids stay readable.
      if (last_word_end > 0) {
        b.len = last_word_end;
        b.data[b.len] = '\0';
      }
      break;
    }
    strbuf_append_char(&b, c);
  }
  return strbuf_take(&b);
}

// A hash set of the ids given out. Each id also remembers the next suffix
// to try for it, so that n rows claiming the same id cost O(n) in all, not
// a scan from "-2" up each time (20,000 rows with one headline: 54 s).
typedef struct IdSlot {
  char *key;      // owned; NULL for an empty slot
  unsigned next;  // the next "-N" to try when `key` is claimed again
} IdSlot;

struct PackIdSet {
  IdSlot *slots;
  size_t cap;  // a power of two, or 0
  size_t count;
};

static uint64_t id_hash(const char *s) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (; *s; s++) {
    h = (h ^ (unsigned char)*s) * 1099511628211ull;
  }
  return h;
}

// The slot holding `key`, or the empty slot where it would go.
static IdSlot *id_slot(const PackIdSet *set, const char *key) {
  size_t mask = set->cap - 1;
  for (size_t i = (size_t)id_hash(key) & mask;; i = (i + 1) & mask) {
    if (!set->slots[i].key || strcmp(set->slots[i].key, key) == 0) {
      return &set->slots[i];
    }
  }
}

static void id_insert(PackIdSet *set, char *key) {
  if ((set->count + 1) * 2 > set->cap) {  // keep it at most half full
    PackIdSet bigger = {.cap = set->cap ? set->cap * 2 : 64, .count = set->count};
    bigger.slots = xcalloc(bigger.cap, sizeof *bigger.slots);
    for (size_t i = 0; i < set->cap; i++) {
      if (set->slots[i].key) {
        *id_slot(&bigger, set->slots[i].key) = set->slots[i];
      }
    }
    free(set->slots);
    *set = bigger;
  }
  *id_slot(set, key) = (IdSlot){.key = key, .next = 2};
  set->count++;
}

PackIdSet *pack_id_set_create(void) {
  return xcalloc(1, sizeof(PackIdSet));
}

void pack_id_set_destroy(PackIdSet *set) {
  if (!set) {
    return;
  }
  for (size_t i = 0; i < set->cap; i++) {
    free(set->slots[i].key);
  }
  free(set->slots);
  free(set);
}

char *pack_id_set_claim(PackIdSet *set, const char *id) {
  IdSlot *first = set->cap ? id_slot(set, id) : NULL;
  if (!first || !first->key) {
    id_insert(set, xstrdup(id));
    return xstrdup(id);
  }
  char *candidate = NULL;
  unsigned n = first->next;
  for (;; n++) {
    char suffix[16];
    snprintf(suffix, sizeof suffix, "-%u", n);
    size_t base = strlen(id);
    size_t room = PACK_MAX_ID_CHARS - strlen(suffix);
    free(candidate);
    candidate = xasprintf("%.*s%s", (int)(base < room ? base : room), id, suffix);
    if (!id_slot(set, candidate)->key) {
      break;
    }
  }
  first->next = n + 1;  // before inserting: that may move the slots
  id_insert(set, xstrdup(candidate));
  return candidate;
}
