#pragma once
/// \file
/// Layer sizes fixed at compile time, so the Thrust trainer's loops have constant bounds: the compiler
/// unrolls them and keeps a network's weights in registers (GPU) or vector lanes (CPU).

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "nn/error.hpp"
#include "nn/host_device.hpp"
#include "nn/sizes_text.hpp"

// The trainer's arrays stay in registers only if every index into them is a constant after unrolling and
// every function that takes them is inlined.
#if defined(__CUDACC__)
/// Unrolls the loop that follows (nvcc); g++ unrolls the constant-bound loops by itself.
#define NN_UNROLL _Pragma("unroll")
/// Inlines a function that takes a network's arrays, so they can stay in registers.
#define NN_INLINE __forceinline__
/// Keeps a function a call, compiled once.
#define NN_NOINLINE __noinline__
/// Marks a loop over a group's lanes as free of dependences between lanes (g++); a GPU group has one lane.
#define NN_SIMD
#else
/// Unrolls the loop that follows (nvcc); g++ unrolls the constant-bound loops by itself.
#define NN_UNROLL
/// Inlines a function that takes a network's arrays, so they can stay in registers.
#define NN_INLINE inline __attribute__((always_inline))
/// Keeps a function a call, compiled once.
#define NN_NOINLINE __attribute__((noinline))
/// Marks a loop over a group's lanes as free of dependences between lanes (g++), so it is vectorised as a
/// loop; left to itself, g++ unrolls the short loops first and then vectorises only parts of them.
#define NN_SIMD _Pragma("omp simd")
#endif

namespace nn {

/// A network's layer sizes as a type, e.g. Shape<2, 5, 5, 1>.
template <int... Sizes>
struct Shape {
  /// Number of Linear layers.
  static constexpr int layer_count = sizeof...(Sizes) - 1;
  /// Inputs, hidden units and outputs together.
  static constexpr int unit_count = (Sizes + ...);

  /// Width of layer boundary l (0 = inputs).
  NN_HOST_DEVICE static constexpr int size(int l) {
    constexpr int sizes[] = {Sizes...};
    return sizes[l];
  }
  /// Where layer l's units start among all units (inputs first).
  NN_HOST_DEVICE static constexpr int unit_offset(int l) {
    int offset = 0;
    for (int k = 0; k < l; ++k) offset += size(k);
    return offset;
  }
  /// Where layer l's weights start among the parameters; its bias follows them. The order is
  /// Network::initialised's: layer by layer, weight row by row (out x in), then bias.
  NN_HOST_DEVICE static constexpr int weight_offset(int l) {
    int offset = 0;
    for (int k = 0; k < l; ++k) offset += size(k + 1) * (size(k) + 1);
    return offset;
  }
  /// Where layer l's bias starts.
  NN_HOST_DEVICE static constexpr int bias_offset(int l) { return weight_offset(l) + size(l + 1) * size(l); }
  /// Number of weights and biases.
  static constexpr int param_count = weight_offset(layer_count);

  /// The sizes as a vector, for comparing with --layers.
  static std::vector<int> sizes() { return {Sizes...}; }
};

/// Layer l of shape S, its sizes and offsets as compile-time constants, for the trainer's loops to index with.
template <class S, int l>
struct ShapeLayer {
  static constexpr int index = l;                          ///< Which layer, 0 first.
  static constexpr int in = S::size(l);                    ///< Its inputs.
  static constexpr int out = S::size(l + 1);               ///< Its outputs.
  static constexpr int first_in = S::unit_offset(l);       ///< Where its inputs start among the units.
  static constexpr int first_out = S::unit_offset(l + 1);  ///< Where its outputs start among the units.
  static constexpr int weights = S::weight_offset(l);      ///< Where its weights start (out x in, row by row).
  static constexpr int biases = S::bias_offset(l);         ///< Where its biases start.
  /// Where the weight from input i to output o is.
  NN_HOST_DEVICE static constexpr int weight(int o, int i) { return weights + o * in + i; }
};

/// Calls f(ShapeLayer<S, l>{}) for l = First, ..., Last - 1, so that inside f the layer's sizes and offsets,
/// and so every array index, are compile-time constants. (`#pragma unroll` and g++'s own unrolling leave
/// an outer layer loop's index a run-time value, and with it every array index: g++ then cannot vectorise
/// the lanes.)
template <class S, int First = 0, int Last = S::layer_count, class F>
NN_HOST_DEVICE NN_INLINE void for_each_layer(F&& f) {
  if constexpr (First < Last) {
    f(ShapeLayer<S, First>{});
    for_each_layer<S, First + 1, Last>(f);
  }
}

/// for_each_layer from the last layer down to the first, for the backward pass.
template <class S, int First = 0, int Last = S::layer_count, class F>
NN_HOST_DEVICE NN_INLINE void for_each_layer_backwards(F&& f) {
  if constexpr (First < Last) {
    f(ShapeLayer<S, Last - 1>{});
    for_each_layer_backwards<S, First, Last - 1>(f);
  }
}

/// The layer sizes the Thrust trainer is compiled for, for every backend. Add a shape by adding it here.
using SupportedShapes = std::tuple<Shape<2, 1>, Shape<2, 1, 1>, Shape<2, 2, 1>, Shape<2, 3, 1>, Shape<2, 5, 1>,
                                   Shape<2, 5, 5, 1>>;

/// The supported shapes as --layers spells them: "2,1 or 2,1,1 or ...".
inline std::string supported_shapes_text() {
  std::string text;
  std::apply([&text](auto... shapes) { ((text += (text.empty() ? "" : " or ") + sizes_text(shapes.sizes())), ...); },
             SupportedShapes{});
  return text;
}

/// Calls f(Shape<...>{}) for the supported shape matching `sizes` and returns what it returns; throws
/// InputError listing the supported shapes when none matches.
template <class F>
auto dispatch_shape(const std::vector<int>& sizes, F&& f) {
  std::optional<decltype(f(std::tuple_element_t<0, SupportedShapes>{}))> result;
  std::apply([&](auto... shapes) { ((!result && sizes == shapes.sizes() ? (void)result.emplace(f(shapes)) : void()), ...); },
             SupportedShapes{});
  if (!result) throw InputError("the Thrust trainer is compiled for --layers " + supported_shapes_text());
  return std::move(*result);
}

}  // namespace nn
