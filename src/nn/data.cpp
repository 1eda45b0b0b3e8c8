#include "nn/data.hpp"

#include <xtensor/xbuilder.hpp>

namespace nn {

Batch truth_table(Gate gate) {
  Batch batch{xt::zeros<float>({4, 2}), xt::zeros<float>({4, 1})};
  const auto targets = truth_table_targets(gate);
  for (std::size_t row = 0; row < 4; ++row) {
    batch.inputs(row, 0) = truth_table_inputs[row][0];
    batch.inputs(row, 1) = truth_table_inputs[row][1];
    batch.targets(row, 0) = targets[row];
  }
  return batch;
}

BitBatchStream::BitBatchStream(Gate gate, int batch_size, std::uint64_t seed)
    : gate_(gate), batch_size_(batch_size), engine_(make_engine(seed, Stream::batches)) {}

Batch BitBatchStream::next() {
  const auto rows = static_cast<std::size_t>(batch_size_);
  Batch batch{xt::zeros<float>({rows, std::size_t{2}}), xt::zeros<float>({rows, std::size_t{1}})};
  for (std::size_t row = 0; row < rows; ++row) {
    const int a = random_bit(engine_);
    const int b = random_bit(engine_);
    batch.inputs(row, 0) = static_cast<float>(a);
    batch.inputs(row, 1) = static_cast<float>(b);
    batch.targets(row, 0) = static_cast<float>(gate_output(gate_, a, b));
  }
  return batch;
}

RowBatchStream::RowBatchStream(const Batch& rows, int batch_size, std::uint64_t seed)
    : rows_(rows), batch_size_(batch_size), engine_(make_engine(seed, Stream::batches)) {}

Batch RowBatchStream::next() {
  const auto rows = static_cast<std::size_t>(batch_size_);
  Batch batch{xt::zeros<float>({rows, std::size_t{2}}), xt::zeros<float>({rows, std::size_t{1}})};
  const int available = static_cast<int>(rows_.inputs.shape(0));
  for (std::size_t row = 0; row < rows; ++row) {
    const auto drawn = static_cast<std::size_t>(random_row(engine_, available));
    batch.inputs(row, 0) = rows_.inputs(drawn, 0);
    batch.inputs(row, 1) = rows_.inputs(drawn, 1);
    batch.targets(row, 0) = rows_.targets(drawn, 0);
  }
  return batch;
}

}  // namespace nn
