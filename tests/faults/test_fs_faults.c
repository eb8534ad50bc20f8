// Files that are not files: every reader in the game goes through base/fs,
// which must refuse FIFOs, devices, sockets and folders (also behind a
// symbolic link) at once, with a message naming what the path is, instead of
// blocking on open() or read() as a FIFO or /dev/zero would.

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "base/fs.h"
#include "support/test_support.h"

// A blocking open() would hang the test: the alarm turns that into a failure.
static void on_alarm(int sig) {
  (void)sig;
  static const char msg[] = "test_fs_faults: blocked (alarm)\n";
  ssize_t w = write(2, msg, sizeof msg - 1);
  (void)w;
  _exit(1);
}

static int setup(void **state) {
  signal(SIGALRM, on_alarm);
  *state = test_tmpdir();
  return 0;
}

static int teardown(void **state) {
  alarm(0);
  test_rmtree(*state);
  free(*state);
  return 0;
}

static void expect_refused(const char *path, const char *words) {
  alarm(5);
  char *data = NULL, *err = NULL;
  size_t len = 0;
  assert_int_equal(fs_read_file(path, 1 << 20, &data, &len, &err), FS_READ_ERROR);
  assert_null(data);
  assert_non_null(err);
  if (!strstr(err, words)) {
    fail_msg("%s: \"%s\" does not say \"%s\"", path, err, words);
  }
  free(err);
  int fd = fs_open_regular(path, O_RDONLY, &err);
  assert_int_equal(fd, -1);
  assert_non_null(strstr(err, words));
  free(err);
  assert_false(fs_check_regular(path, &err));
  assert_non_null(strstr(err, words));
  free(err);
  alarm(0);
}

static void test_fifo_is_refused_without_blocking(void **state) {
  char *fifo = fs_join(*state, "pack.xml");
  assert_int_equal(mkfifo(fifo, 0644), 0);
  expect_refused(fifo, "named pipe (FIFO)");
  // Appending (the log) must not block either: O_WRONLY on a FIFO without a
  // reader waits for one.
  alarm(5);
  char *err = NULL;
  assert_null(fs_open_append(fifo, &err));
  assert_non_null(strstr(err, "named pipe (FIFO)"));
  free(err);
  alarm(0);
  free(fifo);
}

static void test_symlink_to_device_is_refused(void **state) {
  char *link = fs_join(*state, "zero.xml");
  assert_int_equal(symlink("/dev/zero", link), 0);
  expect_refused(link, "a device");
  free(link);
}

static void test_socket_and_folder_are_refused(void **state) {
  char *sock_path = fs_join(*state, "s.xml");
  int s = socket(AF_UNIX, SOCK_STREAM, 0);
  assert_true(s >= 0);
  struct sockaddr_un addr = {.sun_family = AF_UNIX};
  assert_true(strlen(sock_path) < sizeof addr.sun_path);
  memcpy(addr.sun_path, sock_path, strlen(sock_path) + 1);
  assert_int_equal(bind(s, (struct sockaddr *)&addr, sizeof addr), 0);
  expect_refused(sock_path, "socket");
  close(s);
  char *dir = fs_join(*state, "folder.xml");
  assert_true(fs_mkdir_p(dir));
  expect_refused(dir, "folder");
  free(dir);
  free(sock_path);
}

static void test_regular_files_still_work(void **state) {
  char *path = test_write_file(*state, "ok.txt", "hello");
  char *err = NULL;
  assert_true(fs_check_regular(path, &err));
  char *missing = fs_join(*state, "missing");
  assert_true(fs_check_regular(missing, &err));  // absent is fine: it gets created
  char *dangling = fs_join(*state, "dangling");
  assert_int_equal(symlink("/nonexistent/prebunk", dangling), 0);
  assert_false(fs_check_regular(dangling, &err));
  assert_non_null(strstr(err, "dangling"));
  free(err);
  FILE *f = fs_open_append(path, &err);
  assert_non_null(f);
  fputs(" world", f);
  fclose(f);
  char *data = NULL;
  size_t len = 0;
  assert_int_equal(fs_read_file(path, 100, &data, &len, &err), FS_READ_OK);
  assert_string_equal(data, "hello world");
  // The descriptor is blocking again: a read of a regular file is whole.
  int fd = fs_open_regular(path, O_RDONLY, &err);
  assert_true(fd >= 0);
  assert_int_equal(fcntl(fd, F_GETFL) & O_NONBLOCK, 0);
  assert_true((fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0);
  close(fd);
  free(data);
  free(dangling);
  free(missing);
  free(path);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_fifo_is_refused_without_blocking, setup, teardown),
      cmocka_unit_test_setup_teardown(test_symlink_to_device_is_refused, setup, teardown),
      cmocka_unit_test_setup_teardown(test_socket_and_folder_are_refused, setup, teardown),
      cmocka_unit_test_setup_teardown(test_regular_files_still_work, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
