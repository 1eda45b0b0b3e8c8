#pragma once
/// \file
/// How the two inputs reach the first layer: as the data give them, in the unit square, or centred on 0.
/// Every data set of the book lies in the unit square (the gates' bits, the point sets); centring maps each
/// input x to 2x - 1, so that the square becomes [-1, 1]^2 with its middle at the origin. The network holds
/// the choice and applies it first thing in its forward pass, so a picture of the unit square, a truth table
/// and a point set are all seen by the network the same way.

#include <cstdint>
#include <string>

#include "nn/host_device.hpp"
#include "nn/names.hpp"

namespace nn {

/// The inputs' scale.
enum class Inputs : std::uint8_t {
  unit,     ///< x as given: the unit square, the demo's bits 0 and 1.
  centred,  ///< 2x - 1: the square [-1, 1]^2, bits -1 and 1.
};

/// The flag spelling of each scale.
inline constexpr NameTable<Inputs, 2> inputs_names{{
    {Inputs::unit, "unit"},
    {Inputs::centred, "centred"},
}};
static_assert(in_enum_order(inputs_names), "one name per scale, in the enum's order");

/// The value the first layer sees for input x.
NN_HOST_DEVICE inline float encoded_input(Inputs inputs, float x) {
  return inputs == Inputs::centred ? 2.0f * x - 1.0f : x;
}

/// The flag spelling (inputs_names): "unit" or "centred".
std::string inputs_name(Inputs inputs);

/// Parses "unit" or "centred"; throws InputError, listing the names, on anything else.
Inputs parse_inputs(const std::string& name);

}  // namespace nn
