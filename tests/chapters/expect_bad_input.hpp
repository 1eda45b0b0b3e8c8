#pragma once
/// \file
/// What every chapter program does with bad input, as a check: exit code 2, one line on stderr naming the
/// problem, and no file written.

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "chapters/run_program.hpp"

namespace chapters {

/// Runs `program` with `flags` plus --json DIR/out.json, unless the case is about the output itself
/// (`own_outputs`), where "{dir}" in a flag stands for the directory; expects the refusal to name `named`.
inline void expect_bad_input(const std::string& program, const std::vector<std::string>& flags,
                             const std::string& named, bool own_outputs = false) {
  TempDir dir;
  std::vector<std::string> with_output = flags;
  if (own_outputs) {
    for (std::string& flag : with_output) {
      if (const auto at = flag.find("{dir}"); at != std::string::npos)
        flag.replace(at, 5, dir.path().string());
    }
  } else {
    with_output.insert(with_output.end(), {"--json", dir.file("out.json")});
  }
  const ProgramRun run = run_program(program, with_output);
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
  EXPECT_NE(run.err.find(named), std::string::npos) << run.err;
  EXPECT_TRUE(dir.entries().empty()) << "left a file behind";
}

}  // namespace chapters
