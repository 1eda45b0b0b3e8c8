#pragma once
/// \file
/// Chapter 1's explanations: the single map a linear network collapses to, and the floor it is stuck on.

#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "nn/gates.hpp"
#include "nn/linear.hpp"
#include "nn/loss.hpp"
#include "nn/outcome.hpp"

namespace nn {

/// "0.5000 x1 + 0.5000 x2 - 0.2500" for a 2 -> 1 map.
std::string map_formula(const Linear& map);

/// The truth table with the network's outputs beside the single collapsed map's.
void print_collapse(std::ostream& out, const Outcome& outcome, const Linear& single);

/// The floor: why no linear map gets below it, where this run ended, and what a threshold can and cannot do.
void print_floor(std::ostream& out, Gate gate, Loss loss, const Outcome& outcome);

/// For a point set: the single map the layers multiply out into, and what a threshold on it can do.
void print_point_set_collapse(std::ostream& out, const Linear& single);

/// A 2 -> 1 map as JSON: {"weight": [w1, w2], "bias": b}.
nlohmann::json linear_map_json(const Linear& map);

/// The collapsed map, the floors and the best linear fit, for the JSON result.
nlohmann::json linear_story_json(Gate gate, const Linear& single);

}  // namespace nn
