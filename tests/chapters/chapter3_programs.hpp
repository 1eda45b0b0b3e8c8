#pragma once
// What chapter 3's tests share: the programs they compare (NN_CH02 and NN_CH03 override the built paths, so
// the GPU bundle runs the tests against its own copies) and the tolerance they compare results with.

#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace chapters {

/// The path in `variable` if it is set, else `built`.
inline std::string program_path(const char* variable, const std::string& built) {
  const char* path = std::getenv(variable);
  return path ? path : built;
}
inline const std::string chapter2 = program_path("NN_CH02", CH02_PATH);  ///< ch02-tanh.
inline const std::string chapter3 = program_path("NN_CH03", CH03_PATH);  ///< ch03-gpu.

/// Each entry within `tolerance` of the expected one, absolute plus relative, as llm.c compares its kernels
/// with the reference.
inline void expect_close(const nlohmann::json& expected, const nlohmann::json& actual, double tolerance,
                         const std::string& what) {
  ASSERT_EQ(expected.size(), actual.size()) << what;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const double e = expected[i].get<double>(), a = actual[i].get<double>();
    EXPECT_LE(std::fabs(e - a), tolerance * (1.0 + std::fabs(e))) << what << " entry " << i;
  }
}

}  // namespace chapters
