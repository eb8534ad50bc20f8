#include "engine/audio.h"

#include <SDL.h>
#include <math.h>
#include <stdlib.h>

#include "base/log.h"
#include "base/str.h"

struct Audio {
  SDL_AudioDeviceID device;  // 0 = silent
  bool we_inited;            // we initialised the SDL audio subsystem
  bool enabled;
  uint64_t played;
  int16_t *cue[SOUND_CUE_COUNT];
  size_t cue_len[SOUND_CUE_COUNT];
};

static const double PI = 3.14159265358979323846;

// A sine with a little second harmonic (brighter than a pure sine) under an
// attack/exponential-decay envelope, added into `out` from sample `start`.
static void add_note(float *out, size_t len, int rate, size_t start, double freq, double dur_s, double attack_s,
                     double decay_per_s, double harmonic) {
  size_t n = (size_t)(dur_s * rate);
  for (size_t i = 0; i < n && start + i < len; i++) {
    double t = (double)i / rate;
    double env = t < attack_s ? t / attack_s : exp(-(t - attack_s) * decay_per_s);
    // A short release avoids a click at the end of the note.
    double tail = dur_s - t;
    if (tail < 0.01) {
      env *= tail / 0.01;
    }
    double s = sin(2 * PI * freq * t) + harmonic * sin(4 * PI * freq * t);
    out[start + i] += (float)(env * s);
  }
}

int16_t *audio_synth_cue(SoundCue cue, int rate, size_t *count) {
  double dur;
  double peak_target;  // of 32767
  switch (cue) {
  case SOUND_CUE_CORRECT:
    dur = 0.55;
    peak_target = 10000;
    break;
  case SOUND_CUE_WRONG:
    dur = 0.35;
    peak_target = 7000;  // softer: a wrong answer is information, not a punishment
    break;
  case SOUND_CUE_TICK:
  default:
    dur = 0.03;
    peak_target = 6000;
    break;
  }
  size_t len = (size_t)(dur * rate);
  float *f = xcalloc(len, sizeof *f);
  switch (cue) {
  case SOUND_CUE_CORRECT:
    // A5 then E6 (a rising fifth): bright, friendly.
    add_note(f, len, rate, 0, 880.0, 0.20, 0.005, 14.0, 0.25);
    add_note(f, len, rate, (size_t)(0.11 * rate), 1318.5, 0.44, 0.005, 7.0, 0.25);
    break;
  case SOUND_CUE_WRONG: {
    // A low tone gliding gently down (G3 -> E3), soft attack, no harmonics.
    size_t n = len;
    for (size_t i = 0; i < n; i++) {
      double t = (double)i / rate;
      double env = t < 0.02 ? t / 0.02 : exp(-(t - 0.02) * 6.0);
      double tail = dur - t;
      if (tail < 0.02) {
        env *= tail / 0.02;
      }
      // Phase of a frequency gliding linearly from 196 to 165 Hz (integrated, so
      // the glide has no clicks).
      double phase = 2 * PI * (196.0 * t - 31.0 * t * t / (2 * dur));
      f[i] = (float)(env * sin(phase));
    }
    break;
  }
  case SOUND_CUE_TICK:
  default:
    add_note(f, len, rate, 0, 2000.0, dur, 0.001, 160.0, 0.0);
    break;
  }
  float peak = 0;
  for (size_t i = 0; i < len; i++) {
    float a = fabsf(f[i]);
    peak = a > peak ? a : peak;
  }
  int16_t *pcm = xmalloc(len * sizeof *pcm);
  double gain = peak > 0 ? peak_target / peak : 0;
  for (size_t i = 0; i < len; i++) {
    pcm[i] = (int16_t)lrint(f[i] * gain);
  }
  free(f);
  *count = len;
  return pcm;
}

Audio *audio_create(bool enabled) {
  Audio *a = xcalloc(1, sizeof *a);
  a->enabled = enabled;
  for (int c = 0; c < SOUND_CUE_COUNT; c++) {
    a->cue[c] = audio_synth_cue((SoundCue)c, AUDIO_SAMPLE_RATE, &a->cue_len[c]);
  }
  if (!SDL_WasInit(SDL_INIT_AUDIO)) {
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
      log_warn("no audio (%s): sound cues are off", SDL_GetError());
      return a;
    }
    a->we_inited = true;
  }
  SDL_AudioSpec want = {
      .freq = AUDIO_SAMPLE_RATE,
      .format = AUDIO_S16SYS,
      .channels = 1,
      .samples = 1024,
  };
  SDL_AudioSpec have;
  // allowed_changes 0: SDL converts to whatever the device really takes.
  a->device = SDL_OpenAudioDevice(NULL, 0, &want, &have, 0);
  if (a->device == 0) {
    log_warn("no audio device (%s): sound cues are off", SDL_GetError());
    return a;
  }
  SDL_PauseAudioDevice(a->device, 0);
  log_info("audio: %s", SDL_GetCurrentAudioDriver());
  return a;
}

void audio_destroy(Audio *a) {
  if (!a) {
    return;
  }
  if (a->device) {
    SDL_CloseAudioDevice(a->device);
  }
  if (a->we_inited) {
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
  }
  for (int c = 0; c < SOUND_CUE_COUNT; c++) {
    free(a->cue[c]);
  }
  free(a);
}

void audio_play(Audio *a, SoundCue cue) {
  if (!a->enabled || !a->device || cue < 0 || cue >= SOUND_CUE_COUNT) {
    return;
  }
  // Cues are short; the newest one matters, so it replaces what is queued.
  SDL_ClearQueuedAudio(a->device);
  if (SDL_QueueAudio(a->device, a->cue[cue], (Uint32)(a->cue_len[cue] * sizeof(int16_t))) != 0) {
    log_warn("cannot queue sound: %s", SDL_GetError());
    return;
  }
  a->played++;
}

void audio_set_enabled(Audio *a, bool enabled) {
  a->enabled = enabled;
  if (!enabled && a->device) {
    SDL_ClearQueuedAudio(a->device);
  }
}

bool audio_enabled(const Audio *a) {
  return a->enabled;
}

bool audio_has_device(const Audio *a) {
  return a->device != 0;
}

uint64_t audio_cues_played(const Audio *a) {
  return a->played;
}

const int16_t *audio_cue_samples(const Audio *a, SoundCue cue, size_t *count) {
  *count = a->cue_len[cue];
  return a->cue[cue];
}
