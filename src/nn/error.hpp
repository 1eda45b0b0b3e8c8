#pragma once
/// \file
/// The one error type for bad input: its message names the problem, and a chapter's `main` prints it on one
/// line and exits with code 2.

#include <stdexcept>
#include <string>

namespace nn {

/// Bad input from the user: a flag, a number, a file. Internal invariants use assertions instead.
class InputError : public std::runtime_error {
 public:
  /// Wraps a message that names the problem, e.g. "--lr must be > 0, got -1".
  explicit InputError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace nn
