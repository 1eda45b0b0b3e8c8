#include "program/output_file.hpp"

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <iostream>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nn/error.hpp"

namespace program {

// The core's names, which the plumbing reads and prints throughout.
using namespace nn;

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& flag, const std::string& path, const std::string& why) {
  if (is_standard_output(path)) throw InputError("cannot write " + flag + " to standard output: " + why);
  throw InputError("cannot write " + flag + " file '" + path + "': " + why);
}

// Where the bytes for `path` go.
struct Destination {
  fs::path file;        // `path`, or the file its symlinks lead to (which need not exist yet)
  bool in_place;        // an existing device or FIFO: written directly instead of replaced
  int descriptor = -1;  // or an open descriptor to write to: standard output, or N of /dev/fd/N
};

// The file a symlink chain ends at (which need not exist), followed as the kernel follows it and given up
// after 40 links as Linux does; or the first file of the chain that `stop_at` accepts. Sets `error` rather
// than throwing.
fs::path follow_symlinks(const fs::path& path, std::error_code& error,
                         const std::function<bool(const fs::path&)>& stop_at = nullptr) {
  fs::path file = path;
  for (int links = 0;; ++links) {
    if (stop_at && stop_at(file)) return file;
    const fs::file_status status = fs::symlink_status(file, error);
    if (error && status.type() != fs::file_type::not_found) return {};
    error.clear();
    if (!fs::is_symlink(status)) return file;
    if (links == 40) {
      error = std::make_error_code(std::errc::too_many_symbolic_link_levels);
      return {};
    }
    const fs::path target = fs::read_symlink(file, error);
    if (error) return {};
    file = target.is_absolute() ? target : file.parent_path() / target;
  }
}

// The descriptor N that `file` names as /proc/self/fd/N (the folder reached through any link, /dev/fd
// included); -1 if it names none.
int descriptor_named_by(const fs::path& file) {
  std::error_code error;
  const fs::path own = fs::canonical("/proc/self/fd", error);  // /proc/<pid>/fd
  const fs::path folder = fs::canonical(fs::absolute(file, error).parent_path(), error);
  const std::string name = file.filename().string();
  int descriptor = -1;
  const auto [end, failed] = std::from_chars(name.data(), name.data() + name.size(), descriptor);
  if (error || folder != own || failed != std::errc() || end != name.data() + name.size()) return -1;
  return descriptor;
}

// The descriptor N that `path` names, after symlinks, as /proc/self/fd/N (or /dev/fd/N, /dev/stdout) does;
// -1 if it names none.
int named_descriptor(const std::string& path) {
  std::error_code error;
  const fs::path file =
      follow_symlinks(path, error, [](const fs::path& link) { return descriptor_named_by(link) >= 0; });
  return error ? -1 : descriptor_named_by(file);
}

// Every check is by error code: a name too long, say, is the user's problem to report, not an exception.
Destination destination(const std::string& flag, const std::string& path) {
  if (is_standard_output(path)) return {{}, true, STDOUT_FILENO};
  if (path.empty()) fail(flag, path, "empty file name");
  // /dev/stdout and the like lead to a descriptor; for a pipe or a socket the link's text ("pipe:[123]") is
  // no file name, so anything but a regular file (or a folder) is written through the descriptor itself.
  if (const int descriptor = named_descriptor(path); descriptor >= 0) {
    struct stat info {};
    if (::fstat(descriptor, &info) == 0 && !S_ISREG(info.st_mode) && !S_ISDIR(info.st_mode)) {
      return {path, true, descriptor};
    }
  }
  std::error_code error;
  const fs::path file = follow_symlinks(path, error);
  if (error) fail(flag, path, error.message());
  const fs::file_status status = fs::status(file, error);
  if (error && status.type() != fs::file_type::not_found) fail(flag, path, error.message());
  if (fs::is_directory(status)) fail(flag, path, "it is a directory");
  return {file, fs::exists(status) && !fs::is_regular_file(status)};
}

// Creates an empty temporary file next to `file`; returns its name and an open descriptor.
std::string make_temporary(const std::string& flag, const std::string& path, const fs::path& file, int& fd) {
  std::string name = file.string() + ".tmp.XXXXXX";
  std::vector<char> buffer(name.begin(), name.end());
  buffer.push_back('\0');
  fd = ::mkstemp(buffer.data());
  if (fd < 0) fail(flag, path, std::strerror(errno));
  // mkstemp makes the file private (0600); give it the permissions an ordinary new file would get.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  return std::string(buffer.data());
}

// Writes all of `contents` to `fd`; returns 0 or the errno of the first failure.
int write_all(int fd, const std::string& contents) {
  const char* data = contents.data();
  std::size_t left = contents.size();
  while (left > 0) {
    const ssize_t written = ::write(fd, data, left);
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) return errno;
    data += written;
    left -= static_cast<std::size_t>(written);
  }
  return 0;
}

// Writes all of `contents` to `fd` and closes it; returns 0 or the errno of the first failure.
int write_and_close(int fd, const std::string& contents) {
  const int why = write_all(fd, contents);
  if (why != 0) {
    ::close(fd);
    return why;
  }
  return ::close(fd) == 0 ? 0 : errno;
}

}  // namespace

bool is_standard_output(const std::string& path) { return path == "-"; }

std::string json_text(const nlohmann::json& document) {
  return document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

void check_writable(const std::string& flag, const std::string& path) {
  const Destination to = destination(flag, path);
  if (to.descriptor >= 0) {
    const int mode = ::fcntl(to.descriptor, F_GETFL);
    if (mode < 0) fail(flag, path, std::strerror(errno));
    if ((mode & O_ACCMODE) == O_RDONLY) fail(flag, path, "it is open for reading only");
    return;
  }
  if (to.in_place) {
    // Opening a FIFO would wait for a reader; whether it may be written is all that matters yet.
    if (::access(to.file.c_str(), W_OK) != 0) fail(flag, path, std::strerror(errno));
    return;
  }
  int fd = -1;
  const std::string temporary = make_temporary(flag, path, to.file, fd);
  ::close(fd);
  std::remove(temporary.c_str());
}

void write_file_atomically(const std::string& flag, const std::string& path, const std::string& contents) {
  const Destination to = destination(flag, path);
  if (to.descriptor >= 0) {
    std::cout.flush();  // what the program printed to the same descriptor comes first
    if (const int why = write_all(to.descriptor, contents)) fail(flag, path, std::strerror(why));
    return;
  }
  if (to.in_place) {
    const int fd = ::open(to.file.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) fail(flag, path, std::strerror(errno));
    if (const int why = write_and_close(fd, contents)) fail(flag, path, std::strerror(why));
    return;
  }
  int fd = -1;
  const std::string temporary = make_temporary(flag, path, to.file, fd);
  if (const int why = write_and_close(fd, contents)) {
    std::remove(temporary.c_str());
    fail(flag, path, std::strerror(why));
  }
  if (std::rename(temporary.c_str(), to.file.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    std::remove(temporary.c_str());
    fail(flag, path, why);
  }
}

bool same_file(const std::string& first, const std::string& second) {
  // Each followed to the file it names, then made absolute and normalised; if that fails, compare names.
  std::error_code error;
  auto resolved = [&error](const std::string& path) {
    // Absolute first: weakly_canonical leaves a relative name whose first part does not exist relative.
    fs::path file = follow_symlinks(path, error);
    if (!error) file = fs::absolute(file, error);
    return error ? file : fs::weakly_canonical(file, error);
  };
  const fs::path a = resolved(first);
  const fs::path b = error ? fs::path() : resolved(second);
  if (!error) return a == b;
  return fs::path(first).lexically_normal() == fs::path(second).lexically_normal();
}

}  // namespace program
