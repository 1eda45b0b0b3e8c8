// The Thrust trainer's general path (AnyShape: sizes read at run time, parameters in memory) against its
// compiled path (Shape<...>: parameters in registers or vector lanes), and the trainer on point sets
// against the xtensor trainer, network by network. On the CPU backend both paths make the same arithmetic
// in the same order, so they agree bit for bit; CUDA variants skip with a message where no GPU is present.

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "nn/activation.hpp"
#include "nn/error.hpp"
#include "nn/network.hpp"
#include "nn/outcome.hpp"
#include "nn/point_sets.hpp"
#include "nn/train.hpp"
#include "thrust_trainer/batched_job.hpp"

namespace {

#define SKIP_WITHOUT_GPU()                                           \
  if (!nn::batched::cuda_available())                                \
  GTEST_SKIP() << "no CUDA GPU present (or no CUDA backend built): " \
                  "the CUDA variant is skipped"

// 37 networks: two full CPU groups of 16 and a partial one, whose unused lanes must store nothing.
nn::batched::BatchedJob job_of(const std::vector<int>& layers, nn::Activation activation) {
  nn::batched::BatchedJob job;
  job.layers = layers;
  job.activation = activation;
  job.train.seed = 41;
  job.train.epochs = 4;
  job.networks = 37;
  job.keep_history = job.keep_parameters = job.keep_learned_epoch = true;
  return job;
}

void expect_same_results(const nn::batched::BatchedResult& compiled,
                         const nn::batched::BatchedResult& general, float tolerance,
                         const std::string& what) {
  const auto expect_close = [&](const std::vector<float>& a, const std::vector<float>& b, const char* name) {
    ASSERT_EQ(a.size(), b.size()) << what << " " << name;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (tolerance == 0.0f) {
        ASSERT_EQ(a[i], b[i]) << what << " " << name << " [" << i << "]";
      } else {
        ASSERT_NEAR(a[i], b[i], tolerance * (1.0f + std::fabs(a[i])))
            << what << " " << name << " [" << i << "]";
      }
    }
  };
  expect_close(compiled.final_loss, general.final_loss, "final_loss");
  expect_close(compiled.predictions, general.predictions, "predictions");
  expect_close(compiled.parameters, general.parameters, "parameters");
  expect_close(compiled.train_loss_history, general.train_loss_history, "train_loss_history");
  expect_close(compiled.training_set_loss_history, general.training_set_loss_history,
               "training_set_loss_history");
  if (tolerance == 0.0f) {
    EXPECT_EQ(compiled.learned, general.learned) << what;
    EXPECT_EQ(compiled.learned_epoch, general.learned_epoch) << what;
  }
}

void expect_general_path_is_compiled_path(nn::batched::Device device, float tolerance) {
  for (const std::vector<int>& layers : {std::vector<int>{2, 1, 1}, std::vector<int>{2, 5, 5, 1}}) {
    for (nn::Activation activation : nn::all_activations()) {
      nn::batched::BatchedJob job = job_of(layers, activation);
      const nn::batched::BatchedResult compiled = nn::batched::train_batched(job, device);
      job.general_path = true;
      const nn::batched::BatchedResult general = nn::batched::train_batched(job, device);
      expect_same_results(compiled, general, tolerance, nn::activation_name(activation));
      if (activation == nn::Activation::tanh) {
        EXPECT_GT(compiled.learned_count, 0) << "a comparison of networks that all fail would hide little";
      }
    }
  }
}

TEST(GeneralPath, IsTheCompiledPathBitForBitOnTheCpu) {
  expect_general_path_is_compiled_path(nn::batched::Device::cpu, 0.0f);
}

// nvcc may fuse multiplies and adds differently where the sizes are constants, so CUDA agrees to rounding.
TEST(GeneralPath, IsTheCompiledPathOnCuda) {
  SKIP_WITHOUT_GPU();
  expect_general_path_is_compiled_path(nn::batched::Device::cuda, 1e-4f);
}

// Network n of a point-set job is chapter 2's network for seed + n: the same split, the same training, the
// same counts of right points; losses to float rounding (the xtensor trainer sums a set's rows its own way).
// Odd numbers of rows (61 training, 39 test, 7 a random batch), so that the general path's blocks of
// several rows (row_block) leave a row over, which it takes on its own.
void expect_point_sets_match_xtensor(nn::batched::Device device, nn::PointSet set,
                                     const std::vector<int>& layers, bool full_batch) {
  nn::batched::BatchedJob job = job_of(layers, nn::Activation::tanh);
  job.networks = 3;
  job.data = {set, 61, 39};
  job.train.batch_size = 7;
  job.train.loss = nn::Loss::mse;
  job.train.full_batch = full_batch;
  job.train.lr = 0.05f;
  job.train.epochs = 6;
  job.train.batches_per_epoch = full_batch ? 5 : 20;
  const nn::batched::BatchedResult thrust = nn::batched::train_batched(job, device);
  ASSERT_EQ(thrust.test_right.size(), 3u);
  for (std::int64_t n = 0; n < job.networks; ++n) {
    nn::TrainConfig config = job.train;
    config.seed = job.train.seed + static_cast<std::uint64_t>(n);
    const nn::Dataset data = nn::make_dataset(job.data, config.seed);
    nn::Network network = nn::Network::initialised(layers, job.activation, config.seed);
    const nn::TrainHistory history = nn::train(network, data, config, {});
    const nn::Outcome outcome = nn::evaluate(network, data, config.loss);
    const std::string what = nn::point_set_name(set) + " network " + std::to_string(n);
    EXPECT_EQ(thrust.train_right[n], outcome.train.right) << what;
    EXPECT_EQ(thrust.test_right[n], outcome.test.right) << what;
    EXPECT_EQ(thrust.learned[n] == 1, outcome.learned) << what;
    EXPECT_NEAR(thrust.final_loss[n], outcome.train_loss, 1e-5) << what;
    EXPECT_NEAR(thrust.test_loss[n], outcome.test_loss, 1e-5) << what;
    for (int epoch = 0; epoch < config.epochs; ++epoch) {
      EXPECT_NEAR(thrust.training_set_loss_history[n * config.epochs + epoch],
                  history.training_set_loss[epoch], 1e-5)
          << what << " epoch " << epoch;
    }
  }
}

TEST(PointSets, EachNetworkIsChapter2sOnTheCpu) {
  // Point sets train on the general path, shapes of the compiled list included.
  expect_point_sets_match_xtensor(nn::batched::Device::cpu, nn::PointSet::ring, {2, 7, 3, 1}, true);
  expect_point_sets_match_xtensor(nn::batched::Device::cpu, nn::PointSet::quadrants, {2, 5, 5, 1}, false);
}

TEST(PointSets, EachNetworkIsChapter2sOnCuda) {
  SKIP_WITHOUT_GPU();
  expect_point_sets_match_xtensor(nn::batched::Device::cuda, nn::PointSet::ring, {2, 7, 3, 1}, true);
  expect_point_sets_match_xtensor(nn::batched::Device::cuda, nn::PointSet::quadrants, {2, 5, 5, 1}, false);
}

// learned_epoch is the first epoch after which the network met the rule: trained for that many epochs it has
// learned, trained for one fewer it has not (training is the same up to any epoch, whatever comes after).
void expect_learned_epoch_is_first(nn::batched::BatchedJob job) {
  const nn::batched::BatchedResult full = nn::batched::train_batched(job, nn::batched::Device::cpu);
  int checked = 0;
  for (std::int64_t n = 0; n < job.networks && checked < 3; ++n) {
    const int epoch = full.learned_epoch[n];
    if (epoch < 2) continue;
    nn::batched::BatchedJob one = job;
    one.networks = 1;
    one.train.seed = job.train.seed + static_cast<std::uint64_t>(n);
    one.train.epochs = epoch;
    EXPECT_EQ(nn::batched::train_batched(one, nn::batched::Device::cpu).learned[0], 1)
        << "network " << n << " after " << epoch;
    one.train.epochs = epoch - 1;
    EXPECT_EQ(nn::batched::train_batched(one, nn::batched::Device::cpu).learned[0], 0)
        << "network " << n << " after " << epoch - 1;
    ++checked;
  }
  EXPECT_EQ(checked, 3) << "too few networks learned after the first epoch to check the rule";
  for (std::int64_t n = 0; n < job.networks; ++n) {
    if (full.learned[n]) {
      EXPECT_GT(full.learned_epoch[n], 0) << "network " << n << " learned but has no epoch";
    }
  }
}

TEST(LearnedEpoch, IsTheFirstEpochAfterWhichTheGateIsLearned) {
  nn::batched::BatchedJob job = job_of({2, 5, 5, 1}, nn::Activation::tanh);
  job.train.lr = 0.01f;
  job.train.epochs = 12;
  expect_learned_epoch_is_first(job);
}

TEST(LearnedEpoch, IsTheFirstEpochAfterWhichThePointSetIsLearned) {
  nn::batched::BatchedJob job = job_of({2, 8, 1}, nn::Activation::tanh);
  job.data = {nn::PointSet::blobs, 50, 50};
  job.train.loss = nn::Loss::mse;
  job.train.lr = 0.02f;
  job.train.batches_per_epoch = 10;
  job.train.epochs = 20;
  expect_learned_epoch_is_first(job);
}

TEST(Shapes, OutsideTheLimitsAreRefusedWithOneLine) {
  for (const std::vector<int>& layers :
       {std::vector<int>{2, 17, 1}, std::vector<int>{2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
        std::vector<int>{3, 5, 1}, std::vector<int>{2, 5, 2}, std::vector<int>{2, 0, 1}}) {
    nn::batched::BatchedJob job = job_of(layers, nn::Activation::tanh);
    try {
      nn::batched::train_batched(job, nn::batched::Device::cpu);
      ADD_FAILURE() << "trained a shape over the limits";
    } catch (const nn::InputError& error) {
      const std::string message = error.what();
      EXPECT_NE(message.find("0 to 8 hidden layers of 1 to 16 units"), std::string::npos) << message;
      EXPECT_EQ(message.find('\n'), std::string::npos) << message;
    }
  }
  // The largest shape it takes trains.
  nn::batched::BatchedJob widest = job_of({2, 16, 16, 16, 16, 16, 16, 16, 16, 1}, nn::Activation::relu);
  widest.networks = 2;
  widest.train.epochs = 1;
  EXPECT_EQ(nn::batched::train_batched(widest, nn::batched::Device::cpu).final_loss.size(), 2u);
}

}  // namespace

namespace {

// Network n's layer trace from the Thrust trainer is chapter 2's (nn::train with the same trace epochs) for
// seed + n: the same parameters at each traced epoch, so the same statistics, to float rounding (the two
// trainers sum a batch's gradient in different orders). On a gate's compiled shape too, which tracing moves
// to the general path, and with a sigmoid deep enough for its first layer's gradient to be small.
void expect_traces_match_xtensor(nn::batched::Device device, nn::DataSource data,
                                 const std::vector<int>& layers, nn::Activation activation) {
  nn::batched::BatchedJob job = job_of(layers, activation);
  job.networks = 3;
  job.data = data;
  job.output_activation = nn::Activation::identity;
  job.init = nn::Init::xavier;
  job.train.loss = nn::Loss::mse;
  job.train.full_batch = true;
  job.train.lr = 0.05f;
  job.train.epochs = 4;
  job.train.batches_per_epoch = 3;
  job.train.trace_epochs = {0, 1, 4};
  const nn::batched::BatchedResult thrust = nn::batched::train_batched(job, device);
  ASSERT_EQ(thrust.layer_traces.size(), 3u);
  for (std::int64_t n = 0; n < job.networks; ++n) {
    nn::TrainConfig config = job.train;
    config.seed = job.train.seed + static_cast<std::uint64_t>(n);
    nn::Network network = nn::Network::initialised(layers, job.architecture(), job.init, config.seed);
    const nn::TrainHistory history = nn::train(network, nn::make_dataset(data, config.seed), config, {});
    const std::vector<nn::LayerTrace>& ours = thrust.layer_traces[static_cast<std::size_t>(n)];
    ASSERT_EQ(ours.size(), history.layer_traces.size());
    for (std::size_t t = 0; t < ours.size(); ++t) {
      const std::string what =
          nn::data_name(data) + " network " + std::to_string(n) + " epoch " + std::to_string(ours[t].epoch);
      EXPECT_EQ(ours[t].epoch, history.layer_traces[t].epoch) << what;
      ASSERT_EQ(ours[t].layers.size(), layers.size() - 1) << what;
      for (std::size_t l = 0; l < ours[t].layers.size(); ++l) {
        const nn::LayerStatistics& a = ours[t].layers[l];
        const nn::LayerStatistics& b = history.layer_traces[t].layers[l];
        EXPECT_NEAR(a.gradient_norm, b.gradient_norm, 1e-4 * b.gradient_norm + 1e-12)
            << what << " layer " << l;
        EXPECT_NEAR(a.mean_abs_activation, b.mean_abs_activation, 1e-5) << what << " layer " << l;
        EXPECT_NEAR(a.stalled_share, b.stalled_share, 1e-6) << what << " layer " << l;
      }
    }
  }
}

TEST(LayerTrace, EachNetworksTraceIsChapter2sOnTheCpu) {
  expect_traces_match_xtensor(nn::batched::Device::cpu, {nn::PointSet::ring, 60, 40}, {2, 8, 8, 8, 8, 1},
                              nn::Activation::sigmoid);
  expect_traces_match_xtensor(nn::batched::Device::cpu, {nn::Gate::xor_gate}, {2, 5, 5, 1},
                              nn::Activation::relu);
}

TEST(LayerTrace, EachNetworksTraceIsChapter2sOnCuda) {
  SKIP_WITHOUT_GPU();
  expect_traces_match_xtensor(nn::batched::Device::cuda, {nn::PointSet::ring, 60, 40}, {2, 8, 8, 8, 8, 1},
                              nn::Activation::sigmoid);
  expect_traces_match_xtensor(nn::batched::Device::cuda, {nn::Gate::xor_gate}, {2, 5, 5, 1},
                              nn::Activation::relu);
}

}  // namespace
