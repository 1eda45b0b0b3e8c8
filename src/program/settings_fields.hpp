#pragma once
/// \file
/// program::Settings, everything a chapter program is told, on its own: settings.hpp adds the flags that fill
/// it (CLI11) and its JSON form, whose headers take ten times as long to compile. Code that only makes or
/// reads settings includes this one; exercise 2.3 does, and a student waits for each of its compiles.

#include <optional>
#include <string>
#include <vector>

#include "nn/activation.hpp"
#include "nn/network.hpp"
#include "nn/data_source.hpp"
#include "nn/train.hpp"

namespace program {

/// Everything a chapter program is told. The defaults reproduce the forum demo's run.
struct Settings {
  std::vector<int> layers{2, 1, 1};  ///< Layer sizes; must start with 2 and end with 1.
  nn::Activation activation =
      nn::Activation::tanh;  ///< After every hidden layer; chapter 1 overrides this with identity.
  std::optional<nn::Activation>
      output_activation;                  ///< After the output layer; none given: the same as activation.
  nn::Init init = nn::Init::pytorch;      ///< The rule for the starting weights.
  nn::Inputs inputs = nn::Inputs::unit;   ///< How the inputs are scaled before the first layer.
  nn::DataSource data;                    ///< --gate or --dataset, with --train-points and --test-points.
  std::optional<nn::Gate> gate_flag;      ///< What --gate named, if it was given (validate refuses it beside
                                          ///< a --dataset naming other data).
  bool dataset_flag = false;              ///< Whether --dataset named the data (anything but "gate").
  nn::TrainConfig train;                  ///< Loss, optimizer, lr, sizes, seed.
  std::string load_weights;               ///< Start from this weights file instead of a random init.
  std::string save_weights;               ///< Save the trained weights here.
  std::string json;                       ///< Write the result as JSON here ("-": standard output).
  bool quiet = false;                     ///< Print nothing but errors.
  bool trace_layers = false;              ///< --trace-layers: record every layer's statistics at
                                          ///< train.trace_epochs (--trace-epochs; default 0 and the last).
  bool grid_chooses_activations = false;  ///< A sweep or the zoo: its grid sets each configuration's
                                          ///< activations, checked as each configuration is made.

  /// The activation after the output layer: --output-activation, or else --activation's.
  nn::Activation output_activation_or_hidden() const { return output_activation.value_or(activation); }
  /// The network's activations and inputs, as the flags chose them.
  nn::Architecture architecture() const { return {activation, output_activation_or_hidden(), inputs}; }
  /// Whether the flags left the demo's design (is_demo_design): then the reports and JSON name the choices;
  /// otherwise they stay as they were.
  bool departs_from_demo_design() const { return !nn::is_demo_design(architecture(), init); }
};

}  // namespace program
