#include <cmath>

#include <gtest/gtest.h>

#include "nn/error.hpp"
#include "nn/update_rule.hpp"

namespace {

// Adam as the paper and PyTorch write it, in double, with PyTorch's defaults; returns p after the steps.
double adam_reference(double p, const std::vector<double>& gradients, double lr) {
  const double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
  double m = 0.0, v = 0.0;
  for (std::size_t t = 1; t <= gradients.size(); ++t) {
    const double g = gradients[t - 1];
    m = beta1 * m + (1 - beta1) * g;
    v = beta2 * v + (1 - beta2) * g * g;
    const double m_hat = m / (1 - std::pow(beta1, t));
    const double v_hat = v / (1 - std::pow(beta2, t));
    p -= lr * m_hat / (std::sqrt(v_hat) + eps);
  }
  return p;
}

}  // namespace

TEST(UpdateRule, SgdStepsAgainstTheGradient) {
  float p = 0.5f;
  nn::sgd_update(p, 0.2f, 0.1f);
  EXPECT_NEAR(p, 0.5 - 0.1 * 0.2, 1e-7);
  nn::sgd_update(p, -0.4f, 0.1f);
  EXPECT_NEAR(p, 0.5 - 0.1 * 0.2 + 0.1 * 0.4, 1e-7);
}

TEST(UpdateRule, AdamDefaultsArePyTorchs) {
  const nn::AdamConstants c;
  EXPECT_FLOAT_EQ(c.beta1, 0.9f);
  EXPECT_FLOAT_EQ(c.beta2, 0.999f);
  EXPECT_FLOAT_EQ(c.eps, 1e-8f);
  const nn::AdamStep second = nn::adam_step(0.05f, 2);
  EXPECT_FLOAT_EQ(second.lr, 0.05f);
  EXPECT_NEAR(second.bias_correction1, 1 - 0.9 * 0.9, 1e-6);
  EXPECT_NEAR(second.bias_correction2, 1 - 0.999 * 0.999, 1e-6);
}

TEST(UpdateRule, AdamFirstStepMovesByAboutLrTimesSignOfGradient) {
  for (float g : {0.3f, -2.0f, 1e-3f, -40.0f}) {
    float p = 1.0f, m = 0.0f, v = 0.0f;
    nn::adam_update(p, g, m, v, nn::adam_step(0.01f, 1));
    // m_hat = g and v_hat = g^2, so the step is lr g / (|g| + eps).
    EXPECT_NEAR(p, 1.0 - 0.01 * (g > 0 ? 1 : -1), 1e-6) << "g = " << g;
    EXPECT_NEAR(p, adam_reference(1.0, {g}, 0.01), 1e-6) << "g = " << g;
    EXPECT_NEAR(m, 0.1 * g, 1e-6 * std::fabs(g));
    EXPECT_NEAR(v, 0.001 * g * g, 1e-6 * g * g);
  }
}

TEST(UpdateRule, AdamSecondStepFollowsTheFormulas) {
  float p = 0.3f, m = 0.0f, v = 0.0f;
  nn::adam_update(p, 0.5f, m, v, nn::adam_step(0.05f, 1));
  nn::adam_update(p, -0.2f, m, v, nn::adam_step(0.05f, 2));
  const double expected = adam_reference(0.3, {0.5, -0.2}, 0.05);
  EXPECT_NEAR(p, expected, 1e-6);
  // Not simply two steps of lr * sign(g): the moments remember the first gradient.
  EXPECT_GT(std::fabs(expected - 0.3), 0.01);
}

TEST(UpdateRule, NamesRoundTripAndUnknownNamesAreRejected) {
  for (nn::Optimizer o : {nn::Optimizer::adam, nn::Optimizer::sgd}) {
    EXPECT_EQ(nn::parse_optimizer(nn::optimizer_name(o)), o);
  }
  EXPECT_EQ(nn::optimizer_name(nn::Optimizer::adam), "adam");
  EXPECT_EQ(nn::optimizer_name(nn::Optimizer::sgd), "sgd");
  EXPECT_THROW(nn::parse_optimizer("rmsprop"), nn::InputError);
}
