#pragma once
/// \file
/// How much memory the xtensor trainer (chapters 1 and 2) needs, estimated from the flags before anything
/// is allocated, and the cap on it: too large a network or batch is bad input, reported on one line, not a
/// std::bad_alloc or the kernel's out-of-memory killer an hour later.

#include <cstdint>
#include <vector>

namespace program {

/// The most training_memory_bytes the settings may ask for: 2 GiB. The book's networks need a few
/// kilobytes; this leaves room for far larger experiments (2,4096,4096,1 with 17 million parameters, or
/// 2,4096,1 on batches of 16,000 rows) while staying below an ordinary laptop's free memory, so a request
/// beyond it fails at once on one line instead of swapping or being killed.
inline constexpr double training_memory_limit = 2.0 * 1024 * 1024 * 1024;

/// Bytes the xtensor trainer needs, about, to train a network of `layers` on batches of `batch_rows` rows
/// and write its result: per parameter the weights, gradients, Adam's two moments and the weights file's
/// JSON; per batch row and unit the forward pass's saved inputs and pre-activations and the backward
/// pass's temporaries. Computed in double, so no layer list can overflow it.
double training_memory_bytes(const std::vector<int>& layers, int batch_rows);

/// Throws InputError, naming the estimate and the limit, if training_memory_bytes is above
/// training_memory_limit.
void check_training_memory(const std::vector<int>& layers, int batch_rows);

}  // namespace program
