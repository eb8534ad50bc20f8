// Fuzz target: the score-file reader. The bytes become scores.db in a private
// folder, opened as `prebunk scores` opens it (store_open, query-only: a
// snapshot read into memory, nothing written), then the queries that command
// runs: every round, every answer, and both filtered by pack and player.

#include "fuzz.h"

#include <stdlib.h>

#include "store/store.h"

static void run_queries(Store *store, const StoreFilter *filter) {
  StoreRoundList rounds = {0};
  StoreAnswerList answers = {0};
  char *err = NULL;
  store_rounds(store, filter, &rounds, &err);
  free(err);
  err = NULL;
  store_answers(store, filter, &answers, &err);
  free(err);
  store_round_list_free(&rounds);
  store_answer_list_free(&answers);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *dir = fuzz_write_input(STORE_FILE_NAME, data, size);
  if (!dir) {
    return 0;
  }
  StoreOpenResult res;
  Store *store = store_open(dir, &(StoreOptions){.query_only = true}, &res);
  free(store_open_result_message(&res));
  if (store) {
    run_queries(store, &(StoreFilter){.oldest_first = true});
    run_queries(store, &(StoreFilter){.pack_id = "starter-en", .player_name = "ana", .oldest_first = true});
  }
  store_close(store);
  store_open_result_clear(&res);
  return 0;
}
