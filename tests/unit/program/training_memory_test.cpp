#include <gtest/gtest.h>

#include "nn/error.hpp"
#include "program/training_memory.hpp"

TEST(TrainingMemory, TheBooksNetworksAreFarBelowTheLimit) {
  EXPECT_LT(program::training_memory_bytes({2, 5, 5, 1}, 10), 1e6);
  EXPECT_NO_THROW(
      program::check_training_memory({2, 5, 5, 1}, 1 << 20));  // the largest batch the flags allow
}

TEST(TrainingMemory, TheLargestSingleLayerOrBatchThatFitsIsAccepted) {
  EXPECT_NO_THROW(program::check_training_memory({2, 4096, 4096, 1}, 10));
  EXPECT_NO_THROW(program::check_training_memory({2, 4096, 1}, 16000));
}

TEST(TrainingMemory, TooLargeANetworkOrBatchThrowsInputError) {
  EXPECT_THROW(program::check_training_memory({2, 4096, 1}, 1 << 20), nn::InputError);
  std::vector<int> deep{2};
  deep.insert(deep.end(), 200, 4096);
  deep.push_back(1);
  EXPECT_THROW(program::check_training_memory(deep, 10), nn::InputError);
}

TEST(TrainingMemory, GrowsWithParametersAndWithBatchRows) {
  EXPECT_GT(program::training_memory_bytes({2, 10, 1}, 10), program::training_memory_bytes({2, 5, 1}, 10));
  EXPECT_GT(program::training_memory_bytes({2, 5, 1}, 1000), program::training_memory_bytes({2, 5, 1}, 10));
}
