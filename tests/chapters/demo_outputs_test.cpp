// Outputs recorded by earlier programs, which today's must reproduce byte for byte:
// - the demo's design stays as it was: with no --output-activation, --init or --inputs, the programs print
//   what they printed before those flags existed, for the book's commands (tests/reference/demo_outputs/);
// - every program's standard output and --json for commands over gates and point sets, one network and
//   grids, stay what they were before gates and point sets shared one data-set type and chapters 3 and 4
//   one grid runner (tests/reference/program_outputs/).

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "chapters/run_program.hpp"

namespace {

struct Recorded {
  std::string name, program;
  std::vector<std::string> flags;
};

std::vector<Recorded> recorded_commands(const std::string& directory) {
  std::ifstream file(directory + "/commands.txt");
  std::vector<Recorded> commands;
  for (std::string line; std::getline(file, line);) {
    if (line.empty() || line.front() == '#') continue;
    std::istringstream words(line);
    Recorded command;
    words >> command.name >> command.program;
    for (std::string flag; words >> flag;) command.flags.push_back(flag);
    commands.push_back(command);
  }
  return commands;
}

TEST(DemoDesign, TheBooksCommandsPrintWhatTheyPrintedBefore) {
  const std::map<std::string, std::string> programs{
      {"ch01-linear", chapters::ch01}, {"ch02-tanh", chapters::ch02}, {"ch03-gpu", CH03_PATH}};
  const std::vector<Recorded> commands = recorded_commands(DEMO_OUTPUTS_DIR);
  ASSERT_GE(commands.size(), 10u);
  for (const Recorded& command : commands) {
    const chapters::ProgramRun run = chapters::run_program(programs.at(command.program), command.flags);
    ASSERT_EQ(run.exit_code, 0) << command.name << ": " << run.err;
    EXPECT_EQ(run.out, chapters::read_text(DEMO_OUTPUTS_DIR "/" + command.name + ".txt")) << command.name;
  }
}

// A document as it compares: all but its "timing", the wall times, which vary from run to run.
nlohmann::json without_timing(nlohmann::json document) {
  document.erase("timing");
  return document;
}

TEST(RecordedOutputs, EveryProgramPrintsAndWritesWhatItDidBeforeOnePath) {
  const std::map<std::string, std::string> programs{{"ch01-linear", chapters::ch01},
                                                    {"ch02-tanh", chapters::ch02},
                                                    {"ch03-gpu", CH03_PATH},
                                                    {"ch04-zoo", CH04_PATH}};
  const std::vector<Recorded> commands = recorded_commands(PROGRAM_OUTPUTS_DIR);
  ASSERT_GE(commands.size(), 15u);
  for (const Recorded& command : commands) {
    const std::string recorded = PROGRAM_OUTPUTS_DIR "/" + command.name;
    const chapters::ProgramRun printed = chapters::run_program(programs.at(command.program), command.flags);
    ASSERT_EQ(printed.exit_code, 0) << command.name << ": " << printed.err;
    EXPECT_EQ(printed.out, chapters::read_text(recorded + ".txt")) << command.name;

    std::vector<std::string> json_flags = command.flags;
    json_flags.insert(json_flags.end(), {"--quiet", "--json", "-"});
    const chapters::ProgramRun written = chapters::run_program(programs.at(command.program), json_flags);
    ASSERT_EQ(written.exit_code, 0) << command.name << " --json -: " << written.err;
    EXPECT_EQ(without_timing(nlohmann::json::parse(written.out)),
              without_timing(chapters::read_json(recorded + ".json")))
        << command.name << " --json -";
  }
}

}  // namespace
