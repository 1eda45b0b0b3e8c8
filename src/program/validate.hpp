#pragma once
/// \file
/// The checks a chapter's settings pass before anything runs. They live apart from the flags that fill the
/// settings (settings.hpp, with CLI11) in a library of their own, `nn_validate`, so that a program that only
/// makes settings and checks them, as exercise 2.3's tests do, compiles and links without the flags' code.

#include <string>
#include <vector>

#include "program/settings_fields.hpp"

namespace program {

/// Throws InputError for --loss bce unless the output activation is the sigmoid, whose sum bce is computed
/// from.
void validate_loss_and_output(nn::Loss loss, nn::Activation output_activation);

/// Throws InputError unless the layer sizes run from 2 to 1 with every width between 1 and 4096.
void validate_layers(const std::vector<int>& layers);

/// Throws InputError naming the first setting that makes no sense (non-finite or non-positive numbers,
/// layers not 2,...,1, a network or batch too large for training_memory_limit, an unreadable weights file,
/// an unwritable output path, --json and --save-weights naming the same file, --gate beside a --dataset
/// naming other data, point counts without a point set, or bce without a sigmoid output where the
/// settings, not a grid, choose the activations).
void validate(const Settings& settings);

}  // namespace program
