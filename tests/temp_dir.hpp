#pragma once
/// \file
/// A fresh temporary directory for one test, removed with everything in it when the test ends.

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

/// A directory of its own for one test, so tests that write files can run in parallel.
class TempDir {
 public:
  /// Creates /tmp/nn-test-XXXXXX (or under $TMPDIR).
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "nn-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create a temporary directory");
    path_ = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }

  /// The directory.
  const std::filesystem::path& path() const { return path_; }
  /// The path of `name` inside the directory, as a string for flags and the library.
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  /// The names of everything in the directory, sorted.
  std::vector<std::string> entries() const {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(path_))
      names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  std::filesystem::path path_;
};
