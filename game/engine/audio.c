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
  int16_t **cue;
  size_t *cue_len;
  size_t ncues;
};

static const double PI = 3.14159265358979323846;

// A sine with some second harmonic (brighter than a pure sine), or a glide,
// under an attack/exponential-decay envelope, added into `out`.
static void add_note(float *out, size_t len, int rate, const AudioNote *nt) {
  size_t start = (size_t)(nt->start_s * rate);
  size_t n = (size_t)(nt->dur_s * rate);
  double dur = nt->dur_s;
  for (size_t i = 0; i < n && start + i < len; i++) {
    double t = (double)i / rate;
    double env = t < nt->attack_s ? t / nt->attack_s : exp(-(t - nt->attack_s) * nt->decay_per_s);
    // A short release avoids a click at the end of the note.
    double tail = dur - t;
    if (tail < nt->release_s) {
      env *= tail / nt->release_s;
    }
    double s;
    if (nt->end_freq_hz > 0 && nt->end_freq_hz != nt->freq_hz) {
      // The phase of a linear glide, integrated so the glide has no clicks.
      double phase = 2 * PI * (nt->freq_hz * t + (nt->end_freq_hz - nt->freq_hz) * t * t / (2 * dur));
      s = sin(phase) + nt->harmonic * sin(2 * phase);
    } else {
      s = sin(2 * PI * nt->freq_hz * t) + nt->harmonic * sin(4 * PI * nt->freq_hz * t);
    }
    out[start + i] += (float)(env * s);
  }
}

int16_t *audio_synth_cue(const AudioCueSpec *cue, int rate, size_t *count) {
  size_t len = (size_t)(cue->dur_s * rate);
  float *f = xcalloc(len ? len : 1, sizeof *f);
  size_t nnotes = cue->nnotes < AUDIO_MAX_NOTES ? cue->nnotes : AUDIO_MAX_NOTES;
  for (size_t k = 0; k < nnotes; k++) {
    add_note(f, len, rate, &cue->notes[k]);
  }
  float peak = 0;
  for (size_t i = 0; i < len; i++) {
    float a = fabsf(f[i]);
    peak = a > peak ? a : peak;
  }
  int16_t *pcm = xmalloc((len ? len : 1) * sizeof *pcm);
  double target = cue->peak < AUDIO_PEAK_LIMIT ? cue->peak : AUDIO_PEAK_LIMIT;
  double gain = peak > 0 ? target / peak : 0;
  for (size_t i = 0; i < len; i++) {
    pcm[i] = (int16_t)lrint(f[i] * gain);
  }
  free(f);
  *count = len;
  return pcm;
}

Audio *audio_create(bool enabled, const AudioCueSpec *cues, size_t count) {
  Audio *a = xcalloc(1, sizeof *a);
  a->enabled = enabled;
  a->ncues = cues ? count : 0;
  a->cue = xcalloc(a->ncues ? a->ncues : 1, sizeof *a->cue);
  a->cue_len = xcalloc(a->ncues ? a->ncues : 1, sizeof *a->cue_len);
  for (size_t c = 0; c < a->ncues; c++) {
    a->cue[c] = audio_synth_cue(&cues[c], AUDIO_SAMPLE_RATE, &a->cue_len[c]);
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
  for (size_t c = 0; c < a->ncues; c++) {
    free(a->cue[c]);
  }
  free(a->cue);
  free(a->cue_len);
  free(a);
}

void audio_play(Audio *a, SoundCue cue) {
  if (!a->enabled || !a->device || cue < 0 || (size_t)cue >= a->ncues) {
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

size_t audio_cue_count(const Audio *a) {
  return a->ncues;
}

const int16_t *audio_cue_samples(const Audio *a, SoundCue cue, size_t *count) {
  if (cue < 0 || (size_t)cue >= a->ncues) {
    *count = 0;
    return NULL;
  }
  *count = a->cue_len[cue];
  return a->cue[cue];
}
