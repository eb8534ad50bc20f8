#include "quiz/diag.h"

#include <stdarg.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "base/str.h"

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
    char *s = diag_format(&list->items[i]);
    fprintf(out, "%s\n", s);
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
