#pragma once
/// \file
/// What a trained network does on the truth table, and whether it learned the gate; and what it does on a
/// point set's training and test sets, and whether it learned the set.

#include <array>

#include "nn/gates.hpp"
#include "nn/loss.hpp"
#include "nn/network.hpp"
#include "nn/point_sets.hpp"

namespace nn {

/// The trained network judged on rows 00, 01, 10, 11.
struct Outcome {
  std::array<float, 4> predictions;  ///< The network's outputs on rows 00, 01, 10, 11.
  std::array<float, 4> targets;      ///< The gate's outputs.
  float final_loss;                  ///< The chosen loss, averaged over the four rows.
  float final_l1_loss;               ///< Mean L1 over the four rows, whatever loss trained it.
  bool learned;                      ///< All four rounded outputs right and final_l1_loss < 0.05.
};

/// Runs the network on the gate's truth table and judges it.
Outcome evaluate(const Network& network, Gate gate, Loss loss);

/// How many of a set's rows a network gets right.
struct Accuracy {
  int right;  ///< Rows whose output, rounded at 0.5, is the row's class.
  int rows;   ///< All the rows.
  /// right / rows.
  double share() const { return static_cast<double>(right) / rows; }
};

/// The network's outputs on `rows`, rounded at 0.5, counted against the rows' targets.
Accuracy accuracy(const Network& network, const Batch& rows);

/// The trained network judged on a point set.
struct PointSetOutcome {
  Accuracy train;    ///< On the training set.
  Accuracy test;     ///< On the held-out test set.
  float train_loss;  ///< The chosen loss, averaged over the training set.
  float test_loss;   ///< The chosen loss, averaged over the test set.
  bool learned;      ///< learned_point_set(test.right, test.rows): at least 95% of the test set.
};

/// Runs the network on both halves of a point set and judges it.
PointSetOutcome evaluate(const Network& network, const PointSplit& data, Loss loss);

}  // namespace nn
