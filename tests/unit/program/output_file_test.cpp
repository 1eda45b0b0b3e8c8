#include <filesystem>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "nn/error.hpp"
#include "program/output_file.hpp"
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
  program::write_file_atomically("--json", dir.file("result.json"), contents);
  EXPECT_EQ(read_text(dir.file("result.json")), contents);
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"result.json"});
}

TEST(OutputFile, ReplacesAnExistingFile) {
  TempDir dir;
  std::ofstream(dir.file("result.json")) << "a much longer old content that must not survive";
  program::write_file_atomically("--json", dir.file("result.json"), "new");
  EXPECT_EQ(read_text(dir.file("result.json")), "new");
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"result.json"});
}

TEST(OutputFile, GivesTheFileOrdinaryPermissions) {
  TempDir dir;
  program::write_file_atomically("--json", dir.file("result.json"), "x");
  const mode_t mask = ::umask(0);
  ::umask(mask);
  struct stat info {};
  ASSERT_EQ(::stat(dir.file("result.json").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0666 & ~mask);
}

TEST(OutputFile, PathInAMissingDirectoryThrowsInputErrorAndCreatesNothing) {
  TempDir dir;
  const std::string path = dir.file("missing/result.json");
  expect_input_error_naming("--json", path, [&] { program::write_file_atomically("--json", path, "x"); });
  expect_input_error_naming("--save-weights", path, [&] { program::check_writable("--save-weights", path); });
  EXPECT_TRUE(dir.entries().empty());
}

TEST(OutputFile, ADirectoryIsNotAWritableFile) {
  TempDir dir;
  std::filesystem::create_directory(dir.path() / "results");
  const std::string path = dir.file("results");
  expect_input_error_naming("--json", path, [&] { program::write_file_atomically("--json", path, "x"); });
  expect_input_error_naming("--json", path, [&] { program::check_writable("--json", path); });
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"results"});
  EXPECT_TRUE(std::filesystem::is_empty(dir.path() / "results"));
}

TEST(OutputFile, CheckWritableLeavesNothingBehind) {
  TempDir dir;
  program::check_writable("--json", dir.file("result.json"));
  EXPECT_TRUE(dir.entries().empty());
}

TEST(OutputFile, ANameTooLongThrowsInputErrorNotFilesystemError) {
  const std::string path(256, 'a');
  expect_input_error_naming("--json", path, [&] { program::check_writable("--json", path); });
  expect_input_error_naming("--json", path, [&] { program::write_file_atomically("--json", path, "x"); });
}

// Renaming a new file onto a FIFO would replace the FIFO; it is written through instead.
TEST(OutputFile, WritesIntoAFifoAndKeepsIt) {
  TempDir dir;
  const std::string fifo = dir.file("fifo");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(reader, 0);
  program::check_writable("--json", fifo);
  program::write_file_atomically("--json", fifo, "through the pipe");
  char buffer[64] = {};
  const ssize_t got = ::read(reader, buffer, sizeof buffer - 1);
  ::close(reader);
  EXPECT_EQ(std::string(buffer, got > 0 ? static_cast<std::size_t>(got) : 0), "through the pipe");
  EXPECT_TRUE(std::filesystem::is_fifo(std::filesystem::symlink_status(fifo)));
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"fifo"});
}

// A symlink to a device is written through (so /dev/null works); the link stays a link.
TEST(OutputFile, WritesThroughASymlinkToADevice) {
  TempDir dir;
  const std::string link = dir.file("discard.json");
  std::filesystem::create_symlink("/dev/null", link);
  program::check_writable("--json", link);
  program::write_file_atomically("--json", link, "gone");
  EXPECT_TRUE(std::filesystem::is_symlink(std::filesystem::symlink_status(link)));
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"discard.json"});
}

// A symlink to a file: the file is replaced whole, from a temporary file beside it, and the link kept.
TEST(OutputFile, ReplacesTheFileASymlinkNamesAndKeepsTheLink) {
  TempDir dir;
  std::filesystem::create_directory(dir.path() / "results");
  std::ofstream(dir.file("results/result.json")) << "old";
  std::filesystem::create_symlink("results/result.json", dir.path() / "latest.json");
  program::check_writable("--json", dir.file("latest.json"));
  program::write_file_atomically("--json", dir.file("latest.json"), "new");
  EXPECT_TRUE(std::filesystem::is_symlink(std::filesystem::symlink_status(dir.path() / "latest.json")));
  EXPECT_EQ(read_text(dir.file("results/result.json")), "new");
  EXPECT_EQ(dir.entries(), (std::vector<std::string>{"latest.json", "results"}));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path() / "results"), {}), 1);
}

// What is waiting in the read end of a pipe or socket (written before, so one read takes it all).
std::string waiting_in(int reader) {
  char buffer[256] = {};
  const ssize_t got = ::read(reader, buffer, sizeof buffer);
  return std::string(buffer, got > 0 ? static_cast<std::size_t>(got) : 0);
}

// /dev/stdout into a pipe names "pipe:[123]", no file at all: such names are written through the descriptor.
TEST(OutputFile, WritesThroughThePipeThatDevFdNames) {
  int ends[2];
  ASSERT_EQ(::pipe(ends), 0);
  const std::string name = "/dev/fd/" + std::to_string(ends[1]);
  program::check_writable("--json", name);
  program::write_file_atomically("--json", name, "through the pipe");
  EXPECT_EQ(waiting_in(ends[0]), "through the pipe");
  EXPECT_EQ(::fcntl(ends[1], F_GETFD), 0) << "the descriptor was closed";
  ::close(ends[0]);
  ::close(ends[1]);
}

// A socket cannot be opened by name at all, not even through /proc/self/fd; its descriptor can be written.
TEST(OutputFile, WritesThroughTheSocketThatProcSelfFdNames) {
  int ends[2];
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, ends), 0);
  const std::string name = "/proc/self/fd/" + std::to_string(ends[1]);
  program::check_writable("--json", name);
  program::write_file_atomically("--json", name, "through the socket");
  EXPECT_EQ(waiting_in(ends[0]), "through the socket");
  ::close(ends[0]);
  ::close(ends[1]);
}

TEST(OutputFile, ADescriptorOpenForReadingIsNotWritable) {
  int ends[2];
  ASSERT_EQ(::pipe(ends), 0);
  const std::string name = "/dev/fd/" + std::to_string(ends[0]);
  expect_input_error_naming("--json", name, [&] { program::check_writable("--json", name); });
  ::close(ends[0]);
  ::close(ends[1]);
}

// "-" is standard output, whatever it is; here a pipe put in its place for the test.
TEST(OutputFile, DashWritesToStandardOutput) {
  int ends[2];
  ASSERT_EQ(::pipe(ends), 0);
  std::fflush(stdout);
  const int saved = ::dup(STDOUT_FILENO);
  ::dup2(ends[1], STDOUT_FILENO);
  program::check_writable("--json", "-");
  program::write_file_atomically("--json", "-", "on standard output");
  ::dup2(saved, STDOUT_FILENO);
  ::close(saved);
  EXPECT_EQ(waiting_in(ends[0]), "on standard output");
  ::close(ends[0]);
  ::close(ends[1]);
  EXPECT_TRUE(program::is_standard_output("-"));
  EXPECT_FALSE(program::is_standard_output("./-"));
}

TEST(OutputFile, ASymlinkLoopThrowsInputError) {
  TempDir dir;
  std::filesystem::create_symlink("b", dir.path() / "a");
  std::filesystem::create_symlink("a", dir.path() / "b");
  expect_input_error_naming("--json", dir.file("a"),
                            [&] { program::write_file_atomically("--json", dir.file("a"), "x"); });
}

TEST(OutputFile, SameFileSeesThroughDotsAndSymlinks) {
  TempDir dir;
  std::filesystem::create_directory(dir.path() / "results");
  std::filesystem::create_symlink("results/result.json", dir.path() / "latest.json");
  EXPECT_TRUE(
      program::same_file(dir.file("results/result.json"), dir.file("results/../results/./result.json")));
  EXPECT_TRUE(program::same_file(dir.file("latest.json"), dir.file("results/result.json")));
  EXPECT_TRUE(program::same_file("result.json", "./result.json"));  // relative, and not there yet
  EXPECT_FALSE(program::same_file(dir.file("results/result.json"), dir.file("results/weights.json")));
}
