#include <gtest/gtest.h>

#include "gradient_check.hpp"
#include "nn/batch_loss.hpp"

namespace {

// Six rows, every output at least 0.05 from its target so the L1 check stays off the kink.
const nn::Matrix outputs{{0.2f}, {0.9f}, {-0.3f}, {1.35f}, {0.55f}, {0.08f}};
const nn::Matrix targets{{0.0f}, {1.0f}, {0.0f}, {1.0f}, {1.0f}, {0.0f}};

void expect_gradient_matches_finite_differences(nn::Loss loss) {
  nn::Matrix y = outputs;
  const nn::Matrix gradient = nn::mean_loss_gradient(loss, y, targets);
  ASSERT_EQ(gradient.shape(), y.shape());
  for (std::size_t r = 0; r < y.shape(0); ++r) {
    const double numeric = central_difference(y(r, 0), [&] { return nn::mean_loss(loss, y, targets); });
    EXPECT_NEAR(gradient(r, 0), numeric, 1e-4) << "row " << r;
  }
}

}  // namespace

TEST(BatchLoss, MeanLossIsTheMeanOverRows) {
  // |r| = 0.2, 0.1, 0.3, 0.35, 0.45, 0.08
  EXPECT_NEAR(nn::mean_loss(nn::Loss::l1, outputs, targets), 1.48 / 6, 1e-6);
  EXPECT_NEAR(nn::mean_loss(nn::Loss::mse, outputs, targets),
              (0.04 + 0.01 + 0.09 + 0.1225 + 0.2025 + 0.0064) / 6, 1e-6);
}

TEST(BatchLoss, L1GradientMatchesFiniteDifferences) {
  expect_gradient_matches_finite_differences(nn::Loss::l1);
}

TEST(BatchLoss, MseGradientMatchesFiniteDifferences) {
  expect_gradient_matches_finite_differences(nn::Loss::mse);
}
