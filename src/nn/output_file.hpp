#pragma once
/// \file
/// Output files are written whole or not at all: into a temporary file beside the target, then renamed.

#include <string>

namespace nn {

/// Throws InputError naming `flag` and `path` if a file cannot be created in path's folder, so a long run
/// fails before it starts rather than after.
void check_writable(const std::string& flag, const std::string& path);

/// Writes `contents` to a temporary file in path's folder and renames it onto `path`; throws InputError
/// naming `flag` and `path` on failure, leaving no partial file behind.
void write_file_atomically(const std::string& flag, const std::string& path, const std::string& contents);

}  // namespace nn
