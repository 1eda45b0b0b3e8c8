#include <cmath>

#include <gtest/gtest.h>

#include "gradient_check.hpp"
#include "nn/error.hpp"
#include "nn/loss.hpp"

namespace {

// (output, target) pairs at least 0.05 from the L1 kink at output == target, so y +- h never crosses it.
const float pairs[][2] = {{-0.7f, 0.0f}, {0.3f, 0.0f}, {0.06f, 0.0f},
                          {1.4f, 1.0f},  {0.2f, 1.0f}, {0.94f, 1.0f}};

void expect_derivative_matches_finite_differences(nn::Loss loss) {
  for (const auto& pair : pairs) {
    float y = pair[0];
    const float t = pair[1];
    const double numeric = central_difference(y, [&] { return nn::loss_value(loss, y, t); });
    EXPECT_NEAR(nn::loss_derivative(loss, y, t), numeric, 1e-4) << "at y = " << y << ", t = " << t;
  }
}

}  // namespace

TEST(Loss, L1DerivativeMatchesFiniteDifferencesAwayFromTheKink) {
  expect_derivative_matches_finite_differences(nn::Loss::l1);
}

TEST(Loss, MseDerivativeMatchesFiniteDifferences) {
  expect_derivative_matches_finite_differences(nn::Loss::mse);
}

TEST(Loss, ValuesAreAbsoluteAndSquaredErrors) {
  EXPECT_FLOAT_EQ(nn::loss_value(nn::Loss::l1, 0.25f, 1.0f), 0.75f);
  EXPECT_FLOAT_EQ(nn::loss_value(nn::Loss::l1, -0.5f, 0.0f), 0.5f);
  EXPECT_FLOAT_EQ(nn::loss_value(nn::Loss::mse, 0.25f, 1.0f), 0.5625f);
  EXPECT_FLOAT_EQ(nn::loss_value(nn::Loss::mse, -0.5f, 0.0f), 0.25f);
}

TEST(Loss, L1DerivativeAtTheKinkIsZeroAsInPyTorch) {
  EXPECT_EQ(nn::loss_derivative(nn::Loss::l1, 1.0f, 1.0f), 0.0f);
  EXPECT_EQ(nn::loss_derivative(nn::Loss::mse, 1.0f, 1.0f), 0.0f);
}

TEST(Loss, NamesRoundTripAndUnknownNamesAreRejected) {
  for (nn::Loss loss : {nn::Loss::l1, nn::Loss::mse, nn::Loss::bce}) {
    EXPECT_EQ(nn::parse_loss(nn::loss_name(loss)), loss);
  }
  EXPECT_EQ(nn::loss_name(nn::Loss::l1), "l1");
  EXPECT_EQ(nn::loss_name(nn::Loss::mse), "mse");
  EXPECT_EQ(nn::loss_name(nn::Loss::bce), "bce");
  EXPECT_THROW(nn::parse_loss("huber"), nn::InputError);
}

// bce from the sum is the cross-entropy of the sigmoid's output, -t log y - (1 - t) log(1 - y), where that
// can be computed at all, and its derivative with respect to the sum is y - t.
TEST(Loss, BceFromTheSumIsTheCrossEntropyOfTheSigmoidAndItsSlopeIsYMinusT) {
  for (float z : {-6.0f, -1.5f, -0.2f, 0.0f, 0.7f, 3.0f, 8.0f}) {
    for (float t : {0.0f, 1.0f}) {
      const double y = 1.0 / (1.0 + std::exp(-static_cast<double>(z)));
      const double cross_entropy = -(t * std::log(y) + (1.0 - t) * std::log(1.0 - y));
      EXPECT_NEAR(nn::bce_with_logits(z, t), cross_entropy, 1e-6 * (1.0 + cross_entropy)) << "z = " << z;
      float sum = z;
      const double numeric = central_difference(sum, [&] { return nn::bce_with_logits(sum, t); });
      EXPECT_NEAR(nn::output_sum_gradient(nn::Loss::bce, static_cast<float>(y), t, 0.0f, 1.0f), numeric, 1e-3)
          << "z = " << z << ", t = " << t;
    }
  }
}

// Far out, where y rounds to exactly 0 or 1 in float and log(y) would be -inf, the loss stays finite: the
// distance of the sum past 0 on the wrong side, and 0 on the right side.
TEST(Loss, BceStaysFiniteForHugeSums) {
  EXPECT_FLOAT_EQ(nn::bce_with_logits(1000.0f, 0.0f), 1000.0f);
  EXPECT_FLOAT_EQ(nn::bce_with_logits(-1000.0f, 1.0f), 1000.0f);
  EXPECT_EQ(nn::bce_with_logits(1000.0f, 1.0f), 0.0f);
  EXPECT_EQ(nn::bce_with_logits(-1000.0f, 0.0f), 0.0f);
}

// For l1 and mse the gradient at the sum is the chain rule, loss'(y) / rows times g'(z), in that order.
TEST(Loss, OutputSumGradientIsTheChainRuleForL1AndMse) {
  EXPECT_EQ(nn::output_sum_gradient(nn::Loss::mse, 0.25f, 1.0f, 0.5f, 4.0f),
            2.0f * (0.25f - 1.0f) / 4.0f * 0.5f);
  EXPECT_EQ(nn::output_sum_gradient(nn::Loss::l1, 0.25f, 1.0f, 0.5f, 4.0f), -1.0f / 4.0f * 0.5f);
}
