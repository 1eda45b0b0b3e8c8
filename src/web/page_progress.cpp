// The chapters' progress printer as the page's build links it, in place of src/program/progress.cpp: rather
// than a line of text an epoch, it hands the page (Module.onEpoch, set by worker.js) the epoch's losses and
// the network's output over the unit square, which the widget draws as the loss curve and the heat map. The
// first call also hands over the rows the network learns from (Module.onPoints), to draw on the map.
#include <emscripten.h>

#include <vector>

#include "nn/data.hpp"
#include "program/report.hpp"

namespace {

// Points along each side of the square; the map is this many squared outputs of the library's forward pass.
constexpr int grid = 41;

// rows: count rows of (x1, x2, target, 1 for a held-out test row else 0).
EM_JS(void, hand_points_to_page, (const float* rows, int count), {
  if (Module["onPoints"]) Module["onPoints"](HEAPF32.slice(rows >> 2, (rows >> 2) + 4 * count));
});

// surface: grid x grid outputs, row i at x2 = i / (grid - 1), column j at x1 = j / (grid - 1).
EM_JS(void, hand_epoch_to_page,
      (int epoch, int epochs, float train_loss, float judged_loss, const float* surface, int side), {
        if (Module["onEpoch"]) {
          Module["onEpoch"]({
            epoch : epoch,
            epochs : epochs,
            train_loss : train_loss,
            judged_loss : judged_loss,
            grid : side,
            surface : HEAPF32.slice(surface >> 2, (surface >> 2) + side * side)
          });
        }
      });

void append_rows(std::vector<float>& rows, const nn::Batch& batch, bool held_out) {
  for (std::size_t r = 0; r < batch.inputs.shape(0); ++r) {
    const float held_out_flag = held_out ? 1.0f : 0.0f;
    rows.insert(rows.end(), {batch.inputs(r, 0), batch.inputs(r, 1), batch.targets(r, 0), held_out_flag});
  }
}

// The rows the chapter trains on, drawn again from the same settings (the same seed gives the same points).
std::vector<float> training_rows(const program::Settings& settings) {
  std::vector<float> rows;
  const nn::Dataset data = nn::make_dataset(settings.data, settings.train.seed);
  append_rows(rows, data.train, false);
  if (!settings.data.gate()) append_rows(rows, data.test, true);  // a gate's test rows are its training rows
  return rows;
}

nn::Matrix unit_square() {
  nn::Matrix inputs({static_cast<std::size_t>(grid * grid), 2});
  for (int i = 0; i < grid; ++i) {
    for (int j = 0; j < grid; ++j) {
      inputs(i * grid + j, 0) = static_cast<float>(j) / (grid - 1);
      inputs(i * grid + j, 1) = static_cast<float>(i) / (grid - 1);
    }
  }
  return inputs;
}

}  // namespace

namespace program {

// ANCHOR: progress
std::function<void(const nn::EpochReport&)> progress_printer(std::ostream&, const Settings& settings) {
  const int epochs = settings.train.epochs;
  return [epochs, rows = training_rows(settings), square = unit_square()](const nn::EpochReport& report) {
    if (report.epoch == 1) hand_points_to_page(rows.data(), static_cast<int>(rows.size() / 4));
    const nn::Matrix outputs = report.network->forward(square);
    hand_epoch_to_page(report.epoch, epochs, report.train_loss, report.training_set_loss, outputs.data(),
                       grid);
  };
}
// ANCHOR_END: progress

}  // namespace program
