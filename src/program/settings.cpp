#include "program/settings.hpp"

#include <algorithm>
#include <charconv>
#include <memory>
#include <limits>
#include <optional>
#include <utility>

#include "nn/error.hpp"
#include "nn/point_sets.hpp"
#include "program/output_file.hpp"

namespace program {

// The core's names, which the plumbing reads and prints throughout.
using namespace nn;

namespace {

// The whole of `text` as a number of type T: no sign unless T has one, no spaces, no rest, no overflow.
template <class T>
std::optional<T> whole_number(const std::string& text) {
  T value{};
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || stop != end) return std::nullopt;
  return value;
}

// `text` cut at every comma, empty items kept: "2,,1" gives "2", "", "1".
std::vector<std::string> split_at_commas(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  for (std::size_t comma; (comma = text.find(',', start)) != std::string::npos; start = comma + 1) {
    items.push_back(text.substr(start, comma - start));
  }
  items.push_back(text.substr(start));
  return items;
}

template <class T>
T parse_whole_number(const std::string& flag, const std::string& text) {
  if (const std::optional<T> value = whole_number<T>(text)) return *value;
  T ignored{};
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, ignored);
  if (error == std::errc::result_out_of_range && stop == end) {  // digits, just too many of them
    throw InputError(flag + " is out of range (at most " + std::to_string(std::numeric_limits<T>::max()) +
                     "), got '" + text + "'");
  }
  throw InputError(flag + " must be a whole number in decimal digits, got '" + text + "'");
}

template <class T>
CLI::Option* add_whole_number(CLI::App& app, const std::string& flag, T& value,
                              const std::string& description) {
  return app
      .add_option_function<std::string>(
          flag, [flag, &value](const std::string& text) { value = parse_whole_number<T>(flag, text); },
          description)
      ->type_name("INT")
      ->default_str(std::to_string(value));
}

}  // namespace

std::uint64_t parse_seed(const std::string& text) {
  const std::optional<std::uint64_t> seed = whole_number<std::uint64_t>(text);
  if (!seed)
    throw InputError("--seed must be a whole number from 0 to 18446744073709551615, got '" + text + "'");
  return *seed;
}

std::vector<int> parse_layers(const std::string& flag, const std::string& text) {
  std::vector<int> sizes;
  for (const std::string& item : split_at_commas(text)) {
    const std::optional<int> size = whole_number<int>(item);
    if (!size)
      throw InputError(flag + " must be comma-separated whole numbers such as 2,5,5,1, got '" + text + "'");
    sizes.push_back(*size);
  }
  return sizes;
}

std::vector<std::string> list_items(const std::string& flag, const std::vector<std::string>& texts) {
  std::vector<std::string> items;
  for (const std::string& text : texts) {
    for (std::string& item : split_at_commas(text)) {
      if (item.empty()) throw InputError(flag + " has an empty item in '" + text + "'");
      items.push_back(std::move(item));
    }
  }
  return items;
}

CLI::Option* add_whole_number_flag(CLI::App& app, const std::string& flag, int& value,
                                   const std::string& description) {
  return add_whole_number(app, flag, value, description);
}

CLI::Option* add_whole_number_flag(CLI::App& app, const std::string& flag, std::int64_t& value,
                                   const std::string& description) {
  return add_whole_number(app, flag, value, description);
}

CLI::Option* add_switch(CLI::App& app, const std::string& flag, bool& value, const std::string& description) {
  // CLI11 lets any flag take a value (--quiet=no, --full-batch=2); a plain --quiet arrives as "true".
  const CLI::Validator takes_no_value(
      [](const std::string& given) {
        return given == "true" ? std::string() : "takes no value, got '" + given + "'";
      },
      "");
  return app.add_flag(flag, value, description)->check(takes_no_value);
}

CLI::Option* add_file_flag(CLI::App& app, const std::string& flag, std::string& path,
                           const std::string& description, bool dash_is_stdout) {
  return app.add_option_function<std::string>(
      flag,
      [flag, &path, dash_is_stdout](const std::string& text) {
        if (text.empty()) throw InputError(flag + " needs a file name, got an empty one");
        if (is_standard_output(text) && !dash_is_stdout) {
          throw InputError(flag +
                           " takes a file name, not '-' (only --json - writes to standard output); write ./- "
                           "for a file named '-'");
        }
        if (text.front() == '-' && !is_standard_output(text)) {
          throw InputError(flag + " '" + text + "' looks like a flag; write ./" + text +
                           " for a file of that name");
        }
        path = text;
      },
      description);
}

void add_training_flags(CLI::App& app, Settings& settings) {
  TrainConfig& train = settings.train;
  app.add_option_function<std::string>(
         "--seed", [&train](const std::string& text) { train.seed = parse_seed(text); },
         "Seed of the initial weights and of the random batches (0 to 2^64 - 1)")
      ->default_str(std::to_string(train.seed));
  app.add_option_function<std::string>(
         "--layers",
         [&settings](const std::string& text) { settings.layers = parse_layers("--layers", text); },
         "Layer sizes, comma-separated; first 2, last 1 (e.g. 2,5,5,1)")
      ->default_str(sizes_text(settings.layers));
  // --dataset, where a chapter has it, is added later and so runs later (CLI11 runs the flags' functions in
  // the order they were added): a --dataset naming data wins, and validate refuses the two when they differ.
  app.add_option_function<std::string>(
         "--gate",
         [&settings](const std::string& name) {
           settings.gate_flag = parse_gate(name);
           settings.data.kind = *settings.gate_flag;
         },
         "Gate to learn: " + names_text(gate_names))
      ->default_str(data_name(settings.data));
  app.add_option_function<std::string>(
         "--loss", [&train](const std::string& name) { train.loss = parse_loss(name); },
         "Loss: l1 (mean absolute error), mse (mean squared error) or bce (binary cross-entropy of a sigmoid "
         "output, computed from the output unit's sum; needs --output-activation sigmoid)")
      ->default_str(loss_name(train.loss));
  app.add_option_function<std::string>(
         "--optimizer", [&train](const std::string& name) { train.optimizer = parse_optimizer(name); },
         "Optimizer: adam (PyTorch's defaults) or sgd")
      ->default_str(optimizer_name(train.optimizer));
  app.add_option("--lr", train.lr, "Learning rate, > 0")->capture_default_str();
  add_whole_number_flag(app, "--epochs", train.epochs, "Number of epochs, > 0");
  add_whole_number_flag(app, "--batch-size", train.batch_size, "Random bit pairs per batch, > 0");
  add_whole_number_flag(app, "--batches-per-epoch", train.batches_per_epoch,
                        "Optimisation steps per epoch, > 0");
  app.add_option_function<std::string>(
         "--init", [&settings](const std::string& name) { settings.init = parse_init(name); },
         "Starting weights: pytorch (torch.nn.Linear's U(-1/sqrt(in), 1/sqrt(in)) for weights and biases), "
         "xavier "
         "(U(-a, a), a = sqrt(6/(in + out)), biases 0) or he (U(-a, a), a = sqrt(6/in), biases 0)")
      ->default_str(init_name(settings.init));
  add_inputs_flag(app, settings);
  add_switch(app, "--full-batch", train.full_batch,
             "Each step uses exactly the four truth-table rows, in order 00, 01, 10, 11");
  add_file_flag(app, "--load-weights", settings.load_weights,
                "Start from the weights in this JSON file instead of a random initialisation");
  add_file_flag(app, "--save-weights", settings.save_weights, "Save the trained weights to this JSON file");
  add_file_flag(
      app, "--json", settings.json,
      "Write the settings, loss history and predictions to this JSON file (- for standard output; the "
      "report then goes to stderr)",
      true);
  add_switch(app, "--quiet", settings.quiet, "Print nothing but errors");
  add_trace_flags(app, settings);
}

void add_trace_flags(CLI::App& app, Settings& settings) {
  CLI::Option* trace = add_switch(
      app, "--trace-layers", settings.trace_layers,
      "Record, per layer, the norm of the loss's gradient with respect to its weights on the whole training "
      "set, its mean |activation| and its share of slopes under 0.01, at --trace-epochs (JSON: layer_trace)");
  // Given or not, the epochs are settled once every flag is read: the default's last epoch is --epochs.
  auto given = std::make_shared<std::vector<std::string>>();
  app.add_option_function<std::vector<std::string>>(
         "--trace-epochs", [given](const std::vector<std::string>& texts) { *given = texts; },
         "With --trace-layers: the epochs after which to record, comma-separated, 0 for before the first "
         "step (default: 0 and the last)")
      ->type_name("LIST")
      ->needs(trace);
  app.parse_complete_callback([&settings, given] {
    std::vector<int>& epochs = settings.train.trace_epochs;
    epochs.clear();
    if (!settings.trace_layers) return;
    if (given->empty()) {
      epochs = {0, settings.train.epochs};
    } else {
      for (const std::string& item : list_items("--trace-epochs", *given)) {
        epochs.push_back(parse_whole_number<int>("--trace-epochs", item));
      }
    }
    std::sort(epochs.begin(), epochs.end());
    epochs.erase(std::unique(epochs.begin(), epochs.end()), epochs.end());
  });
}

std::optional<Activation> parse_output_activation(const std::string& name) {
  if (name == "same") return std::nullopt;
  return parse_activation(name);
}

void add_inputs_flag(CLI::App& app, Settings& settings) {
  app.add_option_function<std::string>(
         "--inputs", [&settings](const std::string& name) { settings.inputs = parse_inputs(name); },
         "Inputs as the first layer sees them: unit (as given, in the unit square) or centred (each x "
         "becomes "
         "2x - 1, in [-1, 1])")
      ->default_str(inputs_name(settings.inputs));
}

void add_activation_flag(CLI::App& app, Settings& settings) {
  app.add_option_function<std::string>(
         "--activation",
         [&settings](const std::string& name) { settings.activation = parse_activation(name); },
         "Activation after every hidden layer (and after the output layer, unless --output-activation says "
         "otherwise): " +
             activation_names_text())
      ->default_str(activation_name(settings.activation));
  add_output_activation_flag(app, settings);
}

void add_output_activation_flag(CLI::App& app, Settings& settings) {
  app.add_option_function<std::string>(
         "--output-activation",
         [&settings](const std::string& name) { settings.output_activation = parse_output_activation(name); },
         "Activation after the output layer: same (as --activation) or " + activation_names_text() +
             " (none: a linear output)")
      ->default_str("same");
}

void add_dataset_flags(CLI::App& app, Settings& settings) {
  app.add_option_function<std::string>(
         "--dataset",
         [&settings](const std::string& name) {
           if (name == "gate") return;  // the --gate's truth table, as without --dataset
           const auto kind = find_data_kind(name);
           if (!kind) {
             throw InputError("--dataset: unknown data set '" + name + "' (expected gate, " +
                              data_names_text() + ")");
           }
           settings.data.kind = *kind;
           settings.dataset_flag = true;
         },
         "Data to learn: gate (the --gate's truth table), a gate by name (" + names_text(nn::gate_names) +
             ") or a point set in the unit square: " + names_text(nn::point_set_names))
      ->default_str("gate");
  add_whole_number_flag(app, "--train-points", settings.data.train_points,
                        "A point set's training points, > 0");
  add_whole_number_flag(app, "--test-points", settings.data.test_points,
                        "A point set's held-out test points, > 0");
}

nlohmann::json settings_json(const Settings& settings) {
  const TrainConfig& train = settings.train;
  nlohmann::json json = {{"seed", train.seed},
                         {"layers", settings.layers},
                         {"activation", activation_name(settings.activation)},
                         {"gate", data_name(settings.data)},
                         {"loss", loss_name(train.loss)},
                         {"optimizer", optimizer_name(train.optimizer)},
                         {"lr", train.lr},
                         {"epochs", train.epochs},
                         {"batch_size", train.batch_size},
                         {"batches_per_epoch", train.batches_per_epoch},
                         {"full_batch", train.full_batch},
                         {"load_weights", settings.load_weights},
                         {"save_weights", settings.save_weights}};
  // The demo's design adds nothing, so that its files stay as they were; any other names every choice.
  if (settings.departs_from_demo_design()) {
    json["output_activation"] = activation_name(settings.output_activation_or_hidden());
    json["init"] = init_name(settings.init);
    json["inputs"] = inputs_name(settings.inputs);
  }
  if (settings.trace_layers) json["trace_epochs"] = train.trace_epochs;
  // A gate's settings stay as they were; a point set names itself and its sizes instead of the gate.
  if (settings.data.point_set()) {
    json.erase("gate");
    json["dataset"] = data_name(settings.data);
    json["train_points"] = settings.data.train_points;
    json["test_points"] = settings.data.test_points;
  }
  return json;
}

}  // namespace program
