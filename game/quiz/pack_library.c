#include "quiz/pack_library.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/fs.h"
#include "base/i18n.h"
#include "base/log.h"
#include "base/str.h"
#include "quiz/pack_load.h"

// Entries are allocated one by one so the pointers handed out stay valid
// while the list grows and is re-sorted.
typedef struct Slot {
  PackEntry entry;
  bool has_id;  // dev/ino known: the same file added twice (by another path) is noticed
  dev_t dev;
  ino_t ino;
} Slot;

struct PackLibrary {
  Slot **slots;
  size_t count;
  size_t cap;
  DiagList dir_diags;  // problems with folders, kept
  DiagList diags;      // dir_diags plus duplicate-id warnings, rebuilt after each add
};

PackLibrary *pack_library_create(void) {
  return xcalloc(1, sizeof(PackLibrary));
}

void pack_library_destroy(PackLibrary *lib) {
  if (!lib) {
    return;
  }
  for (size_t i = 0; i < lib->count; i++) {
    Slot *s = lib->slots[i];
    free(s->entry.path);
    pack_destroy(s->entry.pack);
    diag_clear(&s->entry.diags);
    free(s);
  }
  free(lib->slots);
  diag_clear(&lib->dir_diags);
  diag_clear(&lib->diags);
  free(lib);
}

// The entry for the file at `path` (by identity when it exists, else by the
// path as written), or NULL.
static Slot *find_slot(const PackLibrary *lib, const char *path) {
  struct stat st;
  bool exists = stat(path, &st) == 0;
  for (size_t i = 0; i < lib->count; i++) {
    const Slot *s = lib->slots[i];
    if (exists ? (s->has_id && s->dev == st.st_dev && s->ino == st.st_ino) : strcmp(s->entry.path, path) == 0) {
      return lib->slots[i];
    }
  }
  return NULL;
}

static int origin_rank(PackOrigin o) {
  return o == PACK_ORIGIN_BUNDLED ? 0 : o == PACK_ORIGIN_USER ? 1 : 2;
}

static int slot_order(const void *a, const void *b) {
  const PackEntry *x = &(*(Slot *const *)a)->entry, *y = &(*(Slot *const *)b)->entry;
  if (x->origin != y->origin) {
    return origin_rank(x->origin) - origin_rank(y->origin);
  }
  if (!x->pack != !y->pack) {
    return x->pack ? -1 : 1;  // broken packs after the playable ones
  }
  if (x->pack && y->pack && x->pack->kind != y->pack->kind) {
    // Practice first: a fixed test such as the MIST-20 is not where to start.
    return x->pack->kind == PACK_KIND_PRACTICE ? -1 : 1;
  }
  if (x->pack && y->pack && x->pack->min_age != y->pack->min_age) {
    // Packs for everyone before age-banded ones (min-age="14": content on
    // hate speech), the youngest band first: a new player starts on a
    // general pack, not on the one that carries a content note.
    return x->pack->min_age < y->pack->min_age ? -1 : 1;
  }
  if (x->pack && y->pack && x->pack->order != y->pack->order) {
    // An explicit order="N" first, lowest first (the starter pack is 1).
    int ox = x->pack->order ? x->pack->order : PACK_MAX_ORDER + 1;
    int oy = y->pack->order ? y->pack->order : PACK_MAX_ORDER + 1;
    return ox < oy ? -1 : 1;
  }
  const char *kx = x->pack ? x->pack->title : fs_basename(x->path);
  const char *ky = y->pack ? y->pack->title : fs_basename(y->path);
  int c = str_casecmp(kx, ky);
  return c ? c : strcmp(x->path, y->path);
}

// Re-sorts and re-derives the duplicate-id warnings after the list changed.
static void refresh(PackLibrary *lib) {
  if (lib->count > 1) {  // an empty library has no slots array to sort
    qsort(lib->slots, lib->count, sizeof *lib->slots, slot_order);
  }
  diag_clear(&lib->diags);
  for (size_t i = 0; i < lib->dir_diags.count; i++) {
    const Diag *d = &lib->dir_diags.items[i];
    diag_add(&lib->diags, d->severity, d->file, d->line, "%s", d->message);
  }
  for (size_t i = 0; i < lib->count; i++) {
    PackEntry *e = &lib->slots[i]->entry;
    e->duplicate_id = false;
    if (!e->pack || !e->pack->id) {
      continue;
    }
    for (size_t j = 0; j < i; j++) {
      const PackEntry *first = &lib->slots[j]->entry;
      if (first->pack && first->pack->id && strcmp(first->pack->id, e->pack->id) == 0) {
        e->duplicate_id = true;
        diag_add(&lib->diags, DIAG_WARNING, e->path, 0,
                 _("pack id \"%s\" is already used by %s; give each pack its own id, or their scores get mixed up"),
                 e->pack->id, first->path);
        break;
      }
    }
  }
}

static Slot *add_loaded(PackLibrary *lib, const char *path, PackOrigin origin) {
  Slot *s = xcalloc(1, sizeof *s);
  struct stat st;
  if (stat(path, &st) == 0) {
    s->has_id = true;
    s->dev = st.st_dev;
    s->ino = st.st_ino;
  }
  s->entry.path = xstrdup(path);
  s->entry.origin = origin;
  s->entry.pack = pack_load_file(path, &s->entry.diags);
  if (!s->entry.pack) {
    const Diag *d = diag_first_error(&s->entry.diags);
    char *msg = d ? diag_format(d) : xstrdup(path);
    log_warn("pack not loaded: %s", msg);
    free(msg);
  }
  lib->slots = xgrow(lib->slots, &lib->cap, lib->count + 1, sizeof *lib->slots);
  lib->slots[lib->count++] = s;
  return s;
}

const PackEntry *pack_library_add_file(PackLibrary *lib, const char *path) {
  Slot *s = find_slot(lib, path);
  if (s) {
    return &s->entry;
  }
  s = add_loaded(lib, path, PACK_ORIGIN_FILE);
  refresh(lib);
  return &s->entry;
}

static bool has_xml_suffix(const char *name) {
  size_t n = strlen(name);
  return n > 4 && str_casecmp(name + n - 4, ".xml") == 0;
}

// Reads the start of a file and asks the loader whether it could be a pack.
// Unreadable files count as packs: loading them then says what is wrong.
static bool looks_like_pack(const char *path) {
  char *err = NULL;
  int fd = fs_open_regular(path, O_RDONLY, &err);
  if (fd < 0) {
    free(err);
    return true;
  }
  char head[4096];
  ssize_t n = read(fd, head, sizeof head);
  close(fd);
  return pack_load_sniff(head, n > 0 ? (size_t)n : 0);
}

static int name_order(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t pack_library_add_dir(PackLibrary *lib, const char *dir, PackOrigin origin) {
  DIR *d = opendir(dir);
  if (!d) {
    if (errno != ENOENT) {
      diag_add(&lib->dir_diags, DIAG_WARNING, dir, 0, _("cannot read this folder: %s"), strerror(errno));
      refresh(lib);
    }
    return 0;
  }
  char **names = NULL;
  size_t count = 0, cap = 0;
  for (struct dirent *de; (de = readdir(d)) != NULL;) {
    if (de->d_name[0] == '.' || !has_xml_suffix(de->d_name)) {
      continue;  // hidden files, editor backups, the .xsd, other files
    }
    names = xgrow(names, &cap, count + 1, sizeof *names);
    names[count++] = xstrdup(de->d_name);
  }
  closedir(d);
  // readdir order is arbitrary; a fixed order keeps the cut-off reproducible.
  // With no .xml file names is NULL, and qsort(NULL, ...) is undefined.
  if (count > 1) {
    qsort(names, count, sizeof *names, name_order);
  }
  if (count > PACK_LIBRARY_MAX_FILES_PER_DIR) {
    diag_add(&lib->dir_diags, DIAG_WARNING, dir, 0, _("this folder has %zu .xml files; only the first %d are read"),
             count, PACK_LIBRARY_MAX_FILES_PER_DIR);
  }
  size_t added = 0;
  uint64_t bytes = 0;
  for (size_t i = 0; i < count; i++) {
    char *path = fs_join(dir, names[i]);
    struct stat st;
    if (i >= PACK_LIBRARY_MAX_FILES_PER_DIR || stat(path, &st) != 0 || find_slot(lib, path)) {
      // over the limit, gone meanwhile (or a dangling link), or already listed
    } else if (!S_ISREG(st.st_mode)) {
      // A FIFO, device or socket would block or never end: say so, skip it.
      diag_add(&lib->dir_diags, DIAG_WARNING, path, 0, _("skipped: this is %s"), fs_kind_text((unsigned)st.st_mode));
      log_warn("%s: skipped: this is %s", path, fs_kind_text((unsigned)st.st_mode));
    } else if (bytes + (uint64_t)st.st_size > PACK_LIBRARY_MAX_DIR_BYTES) {
      diag_add(&lib->dir_diags, DIAG_WARNING, path, 0,
               _("not loaded: the packs in this folder already take %llu MB, and the limit is %d MB; move some "
                 "packs elsewhere"),
               (unsigned long long)(bytes >> 20), PACK_LIBRARY_MAX_DIR_BYTES >> 20);
      log_warn("%s: not loaded: over the folder budget of %d MB", path, PACK_LIBRARY_MAX_DIR_BYTES >> 20);
    } else if (!looks_like_pack(path)) {
      log_info("skipping %s: not a quiz pack", path);
    } else {
      add_loaded(lib, path, origin);
      bytes += (uint64_t)st.st_size;
      added++;
    }
    free(path);
    free(names[i]);
  }
  free(names);
  refresh(lib);
  return added;
}

size_t pack_library_count(const PackLibrary *lib) {
  return lib->count;
}

const PackEntry *pack_library_get(const PackLibrary *lib, size_t i) {
  return i < lib->count ? &lib->slots[i]->entry : NULL;
}

const PackEntry *pack_library_find(const PackLibrary *lib, const char *pack_id) {
  for (size_t i = 0; i < lib->count; i++) {
    const PackEntry *e = &lib->slots[i]->entry;
    if (e->pack && e->pack->id && strcmp(e->pack->id, pack_id) == 0) {
      return e;
    }
  }
  return NULL;
}

const DiagList *pack_library_diags(const PackLibrary *lib) {
  return &lib->diags;
}
