// The choices beyond the demo's design against PyTorch (tests/reference/torch_reference.json, written by
// make_torch_reference.py): binary cross-entropy from the output's sum against BCEWithLogitsLoss, each
// initialisation's draws against the distribution of PyTorch's own function, and a few Adam steps of small
// networks with an output activation of their own, bce and centred inputs, in both trainers.

#include <algorithm>
#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "nn/layer_trace.hpp"
#include "nn/loss.hpp"
#include "nn/network.hpp"
#include "nn/data.hpp"
#include "nn/train.hpp"
#include "program/grid.hpp"
#include "program/weights_file.hpp"
#include "thrust_trainer/batched_job.hpp"

namespace {

const nlohmann::json& reference() {
  static const nlohmann::json document = [] {
    std::ifstream file(TORCH_REFERENCE_PATH);
    return nlohmann::json::parse(file);
  }();
  return document;
}

TEST(TorchReference, BceFromTheSumMatchesBceWithLogitsLossEvenForLargeSums) {
  ASSERT_FALSE(reference()["bce"].empty());
  for (const nlohmann::json& point : reference()["bce"]) {
    const float z = point["z"], t = point["t"];
    const double expected = point["loss"], expected_gradient = point["dloss_dz"];
    const float loss = nn::bce_with_logits(z, t);
    ASSERT_TRUE(std::isfinite(loss)) << "z = " << z << ", t = " << t;
    EXPECT_NEAR(loss, expected, 1e-6 + 1e-6 * expected) << "z = " << z << ", t = " << t;
    // The gradient the trainers use: sigmoid(z) - t, from the output y = sigmoid(z) (slope unused for bce).
    const float y = nn::activate(nn::Activation::sigmoid, z);
    EXPECT_NEAR(nn::output_sum_gradient(nn::Loss::bce, y, t, 0.0f, 1.0f), expected_gradient, 1e-7)
        << "z = " << z << ", t = " << t;
  }
}

// Our draws of a layer of `in` inputs and `out` outputs under `init`: weights and biases of many networks.
struct Draws {
  std::vector<double> weights, biases;
};

Draws draw(nn::Init init, int in, int out, std::size_t at_least) {
  Draws draws;
  for (std::uint64_t seed = 0; draws.weights.size() < at_least; ++seed) {
    const nn::Network network = nn::Network::initialised(
        {in, out}, nn::Architecture::same_everywhere(nn::Activation::tanh), init, seed);
    const nn::Linear& layer = network.layers().front();
    draws.weights.insert(draws.weights.end(), layer.weight.begin(), layer.weight.end());
    draws.biases.insert(draws.biases.end(), layer.bias.begin(), layer.bias.end());
  }
  return draws;
}

double mean(const std::vector<double>& values) {
  double sum = 0.0;
  for (double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

double variance(const std::vector<double>& values) {
  const double m = mean(values);
  double sum = 0.0;
  for (double v : values) sum += (v - m) * (v - m);
  return sum / static_cast<double>(values.size() - 1);
}

TEST(TorchReference, EachInitialisationDrawsAsPyTorchsRuleDoes) {
  ASSERT_FALSE(reference()["init"].empty());
  for (const nlohmann::json& rule : reference()["init"]) {
    const nn::Init init = nn::parse_init(rule["rule"]);
    const int in = rule["in"], out = rule["out"];
    const std::string what =
        std::string(rule["rule"]) + " " + std::to_string(in) + "->" + std::to_string(out);
    const Draws ours = draw(init, in, out, 200000);
    const double n = static_cast<double>(ours.weights.size()), theirs_n = rule["draws"];
    // PyTorch's largest |w| comes within a hair of its bound a; U(-a, a)'s variance is a^2 / 3.
    const double their_largest = rule["largest_abs_weight"], their_variance = rule["weight_variance"];
    const double bound = nn::initial_weight_bound(init, in, out);
    double largest = 0.0;
    for (double w : ours.weights) largest = std::max(largest, std::fabs(w));
    EXPECT_LE(largest, bound) << what;
    EXPECT_NEAR(largest, their_largest, 1e-3 * bound) << what << ": the same bound";
    // Sampling error: the sample variance of U(-a, a) has a standard deviation of a^2 sqrt(4/45) / sqrt(n).
    const double a2 = their_largest * their_largest;
    const double variance_error = a2 * std::sqrt(4.0 / 45.0) * std::sqrt(1.0 / n + 1.0 / theirs_n);
    EXPECT_NEAR(variance(ours.weights), their_variance, 5.0 * variance_error) << what;
    EXPECT_NEAR(mean(ours.weights), 0.0, 5.0 * std::sqrt(a2 / 3.0 / n)) << what;
    if (rule["bias_variance"].is_null()) {  // xavier_uniform_ and kaiming_uniform_ leave the biases to zeros_
      EXPECT_TRUE(std::all_of(ours.biases.begin(), ours.biases.end(), [](double b) { return b == 0.0; }))
          << what;
    } else {  // nn.Linear draws its biases from the weights' range
      const double bias_error = a2 * std::sqrt(4.0 / 45.0 / static_cast<double>(ours.biases.size())) * 2.0;
      EXPECT_NEAR(variance(ours.biases), rule["bias_variance"].get<double>(), 5.0 * bias_error) << what;
    }
  }
}

// A reference case's network, training and data, as the chapter programs would be told them.
struct Case {
  nn::Network start;
  nn::DataSource data;
  nn::TrainConfig config;
  std::vector<int> layers;
};

Case case_of(const nlohmann::json& c) {
  const nn::Architecture architecture{nn::parse_activation(c["activation"]),
                                      nn::parse_activation(c["output_activation"]),
                                      nn::parse_inputs(c["inputs"])};
  Case made{nn::Network(program::weights_from_json(c["start"]), architecture),
            {nn::parse_gate(c["gate"])},
            {},
            c["layers"]};
  made.config.loss = nn::parse_loss(c["loss"]);
  made.config.lr = c["lr"];
  made.config.full_batch = true;
  made.config.epochs = c["steps"];
  made.config.batches_per_epoch = 1;  // one step an epoch: an epoch's loss is the loss before its step
  return made;
}

// Float32 arithmetic in another order (and rational_tanh within 4.11e-7 of tanh) drifts by rounding over 20
// Adam steps: at most 3.0e-6 here, against a change of up to lr >= 0.05 a step; a wrong gradient or update
// would miss by that much.
constexpr double step_tolerance = 2e-5;

void expect_like_pytorch(const std::vector<float>& losses, const std::vector<float>& parameters,
                         const nlohmann::json& c, const std::string& trainer) {
  const std::string what = std::string(c["name"]) + " (" + trainer + ")";
  const std::vector<double> expected_losses = c["loss_before_each_step"];
  ASSERT_EQ(losses.size(), expected_losses.size()) << what;
  for (std::size_t s = 0; s < losses.size(); ++s) {
    EXPECT_NEAR(losses[s], expected_losses[s], step_tolerance * (1.0 + expected_losses[s]))
        << what << " step " << s;
  }
  const nn::Network end(program::weights_from_json(c["end"]), nn::Activation::identity);
  const std::vector<float> expected = nn::flatten_parameters(end);
  ASSERT_EQ(parameters.size(), expected.size()) << what;
  for (std::size_t k = 0; k < parameters.size(); ++k) {
    EXPECT_NEAR(parameters[k], expected[k], step_tolerance * (1.0 + std::fabs(expected[k])))
        << what << " parameter " << k;
  }
}

TEST(TorchReference, ChapterTwosTrainerStepsAsPyTorchDoes) {
  ASSERT_FALSE(reference()["training"].empty());
  for (const nlohmann::json& c : reference()["training"]) {
    Case made = case_of(c);
    const nn::TrainHistory history = nn::train(made.start, nn::make_dataset(made.data, 0), made.config, {});
    expect_like_pytorch(history.train_loss, nn::flatten_parameters(made.start), c, "xtensor");
  }
}

TEST(TorchReference, TheThrustTrainerStepsAsPyTorchDoes) {
  for (const nlohmann::json& c : reference()["training"]) {
    const Case made = case_of(c);
    nn::batched::BatchedJob job;
    job.layers = made.layers;
    job.activation = made.start.activation();
    job.output_activation = made.start.output_activation();
    job.inputs = made.start.architecture().inputs;
    job.data = made.data;
    job.train = made.config;
    job.initial_parameters = nn::flatten_parameters(made.start);
    job.keep_history = job.keep_parameters = true;
    const nn::batched::BatchedResult result = nn::batched::train_batched(job, nn::batched::Device::cpu);
    expect_like_pytorch(result.train_loss_history, result.parameters, c, "Thrust, CPU");
  }
}

}  // namespace

// The layer trace against autograd (float64) on the same float32 weights and rows, for every activation at
// depths 1, 3 and 8, with a linear output and mse, the same activation after the output and l1, and a sigmoid
// output with bce. The gradient norms span many powers of ten (a deep sigmoid network's first layer's is
// about 1e-5 of its last's), so each is compared relative to itself. Float32 rounding through eight layers
// (and rational_tanh within 4.11e-7 of tanh) stays within 1e-4 of it, but for GELU: below 0 it is z/2 (1 +
// tanh(u)) with tanh(u) near -1, a difference of near-equal numbers that loses digits in float32, and the
// depth-8 GELU network, whose units are mostly there, differs by up to 4.1e-4. Hence 1e-3: a missed slope or
// a wrong layer misses by a factor, not a fraction of a percent.
TEST(TorchReference, EveryLayersStatisticsAreAutogradsForEveryActivationAtDepthsOneThreeAndEight) {
  const nlohmann::json& trace = reference()["layer_trace"];
  nn::Batch rows{nn::Matrix({trace["inputs"].size(), 2}), nn::Matrix({trace["targets"].size(), 1})};
  for (std::size_t r = 0; r < rows.inputs.shape(0); ++r) {
    rows.inputs(r, 0) = static_cast<float>(trace["inputs"][r][0].get<double>());
    rows.inputs(r, 1) = static_cast<float>(trace["inputs"][r][1].get<double>());
    rows.targets(r, 0) = static_cast<float>(trace["targets"][r].get<double>());
  }
  std::vector<std::string> activations_seen;
  for (const nlohmann::json& c : trace["cases"]) {
    const nn::Architecture architecture{nn::parse_activation(c["activation"]),
                                        nn::parse_activation(c["output_activation"]), nn::Inputs::unit};
    const nn::Network network(program::weights_from_json(c["start"]), architecture);
    const std::string what = std::string(c["activation"]) + ">" + std::string(c["output_activation"]) + " " +
                             std::string(c["loss"]) + ", " + std::to_string(c["layers"].size() - 2) +
                             " hidden layers";
    const std::vector<nn::LayerStatistics> ours =
        nn::layer_statistics(network, rows, nn::parse_loss(c["loss"]));
    ASSERT_EQ(ours.size(), c["layer_gradient_norms"].size()) << what;
    for (std::size_t l = 0; l < ours.size(); ++l) {
      const double norm = c["layer_gradient_norms"][l], activation = c["mean_abs_activations"][l];
      EXPECT_NEAR(ours[l].gradient_norm, norm, 1e-3 * norm + 1e-12) << what << ", layer " << l;
      EXPECT_NEAR(ours[l].mean_abs_activation, activation, 1e-3 * activation + 1e-7)
          << what << ", layer " << l;
      // A share is a count of (row, unit) pairs: equal, unless a slope sits within rounding of 0.01.
      EXPECT_DOUBLE_EQ(ours[l].stalled_share, c["stalled_shares"][l].get<double>())
          << what << ", layer " << l;
    }
    activations_seen.push_back(c["activation"]);
  }
  for (const nn::Activation activation : nn::all_activations()) {
    EXPECT_EQ(std::count(activations_seen.begin(), activations_seen.end(), nn::activation_name(activation)),
              9)
        << nn::activation_name(activation) << ": three depths, three outputs";
  }
}
