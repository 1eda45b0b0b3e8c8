// The point sets follow the rules the book states for them: every label is recomputed here from the rule's
// words (radii, quadrants, the line x1 + x2 = 1, the spirals' arms, the comfort band in degrees and
// percent), not from the code that drew the points.

#include <algorithm>
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "nn/point_sets.hpp"

namespace {

constexpr double pi = 3.14159265358979323846;
// Room for float rounding where a test recomputes a coordinate the generator computed in float.
constexpr double slack = 1e-5;

bool same(const nn::Batch& a, const nn::Batch& b) { return a.inputs == b.inputs && a.targets == b.targets; }

nn::Batch points_of(nn::PointSet set, int points, std::uint64_t seed) {
  return nn::make_dataset({set, points, 1}, seed).train;
}

// Each row's x1, x2 and class.
struct Row {
  double x1, x2;
  int label;
};

std::vector<Row> rows_of(const nn::Batch& batch) {
  std::vector<Row> rows;
  for (std::size_t r = 0; r < batch.inputs.shape(0); ++r) {
    rows.push_back({batch.inputs(r, 0), batch.inputs(r, 1), static_cast<int>(batch.targets(r, 0))});
  }
  return rows;
}

// The distance from (x1, x2) to spiral arm c, sampled at 20,001 points of t (about 1e-4 apart along it).
double distance_to_arm(double x1, double x2, int c) {
  double nearest = 1e9;
  for (int i = 0; i <= 20000; ++i) {
    const double t = i / 20000.0, angle = 3 * pi * t + pi * c, radius = 0.05 + 0.4 * t;
    nearest = std::min(
        nearest, std::hypot(x1 - (0.5 + radius * std::cos(angle)), x2 - (0.5 + radius * std::sin(angle))));
  }
  return nearest;
}

}  // namespace

TEST(PointSets, EveryPointLiesInTheUnitSquareWithAClassOfZeroOrOne) {
  for (nn::PointSet set : nn::all_point_sets) {
    for (std::uint64_t seed : {1, 2, 3}) {
      for (const Row& row : rows_of(points_of(set, 1000, seed))) {
        ASSERT_TRUE(0 <= row.x1 && row.x1 <= 1 && 0 <= row.x2 && row.x2 <= 1)
            << nn::point_set_name(set) << " (" << row.x1 << ", " << row.x2 << ")";
        ASSERT_TRUE(row.label == 0 || row.label == 1) << nn::point_set_name(set);
      }
    }
  }
}

TEST(PointSets, RingHasClassOneInsideRadiusPointTwoAndClassZeroBetweenPointThreeAndPointFourFive) {
  for (const Row& row : rows_of(points_of(nn::PointSet::ring, 2000, 4))) {
    const double r = std::hypot(row.x1 - 0.5, row.x2 - 0.5);
    if (row.label == 1) {
      EXPECT_LT(r, 0.2 + slack);
    } else {
      EXPECT_TRUE(0.3 - slack <= r && r <= 0.45 + slack) << r;
    }
  }
}

TEST(PointSets, QuadrantsAreXorOfTheHalvesWithNoPointNearACentreLine) {
  int corners[2][2] = {{0, 0}, {0, 0}};
  for (const Row& row : rows_of(points_of(nn::PointSet::quadrants, 2000, 5))) {
    EXPECT_GE(std::fabs(row.x1 - 0.5), 0.05 - slack) << row.x1;
    EXPECT_GE(std::fabs(row.x2 - 0.5), 0.05 - slack) << row.x2;
    const int high1 = row.x1 > 0.5, high2 = row.x2 > 0.5;
    EXPECT_EQ(row.label, high1 ^ high2) << "(" << row.x1 << ", " << row.x2 << ")";
    ++corners[high1][high2];
  }
  // Each class splits evenly between its two quadrants: 500 expected in each, standard deviation 22.
  for (const auto& half : corners) {
    for (int count : half) EXPECT_NEAR(count, 500, 100);
  }
}

TEST(PointSets, BlobsLieOnTheirSideOfTheLineWithAMarginSoALineSeparatesThem) {
  double sum1 = 0, sum0 = 0;
  for (const Row& row : rows_of(points_of(nn::PointSet::blobs, 2000, 6))) {
    if (row.label == 1) {
      EXPECT_GE(row.x1 + row.x2, 1.1 - slack);
      sum1 += row.x1 + row.x2;
    } else {
      EXPECT_LE(row.x1 + row.x2, 0.9 + slack);
      sum0 += row.x1 + row.x2;
    }
  }
  // The blobs sit around (0.7, 0.7) and (0.3, 0.3): x1 + x2 averages near 1.4 and 0.6 (the margin cuts off
  // about 2% of each blob's inner tail, which moves the means by less than 0.01).
  EXPECT_NEAR(sum1 / 1000, 1.4, 0.03);
  EXPECT_NEAR(sum0 / 1000, 0.6, 0.03);
}

TEST(PointSets, SpiralPointsLieOnTheirOwnArmAtLeastPointOneFromTheOther) {
  for (const Row& row : rows_of(points_of(nn::PointSet::spirals, 300, 7))) {
    EXPECT_LT(distance_to_arm(row.x1, row.x2, row.label), 1e-3) << "(" << row.x1 << ", " << row.x2 << ")";
    EXPECT_GT(distance_to_arm(row.x1, row.x2, 1 - row.label), 0.1 - 1e-3)
        << "(" << row.x1 << ", " << row.x2 << ")";
  }
}

TEST(PointSets, ComfortIsTwentyToTwentyFourDegreesAndFortyToSixtyPercent) {
  int comfortable = 0, judged = 0;
  const double edges_celsius[] = {20, 24}, edges_humidity[] = {40, 60};
  for (const Row& row : rows_of(points_of(nn::PointSet::comfort, 4000, 8))) {
    const double celsius = 18 + 8 * row.x1, humidity = 30 + 40 * row.x2;  // the stated scaling, undone
    comfortable += row.label;
    // A room within float rounding of an edge could go either way; none of 4000 is expected there.
    bool on_an_edge = false;
    for (double edge : edges_celsius) on_an_edge = on_an_edge || std::fabs(celsius - edge) < 1e-4;
    for (double edge : edges_humidity) on_an_edge = on_an_edge || std::fabs(humidity - edge) < 1e-4;
    if (on_an_edge) continue;
    ++judged;
    const bool in_band = 20 <= celsius && celsius <= 24 && 40 <= humidity && humidity <= 60;
    EXPECT_EQ(row.label, in_band ? 1 : 0) << celsius << " C, " << humidity << " %";
  }
  EXPECT_GE(judged, 3990);
  // The band is a quarter of the ranges' area: 1000 of 4000 expected, standard deviation 27.
  EXPECT_NEAR(comfortable, 1000, 120);
}

TEST(PointSets, RingQuadrantsBlobsAndSpiralsAlternateTheirClasses) {
  for (nn::PointSet set :
       {nn::PointSet::ring, nn::PointSet::quadrants, nn::PointSet::blobs, nn::PointSet::spirals}) {
    const nn::Batch points = points_of(set, 201, 9);
    for (std::size_t r = 0; r < 201; ++r) ASSERT_EQ(points.targets(r, 0), r % 2) << nn::point_set_name(set);
  }
}

TEST(PointSets, TheSameSeedGivesTheSamePointsBitForBit) {
  for (nn::PointSet set : nn::all_point_sets) {
    const nn::Dataset a = nn::make_dataset({set, 200, 150}, 11);
    const nn::Dataset b = nn::make_dataset({set, 200, 150}, 11);
    EXPECT_TRUE(same(a.train, b.train) && same(a.test, b.test)) << nn::point_set_name(set);
  }
}

TEST(PointSets, OtherSeedsAndTheTestSetGiveOtherPoints) {
  for (nn::PointSet set : nn::all_point_sets) {
    const nn::Dataset one = nn::make_dataset({set, 200, 200}, 1);
    const nn::Dataset two = nn::make_dataset({set, 200, 200}, 2);
    EXPECT_FALSE(one.train.inputs == two.train.inputs) << nn::point_set_name(set);
    EXPECT_FALSE(one.test.inputs == two.test.inputs) << nn::point_set_name(set);
    EXPECT_FALSE(one.train.inputs == one.test.inputs) << nn::point_set_name(set);
    // Not one test point is a training point.
    for (std::size_t t = 0; t < 200; ++t) {
      for (std::size_t r = 0; r < 200; ++r) {
        ASSERT_FALSE(one.test.inputs(t, 0) == one.train.inputs(r, 0) &&
                     one.test.inputs(t, 1) == one.train.inputs(r, 1))
            << nn::point_set_name(set) << " test row " << t << " is training row " << r;
      }
    }
  }
}

TEST(PointSets, TheTestSetDoesNotDependOnHowManyTrainingPointsThereAre) {
  for (nn::PointSet set : nn::all_point_sets) {
    EXPECT_TRUE(same(nn::make_dataset({set, 50, 100}, 3).test, nn::make_dataset({set, 500, 100}, 3).test))
        << nn::point_set_name(set);
  }
}

TEST(PointSets, NamesAreTheFlagSpellings) {
  std::vector<std::string> names;
  for (nn::PointSet set : nn::all_point_sets) names.push_back(nn::point_set_name(set));
  EXPECT_EQ(names, (std::vector<std::string>{"ring", "quadrants", "blobs", "spirals", "comfort"}));
}
