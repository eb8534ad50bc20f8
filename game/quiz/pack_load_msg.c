// The pack loader's own words for libxml2's commonest messages, which name
// parser internals ("xmlParseEntityRef: no name") or schema automata ("This
// element is not expected. Expected is one of ( ... )"). See pack_load_int.h.
//
// Element order, the known children and attributes are read from the
// built-in schema itself (its xs:sequence and xs:attribute lists), so the
// messages cannot drift from what the schema enforces.

#include <libxml/parserInternals.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/str.h"
#include "quiz/pack_load.h"
#include "quiz/pack_load_int.h"

#define XS_NS "http://www.w3.org/2001/XMLSchema"

static bool is_xs(const xmlNode *n, const char *name) {
  return n && n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, BAD_CAST XS_NS) &&
         xmlStrEqual(n->name, BAD_CAST name);
}

static bool has_attr_value(const xmlNode *n, const char *attr, const char *value) {
  xmlChar *v = xmlGetNoNsProp(n, BAD_CAST attr);
  bool same = v && xmlStrEqual(v, BAD_CAST value);
  xmlFree(v);
  return same;
}

// The first xs:`kind` element with name="`name`" in the subtree of `n`.
static const xmlNode *find_named(const xmlNode *n, const char *kind, const char *name) {
  for (; n; n = n->next) {
    if (is_xs(n, kind) && has_attr_value(n, "name", name)) {
      return n;
    }
    const xmlNode *hit = find_named(n->children, kind, name);
    if (hit) {
      return hit;
    }
  }
  return NULL;
}

// The xs:complexType of the element called `element` in the schema.
static const xmlNode *complex_type_of(const char *element) {
  xmlDocPtr xsd = loader_schema_doc();
  const xmlNode *root = xsd ? xmlDocGetRootElement(xsd) : NULL;
  const xmlNode *el = root ? find_named(root->children, "element", element) : NULL;
  xmlChar *type = el ? xmlGetNoNsProp(el, BAD_CAST "type") : NULL;
  const xmlNode *ct = type ? find_named(root->children, "complexType", (const char *)type) : NULL;
  xmlFree(type);
  return ct;
}

// The xs:element or xs:attribute declarations of `parent`'s type, in order.
// Fills up to `max` borrowed declaration nodes; returns how many.
static size_t declarations(const char *parent, const char *kind, const xmlNode **out, size_t max) {
  const xmlNode *ct = complex_type_of(parent);
  size_t n = 0;
  for (const xmlNode *c = ct ? ct->children : NULL; c && n < max; c = c->next) {
    if (is_xs(c, "sequence") && strcmp(kind, "element") == 0) {
      for (const xmlNode *e = c->children; e && n < max; e = e->next) {
        if (is_xs(e, "element")) {
          out[n++] = e;
        }
      }
    } else if (is_xs(c, kind)) {
      out[n++] = c;
    }
  }
  return n;
}

enum { MAX_DECLS = 32 };

// The children each complex type's xs:sequence allows, in order, for every
// element declared with such a type: built once with the schema, read-only
// afterwards, so a message costs a few string compares (a pack can have
// 100,000 items, each with a problem).
typedef struct SchemaSequence {
  char *parent;
  size_t count;
  char *children[MAX_DECLS];
  bool once[MAX_DECLS];  // maxOccurs is 1
} SchemaSequence;

struct LoaderSequences {
  SchemaSequence *items;
  size_t count, cap;
};

static void collect_sequences(LoaderSequences *seqs, const xmlNode *n) {
  for (; n; n = n->next) {
    xmlChar *name = is_xs(n, "element") ? xmlGetNoNsProp(n, BAD_CAST "name") : NULL;
    const xmlNode *decl[MAX_DECLS];
    size_t count = name ? declarations((const char *)name, "element", decl, MAX_DECLS) : 0;
    if (count > 0) {
      seqs->items = xgrow(seqs->items, &seqs->cap, seqs->count + 1, sizeof *seqs->items);
      SchemaSequence *q = &seqs->items[seqs->count++];
      *q = (SchemaSequence){.parent = xstrdup((const char *)name), .count = count};
      for (size_t i = 0; i < count; i++) {
        xmlChar *child = xmlGetNoNsProp(decl[i], BAD_CAST "name");
        q->children[i] = xstrdup(child ? (const char *)child : "");
        q->once[i] = !has_attr_value(decl[i], "maxOccurs", "unbounded");
        xmlFree(child);
      }
    }
    xmlFree(name);
    collect_sequences(seqs, n->children);
  }
}

LoaderSequences *loader_sequences_build(xmlDocPtr xsd) {
  LoaderSequences *seqs = xcalloc(1, sizeof *seqs);
  const xmlNode *root = xmlDocGetRootElement(xsd);
  collect_sequences(seqs, root ? root->children : NULL);
  return seqs;
}

void loader_sequences_free(LoaderSequences *seqs) {
  if (!seqs) {
    return;
  }
  for (size_t i = 0; i < seqs->count; i++) {
    free(seqs->items[i].parent);
    for (size_t k = 0; k < seqs->items[i].count; k++) {
      free(seqs->items[i].children[k]);
    }
  }
  free(seqs->items);
  free(seqs);
}

// Where `child` comes in `parent`'s sequence, or -1.
static int sequence_index(const char *parent, const char *child, bool *once) {
  const LoaderSequences *seqs = loader_schema_sequences();
  for (size_t p = 0; seqs && p < seqs->count; p++) {
    const SchemaSequence *q = &seqs->items[p];
    if (strcmp(q->parent, parent) != 0) {
      continue;
    }
    for (size_t i = 0; i < q->count; i++) {
      if (strcmp(q->children[i], child) == 0) {
        if (once) {
          *once = q->once[i];
        }
        return (int)i;
      }
    }
    return -1;
  }
  return -1;
}

// Edit distance with swaps of neighbours counted as one edit ("itme" is one
// from "item"), ASCII case ignored; capped: names are short, and only near
// misses matter.
static size_t distance(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  if (la > 40 || lb > 40) {
    return 99;
  }
  size_t d[41][41];
  for (size_t i = 0; i <= la; i++) {
    for (size_t j = 0; j <= lb; j++) {
      if (i == 0 || j == 0) {
        d[i][j] = i + j;
        continue;
      }
      size_t cost = (a[i - 1] | 0x20) == (b[j - 1] | 0x20) ? 0 : 1;
      size_t best = d[i - 1][j - 1] + cost;
      best = d[i - 1][j] + 1 < best ? d[i - 1][j] + 1 : best;
      best = d[i][j - 1] + 1 < best ? d[i][j - 1] + 1 : best;
      if (i > 1 && j > 1 && (a[i - 1] | 0x20) == (b[j - 2] | 0x20) && (a[i - 2] | 0x20) == (b[j - 1] | 0x20) &&
          d[i - 2][j - 2] + 1 < best) {
        best = d[i - 2][j - 2] + 1;
      }
      d[i][j] = best;
    }
  }
  return d[la][lb];
}

// "did you mean" text for `name` among `parent`'s declared `kind`s, or a
// list of them; owned.
static char *suggest(const char *parent, const char *kind, const char *name, bool brackets) {
  const xmlNode *decl[MAX_DECLS];
  size_t n = declarations(parent, kind, decl, MAX_DECLS);
  const char *open = brackets ? "<" : "", *close = brackets ? ">" : "";
  char *best = NULL;
  size_t best_d = 3;  // at most two edits away
  StrBuf all = {0};
  strbuf_append(&all, "");
  for (size_t i = 0; i < n; i++) {
    xmlChar *v = xmlGetNoNsProp(decl[i], BAD_CAST "name");
    if (!v) {
      continue;
    }
    size_t d = distance(name, (const char *)v);
    if (d < best_d) {
      best_d = d;
      free(best);
      best = xstrdup((const char *)v);
    }
    strbuf_append(&all, all.len ? ", " : "");
    strbuf_appendf(&all, "%s%s%s", open, (const char *)v, close);
    xmlFree(v);
  }
  char *out;
  if (best) {
    char *shown = xasprintf("%s%s%s", open, best, close);
    out = xasprintf(_("did you mean %s?"), shown);
    free(shown);
  } else {
    out = xasprintf(_("allowed here: %s"), all.data);
  }
  free(best);
  strbuf_free(&all);
  return out;
}

static bool in_pack_ns(const xmlNode *n) {
  return n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, BAD_CAST PACK_NS);
}

// "This element is not expected": out of order, repeated, or unknown.
static char *unexpected_element(const xmlNode *node) {
  const xmlNode *parent = node->parent;
  if (!parent || parent->type != XML_ELEMENT_NODE) {
    return NULL;
  }
  const char *name = (const char *)node->name, *pname = (const char *)parent->name;
  char *shown = loader_shown(name);
  char *out = NULL;
  if (!in_pack_ns(node)) {
    out = xasprintf(_("<%s> is not in the pack's namespace; write it without a prefix or xmlns"), shown);
  } else {
    bool once = false;
    int i = sequence_index(pname, name, &once);
    if (i < 0) {
      char *hint = suggest(pname, "element", name, true);
      out = xasprintf(_("unknown element <%s> in <%s>; %s"), shown, pname, hint);
      free(hint);
    }
    // The first earlier sibling that the schema puts after this element.
    for (const xmlNode *s = node->prev; s && !out && i >= 0; s = s->prev) {
      if (!in_pack_ns(s)) {
        continue;
      }
      int j = sequence_index(pname, (const char *)s->name, NULL);
      if (j > i) {
        out = xasprintf(_("<%s> must come after <%s>"), (const char *)s->name, shown);
      } else if (j == i && once) {
        out = xasprintf(_("<%s> may have only one <%s> (the first is on line %d)"), pname, shown, loader_node_line(s));
      }
    }
    // Else the first later sibling that the schema puts before it.
    for (const xmlNode *s = node->next; s && !out && i >= 0; s = s->next) {
      if (in_pack_ns(s) && sequence_index(pname, (const char *)s->name, NULL) < i &&
          sequence_index(pname, (const char *)s->name, NULL) >= 0) {
        out = xasprintf(_("<%s> must come after <%s>"), shown, (const char *)s->name);
      }
    }
  }
  free(shown);
  return out;
}

bool loader_schema_unknown_child(const xmlNode *node) {
  return node->parent && node->parent->type == XML_ELEMENT_NODE && in_pack_ns(node) &&
         sequence_index((const char *)node->parent->name, (const char *)node->name, NULL) < 0;
}

// "The attribute 'x' is not allowed."
static char *unknown_attribute(const xmlNode *node, const char *msg) {
  const char *a = strstr(msg, "attribute '");
  const char *end = a ? strchr(a + strlen("attribute '"), '\'') : NULL;
  if (!end) {
    return NULL;
  }
  a += strlen("attribute '");
  char *name = xstrndup(a, (size_t)(end - a));
  char *shown = loader_shown(name);
  char *hint = suggest((const char *)node->name, "attribute", name, false);
  char *out = xasprintf(_("unknown attribute %s on <%s>; %s"), shown, (const char *)node->name, hint);
  free(hint);
  free(shown);
  free(name);
  return out;
}

char *loader_schema_message(const xmlError *err) {
  const xmlNode *node = err->node;
  if (!node || !err->message || node->type != XML_ELEMENT_NODE) {
    return NULL;
  }
  if (err->code == XML_SCHEMAV_ELEMENT_CONTENT && strstr(err->message, "This element is not expected")) {
    return unexpected_element(node);
  }
  if (strstr(err->message, "The attribute '") && strstr(err->message, "is not allowed")) {
    return unknown_attribute(node, err->message);
  }
  return NULL;
}

// The line of the innermost open element called `name`, or `fallback`.
static int open_line(const xmlParserCtxt *ctxt, const char *name, int fallback) {
  for (const xmlNode *n = ctxt ? ctxt->node : NULL; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
    if (name && xmlStrEqual(n->name, BAD_CAST name)) {
      return loader_node_line(n);
    }
  }
  return fallback;
}

char *loader_parse_message(const xmlParserCtxt *ctxt, const xmlError *err) {
  const char *msg = err->message ? err->message : "";
  char *s1 = err->str1 ? loader_shown(err->str1) : NULL;
  char *s2 = err->str2 ? loader_shown(err->str2) : NULL;
  char *out = NULL;
  switch (err->code) {
  case XML_ERR_NAME_REQUIRED:
    if (strstr(msg, "EntityRef")) {
      out = xstrdup(_("a '&' that starts no entity: write &amp; for &"));
    } else if (strstr(msg, "StartTag")) {
      out = xstrdup(_("a '<' that starts no tag: write &lt; for < in text"));
    }
    break;
  case XML_ERR_ENTITYREF_SEMICOL_MISSING:
    out = xstrdup(_("an entity without its ';' (write &amp; for &, and end &lt; and the like with ';')"));
    break;
  case XML_ERR_UNDECLARED_ENTITY:
  case XML_WAR_UNDECLARED_ENTITY:
    out = xasprintf(_("unknown entity &%s; (XML knows only &amp; &lt; &gt; &quot; &apos; and numbers such as "
                      "&#233;): write &amp; for &, or type the character itself"),
                    s1 ? s1 : "?");
    break;
  case XML_ERR_LT_IN_ATTRIBUTE:
    out = xstrdup(_("a '<' inside an attribute value: write &lt;"));
    break;
  case XML_ERR_TAG_NAME_MISMATCH:
    if (s1 && s2) {
      out = xasprintf(_("</%s> closes <%s>, which was opened on line %d: close it with </%s> first"), s2, s1,
                      open_line(ctxt, err->str1, err->int1), s1);
    }
    break;
  case XML_ERR_TAG_NOT_FINISHED:
    if (s1) {
      out = xasprintf(_("the file ends before <%s> (opened on line %d) is closed: add </%s>"), s1,
                      open_line(ctxt, err->str1, err->int1), s1);
    }
    break;
  default:
    break;
  }
  free(s1);
  free(s2);
  return out;
}
