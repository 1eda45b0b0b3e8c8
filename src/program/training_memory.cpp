#include "program/training_memory.hpp"

#include <cstdio>

#include "nn/error.hpp"
#include "nn/network.hpp"

namespace program {

// The core's names, which the plumbing reads and prints throughout.
using namespace nn;

namespace {

// Measured (peak resident memory of chapter 2) and rounded up: 84 bytes a parameter for 2,2048,2048,1 with
// --save-weights, most of it the weights' JSON tree and text; 20 bytes a row and unit for 2,4096,1 on
// batches of 16,384 rows.
constexpr double bytes_per_parameter = 96;
constexpr double bytes_per_row_and_unit = 32;

constexpr double mebibyte = 1024.0 * 1024.0;

}  // namespace

double training_memory_bytes(const std::vector<int>& layers, int batch_rows) {
  double units = 0;  // inputs, hidden units and outputs together
  for (const int size : layers) units += size;
  return bytes_per_parameter * parameter_count(layers) + bytes_per_row_and_unit * batch_rows * units;
}

void check_training_memory(const std::vector<int>& layers, int batch_rows) {
  const double needed = training_memory_bytes(layers, batch_rows);
  if (needed > training_memory_limit) {
    char message[200];
    std::snprintf(
        message, sizeof message,
        "--layers and --batch-size need about %.0f MiB to train, above the limit of %.0f MiB; use fewer "
        "or narrower layers or a smaller batch",
        needed / mebibyte, training_memory_limit / mebibyte);
    throw InputError(message);
  }
}

}  // namespace program
