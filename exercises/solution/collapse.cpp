// Exercise 1.1 (chapter 1): two linear layers with nothing between them are one linear layer.
//
// Write collapse_two_layers: the single layer that computes second(first(x)) for every x. Chapter 1's
// program does this for a whole network (nn::collapse_to_single_layer); here you do it for two layers,
// by hand, with loops over the weights. The test compares your layer with the library's and with the two
// layers applied one after the other.

#include "exercises/collapse.hpp"
#include "exercises/debug.hpp"  // exercises::debug(...) prints while you debug
#include "exercises/todo.hpp"

namespace exercises {

nn::Linear collapse_two_layers(const nn::Linear& first, const nn::Linear& second) {
  // TODO(student) BEGIN: W = W2 W1 (second.out() x first.in()) and b = W2 b1 + b2 (second.out()).
  // nn::zero_linear(in, out) makes a zero layer: inputs first, and its weight is out x in.
  nn::Linear single = nn::zero_linear(first.in(), second.out());
  for (std::size_t o = 0; o < second.out(); ++o) {
    float bias = second.bias(o);
    for (std::size_t h = 0; h < first.out(); ++h) {
      bias += second.weight(o, h) * first.bias(h);
      for (std::size_t i = 0; i < first.in(); ++i)
        single.weight(o, i) += second.weight(o, h) * first.weight(h, i);
    }
    single.bias(o) = bias;
  }
  return single;
  // TODO(student) END
}

}  // namespace exercises
