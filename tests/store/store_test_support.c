#include "store_test_support.h"

#include <stdlib.h>
#include <sys/stat.h>

#include "base/log.h"

int store_test_setup(void **state) {
  log_set_stderr(false);
  *state = test_tmpdir();
  return 0;
}

int store_test_teardown(void **state) {
  char *dir = *state;
  chmod(dir, 0700);
  test_rmtree(dir);
  free(dir);
  return 0;
}

Store *store_test_open(const char *dir) {
  StoreOpenResult r;
  Store *s = store_open(dir, NULL, &r);
  assert_non_null(s);
  assert_int_equal(r.status, STORE_OPEN_OK);
  char *msg = store_open_result_message(&r);
  assert_null(msg);
  store_open_result_clear(&r);
  return s;
}

int64_t store_test_player(Store *s, const char *name) {
  int64_t id = 0;
  char *err = NULL;
  if (!store_player_get_or_create(s, name, STORE_TEST_T0, &id, &err)) {
    fail_msg("player '%s': %s", name, err ? err : "?");
  }
  assert_true(id > 0);
  return id;
}
