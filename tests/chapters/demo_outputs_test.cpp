// The demo's design stays as it was: with no --output-activation, --init or --inputs, the programs print,
// byte for byte, what they printed before those flags existed, for the book's commands
// (tests/reference/demo_outputs/: the commands and the outputs recorded then).

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

std::vector<Recorded> recorded_commands() {
  std::ifstream file(DEMO_OUTPUTS_DIR "/commands.txt");
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
  const std::vector<Recorded> commands = recorded_commands();
  ASSERT_GE(commands.size(), 10u);
  for (const Recorded& command : commands) {
    const chapters::ProgramRun run = chapters::run_program(programs.at(command.program), command.flags);
    ASSERT_EQ(run.exit_code, 0) << command.name << ": " << run.err;
    EXPECT_EQ(run.out, chapters::read_text(DEMO_OUTPUTS_DIR "/" + command.name + ".txt")) << command.name;
  }
}

}  // namespace
