#include "nn/data.hpp"

#include <xtensor/xbuilder.hpp>

#include "nn/error.hpp"
#include "nn/point_sets.hpp"

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

std::string data_name(const DataSource& source) {
  if (const Gate* gate = source.gate()) return gate_name(*gate);
  return point_set_name(*source.point_set());
}

std::optional<std::variant<Gate, PointSet>> find_data_kind(const std::string& name) {
  for (const Named<Gate>& gate : gate_names) {
    if (name == gate.name) return gate.value;
  }
  for (const Named<PointSet>& set : point_set_names) {
    if (name == set.name) return set.value;
  }
  return std::nullopt;
}

std::variant<Gate, PointSet> parse_data_kind(const std::string& flag, const std::string& name) {
  if (const auto kind = find_data_kind(name)) return *kind;
  throw InputError(flag + ": unknown data set '" + name + "' (expected " + data_names_text() + ")");
}

std::string data_names_text() {
  return names_text(gate_names, ", ", ", ") + ", " + names_text(point_set_names);
}

Dataset make_dataset(const DataSource& source, std::uint64_t seed) {
  if (const Gate* gate = source.gate()) return {source, truth_table(*gate), truth_table(*gate)};
  Engine train_engine = make_engine(seed, Stream::train_points);
  Engine test_engine = make_engine(seed, Stream::test_points);
  const PointSet set = *source.point_set();
  return {source, make_points(set, source.train_points, train_engine),
          make_points(set, source.test_points, test_engine)};
}

BatchStream::BatchStream(const Dataset& data, int batch_size, std::uint64_t seed)
    : data_(data), batch_size_(batch_size), engine_(make_engine(seed, Stream::batches)) {}

// ANCHOR: draw
std::size_t BatchStream::draw_row() {
  if (data_.source.gate()) {  // two random bits, as the demo's torch.randint(0, 2, ...): row 2a + b
    const int a = random_bit(engine_);
    const int b = random_bit(engine_);
    return static_cast<std::size_t>(2 * a + b);
  }
  return static_cast<std::size_t>(random_row(engine_, static_cast<int>(data_.train.inputs.shape(0))));
}
// ANCHOR_END: draw

Batch BatchStream::next() {
  const auto rows = static_cast<std::size_t>(batch_size_);
  Batch batch{xt::zeros<float>({rows, std::size_t{2}}), xt::zeros<float>({rows, std::size_t{1}})};
  for (std::size_t row = 0; row < rows; ++row) {
    const std::size_t drawn = draw_row();
    batch.inputs(row, 0) = data_.train.inputs(drawn, 0);
    batch.inputs(row, 1) = data_.train.inputs(drawn, 1);
    batch.targets(row, 0) = data_.train.targets(drawn, 0);
  }
  return batch;
}

Matrix unit_square_grid(int resolution) {
  Matrix inputs({static_cast<std::size_t>(resolution * resolution), 2});
  for (int j = 0; j < resolution; ++j) {
    for (int i = 0; i < resolution; ++i) {
      inputs(j * resolution + i, 0) = static_cast<float>(i) / static_cast<float>(resolution - 1);
      inputs(j * resolution + i, 1) = static_cast<float>(j) / static_cast<float>(resolution - 1);
    }
  }
  return inputs;
}

}  // namespace nn
