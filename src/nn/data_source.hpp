#pragma once
/// \file
/// What a network learns, by name: a gate's truth table or a point set drawn from a seed, with the sizes a
/// point set is drawn at. Free of xtensor, so that the Thrust trainer's jobs (which nvcc compiles) hold one;
/// the rows themselves are a Dataset (data.hpp).

#include <optional>
#include <string>
#include <variant>

#include "nn/gates.hpp"

namespace nn {

// Declared, not included: point_sets.hpp brings xtensor. (An opaque enum is a complete type.)
enum class PointSet;

/// A data set, named: which rows a network trains on and is judged on, before they are drawn.
struct DataSource {
  std::variant<Gate, PointSet> kind = Gate::and_gate;  ///< A gate (its truth table), or a point set.
  int train_points = 200;                              ///< A point set's training points.
  int test_points = 200;                               ///< A point set's held-out test points.

  /// The gate, or nullptr for a point set.
  const Gate* gate() const { return std::get_if<Gate>(&kind); }
  /// The point set, or nullptr for a gate.
  const PointSet* point_set() const { return std::get_if<PointSet>(&kind); }
};

/// The flag spelling of the gate or point set: "and", "xor", "ring", "spirals", ...
std::string data_name(const DataSource& source);

/// The gate or point set of that name, if there is one.
std::optional<std::variant<Gate, PointSet>> find_data_kind(const std::string& name);

/// Parses any gate's or point set's name for `flag`; throws InputError, listing them all, on anything else.
std::variant<Gate, PointSet> parse_data_kind(const std::string& flag, const std::string& name);

/// Every name parse_data_kind takes, as the flags' help lists them: "and, or, nand, xor, ring, ... or
/// comfort".
std::string data_names_text();

}  // namespace nn
