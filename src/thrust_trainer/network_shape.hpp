#pragma once
/// \file
/// Layer sizes fixed at compile time, so the Thrust trainer's loops have constant bounds: the compiler
/// unrolls them and keeps a network's weights in registers (GPU) or vector lanes (CPU).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

#include "nn/error.hpp"
#include "nn/host_device.hpp"
#include "nn/parameter_layout.hpp"
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

#ifndef NN_CPU_CLONES
/// Compiles the trainer once for each CPU the OpenMP backend defines it for; none elsewhere.
#define NN_CPU_CLONES
#endif

namespace nn::batched {

/// The widths of Shape<Sizes...>'s layer boundaries, for the parameter layout's offsets.
template <int... Sizes>
struct ShapeSizes {
  /// Width of layer boundary l (0 = inputs).
  NN_HOST_DEVICE static constexpr int size(int l) {
    constexpr int sizes[] = {Sizes...};
    return sizes[l];
  }
};

/// A network's layer sizes as a type, e.g. Shape<2, 5, 5, 1>.
template <int... Sizes>
struct Shape {
  /// Number of Linear layers.
  static constexpr int layer_count = sizeof...(Sizes) - 1;
  /// Inputs, hidden units and outputs together.
  static constexpr int unit_count = (Sizes + ...);
  /// Rows of the trainer's per-unit arrays: exactly the units, since the sizes are known.
  static constexpr int unit_capacity = unit_count;
  /// Sizes known at compile time: the trainer keeps the parameters in registers.
  static constexpr bool compiled = true;

  /// Width of layer boundary l (0 = inputs).
  NN_HOST_DEVICE static constexpr int size(int l) { return ShapeSizes<Sizes...>::size(l); }
  /// Where layer l's units start among all units (inputs first).
  NN_HOST_DEVICE static constexpr int unit_offset(int l) {
    return nn::unit_offset(ShapeSizes<Sizes...>{}, l);
  }
  /// Where layer l's weights start among the parameters (parameter_layout.hpp); its bias follows them.
  NN_HOST_DEVICE static constexpr int weight_offset(int l) {
    return nn::weight_offset(ShapeSizes<Sizes...>{}, l);
  }
  /// Where layer l's bias starts.
  NN_HOST_DEVICE static constexpr int bias_offset(int l) {
    return nn::bias_offset(ShapeSizes<Sizes...>{}, l);
  }
  /// Number of weights and biases.
  static constexpr int param_count = parameter_total(ShapeSizes<Sizes...>{}, layer_count);

  /// The sizes as a vector, for comparing with --layers.
  static std::vector<int> sizes() { return {Sizes...}; }
};

/// Layer l of shape S, its sizes and offsets as compile-time constants, for the trainer's loops to index
/// with.
template <class S, int l>
struct ShapeLayer {
  static constexpr int index = l;                          ///< Which layer, 0 first.
  static constexpr int in = S::size(l);                    ///< Its inputs.
  static constexpr int out = S::size(l + 1);               ///< Its outputs.
  static constexpr int first_in = S::unit_offset(l);       ///< Where its inputs start among the units.
  static constexpr int first_out = S::unit_offset(l + 1);  ///< Where its outputs start among the units.
  static constexpr int weights = S::weight_offset(l);  ///< Where its weights start (out x in, row by row).
  static constexpr int biases = S::bias_offset(l);     ///< Where its biases start.
  /// Where the weight from input i to output o is.
  NN_HOST_DEVICE static constexpr int weight(int o, int i) { return weights + o * in + i; }
};

/// Calls f(ShapeLayer<S, l>{}) for l = First, ..., Last - 1, so that inside f the layer's sizes and offsets,
/// and so every array index, are compile-time constants. (`#pragma unroll` and g++'s own unrolling leave
/// an outer layer loop's index a run-time value, and with it every array index: g++ then cannot vectorise
/// the lanes.)
template <class S, int First, int Last, class F>
NN_HOST_DEVICE NN_INLINE void for_each_shape_layer(F& f) {
  if constexpr (First < Last) {
    f(ShapeLayer<S, First>{});
    for_each_shape_layer<S, First + 1, Last>(f);
  }
}

/// for_each_shape_layer from layer Last - 1 down to First, for the backward pass.
template <class S, int First, int Last, class F>
NN_HOST_DEVICE NN_INLINE void for_each_shape_layer_backwards(F& f) {
  if constexpr (First < Last) {
    f(ShapeLayer<S, Last - 1>{});
    for_each_shape_layer_backwards<S, First, Last - 1>(f);
  }
}

/// Calls f(layer) for each layer of a compiled shape S, first to last, each layer a ShapeLayer.
template <class S, class F, std::enable_if_t<S::compiled, int> = 0>
NN_HOST_DEVICE NN_INLINE void for_each_layer(const S&, F&& f) {
  for_each_shape_layer<S, 0, S::layer_count>(f);
}

/// for_each_layer from the last layer down to the first, for the backward pass.
template <class S, class F, std::enable_if_t<S::compiled, int> = 0>
NN_HOST_DEVICE NN_INLINE void for_each_layer_backwards(const S&, F&& f) {
  for_each_shape_layer_backwards<S, 0, S::layer_count>(f);
}

/// Layer sizes read at run time: the Thrust trainer's general path, for any network of 2 inputs, 1 output
/// and up to max_hidden_layers hidden layers of up to max_width units. Its loops cannot be unrolled, so a
/// network's parameters live in memory rather than registers: slower than a compiled Shape, but no shape
/// needs compiling.
struct AnyShape {
  static constexpr int max_hidden_layers = 8;  ///< Hidden layers, at most.
  static constexpr int max_width = 16;         ///< Units a hidden layer, at most.
  static constexpr int unit_capacity =
      2 + max_hidden_layers * max_width + 1;  ///< Units, inputs included, at most.
  static constexpr bool compiled = false;     ///< Sizes known only at run time.

  int layer_count = 0;                    ///< Number of Linear layers.
  int unit_count = 0;                     ///< Inputs, hidden units and outputs together.
  int param_count = 0;                    ///< Number of weights and biases.
  int sizes[max_hidden_layers + 2] = {};  ///< Width of each layer boundary, inputs first.

  /// The shape `sizes` spells, or nullopt if it is not 2 inputs, 1 output and at most
  /// max_hidden_layers hidden layers of 1 to max_width units.
  static std::optional<AnyShape> of(const std::vector<int>& sizes) {
    const int boundaries = static_cast<int>(sizes.size());
    if (boundaries < 2 || boundaries > max_hidden_layers + 2 || sizes.front() != 2 || sizes.back() != 1)
      return std::nullopt;
    AnyShape shape;
    shape.layer_count = boundaries - 1;
    for (int l = 0; l < boundaries; ++l) {
      const bool hidden = l > 0 && l + 1 < boundaries;
      if (hidden && (sizes[l] < 1 || sizes[l] > max_width)) return std::nullopt;
      shape.sizes[l] = sizes[l];
      shape.unit_count += sizes[l];
    }
    shape.param_count = parameter_total(shape, shape.layer_count);
    return shape;
  }

  /// Width of layer boundary l (0 = inputs).
  NN_HOST_DEVICE int size(int l) const { return sizes[l]; }
  /// Where layer l's units start among all units (inputs first).
  NN_HOST_DEVICE int unit_offset(int l) const { return nn::unit_offset(*this, l); }
  /// Where layer l's weights start among the parameters (parameter_layout.hpp).
  NN_HOST_DEVICE int weight_offset(int l) const { return nn::weight_offset(*this, l); }
};

/// Layer l of an AnyShape: ShapeLayer's fields, read at run time.
struct AnyShapeLayer {
  int index;      ///< Which layer, 0 first.
  int in;         ///< Its inputs.
  int out;        ///< Its outputs.
  int first_in;   ///< Where its inputs start among the units.
  int first_out;  ///< Where its outputs start among the units.
  int weights;    ///< Where its weights start (out x in, row by row).
  int biases;     ///< Where its biases start.
  /// Where the weight from input i to output o is.
  NN_HOST_DEVICE int weight(int o, int i) const { return weights + o * in + i; }

  /// Layer l of `shape`.
  NN_HOST_DEVICE static AnyShapeLayer of(const AnyShape& shape, int l) {
    const int first_in = shape.unit_offset(l);
    return {l,
            shape.size(l),
            shape.size(l + 1),
            first_in,
            first_in + shape.size(l),
            shape.weight_offset(l),
            bias_offset(shape, l)};
  }
};

/// for_each_layer for an AnyShape: a loop, calling f(AnyShapeLayer) for each layer.
template <class F>
NN_HOST_DEVICE inline void for_each_layer(const AnyShape& shape, F&& f) {
  for (int l = 0; l < shape.layer_count; ++l) f(AnyShapeLayer::of(shape, l));
}

/// for_each_layer_backwards for an AnyShape.
template <class F>
NN_HOST_DEVICE inline void for_each_layer_backwards(const AnyShape& shape, F&& f) {
  for (int l = shape.layer_count - 1; l >= 0; --l) f(AnyShapeLayer::of(shape, l));
}

/// The layer sizes the Thrust trainer is compiled for, for every backend: these keep a network in registers.
/// Any other shape AnyShape takes trains on the general path. Add a shape by adding it here.
using SupportedShapes = std::tuple<Shape<2, 1>, Shape<2, 1, 1>, Shape<2, 2, 1>, Shape<2, 3, 1>,
                                   Shape<2, 5, 1>, Shape<2, 5, 5, 1>>;

/// The supported shapes as --layers spells them: "2,1 or 2,1,1 or ...".
inline std::string supported_shapes_text() {
  std::string text;
  std::apply(
      [&text](auto... shapes) { ((text += (text.empty() ? "" : " or ") + sizes_text(shapes.sizes())), ...); },
      SupportedShapes{});
  return text;
}

/// What --layers the Thrust trainer takes, for its error message.
inline std::string trainable_shapes_text() {
  return "2,H1,...,1 with 0 to " + std::to_string(AnyShape::max_hidden_layers) + " hidden layers of 1 to " +
         std::to_string(AnyShape::max_width) + " units";
}

/// Calls f(Shape<...>{}) for the compiled shape matching `sizes`, or else f(AnyShape) for the general path,
/// and returns what it returns; with `general_path`, f(AnyShape) even for a compiled shape. Throws InputError
/// for a shape the trainer does not take.
template <class F>
auto dispatch_shape(const std::vector<int>& sizes, bool general_path, F&& f) {
  const std::optional<AnyShape> any = AnyShape::of(sizes);
  if (!any)
    throw InputError("the Thrust trainer takes --layers " + trainable_shapes_text() + ", got " +
                     sizes_text(sizes));
  std::optional<decltype(f(*any))> result;
  if (!general_path) {
    std::apply(
        [&](auto... shapes) {
          ((!result && sizes == shapes.sizes() ? (void)result.emplace(f(shapes)) : void()), ...);
        },
        SupportedShapes{});
  }
  if (!result) result.emplace(f(*any));
  return std::move(*result);
}

}  // namespace nn::batched
