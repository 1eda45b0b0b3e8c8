#include "nn/output_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

#include "nn/error.hpp"

namespace nn {

namespace {

[[noreturn]] void fail(const std::string& flag, const std::string& path, const std::string& why) {
  throw InputError("cannot write " + flag + " file '" + path + "': " + why);
}

// Creates an empty temporary file next to `path`; returns its name and an open descriptor.
std::string make_temporary(const std::string& flag, const std::string& path, int& fd) {
  if (path.empty()) fail(flag, path, "empty path");
  if (std::filesystem::is_directory(path)) fail(flag, path, "it is a directory");
  std::string name = path + ".tmp.XXXXXX";
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

}  // namespace

std::string json_text(const nlohmann::json& document) {
  return document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

void check_writable(const std::string& flag, const std::string& path) {
  int fd = -1;
  const std::string temporary = make_temporary(flag, path, fd);
  ::close(fd);
  std::remove(temporary.c_str());
}

void write_file_atomically(const std::string& flag, const std::string& path, const std::string& contents) {
  int fd = -1;
  const std::string temporary = make_temporary(flag, path, fd);
  const char* data = contents.data();
  std::size_t left = contents.size();
  while (left > 0) {
    const ssize_t written = ::write(fd, data, left);
    if (written < 0) {
      const std::string why = std::strerror(errno);
      ::close(fd);
      std::remove(temporary.c_str());
      fail(flag, path, why);
    }
    data += written;
    left -= static_cast<std::size_t>(written);
  }
  ::close(fd);
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    std::remove(temporary.c_str());
    fail(flag, path, why);
  }
}

}  // namespace nn
