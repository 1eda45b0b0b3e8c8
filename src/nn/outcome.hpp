#pragma once
/// \file
/// What a trained network does on its data set, and whether it learned it. Every data set is judged the
/// same way, each by its own rule for "learned": a gate when every truth-table row rounds right and the
/// mean L1 loss is below learned_l1_threshold; a point set when at least learned_test_accuracy of its
/// held-out test points round to their class.

#include <vector>

#include "nn/data.hpp"
#include "nn/loss.hpp"
#include "nn/network.hpp"

namespace nn {

/// How many of a set's rows a network gets right.
struct Accuracy {
  int right;  ///< Rows whose output, rounded at 0.5, is the row's class.
  int rows;   ///< All the rows.
  /// right / rows.
  double share() const { return static_cast<double>(right) / rows; }
};

/// The trained network judged on its data set.
struct Outcome {
  std::vector<float>
      outputs;          ///< The network's output on each training row (a gate: rows 00, 01, 10, 11);
                        ///< empty where a trainer does not return them (the Thrust trainer's point sets).
  Accuracy train;       ///< On the training rows.
  Accuracy test;        ///< On the test rows (a gate: the truth table again).
  float train_loss;     ///< The chosen loss, averaged over the training rows.
  float test_loss;      ///< The chosen loss, averaged over the test rows.
  float train_l1_loss;  ///< Mean L1 over the training rows, whatever loss trained it.
  bool learned;         ///< meets_learned_rule.
};

/// The data set's rule for "learned": a gate's (every training row right and train_l1_loss below
/// learned_l1_threshold) or a point set's (learned_point_set on the test rows).
bool meets_learned_rule(const DataSource& source, const Accuracy& train, const Accuracy& test,
                        float train_l1_loss);

/// Runs the network on the data set's training and test rows and judges it.
Outcome evaluate(const Network& network, const Dataset& data, Loss loss);

}  // namespace nn
