#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/stat.h>

#include <gtest/gtest.h>

#include "nn/error.hpp"
#include "nn/output_file.hpp"
#include "temp_dir.hpp"

namespace {

std::string read_text(const std::string& path) {
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

// Expects `call` to throw InputError whose message names the flag and the path.
template <class Call>
void expect_input_error_naming(const std::string& flag, const std::string& path, Call&& call) {
  try {
    call();
    ADD_FAILURE() << "no error for " << path;
  } catch (const nn::InputError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find(flag), std::string::npos) << message;
    EXPECT_NE(message.find(path), std::string::npos) << message;
  }
}

}  // namespace

TEST(OutputFile, WritesTheWholeContentsAndLeavesNoTemporaryFile) {
  TempDir dir;
  const std::string contents = "{\n  \"loss\": 0.25\n}\n";
  nn::write_file_atomically("--json", dir.file("result.json"), contents);
  EXPECT_EQ(read_text(dir.file("result.json")), contents);
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"result.json"});
}

TEST(OutputFile, ReplacesAnExistingFile) {
  TempDir dir;
  std::ofstream(dir.file("result.json")) << "a much longer old content that must not survive";
  nn::write_file_atomically("--json", dir.file("result.json"), "new");
  EXPECT_EQ(read_text(dir.file("result.json")), "new");
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"result.json"});
}

TEST(OutputFile, GivesTheFileOrdinaryPermissions) {
  TempDir dir;
  nn::write_file_atomically("--json", dir.file("result.json"), "x");
  const mode_t mask = ::umask(0);
  ::umask(mask);
  struct stat info {};
  ASSERT_EQ(::stat(dir.file("result.json").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0666 & ~mask);
}

TEST(OutputFile, PathInAMissingDirectoryThrowsInputErrorAndCreatesNothing) {
  TempDir dir;
  const std::string path = dir.file("missing/result.json");
  expect_input_error_naming("--json", path, [&] { nn::write_file_atomically("--json", path, "x"); });
  expect_input_error_naming("--save-weights", path, [&] { nn::check_writable("--save-weights", path); });
  EXPECT_TRUE(dir.entries().empty());
}

TEST(OutputFile, ADirectoryIsNotAWritableFile) {
  TempDir dir;
  std::filesystem::create_directory(dir.path() / "results");
  const std::string path = dir.file("results");
  expect_input_error_naming("--json", path, [&] { nn::write_file_atomically("--json", path, "x"); });
  expect_input_error_naming("--json", path, [&] { nn::check_writable("--json", path); });
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"results"});
  EXPECT_TRUE(std::filesystem::is_empty(dir.path() / "results"));
}

TEST(OutputFile, CheckWritableLeavesNothingBehind) {
  TempDir dir;
  nn::check_writable("--json", dir.file("result.json"));
  EXPECT_TRUE(dir.entries().empty());
}
