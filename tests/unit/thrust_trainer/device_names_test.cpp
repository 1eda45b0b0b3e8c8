// The Thrust trainer's --device names come from its table (thrust_trainer/batched_job.hpp), as the core's do.

#include <gtest/gtest.h>

#include "unit/nn/name_table_checks.hpp"
#include "thrust_trainer/batched_job.hpp"

namespace {

TEST(Names, DevicesParseBackAndAnUnknownOneListsThemAll) {
  const auto name_of = [](nn::batched::Device device) {
    return nn::name_in(nn::batched::device_names, device);
  };
  names_checks::expect_a_sound_table(nn::batched::device_names, "device", nn::batched::parse_device, name_of);
  EXPECT_EQ(nn::names_text(nn::batched::device_names), "auto, cuda or cpu");
}

}  // namespace
