#pragma once
// Rules on pack content that the loader and the importers share, so that an
// imported pack is held to the same checks as a hand-written one. Internal to
// the quiz core: not part of its public API.

#include <stdbool.h>
#include <stddef.h>

#include "quiz/diag.h"
#include "quiz/pack.h"

typedef enum PackDate {
  PACK_DATE_OK,
  PACK_DATE_AMBIGUOUS,    // digits split by '/', '.' or '-' that are not ISO: day/month order differs by country
  PACK_DATE_NO_SUCH_DAY,  // ISO in shape, but no such year, month or day
  PACK_DATE_BAD,          // anything else
} PackDate;

// Checks `s` against the date rule: YYYY, YYYY-MM or YYYY-MM-DD naming a real
// day (year 1 or later).
PackDate pack_rules_date(const char *s);

// True when `url` is a web address: http:// or https:// (any case) then a
// host, with no white space or control character anywhere.
bool pack_rules_url_ok(const char *url);

// An importer's parser of a whole file held in memory (`data` and `report`
// borrowed); returns the pack (owned) or NULL with the reasons in `diags`.
typedef Pack *(*PackParseFn)(const char *name, const char *data, size_t len, void *report, DiagList *diags);

// Reads the file at `path` (at most PACK_MAX_FILE_BYTES) and hands it to
// `parse` with `report`; when it cannot be read, adds the reason as an error
// at `path` to `diags` and returns NULL without calling `parse`.
Pack *pack_rules_parse_file(const char *path, PackParseFn parse, void *report, DiagList *diags);
