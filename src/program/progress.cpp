// The chapters' progress line, one an epoch. It has a file of its own because the book's in-page build
// (src/web/) links its own progress_printer in its place, one that hands the page a heat map instead.
#include <cstdio>

#include "program/report.hpp"

namespace program {

// The core's names, which the plumbing reads and prints throughout.
using namespace nn;

std::function<void(const EpochReport&)> progress_printer(std::ostream& out, const Settings& settings) {
  if (settings.quiet) return {};
  const std::string loss = loss_name(settings.train.loss);
  const int epochs = settings.train.epochs;
  const std::string judged_on = settings.data.gate() ? "truth-table" : "training-set";
  return [&out, loss, epochs, judged_on](const EpochReport& r) {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.3f", r.elapsed_seconds);
    out << "epoch " << r.epoch << "/" << epochs << "  training " << loss << " " << fixed4(r.train_loss)
        << "  " << judged_on << " " << loss << " " << fixed4(r.training_set_loss) << "  " << seconds
        << " s\n";
  };
}

}  // namespace program
