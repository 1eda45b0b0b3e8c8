#pragma once
/// \file
/// Training data: the gate's truth table, the demo's stream of batches of random bit pairs, and the same
/// kind of stream over the rows of a point set's training set.

#include <cstdint>

#include "nn/gates.hpp"
#include "nn/random.hpp"
#include "nn/tensor.hpp"

namespace nn {

/// Inputs (rows x 2) and their targets (rows x 1).
struct Batch {
  Matrix inputs;   ///< One bit pair per row.
  Matrix targets;  ///< The gate's output for each row.
};

/// The four rows 00, 01, 10, 11 with the gate's outputs.
Batch truth_table(Gate gate);

/// The demo's data: batches of random bit pairs with the gate's output as target. Within a batch, each row
/// draws its first bit, then its second, from the seed's `batches` stream; the Thrust trainer draws in the
/// same order.
class BitBatchStream {
 public:
  /// A stream of batches of `batch_size` rows for `gate`, from `seed`.
  BitBatchStream(Gate gate, int batch_size, std::uint64_t seed);
  /// The next batch.
  Batch next();

 private:
  Gate gate_;
  int batch_size_;
  Engine engine_;
};

/// Batches drawn from a fixed set of rows, such as a point set's training set: each row of a batch is one of
/// the set's rows, drawn uniformly and with replacement from the seed's `batches` stream, as a random bit
/// pair is one of the truth table's four rows drawn with replacement.
class RowBatchStream {
 public:
  /// A stream of batches of `batch_size` rows of `rows` (which it keeps a reference to), from `seed`.
  RowBatchStream(const Batch& rows, int batch_size, std::uint64_t seed);
  /// The next batch.
  Batch next();

 private:
  const Batch& rows_;
  int batch_size_;
  Engine engine_;
};

}  // namespace nn
