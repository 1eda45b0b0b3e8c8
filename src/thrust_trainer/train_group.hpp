#pragma once
/// \file
/// The whole training of a group of networks in one functor call, for `thrust::for_each` over group
/// indices. For a compiled shape, everything a network needs (weights, Adam's moments, gradients, its random
/// stream) lives in local arrays for the length of the run; memory is read once at the start and written
/// once at the end. The general path (AnyShape) keeps the weights, moments and gradients in a device
/// workspace instead, since arrays sized at run time cannot live in registers, and makes up for it with the
/// blocked loops of general_layers.hpp: several rows and units at a time, the activation chosen a layer at a
/// time.
/// On the GPU a group is one network, trained by one thread; on the CPU it is `Lanes` neighbouring
/// networks whose arithmetic the compiler vectorises, lane by lane. ("Group", not "block": on a GPU a
/// CUDA thread block runs many groups, one a thread, and the launch's blocks are Thrust's choice.)
///
/// The arithmetic follows the xtensor trainer (chapter 2) step for step and in the same order, so that
/// both agree to rounding: same initialisation draws, same batches, same loss, same update rule.

#include <cstdint>

#include "nn/activation.hpp"
#include "nn/gates.hpp"
#include "nn/initialisation.hpp"
#include "nn/inputs.hpp"
#include "nn/loss.hpp"
#include "thrust_trainer/general_layers.hpp"
#include "thrust_trainer/network_shape.hpp"
#include "nn/random.hpp"
#include "nn/update_rule.hpp"

namespace nn::batched {

/// What a TrainGroup reads beyond GroupArgs, for a point set, for learned epochs or on the general path. In
/// device memory, behind one pointer: each field in GroupArgs itself made the functor larger, and a functor
/// larger by a few pointers made nvcc put a 2,5,5,1 network's parameters on the stack.
struct GroupExtras {
  const float*
      train_points;  ///< [3 * train_rows * N]: row r's x1, x2, class at [(3r + j) * N + n]; or nullptr.
  const float* test_points;      ///< [3 * test_rows * N], as train_points: the held-out rows.
  int train_rows;                ///< Rows of each network's training set.
  int test_rows;                 ///< Rows of each network's test set.
  std::int32_t* train_right;     ///< [N] out for point sets: training rows whose output rounds to the class.
  std::int32_t* test_right;      ///< [N] out for point sets: test rows likewise.
  float* test_loss;              ///< [N] out for point sets: chosen loss on the test rows.
  std::int32_t* learned_epoch;   ///< [N] out, or nullptr: first epoch (1-based) after which the network met
                                 ///< the learned rule, 0 if none did.
  float* workspace;              ///< The general path's parameters, Adam moments and gradients (LaneRows):
                                 ///< on the CPU [group][4][param_count][Lanes], on a GPU
                                 ///< [4][param_count][groups]; nullptr for a compiled shape.
  Activation output_activation;  ///< General path: the activation after the output layer. (A compiled shape
                                 ///< trains the demo's design: GroupArgs::activation after every layer.)
  Init init;                     ///< General path: the rule for the starting weights (compiled: pytorch).
  Inputs inputs;                 ///< General path: the inputs' scale (compiled: unit).
  const std::int32_t* trace_epochs;  ///< General path: [trace_count] epochs, ascending, after which to keep
                                     ///< the parameters (0: before the first step); or nullptr.
  int trace_count;                   ///< How many.
  float* snapshots;                  ///< [trace_count][param_count][N] out: the parameters kept.
};

/// Pointers and settings a TrainGroup reads; device arrays are structure-of-arrays: entry [k * N + n].
/// A job trains on a gate's truth table, or, where train_points is set, on a point set: network n on its
/// own split (seed first_seed + n), as chapter 2 with --dataset and --seed first_seed + n.
struct GroupArgs {
  std::int64_t networks;            ///< N.
  std::uint64_t first_seed;         ///< Network n uses seed first_seed + n.
  const float* initial_parameters;  ///< [param_count], shared by all networks; nullptr: draw from the seed.
  Loss loss;                        ///< Trained loss.
  Optimizer optimizer;              ///< Update rule.
  Gate gate;                        ///< Gate to learn.
  float lr;                         ///< Learning rate.
  int epochs;                       ///< Epochs.
  int batch_size;                   ///< Rows of a random batch.
  int batches_per_epoch;            ///< Steps per epoch.
  bool full_batch;                  ///< Use the four truth-table rows each step.
  Activation activation;            ///< Read where A is any_activation. One byte, in full_batch's padding: a
                                    ///< larger functor made nvcc put a network's parameters on the stack.
  bool on_points;                   ///< Train on extras' point sets, not the gate. Also in the padding.
  float* final_loss;      ///< [N] out: chosen loss on the training rows (a gate's: its truth table).
  float* final_l1_loss;   ///< [N] out: L1 loss on the training rows.
  float* predictions;     ///< [4 * N] out: outputs on rows 00, 01, 10, 11.
  std::uint8_t* learned;  ///< [N] out: 1 if the network learned its data (meets_learned_rule).
  std::uint8_t*
      rounds_correctly;       ///< [N] out: 1 if all four outputs round to the targets, whatever the loss.
  float* train_loss_history;  ///< [epochs * N] out, or nullptr.
  float* training_set_loss_history;  ///< [epochs * N] out, or nullptr.
  float* parameters;                 ///< [param_count * N] out, or nullptr.
  const GroupExtras* extras;         ///< Point sets, learned epochs and the general path's workspace, or
                                     ///< nullptr for none of them.
};

/// One of a general-path network group's parameter arrays, held in GroupArgs::workspace: entry [k][lane] at
/// first[k * stride + lane]. On the CPU a group's arrays lie together, stride Lanes, so that a group's
/// training walks a few pages of memory rather than one page a parameter; on a GPU (one lane) stride is the
/// number of groups, so that neighbouring threads read neighbouring floats.
struct LaneRows {
  float* first;         ///< Entry [0][0].
  std::int64_t stride;  ///< Floats from one parameter's row to the next.
  /// Parameter k's row, indexed by lane.
  NN_HOST_DEVICE float* operator[](int k) const { return first + k * stride; }
};

/// Not an activation: TrainGroup's A when the activation is GroupArgs::activation, read at run time. One
/// compiled trainer per shape then serves every activation but none and tanh, so a new activation adds no
/// kernel to compile, at the price of a switch at every unit (on the general path, at every layer:
/// general_layers.hpp).
inline constexpr Activation any_activation = static_cast<Activation>(255);

/// How a group's `Lanes` networks do on what they are judged on: the truth table, or a point set's training
/// set (and, where asked, its test set). TrainGroup fills it after an epoch and at the end.
template <int Lanes>
struct LaneJudgement {
  float outputs[4][Lanes];      ///< Gates: outputs on rows 00, 01, 10, 11.
  float loss[Lanes] = {};       ///< Mean trained loss: truth table or training set.
  float l1[Lanes] = {};         ///< Mean L1 loss, likewise.
  bool rounds_right[Lanes];     ///< Every row judged on rounds to its target.
  bool learned[Lanes] = {};     ///< The gate's rule, or learned_point_set on the test set.
  int train_right[Lanes] = {};  ///< Training rows right (a gate: of its four).
  int test_right[Lanes] = {};   ///< Point sets, if the test set was judged: test rows right.
  float test_loss[Lanes] = {};  ///< Likewise: mean trained loss on the test rows.
};

/// Trains networks [group * Lanes, group * Lanes + Lanes) of shape S with activation A after every layer.
/// Lanes past N repeat network N - 1 and store nothing. A is a template argument so that the activation's
/// switch disappears from the inner loops, which the compiler can then vectorise; any_activation leaves
/// the choice to GroupArgs::activation. S is a compiled Shape, whose parameters live in local arrays, or
/// AnyShape, whose parameters live in GroupArgs::workspace. (S is a base, not a member: a compiled Shape
/// is empty and then takes no room in the functor.)
template <class S, int Lanes, Activation A>
struct TrainGroup : private S {
  GroupArgs args;  ///< What to train and where to write.

  /// The trainer for `args`, of shape `shape` (for a compiled Shape, its only value).
  TrainGroup(const GroupArgs& args, const S& shape = S{}) : S(shape), args(args) {}

  static constexpr int U = S::unit_capacity;  ///< Rows of the per-unit arrays, inputs included.

  /// Trains one group.
  NN_CPU_CLONES NN_HOST_DEVICE void operator()(std::int64_t group) const {
    if constexpr (S::compiled) {
      constexpr int P = S::param_count;
      float p[P][Lanes], m[P][Lanes], v[P][Lanes], g[P][Lanes];
      train(group, S{}, p, m, v, g);
    } else {
      const S& shape = *this;
      const std::int64_t groups = (args.networks + Lanes - 1) / Lanes, P = shape.param_count;
      float* workspace = args.extras->workspace;
      const auto block = [&](std::int64_t b) {
        if constexpr (Lanes > 1)
          return LaneRows{workspace + (group * 4 + b) * P * Lanes, Lanes};
        else
          return LaneRows{workspace + b * P * groups + group, groups};
      };
      LaneRows p = block(0), m = block(1), v = block(2), g = block(3);
      train(group, shape, p, m, v, g);
    }
  }

 private:
  template <class Params>
  NN_HOST_DEVICE NN_INLINE void train(std::int64_t group, const S& shape, Params& p, Params& m, Params& v,
                                      Params& g) const {
    std::int64_t network[Lanes];
    NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
      const std::int64_t n = group * Lanes + lane;
      network[lane] = n < args.networks ? n : args.networks - 1;
    }
    Engine stream[Lanes];
    NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
      initialise(shape, p, lane, args.first_seed + static_cast<std::uint64_t>(network[lane]));
      stream[lane] =
          make_engine(args.first_seed + static_cast<std::uint64_t>(network[lane]), Stream::batches);
    }
    NN_UNROLL
    for (int k = 0; k < shape.param_count; ++k)
      NN_SIMD for (int lane = 0; lane < Lanes; ++lane) m[k][lane] = v[k][lane] = g[k][lane] = 0.0f;
    keep_snapshot(shape, group, network, p, 0);

    std::int32_t learned_epoch[Lanes] = {};
    int step = 0;
    for (int epoch = 0; epoch < args.epochs; ++epoch) {
      double epoch_loss[Lanes] = {};
      for (int b = 0; b < args.batches_per_epoch; ++b) {
        // Each batch's gradient starts from zero: a compiled shape clears its registers here; the general
        // path cleared its memory in the last update's pass (a pass of its own took a thirteenth of the deep
        // benchmark's time).
        if constexpr (S::compiled) {
          NN_UNROLL
          for (int k = 0; k < shape.param_count; ++k)
            NN_SIMD for (int lane = 0; lane < Lanes; ++lane) g[k][lane] = 0.0f;
        }
        float batch_loss[Lanes] = {};
        const int rows = !args.full_batch ? args.batch_size : on_points() ? args.extras->train_rows : 4;
        accumulate_batch(shape, p, network, stream, rows, g, batch_loss);
        update(shape, p, g, m, v, ++step);
        NN_SIMD for (int lane = 0; lane < Lanes; ++lane) epoch_loss[lane] +=
            batch_loss[lane] / static_cast<float>(rows);
      }
      LaneJudgement<Lanes> judged;
      const bool judge_learned = args.extras && args.extras->learned_epoch;
      if (args.training_set_loss_history || judge_learned) judge(shape, p, network, judged, judge_learned);
      NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
        if (learned_epoch[lane] == 0 && judged.learned[lane]) learned_epoch[lane] = epoch + 1;
        if (!stores(group, lane)) continue;
        const std::int64_t n = network[lane];
        if (args.train_loss_history)
          args.train_loss_history[epoch * args.networks + n] =
              static_cast<float>(epoch_loss[lane] / args.batches_per_epoch);
        if (args.training_set_loss_history)
          args.training_set_loss_history[epoch * args.networks + n] = judged.loss[lane];
      }
      keep_snapshot(shape, group, network, p, epoch + 1);
    }
    store_results(shape, group, network, p, learned_epoch);
  }

  // Point sets train on the general path only: their code, compiled into a Shape's kernels too, pushed
  // nvcc to spill a 2,5,1 network's registers to the stack even on the gates.
  NN_HOST_DEVICE bool on_points() const {
    if constexpr (S::compiled)
      return false;
    else
      return args.on_points;
  }

  NN_HOST_DEVICE bool stores(std::int64_t group, int lane) const {
    return group * Lanes + lane < args.networks;
  }

  // What only the general path varies: a compiled shape trains the demo's design (one activation after every
  // layer, PyTorch's initialisation, the inputs as given, no bce), so that these choices, folded to constants
  // there, add nothing to its kernels.
  NN_HOST_DEVICE Activation output_activation() const {
    if constexpr (S::compiled)
      return args.activation;
    else
      return args.extras->output_activation;
  }
  NN_HOST_DEVICE Init initialisation() const {
    if constexpr (S::compiled)
      return Init::pytorch;
    else
      return args.extras->init;
  }
  NN_HOST_DEVICE float input(float x) const {
    if constexpr (S::compiled)
      return x;
    else
      return encoded_input(args.extras->inputs, x);
  }
  // The loss of one output with sum z and value y against target t.
  NN_HOST_DEVICE float row_loss(float z, float y, float t) const {
    if constexpr (S::compiled)
      return loss_value(args.loss, y, t);
    else
      return output_loss(args.loss, z, y, t);
  }
  // dL/dz of the output's sum for the batch mean over `rows`: dL/dy / rows * g'(z), with g'(z) = slope
  // (bce: (y - t) / rows, its sigmoid's slope cancelled).
  NN_HOST_DEVICE float sum_gradient(float y, float t, float slope, int rows) const {
    if constexpr (S::compiled)
      return loss_derivative(args.loss, y, t) / static_cast<float>(rows) * slope;
    else
      return output_sum_gradient(args.loss, y, t, slope, static_cast<float>(rows));
  }

  // Row j (x1, x2 or class) of a point set's row r for network n: structure of arrays, [(3r + j) * N + n].
  NN_HOST_DEVICE static float point(const float* points, std::int64_t networks, int r, int j,
                                    std::int64_t n) {
    return points[(3 * static_cast<std::int64_t>(r) + j) * networks + n];
  }

  // Row r of a batch: with full_batch, row r of the truth table or training set, the same row for every lane;
  // otherwise a random bit pair (first bit, then second), or a random training row, from each lane's stream.
  NN_HOST_DEVICE NN_INLINE void batch_row(int r, const std::int64_t (&network)[Lanes],
                                          Engine (&stream)[Lanes], float (&x)[2][Lanes],
                                          float (&target)[Lanes]) const {
    if (on_points()) {
      const float* points = args.extras->train_points;
      const int rows = args.extras->train_rows;
      NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
        const int row = args.full_batch ? r : random_row(stream[lane], rows);
        x[0][lane] = point(points, args.networks, row, 0, network[lane]);
        x[1][lane] = point(points, args.networks, row, 1, network[lane]);
        target[lane] = point(points, args.networks, row, 2, network[lane]);
      }
    } else if (args.full_batch) {
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
  }

  // ANCHOR: any_activation
  // g(z), and g'(z) from z and a = g(z): A's own code, which the compiler folds into the loops, or, for
  // any_activation, one call to `chosen`, the activation the arguments name. (Static, with `chosen` passed
  // in: a lambda that captured `this` would make nvcc copy the functor to the stack.)
  NN_HOST_DEVICE NN_INLINE static float activated(Activation chosen, float z) {
    if constexpr (A == any_activation)
      return activate_out_of_line(chosen, z);
    else
      return activate(A, z);
  }
  NN_HOST_DEVICE NN_INLINE static float slope(Activation chosen, float z, float a) {
    if constexpr (A == any_activation)
      return activation_slope_out_of_line(chosen, z, a);
    else
      return activation_slope(A, z, a);
  }
  // ANCHOR_END: any_activation

  // Calls, not inlined: inlined, every activation's code (sin's and exp's among it) would be compiled again
  // at each of the unrolled loops' hundreds of units, which multiplies nvcc's time.
  NN_HOST_DEVICE NN_NOINLINE static float activate_out_of_line(Activation activation, float z) {
    return activate(activation, z);
  }
  NN_HOST_DEVICE NN_NOINLINE static float activation_slope_out_of_line(Activation activation, float z,
                                                                       float a) {
    return activation_slope(activation, z, a);
  }

  // Network::initialised's draws: layer by layer, weights row by row, then biases, from U(-a, a) with
  // a = initial_weight_bound (PyTorch's a = 1/sqrt(in) by default); biases 0 where the rule draws none.
  template <class Params>
  NN_HOST_DEVICE NN_INLINE void initialise(const S& shape, Params& p, int lane, std::uint64_t seed) const {
    if (args.initial_parameters) {
      NN_UNROLL
      for (int k = 0; k < shape.param_count; ++k) p[k][lane] = args.initial_parameters[k];
      return;
    }
    Engine engine = make_engine(seed, Stream::initial_weights);
    const Init init = initialisation();
    for_each_layer(shape, [&](auto layer) {
      const float bound = initial_weight_bound(init, layer.in, layer.out);
      const bool draws = draws_biases(init);
      NN_UNROLL
      for (int k = layer.weights; k < layer.biases + layer.out; ++k)
        p[k][lane] = k < layer.biases || draws ? uniform(engine, -bound, bound) : 0.0f;
    });
  }

  // ANCHOR: forward
  // z = W a + b and a' = g(z), layer by layer, with g = `output` after the last layer; a[0..1] hold the
  // inputs.
  template <class Params>
  NN_HOST_DEVICE NN_INLINE static void forward(Activation chosen, Activation output, const S& shape,
                                               const Params& p, float (&a)[U][Lanes], float (&z)[U][Lanes]) {
    for_each_layer(shape, [&](auto layer) {
      const Activation g = layer.index + 1 == shape.layer_count ? output : chosen;
      NN_UNROLL
      for (int o = 0; o < layer.out; ++o) {
        NN_SIMD for (int lane = 0; lane < Lanes; ++lane) z[layer.first_out + o][lane] = 0.0f;
        NN_UNROLL
        for (int i = 0; i < layer.in; ++i) {
          NN_SIMD for (int lane = 0; lane < Lanes; ++lane) z[layer.first_out + o][lane] +=
              p[layer.weight(o, i)][lane] * a[layer.first_in + i][lane];
        }
        NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
          z[layer.first_out + o][lane] += p[layer.biases + o][lane];
          a[layer.first_out + o][lane] = activated(g, z[layer.first_out + o][lane]);
        }
      }
    });
  }
  // ANCHOR_END: forward

  // The general path's forward pass for a block of Rows rows: the same sums in the same order, a layer at a
  // time (general_layers.hpp), with the activation chosen once a layer.
  template <int Rows>
  using BlockUnits = float[U][Rows][Lanes];
  template <int Rows>
  NN_HOST_DEVICE NN_INLINE static void forward_rows(Activation chosen, Activation output, const S& shape,
                                                    const LaneRows& p, BlockUnits<Rows>& a,
                                                    BlockUnits<Rows>& z) {
    for (int l = 0; l < shape.layer_count; ++l) {
      const AnyShapeLayer layer = AnyShapeLayer::of(shape, l);
      layer_sums(layer, p, a + layer.first_in, z + layer.first_out);
      activate_rows(l + 1 == shape.layer_count ? output : chosen, z + layer.first_out, a + layer.first_out,
                    layer.out);
    }
  }

  // Adds the batch's gradient to g and each row's loss to batch_loss, a row at a time, in the rows' order.
  template <class Params>
  NN_HOST_DEVICE NN_INLINE void accumulate_batch(const S& shape, const Params& p,
                                                 const std::int64_t (&network)[Lanes],
                                                 Engine (&stream)[Lanes], int rows, Params& g,
                                                 float (&batch_loss)[Lanes]) const {
    for (int r = 0; r < rows; ++r) {
      float x[2][Lanes], target[Lanes];
      batch_row(r, network, stream, x, target);
      accumulate_gradient(shape, p, x, target, rows, g, batch_loss);
    }
  }

  // The general path's: row_block rows at a time (general_layers.hpp), and what is left one by one. Each
  // parameter's gradient still gets the rows' terms in the rows' order.
  NN_HOST_DEVICE NN_INLINE void accumulate_batch(const S& shape, const LaneRows& p,
                                                 const std::int64_t (&network)[Lanes],
                                                 Engine (&stream)[Lanes], int rows, LaneRows& g,
                                                 float (&batch_loss)[Lanes]) const {
    int r = 0;
    for (; r + row_block <= rows; r += row_block)
      accumulate_rows<row_block>(shape, p, network, stream, r, rows, g, batch_loss);
    for (; r < rows; ++r) accumulate_rows<1>(shape, p, network, stream, r, rows, g, batch_loss);
  }

  // Rows [first, first + Rows) of a batch of `rows`: forward, loss, and backward into g.
  template <int Rows>
  NN_HOST_DEVICE NN_INLINE void accumulate_rows(const S& shape, const LaneRows& p,
                                                const std::int64_t (&network)[Lanes], Engine (&stream)[Lanes],
                                                int first, int rows, LaneRows& g,
                                                float (&batch_loss)[Lanes]) const {
    BlockUnits<Rows> a, z, dz;
    float target[Rows][Lanes];
    for (int r = 0; r < Rows; ++r) {
      float x[2][Lanes];
      batch_row(first + r, network, stream, x, target[r]);
      NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
        a[0][r][lane] = input(x[0][lane]);
        a[1][r][lane] = input(x[1][lane]);
      }
    }
    const Activation chosen = args.activation, output = output_activation();
    forward_rows<Rows>(chosen, output, shape, p, a, z);
    const int y = shape.unit_count - 1;
    slope_rows(output, z + y, a + y, dz + y, 1);  // g'(z) of the output, into its row of dz
    for (int r = 0; r < Rows; ++r) {
      NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
        batch_loss[lane] += row_loss(z[y][r][lane], a[y][r][lane], target[r][lane]);
        dz[y][r][lane] = sum_gradient(a[y][r][lane], target[r][lane], dz[y][r][lane], rows);
      }
    }
    for (int l = shape.layer_count - 1; l >= 0; --l) {
      const AnyShapeLayer layer = AnyShapeLayer::of(shape, l);
      add_layer_gradient(layer, dz + layer.first_out, a + layer.first_in, g);
      if (l > 0) {
        layer_input_gradients(layer, p, dz + layer.first_out, dz + layer.first_in);
        multiply_by_slope(chosen, z + layer.first_in, a + layer.first_in, dz + layer.first_in, layer.in);
      }
    }
  }

  // One row's forward and backward pass, adding dL/dp of the batch mean to g and the row's loss to
  // batch_loss.
  template <class Params>
  NN_HOST_DEVICE NN_INLINE void accumulate_gradient(const S& shape, const Params& p,
                                                    const float (&x)[2][Lanes], const float (&target)[Lanes],
                                                    int rows, Params& g, float (&batch_loss)[Lanes]) const {
    float a[U][Lanes], z[U][Lanes], dz[U][Lanes];
    NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
      a[0][lane] = input(x[0][lane]);
      a[1][lane] = input(x[1][lane]);
    }
    const Activation chosen = args.activation, output = output_activation();
    forward(chosen, output, shape, p, a, z);
    const int y = shape.unit_count - 1;
    NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
      batch_loss[lane] += row_loss(z[y][lane], a[y][lane], target[lane]);
      dz[y][lane] = sum_gradient(a[y][lane], target[lane], slope(output, z[y][lane], a[y][lane]), rows);
    }
    for_each_layer_backwards(shape, [&](auto layer) {
      NN_UNROLL
      for (int o = 0; o < layer.out; ++o) {
        NN_UNROLL
        for (int i = 0; i < layer.in; ++i) {
          NN_SIMD for (int lane = 0; lane < Lanes; ++lane) g[layer.weight(o, i)][lane] +=
              dz[layer.first_out + o][lane] * a[layer.first_in + i][lane];
        }
        NN_SIMD for (int lane = 0; lane < Lanes; ++lane) g[layer.biases + o][lane] +=
            dz[layer.first_out + o][lane];
      }
      if (layer.index > 0) {
        NN_UNROLL
        for (int i = 0; i < layer.in; ++i) {
          // dL/da_in = sum_o dz_o W_oi, then through the activation below
          float da[Lanes] = {};
          NN_UNROLL
          for (int o = 0; o < layer.out; ++o) {
            NN_SIMD for (int lane = 0; lane < Lanes; ++lane) da[lane] +=
                dz[layer.first_out + o][lane] * p[layer.weight(o, i)][lane];
          }
          NN_SIMD for (int lane = 0; lane < Lanes; ++lane) dz[layer.first_in + i][lane] =
              da[lane] * slope(chosen, z[layer.first_in + i][lane], a[layer.first_in + i][lane]);
        }
      }
    });
  }

  template <class Params>
  NN_HOST_DEVICE NN_INLINE void update(const S& shape, Params& p, Params& g, Params& m, Params& v,
                                       int step) const {
    // The choice of rule stays outside the loops, which leaves them free of branches to vectorise.
    if (args.optimizer == Optimizer::sgd) {
      NN_UNROLL
      for (int k = 0; k < shape.param_count; ++k) {
        NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
          sgd_update(p[k][lane], g[k][lane], args.lr);
          clear_on_general_path(g[k][lane]);
        }
      }
      return;
    }
    const AdamStep adam = adam_step(args.lr, step);
    NN_UNROLL
    for (int k = 0; k < shape.param_count; ++k) {
      NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
        adam_update(p[k][lane], g[k][lane], m[k][lane], v[k][lane], adam);
        clear_on_general_path(g[k][lane]);
      }
    }
  }

  // The general path's gradient, in memory, is cleared for the next batch as the update reads it.
  NN_HOST_DEVICE static void clear_on_general_path(float& gradient) {
    if constexpr (!S::compiled) gradient = 0.0f;
  }

  // Judges the group on what its data set is judged on, as nn::evaluate does: every training row (a gate's
  // four truth-table rows) and, where asked, a point set's test rows (a gate's test rows are its training
  // rows); then each data set's own rule for "learned" (nn::meets_learned_rule).
  template <class Params>
  NN_HOST_DEVICE NN_INLINE void judge(const S& shape, const Params& p, const std::int64_t (&network)[Lanes],
                                      LaneJudgement<Lanes>& judged, bool with_test_set) const {
    if (!on_points()) {
      judge_rows<true>(shape, p, network, nullptr, 4, judged.loss, judged.l1, judged.train_right,
                       judged.outputs);
    } else {
      judge_rows<false>(shape, p, network, args.extras->train_points, args.extras->train_rows, judged.loss,
                        judged.l1, judged.train_right, judged.outputs);
    }
    const int train_rows = on_points() ? args.extras->train_rows : 4;
    NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
      judged.loss[lane] /= static_cast<float>(train_rows);
      judged.l1[lane] /= static_cast<float>(train_rows);
      judged.rounds_right[lane] = judged.train_right[lane] == train_rows;
      // A gate's rule; a point set's reads its test rows, below.
      if (!on_points())
        judged.learned[lane] = judged.rounds_right[lane] && judged.l1[lane] < learned_l1_threshold;
    }
    if (!on_points() || !with_test_set) return;  // a gate's test rows are its training rows
    const GroupExtras& data = *args.extras;
    float test_l1[Lanes] = {};  // not reported: "learned" reads the test set's right rows alone
    judge_rows<false>(shape, p, network, data.test_points, data.test_rows, judged.test_loss, test_l1,
                      judged.test_right, judged.outputs);
    NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
      judged.test_loss[lane] /= static_cast<float>(data.test_rows);
      judged.learned[lane] = learned_point_set(judged.test_right[lane], data.test_rows);
    }
  }

  // Runs every network of the group on `rows` rows, adding each row's trained loss to `loss`, its L1 loss to
  // `l1` and 1 to `right` where it rounds right. On a gate (OnGate) the rows are its truth table's four, held
  // as constants, and the outputs are kept in `outputs` (its predictions); otherwise row r of `points`. A
  // template argument, not a run-time test, so that a gate's loop unrolls and `outputs` stays in registers.
  template <bool OnGate, class Params>
  NN_HOST_DEVICE NN_INLINE void judge_rows(const S& shape, const Params& p,
                                           const std::int64_t (&network)[Lanes], const float* points,
                                           int rows, float (&loss)[Lanes], float (&l1)[Lanes],
                                           int (&right)[Lanes], float (&outputs)[4][Lanes]) const {
    NN_UNROLL
    for (int r = 0; r < (OnGate ? 4 : rows); ++r) {
      float a[U][Lanes], z[U][Lanes], target[Lanes];
      NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
        if constexpr (OnGate) {
          a[0][lane] = input(static_cast<float>(r >> 1));
          a[1][lane] = input(static_cast<float>(r & 1));
          target[lane] = static_cast<float>(gate_output(args.gate, r >> 1, r & 1));
        } else {
          a[0][lane] = input(point(points, args.networks, r, 0, network[lane]));
          a[1][lane] = input(point(points, args.networks, r, 1, network[lane]));
          target[lane] = point(points, args.networks, r, 2, network[lane]);
        }
      }
      forward(args.activation, output_activation(), shape, p, a, z);
      NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
        const float y = a[shape.unit_count - 1][lane];
        if constexpr (OnGate) outputs[r][lane] = y;
        loss[lane] += row_loss(z[shape.unit_count - 1][lane], y, target[lane]);
        l1[lane] += loss_value(Loss::l1, y, target[lane]);
        right[lane] += rounds_to_target(y, target[lane]);
      }
    }
  }

  // The general path's: row_block rows at a time, and what is left one by one.
  template <bool OnGate>
  NN_HOST_DEVICE NN_INLINE void judge_rows(const S& shape, const LaneRows& p,
                                           const std::int64_t (&network)[Lanes], const float* points,
                                           int rows, float (&loss)[Lanes], float (&l1)[Lanes],
                                           int (&right)[Lanes], float (&outputs)[4][Lanes]) const {
    int r = 0;
    for (; r + row_block <= rows; r += row_block)
      judge_block<OnGate, row_block>(shape, p, network, points, r, loss, l1, right, outputs);
    for (; r < rows; ++r) judge_block<OnGate, 1>(shape, p, network, points, r, loss, l1, right, outputs);
  }

  // Rows [first, first + Rows) of judge_rows.
  template <bool OnGate, int Rows>
  NN_HOST_DEVICE NN_INLINE void judge_block(const S& shape, const LaneRows& p,
                                            const std::int64_t (&network)[Lanes], const float* points,
                                            int first, float (&loss)[Lanes], float (&l1)[Lanes],
                                            int (&right)[Lanes], float (&outputs)[4][Lanes]) const {
    BlockUnits<Rows> a, z;
    float target[Rows][Lanes];
    for (int r = 0; r < Rows; ++r) {
      const int row = first + r;
      NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
        if constexpr (OnGate) {
          a[0][r][lane] = input(static_cast<float>(row >> 1));
          a[1][r][lane] = input(static_cast<float>(row & 1));
          target[r][lane] = static_cast<float>(gate_output(args.gate, row >> 1, row & 1));
        } else {
          a[0][r][lane] = input(point(points, args.networks, row, 0, network[lane]));
          a[1][r][lane] = input(point(points, args.networks, row, 1, network[lane]));
          target[r][lane] = point(points, args.networks, row, 2, network[lane]);
        }
      }
    }
    forward_rows<Rows>(args.activation, output_activation(), shape, p, a, z);
    const int y = shape.unit_count - 1;
    for (int r = 0; r < Rows; ++r) {
      NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
        const float out = a[y][r][lane];
        if constexpr (OnGate) outputs[first + r][lane] = out;
        loss[lane] += row_loss(z[y][r][lane], out, target[r][lane]);
        l1[lane] += loss_value(Loss::l1, out, target[r][lane]);
        right[lane] += rounds_to_target(out, target[r][lane]);
      }
    }
  }

  // Keeps the parameters after `epochs_done` epochs where the job traces its layers then; the host computes
  // the layers' statistics from them (nn::layer_statistics). The general path only: a job that traces trains
  // there (BatchedJob::needs_general_path), so the compiled shapes' kernels stay as they were.
  template <class Params>
  NN_HOST_DEVICE NN_INLINE void keep_snapshot(const S& shape, std::int64_t group,
                                              const std::int64_t (&network)[Lanes], const Params& p,
                                              int epochs_done) const {
    if constexpr (!S::compiled) {
      const GroupExtras& extras = *args.extras;
      for (int t = 0; t < extras.trace_count; ++t) {
        if (extras.trace_epochs[t] != epochs_done) continue;
        float* snapshot = extras.snapshots + static_cast<std::int64_t>(t) * shape.param_count * args.networks;
        for (int k = 0; k < shape.param_count; ++k) {
          for (int lane = 0; lane < Lanes; ++lane) {
            if (stores(group, lane)) snapshot[k * args.networks + network[lane]] = p[k][lane];
          }
        }
      }
    }
  }

  template <class Params>
  NN_HOST_DEVICE NN_INLINE void store_results(const S& shape, std::int64_t group,
                                              const std::int64_t (&network)[Lanes], const Params& p,
                                              const std::int32_t (&learned_epoch)[Lanes]) const {
    LaneJudgement<Lanes> judged;
    judge(shape, p, network, judged, true);
    const std::int64_t N = args.networks;
    NN_SIMD for (int lane = 0; lane < Lanes; ++lane) {
      if (!stores(group, lane)) continue;
      const std::int64_t n = network[lane];
      if (on_points()) {
        args.extras->train_right[n] = judged.train_right[lane];
        args.extras->test_right[n] = judged.test_right[lane];
        args.extras->test_loss[n] = judged.test_loss[lane];
      } else {
        NN_UNROLL
        for (int r = 0; r < 4; ++r) args.predictions[r * N + n] = judged.outputs[r][lane];
      }
      args.final_loss[n] = judged.loss[lane];
      args.final_l1_loss[n] = judged.l1[lane];
      args.rounds_correctly[n] = judged.rounds_right[lane];
      args.learned[n] = judged.learned[lane];
      if (args.extras && args.extras->learned_epoch) args.extras->learned_epoch[n] = learned_epoch[lane];
      if (args.parameters) {
        NN_UNROLL
        for (int k = 0; k < shape.param_count; ++k) args.parameters[k * N + n] = p[k][lane];
      }
    }
  }
};

}  // namespace nn::batched
