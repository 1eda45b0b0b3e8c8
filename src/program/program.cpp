#include "program/program.hpp"

#include <iostream>

#include "nn/error.hpp"
#include "program/output_file.hpp"
#include "program/weights_file.hpp"

namespace program {

// The core's names, which the plumbing reads and prints throughout.
using namespace nn;

namespace {

// Output that never arrived (a full disk, a closed pipe) is a failed run, not a success: std::cout only
// remembers the failure, so flush what is buffered and ask.
int checked_stdout(const CLI::App& app, int exit_code) {
  if (std::cout.flush()) return exit_code;
  std::cerr << app.get_name() << ": error: cannot write to standard output\n";
  return 2;
}

// With --json -, standard output carries the JSON alone: while it lives, what a program prints to std::cout
// (its report) goes to stderr instead, so the chapters print to std::cout either way.
class ReportToStderr {
 public:
  explicit ReportToStderr(bool redirect) : saved_(redirect ? std::cout.rdbuf(std::cerr.rdbuf()) : nullptr) {}
  ~ReportToStderr() {
    if (saved_ != nullptr) std::cout.rdbuf(saved_);
  }
  ReportToStderr(const ReportToStderr&) = delete;
  ReportToStderr& operator=(const ReportToStderr&) = delete;

 private:
  std::streambuf* saved_;
};

}  // namespace

int run_program(CLI::App& app, int argc, char** argv, const Settings& settings,
                const std::function<void()>& body) {
  try {
    app.parse(argc, argv);
    validate(settings);
    {
      const ReportToStderr report(is_standard_output(settings.json));
      body();
    }
    return checked_stdout(app, 0);
  } catch (const CLI::Success& done) {  // --help
    return checked_stdout(app, app.exit(done));
  } catch (const CLI::ParseError& error) {
    std::cerr << app.get_name() << ": error: " << error.what() << "\n";
    return 2;
  } catch (const InputError& error) {
    std::cerr << app.get_name() << ": error: " << error.what() << "\n";
    return 2;
  } catch (const std::exception& error) {  // not the user's fault, but still one line and no crash
    std::cerr << app.get_name() << ": internal error: " << error.what() << "\n";
    return 1;
  }
}

Network starting_network(const Settings& settings) {
  if (!settings.load_weights.empty())
    return load_weights(settings.load_weights, settings.layers, settings.architecture());
  return Network::initialised(settings.layers, settings.architecture(), settings.init, settings.train.seed);
}

}  // namespace program
