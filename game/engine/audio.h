#pragma once
// Short sound cues synthesised at start-up (no files): the PCM is generated
// into buffers once and queued with SDL_QueueAudio when a cue plays (a new
// cue cuts the previous one; cues are short). A missing audio device is not
// an error: it is logged and the game stays silent.

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum SoundCue {
  SOUND_CUE_CORRECT,  // a bright rising two-note chime
  SOUND_CUE_WRONG,    // a soft low tone, not punishing
  SOUND_CUE_TICK,     // a short click for the last seconds of a countdown
  SOUND_CUE_COUNT,
} SoundCue;

#define AUDIO_SAMPLE_RATE 48000
// Peak amplitude of every cue (of 32767): loud enough, never harsh.
#define AUDIO_PEAK_LIMIT 12000

typedef struct Audio Audio;

// Opens the default output device (SDL audio subsystem must be initialised
// or initialisable). Never NULL: without a device it is silent.
// Owned by the caller.
Audio *audio_create(bool enabled);
void audio_destroy(Audio *audio);

void audio_play(Audio *audio, SoundCue cue);
void audio_set_enabled(Audio *audio, bool enabled);
bool audio_enabled(const Audio *audio);
// True when a device was opened.
bool audio_has_device(const Audio *audio);
// Cues actually queued to a device (plays while muted or silent do not count).
uint64_t audio_cues_played(const Audio *audio);

// The synthesised mono signed 16-bit samples of a cue at AUDIO_SAMPLE_RATE
// (borrowed, lives as long as `audio`).
const int16_t *audio_cue_samples(const Audio *audio, SoundCue cue, size_t *count);

// Synthesises a cue at `sample_rate` Hz. Owned by the caller (free()).
int16_t *audio_synth_cue(SoundCue cue, int sample_rate, size_t *count);
