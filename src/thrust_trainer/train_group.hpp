#pragma once
/// \file
/// The whole training of a group of networks in one functor call, for `thrust::for_each` over group
/// indices. Everything a network needs (weights, Adam's moments, gradients, its random stream) lives in
/// local arrays for the length of the run; memory is read once at the start and written once at the end.
/// On the GPU a group is one network, trained by one thread; on the CPU it is `Lanes` neighbouring
/// networks whose arithmetic the compiler vectorises, lane by lane. ("Group", not "block": on a GPU a
/// CUDA thread block runs many groups, one a thread, and the launch's blocks are Thrust's choice.)
///
/// The arithmetic follows the xtensor trainer (chapter 2) step for step and in the same order, so that
/// both agree to rounding: same initialisation draws, same batches, same loss, same update rule.

#include <cstdint>

#include "nn/activation.hpp"
#include "nn/gates.hpp"
#include "nn/loss.hpp"
#include "thrust_trainer/network_shape.hpp"
#include "nn/random.hpp"
#include "nn/update_rule.hpp"

namespace nn {

/// Pointers and settings a TrainGroup reads; device arrays are structure-of-arrays: entry [k * N + n].
struct GroupArgs {
  std::int64_t networks;           ///< N.
  std::uint64_t first_seed;        ///< Network n uses seed first_seed + n.
  const float* initial_parameters; ///< [param_count], shared by all networks; nullptr: draw from the seed.
  Loss loss;                       ///< Trained loss.
  Optimizer optimizer;             ///< Update rule.
  Gate gate;                       ///< Gate to learn.
  float lr;                        ///< Learning rate.
  int epochs;                      ///< Epochs.
  int batch_size;                  ///< Rows of a random batch.
  int batches_per_epoch;           ///< Steps per epoch.
  bool full_batch;                 ///< Use the four truth-table rows each step.
  Activation activation;           ///< Read where A is any_activation. One byte, in full_batch's padding: a
                                   ///< larger functor made nvcc put a network's parameters on the stack.
  float* final_loss;               ///< [N] out: chosen loss on the truth table.
  float* final_l1_loss;            ///< [N] out: L1 loss on the truth table.
  float* predictions;              ///< [4 * N] out: outputs on rows 00, 01, 10, 11.
  std::uint8_t* learned;           ///< [N] out: 1 if the network learned the gate (outcome.hpp's rule).
  std::uint8_t* rounds_correctly;  ///< [N] out: 1 if all four outputs round to the targets, whatever the loss.
  float* train_loss_history;       ///< [epochs * N] out, or nullptr.
  float* table_loss_history;       ///< [epochs * N] out, or nullptr.
  float* parameters;               ///< [param_count * N] out, or nullptr.
};

/// Not an activation: TrainGroup's A when the activation is GroupArgs::activation, read at run time. One
/// compiled trainer per shape then serves every activation but none and tanh, so a new activation adds no
/// kernel to compile, at the price of a switch at every unit.
inline constexpr Activation any_activation = static_cast<Activation>(255);

/// Trains networks [group * Lanes, group * Lanes + Lanes) of shape S with activation A after every layer.
/// Lanes past N repeat network N - 1 and store nothing. A is a template argument so that the activation's
/// switch disappears from the inner loops, which the compiler can then vectorise; any_activation leaves
/// the choice to GroupArgs::activation.
template <class S, int Lanes, Activation A>
struct TrainGroup {
  GroupArgs args;  ///< What to train and where to write.

  static constexpr int P = S::param_count;  ///< Parameters per network.
  static constexpr int U = S::unit_count;   ///< Units per network, inputs included.
  static constexpr int L = S::layer_count;  ///< Linear layers.

  /// Trains one group.
  NN_HOST_DEVICE void operator()(std::int64_t group) const {
    std::int64_t network[Lanes];
    NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
      const std::int64_t n = group * Lanes + lane;
      network[lane] = n < args.networks ? n : args.networks - 1;
    }
    float p[P][Lanes], m[P][Lanes], v[P][Lanes], g[P][Lanes];
    Engine stream[Lanes];
    NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
      initialise(p, lane, args.first_seed + static_cast<std::uint64_t>(network[lane]));
      stream[lane] = make_engine(args.first_seed + static_cast<std::uint64_t>(network[lane]), Stream::batches);
    }
    NN_UNROLL
    for (int k = 0; k < P; ++k)
      NN_SIMD for (int lane = 0; lane < Lanes; ++lane) m[k][lane] = v[k][lane] = 0.0f;

    int step = 0;
    for (int epoch = 0; epoch < args.epochs; ++epoch) {
      double epoch_loss[Lanes] = {};
      for (int b = 0; b < args.batches_per_epoch; ++b) {
        NN_UNROLL
        for (int k = 0; k < P; ++k)
          NN_SIMD for (int lane = 0; lane < Lanes; ++lane) g[k][lane] = 0.0f;
        float batch_loss[Lanes] = {};
        const int rows = args.full_batch ? 4 : args.batch_size;
        for (int r = 0; r < rows; ++r) {
          float x[2][Lanes], target[Lanes];
          if (args.full_batch) {  // the same row for every lane
            const float target_r = static_cast<float>(gate_output(args.gate, r >> 1, r & 1));
            NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
              x[0][lane] = static_cast<float>(r >> 1);
              x[1][lane] = static_cast<float>(r & 1);
              target[lane] = target_r;
            }
          } else {
            NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
              const int a = random_bit(stream[lane]);
              const int c = random_bit(stream[lane]);
              x[0][lane] = static_cast<float>(a);
              x[1][lane] = static_cast<float>(c);
              target[lane] = static_cast<float>(gate_output(args.gate, a, c));
            }
          }
          accumulate_gradient(p, x, target, rows, g, batch_loss);
        }
        update(p, g, m, v, ++step);
        NN_SIMD for (int lane = 0; lane < Lanes; ++lane)
          epoch_loss[lane] += batch_loss[lane] / static_cast<float>(rows);
      }
      float table_loss[Lanes], table_l1[Lanes], outputs[4][Lanes];
      evaluate(p, outputs, table_loss, table_l1);
      NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
        if (!stores(group, lane)) continue;
        const std::int64_t n = network[lane];
        if (args.train_loss_history)
          args.train_loss_history[epoch * args.networks + n] =
              static_cast<float>(epoch_loss[lane] / args.batches_per_epoch);
        if (args.table_loss_history) args.table_loss_history[epoch * args.networks + n] = table_loss[lane];
      }
    }
    store_results(group, network, p);
  }

 private:
  NN_HOST_DEVICE bool stores(std::int64_t group, int lane) const {
    return group * Lanes + lane < args.networks;
  }

  // g(z), and g'(z) from z and a = g(z): A's own code, which the compiler folds into the loops, or, for
  // any_activation, one call to `chosen`, the activation the arguments name. (Static, with `chosen` passed
  // in: a lambda that captured `this` would make nvcc copy the functor to the stack.)
  NN_HOST_DEVICE NN_INLINE static float activated(Activation chosen, float z) {
    if constexpr (A == any_activation) return activate_out_of_line(chosen, z);
    else return activate(A, z);
  }
  NN_HOST_DEVICE NN_INLINE static float slope(Activation chosen, float z, float a) {
    if constexpr (A == any_activation) return activation_slope_out_of_line(chosen, z, a);
    else return activation_slope(A, z, a);
  }

  // Calls, not inlined: inlined, every activation's code (sin's and exp's among it) would be compiled again at
  // each of the unrolled loops' hundreds of units, which multiplies nvcc's time.
  NN_HOST_DEVICE NN_NOINLINE static float activate_out_of_line(Activation activation, float z) {
    return activate(activation, z);
  }
  NN_HOST_DEVICE NN_NOINLINE static float activation_slope_out_of_line(Activation activation, float z, float a) {
    return activation_slope(activation, z, a);
  }

  // Network::initialised's draws: layer by layer, weights row by row, then biases, U(-1/sqrt(in), 1/sqrt(in)).
  NN_HOST_DEVICE NN_INLINE void initialise(float (&p)[P][Lanes], int lane, std::uint64_t seed) const {
    if (args.initial_parameters) {
      NN_UNROLL
      for (int k = 0; k < P; ++k) p[k][lane] = args.initial_parameters[k];
      return;
    }
    Engine engine = make_engine(seed, Stream::initial_weights);
    NN_UNROLL
    for (int l = 0; l < L; ++l) {
      const float bound = 1.0f / sqrtf(static_cast<float>(S::size(l)));
      NN_UNROLL
      for (int k = S::weight_offset(l); k < S::weight_offset(l + 1); ++k) p[k][lane] = uniform(engine, -bound, bound);
    }
  }

  // ANCHOR: forward
  // z = W a + b and a' = g(z), layer by layer; a[0..1] hold the inputs.
  NN_HOST_DEVICE NN_INLINE static void forward(Activation chosen, const float (&p)[P][Lanes],
                                               float (&a)[U][Lanes], float (&z)[U][Lanes]) {
    for_each_layer<S>([&](auto layer) {
      using Layer = decltype(layer);
      NN_UNROLL
      for (int o = 0; o < Layer::out; ++o) {
        NN_SIMD for (int lane = 0; lane < Lanes; ++lane) z[Layer::first_out + o][lane] = 0.0f;
        NN_UNROLL
        for (int i = 0; i < Layer::in; ++i) {
          NN_SIMD for (int lane = 0; lane < Lanes; ++lane)
            z[Layer::first_out + o][lane] += p[Layer::weight(o, i)][lane] * a[Layer::first_in + i][lane];
        }
        NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
          z[Layer::first_out + o][lane] += p[Layer::biases + o][lane];
          a[Layer::first_out + o][lane] = activated(chosen, z[Layer::first_out + o][lane]);
        }
      }
    });
  }
  // ANCHOR_END: forward

  // One row's forward and backward pass, adding dL/dp of the batch mean to g and the row's loss to batch_loss.
  NN_HOST_DEVICE NN_INLINE void accumulate_gradient(const float (&p)[P][Lanes], const float (&x)[2][Lanes],
                                          const float (&target)[Lanes], int rows, float (&g)[P][Lanes],
                                          float (&batch_loss)[Lanes]) const {
    float a[U][Lanes], z[U][Lanes], dz[U][Lanes];
    NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
      a[0][lane] = x[0][lane];
      a[1][lane] = x[1][lane];
    }
    const Activation chosen = args.activation;
    forward(chosen, p, a, z);
    const int y = U - 1;
    NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
      batch_loss[lane] += loss_value(args.loss, a[y][lane], target[lane]);
      // dL/dz = dL/dy * g'(z), with dL/dy of the batch mean
      dz[y][lane] = loss_derivative(args.loss, a[y][lane], target[lane]) / static_cast<float>(rows) *
                    slope(chosen, z[y][lane], a[y][lane]);
    }
    for_each_layer_backwards<S>([&](auto layer) {
      using Layer = decltype(layer);
      NN_UNROLL
      for (int o = 0; o < Layer::out; ++o) {
        NN_UNROLL
        for (int i = 0; i < Layer::in; ++i) {
          NN_SIMD for (int lane = 0; lane < Lanes; ++lane)
            g[Layer::weight(o, i)][lane] += dz[Layer::first_out + o][lane] * a[Layer::first_in + i][lane];
        }
        NN_SIMD for (int lane = 0; lane < Lanes; ++lane) g[Layer::biases + o][lane] += dz[Layer::first_out + o][lane];
      }
      if constexpr (Layer::index > 0) {
        NN_UNROLL
        for (int i = 0; i < Layer::in; ++i) {
          // dL/da_in = sum_o dz_o W_oi, then through the activation below
          float da[Lanes] = {};
          NN_UNROLL
          for (int o = 0; o < Layer::out; ++o) {
            NN_SIMD for (int lane = 0; lane < Lanes; ++lane)
              da[lane] += dz[Layer::first_out + o][lane] * p[Layer::weight(o, i)][lane];
          }
          NN_SIMD for (int lane = 0; lane < Lanes; ++lane)
            dz[Layer::first_in + i][lane] =
                da[lane] * slope(chosen, z[Layer::first_in + i][lane], a[Layer::first_in + i][lane]);
        }
      }
    });
  }

  NN_HOST_DEVICE NN_INLINE void update(float (&p)[P][Lanes], const float (&g)[P][Lanes], float (&m)[P][Lanes],
                             float (&v)[P][Lanes], int step) const {
    // The choice of rule stays outside the loops, which leaves them free of branches to vectorise.
    if (args.optimizer == Optimizer::sgd) {
      NN_UNROLL
      for (int k = 0; k < P; ++k)
        NN_SIMD for (int lane = 0; lane < Lanes; ++lane) sgd_update(p[k][lane], g[k][lane], args.lr);
      return;
    }
    const AdamStep adam = adam_step(args.lr, step);
    NN_UNROLL
    for (int k = 0; k < P; ++k)
      NN_SIMD for (int lane = 0; lane < Lanes; ++lane)
        adam_update(p[k][lane], g[k][lane], m[k][lane], v[k][lane], adam);
  }

  // The outputs on rows 00, 01, 10, 11, their mean trained loss and mean L1 loss.
  NN_HOST_DEVICE NN_INLINE void evaluate(const float (&p)[P][Lanes], float (&outputs)[4][Lanes], float (&loss)[Lanes],
                               float (&l1)[Lanes]) const {
    float loss_sum[Lanes] = {}, l1_sum[Lanes] = {};
    NN_UNROLL
    for (int r = 0; r < 4; ++r) {
      float a[U][Lanes], z[U][Lanes];
      NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
        a[0][lane] = static_cast<float>(r >> 1);
        a[1][lane] = static_cast<float>(r & 1);
      }
      forward(args.activation, p, a, z);
      const float target = static_cast<float>(gate_output(args.gate, r >> 1, r & 1));
      NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
        outputs[r][lane] = a[U - 1][lane];
        loss_sum[lane] += loss_value(args.loss, outputs[r][lane], target);
        l1_sum[lane] += loss_value(Loss::l1, outputs[r][lane], target);
      }
    }
    NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
      loss[lane] = loss_sum[lane] / 4.0f;
      l1[lane] = l1_sum[lane] / 4.0f;
    }
  }

  NN_HOST_DEVICE NN_INLINE void store_results(std::int64_t group, const std::int64_t (&network)[Lanes],
                                    const float (&p)[P][Lanes]) const {
    float outputs[4][Lanes], loss[Lanes], l1[Lanes];
    evaluate(p, outputs, loss, l1);
    const std::int64_t N = args.networks;
    NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
      if (!stores(group, lane)) continue;
      const std::int64_t n = network[lane];
      bool rounds_right = true;
      NN_UNROLL
      for (int r = 0; r < 4; ++r) {
        args.predictions[r * N + n] = outputs[r][lane];
        const float target = static_cast<float>(gate_output(args.gate, r >> 1, r & 1));
        rounds_right = rounds_right && rounds_to_target(outputs[r][lane], target);
      }
      args.final_loss[n] = loss[lane];
      args.final_l1_loss[n] = l1[lane];
      args.rounds_correctly[n] = rounds_right;
      args.learned[n] = rounds_right && l1[lane] < learned_l1_threshold;
      if (args.parameters) {
        NN_UNROLL
        for (int k = 0; k < P; ++k) args.parameters[k * N + n] = p[k][lane];
      }
    }
  }
};

}  // namespace nn
