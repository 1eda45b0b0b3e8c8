#pragma once
/// \file
/// Runs a chapter's program as a user would, with flags, and captures what it says: stdout, stderr and the
/// exit code. Each test works in a fresh TempDir, so output files never collide.

#include <cerrno>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "temp_dir.hpp"

namespace chapters {

/// The built programs, from CMake.
inline const std::string ch01 = CH01_PATH;
inline const std::string ch02 = CH02_PATH;

/// What a run of a program left behind.
struct ProgramRun {
  int exit_code;    ///< The exit status, or 128 + the signal that ended it.
  std::string out;  ///< Everything it wrote to stdout.
  std::string err;  ///< Everything it wrote to stderr.
};

/// The whole contents of a file ("" if it cannot be read).
inline std::string read_text(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

/// The JSON document in a file.
inline nlohmann::json read_json(const std::string& path) {
  std::ifstream file(path);
  if (!file) throw std::runtime_error("no file " + path);
  return nlohmann::json::parse(file);
}

namespace detail {
inline std::string read_all(std::FILE* file) {
  std::rewind(file);
  std::string text;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, file)) > 0;) text.append(buffer, n);
  return text;
}
}  // namespace detail

/// How to run a program besides its flags.
struct RunOptions {
  std::string
      working_directory{};  ///< Where it runs ("" for the test's own), so stray relative files land there.
  bool unwritable_stdout = false;  ///< Its stdout is open for reading only, so every write to it fails.
  bool stdout_to_pipe = false;     ///< Its stdout is a pipe (as in `program | jq`), not a file.
};

/// Runs `program` with `args` (fork and exec, no shell), its stdout and stderr going to anonymous
/// temporary files so that neither can fill a pipe and block (or stdout to a pipe read to its end here).
inline ProgramRun run_program(const std::string& program, const std::vector<std::string>& args,
                              const RunOptions& options = {}) {
  std::FILE* out = std::tmpfile();
  std::FILE* err = std::tmpfile();
  if (out == nullptr || err == nullptr) throw std::runtime_error("cannot create capture files");
  int pipe_ends[2] = {-1, -1};
  if (options.stdout_to_pipe && ::pipe(pipe_ends) != 0) throw std::runtime_error("cannot create a pipe");
  std::vector<char*> argv{const_cast<char*>(program.c_str())};
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  std::fflush(nullptr);
  const pid_t child = ::fork();
  if (child < 0) throw std::runtime_error("fork failed");
  if (child == 0) {
    const int stdout_fd = options.unwritable_stdout ? ::open("/dev/null", O_RDONLY)
                          : options.stdout_to_pipe  ? pipe_ends[1]
                                                    : ::fileno(out);
    ::dup2(stdout_fd, STDOUT_FILENO);
    if (options.stdout_to_pipe) ::close(pipe_ends[0]);
    ::dup2(::fileno(err), STDERR_FILENO);
    if (!options.working_directory.empty() && ::chdir(options.working_directory.c_str()) != 0) ::_exit(127);
    ::execv(program.c_str(), argv.data());
    ::_exit(127);
  }
  std::string piped;
  if (options.stdout_to_pipe) {
    ::close(pipe_ends[1]);
    char buffer[4096];
    for (ssize_t n; (n = ::read(pipe_ends[0], buffer, sizeof buffer)) != 0;) {
      if (n > 0) piped.append(buffer, static_cast<std::size_t>(n));
      if (n < 0 && errno != EINTR) break;
    }
    ::close(pipe_ends[0]);
  }
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  ProgramRun run{WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status),
                 options.stdout_to_pipe ? piped : detail::read_all(out), detail::read_all(err)};
  std::fclose(out);
  std::fclose(err);
  return run;
}

/// Runs `program --quiet --json DIR/result.json` plus `flags` and returns the JSON result; throws, with the
/// program's stderr, if it fails.
inline nlohmann::json run_for_json(const std::string& program, const TempDir& dir,
                                   std::vector<std::string> flags) {
  const std::string result = dir.file("result.json");
  flags.insert(flags.end(), {"--quiet", "--json", result});
  const ProgramRun run = run_program(program, flags);
  if (run.exit_code != 0)
    throw std::runtime_error(program + " exited with " + std::to_string(run.exit_code) + ": " + run.err);
  return read_json(result);
}

}  // namespace chapters
