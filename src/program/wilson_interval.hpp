#pragma once
/// \file
/// How sure a measured rate is: the Wilson score interval for k successes in n trials.
///
/// The interval holds every rate p for which k/n lies within z standard errors of p, the error taken at p
/// itself: (k/n - p)^2 = z^2 p (1 - p) / n. Solving for p gives
///   centre = (k + z^2/2) / (n + z^2),  half-width = z / (n + z^2) * sqrt(k (n - k) / n + z^2 / 4).
/// Unlike k/n +- z sqrt(p(1-p)/n), it never leaves [0, 1] and does not shrink to a point at 0 of n or n of
/// n, which is where a sweep's rates often are (no linear network learns).

#include <cstdint>

namespace program {

/// The standard normal quantile for a two-sided 95% interval: 1.96, to double precision.
inline constexpr double z_95 = 1.959963984540054;

/// A range of rates, as fractions in [0, 1].
struct RateInterval {
  double low = 0.0;   ///< Lower end.
  double high = 1.0;  ///< Upper end.
};

/// The 95% Wilson score interval of the rate behind `successes` of `trials` (0 <= successes <= trials,
/// trials >= 1). 0 of n gives low = 0 exactly, n of n gives high = 1 exactly.
RateInterval wilson_interval(std::int64_t successes, std::int64_t trials);

}  // namespace program
