#pragma once
// Time, passed in. The engine and the scenes read time only through a Clock so
// tests can run time forward without sleeping. Times are milliseconds from an
// arbitrary origin (monotonic).

#include <stdint.h>

typedef struct Clock Clock;
struct Clock {
  // Returns the current time in ms. Never goes backwards.
  uint64_t (*now_ms)(const Clock *clock);
  // State of the manual clock (unused by the real one).
  uint64_t manual_ms;
};

// The real clock: wraps SDL_GetTicks64() (SDL must be initialised).
Clock clock_real(void);
// A clock that only moves when clock_advance()/clock_set() are called.
Clock clock_manual(uint64_t start_ms);
// Moves a manual clock forward by `ms`. Programmer error on the real clock.
void clock_advance(Clock *clock, uint64_t ms);
// Sets a manual clock; `ms` must not be earlier than its current time.
void clock_set(Clock *clock, uint64_t ms);
uint64_t clock_now_ms(const Clock *clock);
