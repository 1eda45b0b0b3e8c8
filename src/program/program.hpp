#pragma once
/// \file
/// The frame around every chapter's `main`: parse the flags, check them, run, and turn bad input into one
/// line on stderr and exit code 2.

#include <functional>

#include <CLI/CLI.hpp>

#include "program/settings.hpp"

namespace program {

/// Parses argv into `settings` through `app`, validates, then calls `body`. Returns the exit code:
/// 0 on success (and for --help), 2 for bad input or output that could not be written, standard output
/// included (one line on stderr naming the problem). With --json -, what `body` prints to std::cout goes to
/// stderr, so that standard output holds the JSON alone.
int run_program(CLI::App& app, int argc, char** argv, const Settings& settings,
                const std::function<void()>& body);

/// The network a chapter starts from: the --load-weights file, or a fresh one from the seed.
nn::Network starting_network(const Settings& settings);

}  // namespace program
