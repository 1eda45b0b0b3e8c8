// Exercise 4.2 (chapter 4): which hidden units are dead on a set of inputs.
//
// Write dead_hidden_units. The tests compare your flags with nn::count_dead_units on networks drawn for each
// point set, and check the rule's edges on small networks built by hand: a unit alive on one row only, a
// ReLU unit whose sum is exactly 0 on every row, a tanh unit that outputs 0 but still has a slope, a leaky
// ReLU unit below its kink everywhere, a unit fed by a dead one, and no rows at all.

#include <cstddef>
#include <vector>

#include "exercises/dead_units.hpp"
#include "exercises/debug.hpp"  // exercises::debug(...) prints while you debug
#include "exercises/todo.hpp"
#include "nn/activation.hpp"

namespace exercises {

std::vector<std::vector<bool>> dead_hidden_units(const nn::Network& network, const nn::Matrix& inputs) {
  // TODO(student) BEGIN: network.forward_trace(inputs).pre_activations[l](row, unit) is z of that unit;
  // nn::activate and nn::activation_derivative give g(z) and g'(z) for network.activation().
  const nn::ForwardTrace trace = network.forward_trace(inputs);
  const nn::Activation g = network.activation();
  std::vector<std::vector<bool>> dead;
  for (std::size_t l = 0; l + 1 < trace.pre_activations.size(); ++l) {  // the last layer is the output
    const nn::Matrix& z = trace.pre_activations[l];
    const std::size_t rows = z.shape(0);
    std::vector<bool> layer(z.shape(1), rows > 0);  // dead until a row shows it alive; no rows, none dead
    for (std::size_t unit = 0; unit < z.shape(1); ++unit) {
      for (std::size_t row = 0; row < rows && layer[unit]; ++row) {
        const float sum = z(row, unit);
        layer[unit] = nn::activate(g, sum) == 0.0f && nn::activation_derivative(g, sum) == 0.0f;
      }
    }
    dead.push_back(layer);
  }
  return dead;
  // TODO(student) END
}

}  // namespace exercises
