#include "program/wilson_interval.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace program {

RateInterval wilson_interval(std::int64_t successes, std::int64_t trials) {
  assert(trials >= 1 && successes >= 0 && successes <= trials);
  const double k = static_cast<double>(successes), n = static_cast<double>(trials);
  const double z2 = z_95 * z_95;
  const double centre = (k + z2 / 2) / (n + z2);
  const double half_width = z_95 / (n + z2) * std::sqrt(k * (n - k) / n + z2 / 4);
  // At k = 0 (k = n) the formula's low (high) is 0 (1) up to rounding; say so exactly.
  return {successes == 0 ? 0.0 : std::max(0.0, centre - half_width),
          successes == trials ? 1.0 : std::min(1.0, centre + half_width)};
}

}  // namespace program
