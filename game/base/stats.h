#pragma once
// Numerical helpers shared by the quiz measures and the score store, which
// ranks rounds by discernment without knowing the quiz rules. Pure functions.

// Inverse of the standard normal CDF: z such that Phi(z) = p. Acklam's
// rational approximation refined by one Halley step: relative error below
// 2e-14 for 1e-300 <= p < 1 (about 1e-9 below that). Exactly odd around 0.5.
// -INFINITY for p <= 0, INFINITY for p >= 1, NaN for NaN.
double stats_normal_quantile(double p);

// Signal-detection d' with the log-linear correction (Hautus 1995), as the
// quiz measures define it (quiz/measures.h): z(H) - z(FA) with
// H = (hits + 0.5) / (signals + 1) and FA = (false_alarms + 0.5) / (noise + 1).
// Finite for any counts >= 0 (0 when nothing was answered).
double stats_d_prime_corrected(int hits, int signals, int false_alarms, int noise);
