#include "quiz/diag.h"

#include <stdarg.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "base/str.h"
#include "base/utf8.h"

void diag_add(DiagList *list, DiagSeverity severity, const char *file, int line, const char *fmt, ...) {
  list->items = xgrow(list->items, &list->cap, list->count + 1, sizeof *list->items);
  Diag *d = &list->items[list->count++];
  va_list ap;
  va_start(ap, fmt);
  d->message = xvasprintf(fmt, ap);
  va_end(ap);
  d->severity = severity;
  d->file = xstrdup(file ? file : "<input>");
  d->line = line;
  if (severity == DIAG_ERROR) {
    list->errors++;
  } else {
    list->warnings++;
  }
}

char *diag_format(const Diag *d) {
  // The words "error" and "warning" stay untranslated: editors parse them.
  const char *kind = d->severity == DIAG_ERROR ? "error" : "warning";
  if (d->line > 0) {
    return xasprintf("%s:%d: %s: %s", d->file, d->line, kind, d->message);
  }
  return xasprintf("%s: %s: %s", d->file, kind, d->message);
}

void diag_print(const DiagList *list, FILE *out) {
  for (size_t i = 0; i < list->count; i++) {
    // Messages quote file names and file content: nothing in them may
    // drive the terminal (ESC ]0; retitles it, ESC [2J clears it).
    char *s = diag_format(&list->items[i]);
    char *safe = utf8_escape_terminal(s);
    fprintf(out, "%s\n", safe);
    free(safe);
    free(s);
  }
}

bool diag_has_errors(const DiagList *list, bool strict) {
  return list->errors > 0 || (strict && list->warnings > 0);
}

const Diag *diag_first_error(const DiagList *list) {
  for (size_t i = 0; i < list->count; i++) {
    if (list->items[i].severity == DIAG_ERROR) {
      return &list->items[i];
    }
  }
  return NULL;
}

void diag_clear(DiagList *list) {
  for (size_t i = 0; i < list->count; i++) {
    free(list->items[i].file);
    free(list->items[i].message);
  }
  free(list->items);
  *list = (DiagList){0};
}

size_t diag_make_strict(DiagList *list) {
  size_t turned = 0;
  for (size_t i = 0; i < list->count; i++) {
    if (list->items[i].severity == DIAG_WARNING) {
      list->items[i].severity = DIAG_ERROR;
      turned++;
    }
  }
  list->warnings -= turned;
  list->errors += turned;
  return turned;
}

void diag_add_dropped(DiagList *list, const char *file, size_t dropped, size_t dropped_errors, bool stopped) {
  if (dropped == 0) {
    return;
  }
  if (stopped) {
    diag_add(list, dropped_errors ? DIAG_ERROR : DIAG_WARNING, file, 0,
             _("checking stopped after %d problems; fix the ones above first"), DIAG_MAX_PER_FILE);
    return;
  }
  diag_add(list, dropped_errors ? DIAG_ERROR : DIAG_WARNING, file, 0,
           ngettext("and %zu more problem, not listed: fix the ones above first",
                    "and %zu more problems, not listed: fix the ones above first", (unsigned long)dropped),
           dropped);
}

void diag_cap(DiagList *list, size_t first) {
  if (list->count <= first || list->count - first <= DIAG_MAX_PER_FILE) {
    return;
  }
  size_t keep_end = first + DIAG_MAX_PER_FILE, dropped = list->count - keep_end, dropped_errors = 0;
  char *file = xstrdup(list->items[first].file);
  for (size_t i = keep_end; i < list->count; i++) {
    if (list->items[i].severity == DIAG_ERROR) {
      dropped_errors++;
      list->errors--;
    } else {
      list->warnings--;
    }
    free(list->items[i].file);
    free(list->items[i].message);
  }
  list->count = keep_end;
  diag_add_dropped(list, file, dropped, dropped_errors, false);
  free(file);
}
