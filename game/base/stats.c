#include "base/stats.h"

#include <math.h>

double stats_normal_quantile(double p) {
  // Coefficients of Peter J. Acklam's rational approximations (2003);
  // relative error below 1.15e-9 before refinement.
  static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                             1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                             6.680131188771972e+01, -1.328068155288572e+01};
  static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                             -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                             3.754408661907416e+00};
  const double p_low = 0.02425;
  if (isnan(p)) {
    return p;
  }
  if (p <= 0.0) {
    return -INFINITY;
  }
  if (p >= 1.0) {
    return INFINITY;
  }
  if (p > 0.5) {
    // 1 - p is exact here (Sterbenz); working in the lower tail keeps the
    // refinement step accurate near 1 and makes the function exactly odd.
    return -stats_normal_quantile(1.0 - p);
  }
  double x;
  if (p < p_low) {
    double q = sqrt(-2.0 * log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  } else {
    double q = p - 0.5;
    double r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
  }
  // One Halley step against the exact CDF (erfc from libm) takes the 1e-9
  // approximation to about machine precision.
  double e = 0.5 * erfc(-x / sqrt(2.0)) - p;
  double u = e * 2.50662827463100050242 * exp(x * x / 2.0);  // sqrt(2 pi)
  if (!isfinite(u)) {
    return x;  // p deep in the subnormal range: exp() overflows, keep the approximation
  }
  return x - u / (1.0 + x * u / 2.0);
}

double stats_d_prime_corrected(int hits, int signals, int false_alarms, int noise) {
  double h = (hits + 0.5) / (signals + 1.0);
  double fa = (false_alarms + 0.5) / (noise + 1.0);
  return stats_normal_quantile(h) - stats_normal_quantile(fa);
}
