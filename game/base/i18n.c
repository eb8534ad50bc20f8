#include "base/i18n.h"

#include <locale.h>
#include <string.h>

void i18n_init(const char *locale_dir) {
  setlocale(LC_ALL, "");
  // Numbers in files we write must not depend on the user's locale.
  setlocale(LC_NUMERIC, "C");
  if (locale_dir) {
    bindtextdomain("prebunk", locale_dir);
  }
  bind_textdomain_codeset("prebunk", "UTF-8");
  textdomain("prebunk");
}

bool i18n_lang_is_rtl(const char *lang) {
  static const char *const rtl[] = {"ar", "fa", "he", "ur", "ps", "yi", "dv", "ckb", "sd", "ug"};
  if (!lang) {
    return false;
  }
  size_t n = strcspn(lang, "-_");
  for (size_t i = 0; i < sizeof rtl / sizeof rtl[0]; i++) {
    if (strlen(rtl[i]) == n && strncmp(lang, rtl[i], n) == 0) {
      return true;
    }
  }
  return false;
}
