#include <cmath>
#include <fstream>
#include <limits>

#include <gtest/gtest.h>

#include "nn/error.hpp"
#include "program/weights_file.hpp"
#include "temp_dir.hpp"

namespace {

// A 2,5,5,1 network with some awkward floats planted among the random ones.
nn::Network awkward_network() {
  nn::Network network = nn::Network::initialised({2, 5, 5, 1}, nn::Activation::tanh, 3);
  network.layers()[0].weight(0, 0) = 0.1f;
  network.layers()[0].weight(1, 1) = -1e-30f;
  network.layers()[1].weight(2, 3) = std::numeric_limits<float>::denorm_min();
  network.layers()[1].bias(4) = std::numeric_limits<float>::max();
  network.layers()[2].bias(0) = 1.0f / 3.0f;
  return network;
}

void expect_identical(const std::vector<nn::Linear>& actual, const nn::Network& expected) {
  ASSERT_EQ(actual.size(), expected.layers().size());
  for (std::size_t l = 0; l < actual.size(); ++l) {
    EXPECT_EQ(actual[l].weight, expected.layers()[l].weight) << "layer " << l;  // exact, not near
    EXPECT_EQ(actual[l].bias, expected.layers()[l].bias) << "layer " << l;
  }
}

}  // namespace

TEST(WeightsFile, JsonRoundTripIsExact) {
  const nn::Network network = awkward_network();
  const std::string text = program::weights_to_json(network).dump(2);
  expect_identical(program::weights_from_json(nlohmann::json::parse(text)), network);
}

TEST(WeightsFile, SaveThenLoadGivesTheSameNetwork) {
  TempDir dir;
  const nn::Network network = awkward_network();
  program::save_weights(dir.file("weights.json"), network);
  const nn::Network loaded =
      program::load_weights(dir.file("weights.json"), {2, 5, 5, 1}, nn::Activation::tanh);
  expect_identical(loaded.layers(), network);
  EXPECT_EQ(loaded.activation(), nn::Activation::tanh);
}

TEST(WeightsFile, LoadRejectsAMissingFileAndLayersOtherThanAskedFor) {
  TempDir dir;
  program::save_weights(dir.file("weights.json"),
                        nn::Network::initialised({2, 1, 1}, nn::Activation::tanh, 1));
  EXPECT_THROW(program::load_weights(dir.file("missing.json"), {2, 1, 1}, nn::Activation::tanh),
               nn::InputError);
  EXPECT_THROW(program::load_weights(dir.file("weights.json"), {2, 5, 5, 1}, nn::Activation::tanh),
               nn::InputError);
  EXPECT_THROW(program::load_weights(dir.file("weights.json"), {2, 2, 1}, nn::Activation::tanh),
               nn::InputError);
  std::ofstream(dir.file("broken.json")) << "{\"layers\": [";
  EXPECT_THROW(program::load_weights(dir.file("broken.json"), {2, 1, 1}, nn::Activation::tanh),
               nn::InputError);
}

TEST(WeightsFile, RejectsMalformedDocuments) {
  const std::pair<const char*, const char*> documents[] = {
      {"not an object", R"([1, 2])"},
      {"missing layers", R"({})"},
      {"layers not an array", R"({"layers": 3})"},
      {"no layers", R"({"layers": []})"},
      {"layer not an object", R"({"layers": [[1, 2]]})"},
      {"missing bias", R"({"layers": [{"weight": [[1, 2]]}]})"},
      {"missing weight", R"({"layers": [{"bias": [0]}]})"},
      {"empty weight", R"({"layers": [{"weight": [], "bias": []}]})"},
      {"empty weight row", R"({"layers": [{"weight": [[]], "bias": [0]}]})"},
      {"string", R"({"layers": [{"weight": [[1, "2"]], "bias": [0]}]})"},
      {"null", R"({"layers": [{"weight": [[1, null]], "bias": [0]}]})"},
      {"boolean bias", R"({"layers": [{"weight": [[1, 2]], "bias": [true]}]})"},
      {"bias not an array", R"({"layers": [{"weight": [[1, 2]], "bias": 0}]})"},
      {"ragged rows", R"({"layers": [{"weight": [[1, 2], [3]], "bias": [0, 0]}]})"},
      {"row not an array", R"({"layers": [{"weight": [[1, 2], 3], "bias": [0, 0]}]})"},
      {"bias too short", R"({"layers": [{"weight": [[1, 2], [3, 4]], "bias": [0]}]})"},
      {"bias too long", R"({"layers": [{"weight": [[1, 2]], "bias": [0, 0]}]})"},
      {"shapes do not chain",
       R"({"layers": [{"weight": [[1, 2]], "bias": [0]}, {"weight": [[1, 1]], "bias": [0]}]})"},
      {"third layer does not chain",
       R"({"layers": [{"weight": [[1, 2]], "bias": [0]}, {"weight": [[1]], "bias": [0]},
                      {"weight": [[1, 2, 3]], "bias": [0]}]})"},
  };
  for (const auto& [what, text] : documents) {
    EXPECT_THROW(program::weights_from_json(nlohmann::json::parse(text)), nn::InputError) << what;
  }
}

TEST(WeightsFile, RejectsNonFiniteNumbers) {
  for (double bad : {std::nan(""), std::numeric_limits<double>::infinity()}) {
    nlohmann::json document = nlohmann::json::parse(R"({"layers": [{"weight": [[1, 2]], "bias": [0]}]})");
    document["layers"][0]["weight"][0][1] = bad;
    EXPECT_THROW(program::weights_from_json(document), nn::InputError) << bad;
    document["layers"][0]["weight"][0][1] = 2;
    document["layers"][0]["bias"][0] = bad;
    EXPECT_THROW(program::weights_from_json(document), nn::InputError) << bad;
  }
}

// One row 100,000 wide and 100,000 rows of one number: the shape is checked row by row before a layer is
// allocated, so this is an InputError, not a 40 GB allocation.
TEST(WeightsFile, RejectsAWideFirstRowBeforeAllocating) {
  nlohmann::json wide = nlohmann::json::array();
  for (int i = 0; i < 100000; ++i) wide.push_back(0);
  nlohmann::json rows = nlohmann::json::array({wide});
  for (int i = 1; i < 100000; ++i) rows.push_back({0});
  const nlohmann::json document = {{"layers", {{{"weight", rows}, {"bias", wide}}}}};
  EXPECT_THROW(program::weights_sizes(document), nn::InputError);
  EXPECT_THROW(program::weights_from_json(document), nn::InputError);
}

TEST(WeightsFile, SizesAreReadWithoutTheNumbers) {
  EXPECT_EQ(program::weights_sizes(program::weights_to_json(awkward_network())),
            (std::vector<int>{2, 5, 5, 1}));
}

// Files that open but cannot be read as files: an InputError, not std::ios_base::failure.
TEST(WeightsFile, LoadRejectsADirectoryAndAnUnreadableFile) {
  TempDir dir;
  EXPECT_THROW(program::load_weights(dir.path().string(), {2, 1, 1}, nn::Activation::tanh), nn::InputError);
  EXPECT_THROW(program::load_weights("/proc/self/mem", {2, 1, 1}, nn::Activation::tanh), nn::InputError);
}

// A file with far more values than the asked-for network has parameters is the wrong file; it is rejected
// while it is parsed.
TEST(WeightsFile, LoadRejectsAFileFarLargerThanTheNetwork) {
  TempDir dir;
  std::ofstream file(dir.file("big.json"));
  file
      << R"({"layers": [{"weight": [[0.1, 0.2]], "bias": [0.3]}, {"weight": [[0.4]], "bias": [0.5]}], "extra": [)";
  for (int i = 0; i < 100000; ++i) file << (i ? ",0" : "0");
  file << "]}";
  file.close();
  try {
    program::load_weights(dir.file("big.json"), {2, 1, 1}, nn::Activation::tanh);
    ADD_FAILURE() << "no error";
  } catch (const nn::InputError& error) {
    EXPECT_NE(std::string(error.what()).find("more values"), std::string::npos) << error.what();
  }
}
