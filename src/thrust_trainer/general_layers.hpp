#pragma once
/// \file
/// The general path's layer arithmetic: one Linear layer's sums, its gradient and the gradient it passes
/// down, and an activation or its slope over a whole layer, for sizes read at run time. TrainGroup calls
/// these for AnyShape where a compiled Shape unrolls its own loops.
///
/// Two things make the general path fast without changing a bit of its arithmetic. The activation is chosen
/// once a layer, not once a unit: a switch picks a loop compiled for that activation, which the compiler
/// vectorises across the lanes like any other line, where a call a unit could not be. And the loops over
/// a layer's units are blocked, several outputs (or inputs) at a time, so that each value read from memory
/// is used several times while it is in a register. Each sum still adds its terms one by one in the order
/// the compiled path and the xtensor trainer add them, so the networks are the same, bit for bit, on the
/// CPU.

#include <cstddef>
#include <type_traits>
#include <utility>

#include "nn/activation.hpp"
#include "thrust_trainer/network_shape.hpp"

namespace nn::batched {

/// A run of units' values, one row a unit and one column a lane (one network of the group): row r, lane
/// l is rows[r][l].
template <int Lanes>
using UnitRows = float (*)[Lanes];

/// with_constant_activation's fold over the enum's values.
template <class F, std::size_t... I>
NN_HOST_DEVICE NN_INLINE void with_constant_activation(Activation g, F& f, std::index_sequence<I...>) {
  (void)((g == static_cast<Activation>(I)
              ? (f(std::integral_constant<Activation, static_cast<Activation>(I)>{}), true)
              : false) ||
         ...);
}

/// Calls f(std::integral_constant<Activation, g>{}): code written once for a compile-time activation, run
/// for the one `g` names. Every activation of the enum is compiled in, so a new one needs no line here.
template <class F>
NN_HOST_DEVICE NN_INLINE void with_constant_activation(Activation g, F&& f) {
  with_constant_activation(g, f, std::make_index_sequence<activation_names.size()>{});
}

/// a = g(z) on `count` rows. Out of line: called once a layer, and compiled once for every activation.
template <int Lanes>
NN_HOST_DEVICE NN_NOINLINE void activate_rows(Activation g, UnitRows<Lanes> z, UnitRows<Lanes> a, int count) {
  with_constant_activation(g, [&](auto activation) {
    for (int r = 0; r < count; ++r)
      NN_SIMD for (int lane = 0; lane < Lanes; ++lane) a[r][lane] = activate(activation.value, z[r][lane]);
  });
}

/// s = g'(z), given a = g(z), on `count` rows.
template <int Lanes>
NN_HOST_DEVICE NN_NOINLINE void slope_rows(Activation g, UnitRows<Lanes> z, UnitRows<Lanes> a,
                                           UnitRows<Lanes> s, int count) {
  with_constant_activation(g, [&](auto activation) {
    for (int r = 0; r < count; ++r)
      NN_SIMD for (int lane = 0; lane < Lanes; ++lane) s[r][lane] =
          activation_slope(activation.value, z[r][lane], a[r][lane]);
  });
}

/// dz *= g'(z), given a = g(z), on `count` rows: dL/da through the activation to dL/dz.
template <int Lanes>
NN_HOST_DEVICE NN_NOINLINE void multiply_by_slope(Activation g, UnitRows<Lanes> z, UnitRows<Lanes> a,
                                                  UnitRows<Lanes> dz, int count) {
  with_constant_activation(g, [&](auto activation) {
    for (int r = 0; r < count; ++r)
      NN_SIMD for (int lane = 0; lane < Lanes; ++lane) dz[r][lane] =
          dz[r][lane] * activation_slope(activation.value, z[r][lane], a[r][lane]);
  });
}

/// How many of a layer's outputs (or inputs) the blocked loops take at a time. On the CPU a block's sums
/// fill a few vector registers; a GPU thread, with one lane, keeps them in registers just the same.
inline constexpr int unit_block = 4;

/// z = W in + b for `Block` outputs from `first`: each sum starts at 0 and adds w_oi in_i for i = 0, 1, ...
/// and then the bias, as the compiled path's does.
template <int Block, int Lanes, class Params>
NN_HOST_DEVICE NN_INLINE void block_sums(const AnyShapeLayer& layer, const Params& p, int first,
                                         UnitRows<Lanes> in, UnitRows<Lanes> z) {
  float sum[Block][Lanes];
  for (int b = 0; b < Block; ++b) NN_SIMD for (int lane = 0; lane < Lanes; ++lane) sum[b][lane] = 0.0f;
  for (int i = 0; i < layer.in; ++i) {
    for (int b = 0; b < Block; ++b) {
      const float* w = p[layer.weight(first + b, i)];
      NN_SIMD for (int lane = 0; lane < Lanes; ++lane) sum[b][lane] += w[lane] * in[i][lane];
    }
  }
  for (int b = 0; b < Block; ++b) {
    const float* bias = p[layer.biases + first + b];
    NN_SIMD for (int lane = 0; lane < Lanes; ++lane) z[first + b][lane] = sum[b][lane] + bias[lane];
  }
}

/// A layer's sums, z = W in + b, for every output.
template <int Lanes, class Params>
NN_HOST_DEVICE NN_INLINE void layer_sums(const AnyShapeLayer& layer, const Params& p, UnitRows<Lanes> in,
                                         UnitRows<Lanes> z) {
  int o = 0;
  for (; o + unit_block <= layer.out; o += unit_block) block_sums<unit_block>(layer, p, o, in, z);
  for (; o < layer.out; ++o) block_sums<1>(layer, p, o, in, z);
}

/// Adds one row's dL/dW = dz in^T and dL/db = dz to the layer's gradient g.
template <int Lanes, class Params>
NN_HOST_DEVICE NN_INLINE void add_layer_gradient(const AnyShapeLayer& layer, UnitRows<Lanes> dz,
                                                 UnitRows<Lanes> in, Params& g) {
  for (int o = 0; o < layer.out; ++o) {
    for (int i = 0; i < layer.in; ++i) {
      float* gw = g[layer.weight(o, i)];
      NN_SIMD for (int lane = 0; lane < Lanes; ++lane) gw[lane] += dz[o][lane] * in[i][lane];
    }
    float* gb = g[layer.biases + o];
    NN_SIMD for (int lane = 0; lane < Lanes; ++lane) gb[lane] += dz[o][lane];
  }
}

/// dL/da for `Block` inputs from `first`: sum over o = 0, 1, ... of dz_o w_oi, as the compiled path adds it.
template <int Block, int Lanes, class Params>
NN_HOST_DEVICE NN_INLINE void block_input_gradients(const AnyShapeLayer& layer, const Params& p, int first,
                                                    UnitRows<Lanes> dz, UnitRows<Lanes> da) {
  float sum[Block][Lanes];
  for (int b = 0; b < Block; ++b) NN_SIMD for (int lane = 0; lane < Lanes; ++lane) sum[b][lane] = 0.0f;
  for (int o = 0; o < layer.out; ++o) {
    for (int b = 0; b < Block; ++b) {
      const float* w = p[layer.weight(o, first + b)];
      NN_SIMD for (int lane = 0; lane < Lanes; ++lane) sum[b][lane] += dz[o][lane] * w[lane];
    }
  }
  for (int b = 0; b < Block; ++b)
    NN_SIMD for (int lane = 0; lane < Lanes; ++lane) da[first + b][lane] = sum[b][lane];
}

/// dL/da = W^T dz for every input of the layer: the gradient the layer passes down, before the slope of the
/// activation below it.
template <int Lanes, class Params>
NN_HOST_DEVICE NN_INLINE void layer_input_gradients(const AnyShapeLayer& layer, const Params& p,
                                                    UnitRows<Lanes> dz, UnitRows<Lanes> da) {
  int i = 0;
  for (; i + unit_block <= layer.in; i += unit_block) block_input_gradients<unit_block>(layer, p, i, dz, da);
  for (; i < layer.in; ++i) block_input_gradients<1>(layer, p, i, dz, da);
}

}  // namespace nn::batched
