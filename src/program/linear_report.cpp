#include "program/linear_report.hpp"

#include <cmath>

#include "nn/linear_floor.hpp"
#include "program/report.hpp"

namespace program {

// The core's names, which the plumbing reads and prints throughout.
using namespace nn;

std::string map_formula(const Linear& map) {
  auto term = [](float value, bool first) {
    if (first) return fixed4(value);
    return std::string(value < 0.0f ? " - " : " + ") + fixed4(std::fabs(value));
  };
  return term(map.weight(0, 0), true) + " x1" + term(map.weight(0, 1), false) + " x2" +
         term(map.bias(0), false);
}

void print_collapse(std::ostream& out, const DataSource& data, const Outcome& outcome, const Linear& single) {
  out << "The layers multiply out into one linear map: y = " << map_formula(single) << "\n";
  const Gate* gate = data.gate();
  if (!gate) {
    out << "Rounded at 0.5, its classes are the two sides of one straight line, where y = 0.5: it can "
           "separate "
           "two classes only where a line does.\n";
    return;
  }
  const std::array<float, 4> targets = truth_table_targets(*gate);
  const std::array<float, 4> single_outputs = outputs_on_truth_table(single);
  out << "x1 x2  target    network  single map\n";
  for (std::size_t row = 0; row < 4; ++row) {
    const auto& x = truth_table_inputs[row];
    out << " " << x[0] << "  " << x[1] << "     " << targets[row] << "   " << column(outcome.outputs[row])
        << "    " << column(single_outputs[row]) << "\n";
  }
}

void print_floor(std::ostream& out, Gate gate, Loss loss, const Outcome& outcome) {
  const std::string name = gate_name(gate);
  const std::array<float, 4> targets = truth_table_targets(gate);
  const float d = interaction(targets);
  const Linear best = best_linear_fit(gate);
  const std::array<float, 4> best_outputs = outputs_on_truth_table(best);
  out << "Every linear f has f(1,1) - f(1,0) - f(0,1) + f(0,0) = 0, but " << name << "'s targets give " << d
      << ".\n"
      << "So no linear map produces " << name << ": its mean L1 loss is at least "
      << fixed4(linear_loss_floor(gate, Loss::l1)) << " and its mean squared error at least "
      << fixed4(linear_loss_floor(gate, Loss::mse)) << ".\n"
      << "This network's " << loss_name(loss) << " loss: " << fixed4(outcome.train_loss) << " (floor "
      << fixed4(linear_loss_floor(gate, loss)) << ").\n";
  if (rounds_to(best_outputs, targets)) {
    out << "Producing is not separating: y = " << map_formula(best) << " is a best linear map (L1 loss "
        << fixed4(linear_loss_floor(gate, Loss::l1)) << ") and, rounded at 0.5, it gives " << name
        << " exactly.\nTry --gate xor: there no threshold on any linear map separates the classes.\n";
  } else {
    out << "Nor can a threshold rescue it: f(0,0) + f(1,1) = f(0,1) + f(1,0) for every linear f, so no line"
        << " puts " << name
        << "'s 1s on one side and its 0s on the other.\nThe best linear map, y = " << map_formula(best)
        << ", just answers the middle everywhere.\n";
  }
}

nlohmann::json linear_map_json(const Linear& map) {
  return {{"weight", {map.weight(0, 0), map.weight(0, 1)}}, {"bias", map.bias(0)}};
}

nlohmann::json linear_story_json(const DataSource& data, const Linear& single) {
  const Gate* gate_or_none = data.gate();
  if (!gate_or_none) return {{"collapsed_map", linear_map_json(single)}};
  const Gate gate = *gate_or_none;
  return {{"collapsed_map", linear_map_json(single)},
          {"collapsed_outputs", outputs_on_truth_table(single)},
          {"l1_floor", linear_loss_floor(gate, Loss::l1)},
          {"mse_floor", linear_loss_floor(gate, Loss::mse)},
          {"best_linear_map", linear_map_json(best_linear_fit(gate))}};
}

}  // namespace program
