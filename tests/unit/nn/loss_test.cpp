#include <gtest/gtest.h>

#include "gradient_check.hpp"
#include "nn/error.hpp"
#include "nn/loss.hpp"

namespace {

// (output, target) pairs at least 0.05 from the L1 kink at output == target, so y +- h never crosses it.
const float pairs[][2] = {{-0.7f, 0.0f}, {0.3f, 0.0f}, {0.06f, 0.0f}, {1.4f, 1.0f}, {0.2f, 1.0f}, {0.94f, 1.0f}};

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

TEST(Loss, MseDerivativeMatchesFiniteDifferences) { expect_derivative_matches_finite_differences(nn::Loss::mse); }

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
  for (nn::Loss loss : {nn::Loss::l1, nn::Loss::mse}) EXPECT_EQ(nn::parse_loss(nn::loss_name(loss)), loss);
  EXPECT_EQ(nn::loss_name(nn::Loss::l1), "l1");
  EXPECT_EQ(nn::loss_name(nn::Loss::mse), "mse");
  EXPECT_THROW(nn::parse_loss("huber"), nn::InputError);
}
