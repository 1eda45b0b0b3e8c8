#pragma once
/// \file
/// Chapter 1's explanations: the single map a linear network collapses to, and the floor it is stuck on.

#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "nn/data_source.hpp"
#include "nn/gates.hpp"
#include "nn/linear.hpp"
#include "nn/loss.hpp"
#include "nn/outcome.hpp"

namespace program {

/// "0.5000 x1 + 0.5000 x2 - 0.2500" for a 2 -> 1 map.
std::string map_formula(const nn::Linear& map);

/// The single map the layers multiply out into: for a gate, the truth table with the network's outputs beside
/// the map's; for a point set, what a threshold on the map can do.
void print_collapse(std::ostream& out, const nn::DataSource& data, const nn::Outcome& outcome,
                    const nn::Linear& single);

/// A gate's floor: why no linear map gets below it, where this run ended, and what a threshold can and cannot
/// do.
void print_floor(std::ostream& out, nn::Gate gate, nn::Loss loss, const nn::Outcome& outcome);

/// A 2 -> 1 map as JSON: {"weight": [w1, w2], "bias": b}.
nlohmann::json linear_map_json(const nn::Linear& map);

/// The collapsed map and, for a gate, its outputs on the truth table, the floors and the best linear fit, for
/// the JSON result.
nlohmann::json linear_story_json(const nn::DataSource& data, const nn::Linear& single);

}  // namespace program
