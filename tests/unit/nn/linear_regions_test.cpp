// The flat pieces of a ReLU network: on each piece the network is one affine map, a network without an
// activation is one piece, one hidden layer of H units cuts the plane with H lines into at most
// 1 + H + H(H - 1)/2 pieces, and a tanh network has no pieces to count.

#include <cmath>
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

#include "nn/data.hpp"
#include "nn/error.hpp"
#include "nn/linear_regions.hpp"

namespace {

nn::Network relu_network(const std::vector<int>& sizes, std::uint64_t seed) {
  return nn::Network::initialised(sizes, {nn::Activation::relu, nn::Activation::identity, nn::Inputs::unit},
                                  nn::Init::he, seed);
}

TEST(LinearRegions, ANetworkWithoutAnActivationIsOnePiece) {
  const nn::Network linear = nn::Network::initialised({2, 8, 8, 1}, nn::Activation::identity, 3);
  EXPECT_EQ(nn::linear_regions(linear, nn::unit_square_grid(64)).count, 1);
}

TEST(LinearRegions, OneUnitWithItsKinkAcrossTheSquareMakesTwoPieces) {
  // z = x1 - 0.5: off left of the line x1 = 0.5, on to its right.
  nn::Linear hidden = nn::zero_linear(2, 1), output = nn::zero_linear(1, 1);
  hidden.weight(0, 0) = 1.0f;
  hidden.bias(0) = -0.5f;
  output.weight(0, 0) = 1.0f;
  const nn::Network network({hidden, output},
                            {nn::Activation::relu, nn::Activation::identity, nn::Inputs::unit});
  const nn::LinearRegions regions = nn::linear_regions(network, nn::unit_square_grid(9));
  EXPECT_EQ(regions.count, 2);
  EXPECT_EQ(regions.region_of[0], 0);  // (0, 0): off
  EXPECT_EQ(regions.region_of[8], 1);  // (1, 0): on
  EXPECT_EQ(regions.region_of[4], 0);  // (0.5, 0): z = 0 is off, as relu's slope there is 0
}

TEST(LinearRegions, OneHiddenLayerOfHUnitsMakesAtMostTheLinesArrangementsPieces) {
  for (const int width : {1, 2, 4, 8, 16}) {
    for (std::uint64_t seed = 0; seed < 8; ++seed) {
      const int bound = 1 + width + width * (width - 1) / 2;
      EXPECT_LE(nn::linear_regions(relu_network({2, width, 1}, seed), nn::unit_square_grid(96)).count, bound)
          << width << " units, seed " << seed;
    }
  }
}

// On every piece the output is one affine map y = a x1 + b x2 + c: fitted from three of the piece's points,
// it gives every other point of the piece, at every depth.
TEST(LinearRegions, OnEachPieceTheNetworkIsOneAffineMap) {
  const nn::Matrix inputs = nn::unit_square_grid(64);
  for (const int depth : {1, 3, 6}) {
    std::vector<int> sizes(static_cast<std::size_t>(depth) + 2, 6);
    sizes.front() = 2;
    sizes.back() = 1;
    const nn::Network network = relu_network(sizes, 11);
    const nn::LinearRegions regions = nn::linear_regions(network, inputs);
    const nn::Matrix outputs = network.forward(inputs);
    int checked = 0;
    for (int region = 0; region < regions.count; ++region) {
      std::vector<std::size_t> rows;
      for (std::size_t r = 0; r < regions.region_of.size(); ++r)
        if (regions.region_of[r] == region) rows.push_back(r);
      // Three points not on one line: the first, one off its row, one off its column.
      std::size_t p = rows[0], q = rows[0], s = rows[0];
      for (const std::size_t r : rows) {
        if (inputs(r, 0) != inputs(p, 0) && q == p) q = r;
      }
      for (const std::size_t r : rows) {
        const double cross = (inputs(q, 0) - inputs(p, 0)) * (inputs(r, 1) - inputs(p, 1)) -
                             (inputs(q, 1) - inputs(p, 1)) * (inputs(r, 0) - inputs(p, 0));
        if (std::fabs(cross) > 1e-3 && s == p) s = r;
      }
      if (q == p || s == p) continue;  // a sliver the grid meets along one line: nothing to fit
      // Solve [x1 x2 1] [a b c]^T = y at p, q, s by Cramer's rule.
      const auto x = [&](std::size_t r, int c) { return static_cast<double>(inputs(r, c)); };
      const auto det = [&](double a1, double a2, double a3, double b1, double b2, double b3, double c1,
                           double c2, double c3) {
        return a1 * (b2 * c3 - b3 * c2) - a2 * (b1 * c3 - b3 * c1) + a3 * (b1 * c2 - b2 * c1);
      };
      const double yp = outputs(p, 0), yq = outputs(q, 0), ys = outputs(s, 0);
      const double d = det(x(p, 0), x(p, 1), 1, x(q, 0), x(q, 1), 1, x(s, 0), x(s, 1), 1);
      const double a = det(yp, x(p, 1), 1, yq, x(q, 1), 1, ys, x(s, 1), 1) / d;
      const double b = det(x(p, 0), yp, 1, x(q, 0), yq, 1, x(s, 0), ys, 1) / d;
      const double c = det(x(p, 0), x(p, 1), yp, x(q, 0), x(q, 1), yq, x(s, 0), x(s, 1), ys) / d;
      for (const std::size_t r : rows) {
        EXPECT_NEAR(outputs(r, 0), a * x(r, 0) + b * x(r, 1) + c, 1e-3 * (1.0 + std::fabs(outputs(r, 0))))
            << "depth " << depth << ", piece " << region;
      }
      ++checked;
    }
    EXPECT_GT(checked, 1) << "depth " << depth << ": pieces to check";
  }
}

TEST(LinearRegions, ATanhNetworkHasNoFlatPiecesToCount) {
  EXPECT_THROW(nn::linear_regions(nn::Network::initialised({2, 4, 1}, nn::Activation::tanh, 0),
                                  nn::unit_square_grid(8)),
               nn::InputError);
}

}  // namespace
