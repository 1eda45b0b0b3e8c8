#pragma once
/// \file
/// The general path's layer arithmetic: one Linear layer's sums, its gradient and the gradient it passes
/// down, and an activation or its slope over a whole layer, for sizes read at run time. TrainGroup calls
/// these for AnyShape where a compiled Shape unrolls its own loops.
///
/// Two things make the general path fast without changing a bit of its arithmetic. The activation is chosen
/// once a layer, not once a unit: a switch picks a loop compiled for that activation, which the compiler
/// vectorises across the lanes like any other line, where a call a unit could not be. And the loops are
/// blocked, several rows of a batch and several of a layer's outputs (or inputs) at a time, so that each
/// value read from memory is used several times while it is in a register. Each sum still adds its terms
/// one by one in the order the compiled path and the xtensor trainer add them, so the networks are the
/// same, bit for bit, on the CPU.

#include <cstddef>
#include <type_traits>
#include <utility>

#include "nn/activation.hpp"
#include "thrust_trainer/network_shape.hpp"

namespace nn::batched {

/// The values of a run of units for a block of `Rows` rows of a batch: unit u, row r, lane l (one network of
/// the group) at [u][r][l].
template <int Rows, int Lanes>
using UnitRows = float (*)[Rows][Lanes];

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

// ANCHOR: activate_rows
/// a = g(z) on `count` units. Out of line: called once a layer, and compiled once for every activation.
template <int Rows, int Lanes>
NN_HOST_DEVICE NN_NOINLINE void activate_rows(Activation g, UnitRows<Rows, Lanes> z, UnitRows<Rows, Lanes> a,
                                              int count) {
  with_constant_activation(g, [&](auto activation) {
    for (int u = 0; u < count; ++u)
      for (int r = 0; r < Rows; ++r)
        NN_SIMD for (int lane = 0; lane < Lanes; ++lane) a[u][r][lane] =
            activate(activation.value, z[u][r][lane]);
  });
}
// ANCHOR_END: activate_rows

/// s = g'(z), given a = g(z), on `count` units.
template <int Rows, int Lanes>
NN_HOST_DEVICE NN_NOINLINE void slope_rows(Activation g, UnitRows<Rows, Lanes> z, UnitRows<Rows, Lanes> a,
                                           UnitRows<Rows, Lanes> s, int count) {
  with_constant_activation(g, [&](auto activation) {
    for (int u = 0; u < count; ++u)
      for (int r = 0; r < Rows; ++r)
        NN_SIMD for (int lane = 0; lane < Lanes; ++lane) s[u][r][lane] =
            activation_slope(activation.value, z[u][r][lane], a[u][r][lane]);
  });
}

/// dz *= g'(z), given a = g(z), on `count` units: dL/da through the activation to dL/dz.
template <int Rows, int Lanes>
NN_HOST_DEVICE NN_NOINLINE void multiply_by_slope(Activation g, UnitRows<Rows, Lanes> z,
                                                  UnitRows<Rows, Lanes> a, UnitRows<Rows, Lanes> dz,
                                                  int count) {
  with_constant_activation(g, [&](auto activation) {
    for (int u = 0; u < count; ++u)
      for (int r = 0; r < Rows; ++r)
        NN_SIMD for (int lane = 0; lane < Lanes; ++lane) dz[u][r][lane] =
            dz[u][r][lane] * activation_slope(activation.value, z[u][r][lane], a[u][r][lane]);
  });
}

/// How many rows of a batch the general path takes through the network at a time, and how many of a
/// layer's outputs (or inputs) its loops take at a time: each weight read from memory then serves every row
/// of the block, and each input every output of the block, while the block's sums wait in registers (all
/// 16 of them, with AVX-512's 32 vector registers; a GPU thread, with one lane, keeps them just the same).
/// Measured on a 16-lane group: 4 and 4 ran 1.4 times as fast as 1 and 4 with AVX-512, and within a tenth
/// of the best of the sizes tried with SSE2, whose 16 registers cannot hold the sums.
inline constexpr int row_block = 4;
/// How many of a layer's outputs (or inputs) the general path's loops take at a time (row_block says why).
inline constexpr int unit_block = 4;

/// z = W in + b for `Block` outputs from `first`: each sum starts at 0 and adds w_oi in_i for i = 0, 1, ...
/// and then the bias, as the compiled path's does.
template <int Block, int Rows, int Lanes, class Params>
NN_HOST_DEVICE NN_INLINE void block_sums(const AnyShapeLayer& layer, const Params& p, int first,
                                         UnitRows<Rows, Lanes> in, UnitRows<Rows, Lanes> z) {
  float sum[Block][Rows][Lanes];
  for (int b = 0; b < Block; ++b)
    for (int r = 0; r < Rows; ++r) NN_SIMD for (int lane = 0; lane < Lanes; ++lane) sum[b][r][lane] = 0.0f;
  for (int i = 0; i < layer.in; ++i) {
    for (int b = 0; b < Block; ++b) {
      const float* w = p[layer.weight(first + b, i)];
      for (int r = 0; r < Rows; ++r)
        NN_SIMD for (int lane = 0; lane < Lanes; ++lane) sum[b][r][lane] += w[lane] * in[i][r][lane];
    }
  }
  for (int b = 0; b < Block; ++b) {
    const float* bias = p[layer.biases + first + b];
    for (int r = 0; r < Rows; ++r)
      NN_SIMD for (int lane = 0; lane < Lanes; ++lane) z[first + b][r][lane] = sum[b][r][lane] + bias[lane];
  }
}

/// A layer's sums, z = W in + b, for every output.
template <int Rows, int Lanes, class Params>
NN_HOST_DEVICE NN_INLINE void layer_sums(const AnyShapeLayer& layer, const Params& p,
                                         UnitRows<Rows, Lanes> in, UnitRows<Rows, Lanes> z) {
  int o = 0;
  for (; o + unit_block <= layer.out; o += unit_block) block_sums<unit_block>(layer, p, o, in, z);
  for (; o < layer.out; ++o) block_sums<1>(layer, p, o, in, z);
}

/// Adds the block's dL/dW = dz in^T and dL/db = dz to the gradient g for `Block` outputs from `first`, a row
/// at a time in the rows' order, as the compiled path adds them.
template <int Block, int Rows, int Lanes, class Params>
NN_HOST_DEVICE NN_INLINE void add_block_gradient(const AnyShapeLayer& layer, int first,
                                                 UnitRows<Rows, Lanes> dz, UnitRows<Rows, Lanes> in,
                                                 Params& g) {
  for (int i = 0; i < layer.in; ++i) {
    for (int b = 0; b < Block; ++b) {
      float* gw = g[layer.weight(first + b, i)];
      NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
        float sum = gw[lane];
        for (int r = 0; r < Rows; ++r) sum += dz[first + b][r][lane] * in[i][r][lane];
        gw[lane] = sum;
      }
    }
  }
  for (int b = 0; b < Block; ++b) {
    float* gb = g[layer.biases + first + b];
    NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
      float sum = gb[lane];
      for (int r = 0; r < Rows; ++r) sum += dz[first + b][r][lane];
      gb[lane] = sum;
    }
  }
}

/// Adds the block's dL/dW and dL/db to the layer's gradient g, for every output.
template <int Rows, int Lanes, class Params>
NN_HOST_DEVICE NN_INLINE void add_layer_gradient(const AnyShapeLayer& layer, UnitRows<Rows, Lanes> dz,
                                                 UnitRows<Rows, Lanes> in, Params& g) {
  int o = 0;
  for (; o + unit_block <= layer.out; o += unit_block) add_block_gradient<unit_block>(layer, o, dz, in, g);
  for (; o < layer.out; ++o) add_block_gradient<1>(layer, o, dz, in, g);
}

/// dL/da for `Block` inputs from `first`: sum over o = 0, 1, ... of dz_o w_oi, as the compiled path adds it.
template <int Block, int Rows, int Lanes, class Params>
NN_HOST_DEVICE NN_INLINE void block_input_gradients(const AnyShapeLayer& layer, const Params& p, int first,
                                                    UnitRows<Rows, Lanes> dz, UnitRows<Rows, Lanes> da) {
  float sum[Block][Rows][Lanes];
  for (int b = 0; b < Block; ++b)
    for (int r = 0; r < Rows; ++r) NN_SIMD for (int lane = 0; lane < Lanes; ++lane) sum[b][r][lane] = 0.0f;
  for (int o = 0; o < layer.out; ++o) {
    for (int b = 0; b < Block; ++b) {
      const float* w = p[layer.weight(o, first + b)];
      for (int r = 0; r < Rows; ++r)
        NN_SIMD for (int lane = 0; lane < Lanes; ++lane) sum[b][r][lane] += dz[o][r][lane] * w[lane];
    }
  }
  for (int b = 0; b < Block; ++b)
    for (int r = 0; r < Rows; ++r)
      NN_SIMD for (int lane = 0; lane < Lanes; ++lane) da[first + b][r][lane] = sum[b][r][lane];
}

/// dL/da = W^T dz for every input of the layer: the gradient the layer passes down, before the slope of the
/// activation below it.
template <int Rows, int Lanes, class Params>
NN_HOST_DEVICE NN_INLINE void layer_input_gradients(const AnyShapeLayer& layer, const Params& p,
                                                    UnitRows<Rows, Lanes> dz, UnitRows<Rows, Lanes> da) {
  int i = 0;
  for (; i + unit_block <= layer.in; i += unit_block) block_input_gradients<unit_block>(layer, p, i, dz, da);
  for (; i < layer.in; ++i) block_input_gradients<1>(layer, p, i, dz, da);
}

}  // namespace nn::batched
