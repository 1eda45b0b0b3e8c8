#pragma once
/// \file
/// Training data. Every data set is the same thing: rows a network trains on, rows that judge it, and a
/// stream of random batches drawn from the first. A gate's rows are its truth table, both times; a point
/// set's are drawn from the seed (point_sets.hpp), training and held-out test points apart.

#include <cstdint>

#include "nn/data_source.hpp"
#include "nn/gates.hpp"
#include "nn/random.hpp"
#include "nn/tensor.hpp"

namespace nn {

/// Inputs (rows x 2) and their targets (rows x 1).
struct Batch {
  Matrix inputs;   ///< One input pair per row.
  Matrix targets;  ///< Each row's target, 0 or 1.
};

/// The four rows 00, 01, 10, 11 with the gate's outputs.
Batch truth_table(Gate gate);

/// A data set's rows.
struct Dataset {
  DataSource source;  ///< What it is: a gate or a point set, and its sizes.
  Batch train;        ///< The rows training draws from: a gate's truth table, a point set's training points.
  Batch test;         ///< The rows that judge the trained network: the truth table again, or held-out points.
};

/// The rows of `source` for `seed`. A gate's do not depend on the seed; a point set's training points come
/// from the seed's train_points stream and its test points from its test_points stream, so the same seed
/// gives the same points, bit for bit, and the test points do not depend on how many training points there
/// are.
Dataset make_dataset(const DataSource& source, std::uint64_t seed);

/// A resolution x resolution grid of the unit square as rows of inputs, for pictures of what a network
/// computes: row j * resolution + i is (x1, x2) = (i, j) / (resolution - 1), so the corners are exactly the
/// truth table's inputs. Needs resolution >= 2.
Matrix unit_square_grid(int resolution);

/// Training batches: each row is one of the data set's training rows, drawn with replacement from the seed's
/// `batches` stream. A gate draws its row as the demo draws its inputs, two random bits a and b (row 2a + b
/// of the truth table, in the order 00, 01, 10, 11); a point set draws the row's index, uniformly. The Thrust
/// trainer draws in the same order.
class BatchStream {
 public:
  /// A stream of batches of `batch_size` rows of `data` (which it keeps a reference to), from `seed`.
  BatchStream(const Dataset& data, int batch_size, std::uint64_t seed);
  /// The next batch.
  Batch next();

 private:
  std::size_t draw_row();

  const Dataset& data_;
  int batch_size_;
  Engine engine_;
};

}  // namespace nn
