#pragma once
// Short sound cues synthesised at start-up (no files): the game describes its
// cues (EngineConfig.cues: a table of notes per cue), the PCM is generated
// into buffers once and queued with SDL_QueueAudio when a cue plays (a new
// cue cuts the previous one; cues are short). A missing audio device is not
// an error: it is logged and the game stays silent.

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// A cue: an index into the game's cue table.
typedef int SoundCue;

// One note of a cue: a sine (plus `harmonic` times its octave) from
// `freq_hz`, gliding linearly to `end_freq_hz` (0 = no glide), under a
// linear attack, an exponential decay and a linear release at its end.
typedef struct AudioNote {
  double start_s, dur_s;
  double freq_hz, end_freq_hz;
  double attack_s, decay_per_s, release_s;
  double harmonic;
} AudioNote;

#define AUDIO_MAX_NOTES 8

// A cue as the game describes it; the mix of its notes is scaled to `peak`.
typedef struct AudioCueSpec {
  const char *name;  // for logs, borrowed
  double dur_s;
  double peak;  // of 32767, at most AUDIO_PEAK_LIMIT
  AudioNote notes[AUDIO_MAX_NOTES];
  size_t nnotes;
} AudioCueSpec;

#define AUDIO_SAMPLE_RATE 48000
// Peak amplitude of every cue (of 32767): loud enough, never harsh.
#define AUDIO_PEAK_LIMIT 12000

typedef struct Audio Audio;

// Synthesises the `count` cues of `cues` (read now, not kept) and opens the
// default output device (SDL audio subsystem must be initialised or
// initialisable). Never NULL: without a device it is silent.
// Owned by the caller; audio_destroy(NULL) is a no-op.
Audio *audio_create(bool enabled, const AudioCueSpec *cues, size_t count);
void audio_destroy(Audio *audio);

// Plays cue number `cue` of the table; an unknown cue plays nothing.
void audio_play(Audio *audio, SoundCue cue);
size_t audio_cue_count(const Audio *audio);
void audio_set_enabled(Audio *audio, bool enabled);
bool audio_enabled(const Audio *audio);
// True when a device was opened.
bool audio_has_device(const Audio *audio);
// Cues actually queued to a device (plays while muted or silent do not count).
uint64_t audio_cues_played(const Audio *audio);

// The synthesised mono signed 16-bit samples of a cue at AUDIO_SAMPLE_RATE
// (borrowed, lives as long as `audio`); NULL and 0 for an unknown cue.
const int16_t *audio_cue_samples(const Audio *audio, SoundCue cue, size_t *count);

// Synthesises a cue at `sample_rate` Hz. Owned by the caller (free()).
int16_t *audio_synth_cue(const AudioCueSpec *cue, int sample_rate, size_t *count);
