#pragma once
/// \file
/// Exercise 5.2: the bound of He's initialisation, chosen from the variance it must give the weights.

namespace exercises {

/// The bound a of He's (Kaiming's) uniform initialisation for a layer of `fan_in` inputs (fan_in >= 1): the
/// weights are drawn from U(-a, a), and a is chosen so that their variance is 2 / fan_in.
float he_bound(int fan_in);

/// The variance of U(-a, a), the uniform distribution on [-a, a] (a > 0), whose density there is 1 / (2a).
float uniform_variance(float bound);

}  // namespace exercises
