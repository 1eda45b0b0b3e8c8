#include <gtest/gtest.h>

#include "nn/data.hpp"
#include "nn/error.hpp"
#include "nn/point_sets.hpp"

namespace {

bool same(const nn::Batch& a, const nn::Batch& b) { return a.inputs == b.inputs && a.targets == b.targets; }

// A data set of these rows, trained on and judged on, that draws its batches as a point set does.
nn::Dataset rows_data(const nn::Batch& rows) { return {{nn::PointSet::ring}, rows, rows}; }

}  // namespace

TEST(Data, TruthTableHoldsTheFourRowsAndTheGatesOutputs) {
  const nn::Batch table = nn::truth_table(nn::Gate::xor_gate);
  EXPECT_EQ(table.inputs, (nn::Matrix{{0, 0}, {0, 1}, {1, 0}, {1, 1}}));
  EXPECT_EQ(table.targets, (nn::Matrix{{0}, {1}, {1}, {0}}));
}

TEST(Dataset, AGatesTrainingAndTestRowsAreItsTruthTableWhateverTheSeed) {
  for (std::uint64_t seed : {0u, 7u}) {
    const nn::Dataset data = nn::make_dataset({nn::Gate::nand_gate}, seed);
    EXPECT_TRUE(same(data.train, nn::truth_table(nn::Gate::nand_gate))) << "seed " << seed;
    EXPECT_TRUE(same(data.test, nn::truth_table(nn::Gate::nand_gate))) << "seed " << seed;
  }
}

TEST(Dataset, NamesParseToTheirGateOrPointSet) {
  for (nn::Gate gate : {nn::Gate::and_gate, nn::Gate::or_gate, nn::Gate::nand_gate, nn::Gate::xor_gate}) {
    const nn::DataSource source{gate};
    EXPECT_EQ(nn::parse_data_kind("--dataset", nn::data_name(source)), source.kind) << nn::data_name(source);
  }
  for (nn::PointSet set : nn::all_point_sets) {
    const nn::DataSource source{set};
    EXPECT_EQ(nn::parse_data_kind("--dataset", nn::data_name(source)), source.kind) << nn::data_name(source);
  }
  try {
    nn::parse_data_kind("--datasets", "moons");
    ADD_FAILURE() << "parsed moons";
  } catch (const nn::InputError& error) {
    EXPECT_STREQ(
        error.what(),
        "--datasets: unknown data set 'moons' (expected and, or, nand, xor, ring, quadrants, blobs, spirals "
        "or comfort)");
  }
}

TEST(GateBatchStream, IsDeterministicForASeed) {
  const nn::Dataset data = nn::make_dataset({nn::Gate::and_gate}, 0);
  nn::BatchStream a(data, 16, 5);
  nn::BatchStream b(data, 16, 5);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(same(a.next(), b.next())) << "batch " << i;
}

TEST(GateBatchStream, DiffersAcrossSeedsAndAcrossBatches) {
  const nn::Dataset data = nn::make_dataset({nn::Gate::and_gate}, 0);
  nn::BatchStream one(data, 64, 1);
  nn::BatchStream two(data, 64, 2);
  const nn::Batch first = one.next();
  EXPECT_FALSE(same(first, two.next()));
  EXPECT_FALSE(same(first, one.next()));
}

TEST(GateBatchStream, TargetsAreTheGateOfTheInputs) {
  for (nn::Gate gate : {nn::Gate::and_gate, nn::Gate::or_gate, nn::Gate::nand_gate, nn::Gate::xor_gate}) {
    const nn::Dataset data = nn::make_dataset({gate}, 0);
    const nn::Batch batch = nn::BatchStream(data, 100, 9).next();
    ASSERT_EQ(batch.inputs.shape(0), 100u);
    ASSERT_EQ(batch.inputs.shape(1), 2u);
    ASSERT_EQ(batch.targets.shape(0), 100u);
    ASSERT_EQ(batch.targets.shape(1), 1u);
    for (std::size_t r = 0; r < 100; ++r) {
      const int a = static_cast<int>(batch.inputs(r, 0)), b = static_cast<int>(batch.inputs(r, 1));
      ASSERT_TRUE((a == 0 || a == 1) && (b == 0 || b == 1)) << "row " << r;
      EXPECT_EQ(batch.targets(r, 0), nn::gate_output(gate, a, b)) << nn::gate_name(gate) << " row " << r;
    }
  }
}

TEST(GateBatchStream, DrawsTwoBitsARowAsTheDemoDoes) {
  // The demo's torch.randint(0, 2, ...): a row's first bit, then its second, from the seed's batches stream.
  const nn::Dataset data = nn::make_dataset({nn::Gate::or_gate}, 0);
  const nn::Batch batch = nn::BatchStream(data, 50, 12).next();
  nn::Engine engine = nn::make_engine(12, nn::Stream::batches);
  for (std::size_t r = 0; r < 50; ++r) {
    const int a = nn::random_bit(engine);
    const int b = nn::random_bit(engine);
    EXPECT_EQ(batch.inputs(r, 0), static_cast<float>(a)) << "row " << r;
    EXPECT_EQ(batch.inputs(r, 1), static_cast<float>(b)) << "row " << r;
  }
}

TEST(GateBatchStream, BothBitsAndAllFourPairsAreRoughlyBalanced) {
  const nn::Dataset data = nn::make_dataset({nn::Gate::and_gate}, 0);
  nn::BatchStream stream(data, 100, 3);
  double ones[2] = {0, 0};
  double pairs[4] = {0, 0, 0, 0};
  const int rows = 100 * 100;
  for (int i = 0; i < 100; ++i) {
    const nn::Batch batch = stream.next();
    for (std::size_t r = 0; r < 100; ++r) {
      ones[0] += batch.inputs(r, 0);
      ones[1] += batch.inputs(r, 1);
      pairs[static_cast<int>(2 * batch.inputs(r, 0) + batch.inputs(r, 1))] += 1;
    }
  }
  // Standard deviations over 10000 rows: 0.005 for a bit's share, 0.0043 for a pair's.
  for (double count : ones) EXPECT_NEAR(count / rows, 0.5, 0.03);
  for (double count : pairs) EXPECT_NEAR(count / rows, 0.25, 0.025);
}

TEST(PointSetBatchStream, DrawsEveryRowOfItsSetAndNothingElse) {
  const nn::Batch rows{{{0.1f, 0.2f}, {0.3f, 0.4f}, {0.5f, 0.6f}}, {{0.0f}, {1.0f}, {0.0f}}};
  const nn::Dataset data = rows_data(rows);
  nn::BatchStream stream(data, 3000, 4);
  const nn::Batch batch = stream.next();
  ASSERT_EQ(batch.inputs.shape(0), 3000u);
  int drawn[3] = {0, 0, 0};
  for (std::size_t r = 0; r < 3000; ++r) {
    int which = -1;
    for (int k = 0; k < 3; ++k) {
      const auto row = static_cast<std::size_t>(k);
      if (batch.inputs(r, 0) == rows.inputs(row, 0) && batch.inputs(r, 1) == rows.inputs(row, 1) &&
          batch.targets(r, 0) == rows.targets(row, 0)) {
        which = k;
      }
    }
    ASSERT_GE(which, 0) << "row " << r << " is none of the set's rows";
    ++drawn[which];
  }
  // 1000 expected of each, standard deviation 26.
  for (int count : drawn) EXPECT_NEAR(count, 1000, 130);
}

TEST(PointSetBatchStream, IsDeterministicForASeedAndDiffersAcrossSeeds) {
  const nn::Batch rows{{{0.1f, 0.2f}, {0.3f, 0.4f}, {0.5f, 0.6f}, {0.7f, 0.8f}},
                       {{0.0f}, {1.0f}, {0.0f}, {1.0f}}};
  const nn::Dataset data = rows_data(rows);
  nn::BatchStream a(data, 32, 5), b(data, 32, 5), c(data, 32, 6);
  const nn::Batch first = a.next();
  EXPECT_TRUE(same(first, b.next()));
  EXPECT_FALSE(same(first, c.next()));
  EXPECT_FALSE(same(first, a.next()));
}

namespace {

TEST(UnitSquareGrid, RowsRunAlongX1ThenUpX2WithTheTruthTablesInputsAtTheCorners) {
  const nn::Matrix grid = nn::unit_square_grid(3);
  ASSERT_EQ(grid.shape(0), 9u);
  ASSERT_EQ(grid.shape(1), 2u);
  const float expected[9][2] = {{0, 0},    {0.5f, 0}, {1, 0},    {0, 0.5f}, {0.5f, 0.5f},
                                {1, 0.5f}, {0, 1},    {0.5f, 1}, {1, 1}};
  for (std::size_t row = 0; row < 9; ++row) {
    EXPECT_EQ(grid(row, 0), expected[row][0]) << row;
    EXPECT_EQ(grid(row, 1), expected[row][1]) << row;
  }
}

}  // namespace
