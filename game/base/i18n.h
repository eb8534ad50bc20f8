#pragma once
// The one translation point. Every user-visible string goes through _()
// (or N_() where a string is stored and translated later with _()).
// Backed by gettext (part of glibc); message catalogues live in
// <data>/locale/<lang>/LC_MESSAGES/prebunk.mo.

#include <libintl.h>
#include <stdbool.h>

#define _(s) gettext(s)
#define N_(s) (s)

// Sets the locale from the environment and binds the catalogue folder.
void i18n_init(const char *locale_dir);
// "ltr" languages by default; true for scripts written right to left
// (ar, fa, he, ur ...), by the primary language subtag of a BCP 47 tag.
bool i18n_lang_is_rtl(const char *lang);
