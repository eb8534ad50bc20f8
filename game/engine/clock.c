#include "engine/clock.h"

#include <SDL.h>
#include <assert.h>

static uint64_t real_now(const Clock *clock) {
  (void)clock;
  return SDL_GetTicks64();
}

static uint64_t manual_now(const Clock *clock) {
  return clock->manual_ms;
}

Clock clock_real(void) {
  return (Clock){.now_ms = real_now};
}

Clock clock_manual(uint64_t start_ms) {
  return (Clock){.now_ms = manual_now, .manual_ms = start_ms};
}

void clock_advance(Clock *clock, uint64_t ms) {
  assert(clock->now_ms == manual_now);
  clock->manual_ms += ms;
}

void clock_set(Clock *clock, uint64_t ms) {
  assert(clock->now_ms == manual_now);
  assert(ms >= clock->manual_ms);
  clock->manual_ms = ms;
}

uint64_t clock_now_ms(const Clock *clock) {
  return clock->now_ms(clock);
}
