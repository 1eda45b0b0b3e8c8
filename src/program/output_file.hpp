#pragma once
/// \file
/// Output files are written whole or not at all: into a temporary file beside the target, then renamed.
/// A symlink is followed, so the file it names is replaced and the link kept; an existing device or FIFO
/// (/dev/null, a named pipe) is written in place, since renaming onto it would replace the node itself.
/// "-" is standard output, and /dev/stdout, /dev/fd/N or /proc/self/fd/N naming anything but a regular file
/// (a pipe, a socket, a terminal) is written through that open descriptor.

#include <string>

#include <nlohmann/json.hpp>

namespace program {

/// Whether `path` is "-", the name that means standard output (--json - only).
bool is_standard_output(const std::string& path);

/// Throws InputError naming `flag` and `path` if a file cannot be created in path's folder (or, for a
/// device, FIFO or descriptor, cannot be written), so a long run fails before it starts rather than after.
void check_writable(const std::string& flag, const std::string& path);

/// Writes `contents` to a temporary file in path's folder and renames it onto `path` (or writes a device
/// or FIFO in place, and a descriptor, "-" included, after flushing std::cout so that what was printed
/// comes first); throws InputError naming `flag` and `path` on failure, leaving no partial file behind.
void write_file_atomically(const std::string& flag, const std::string& path, const std::string& contents);

/// Whether two output paths lead to the same file (after symlinks, "." and ".."), so that writing the
/// second would replace the first.
bool same_file(const std::string& first, const std::string& second);

/// A JSON document as the files hold it: two-space indented, a final newline, and any string that is not
/// valid UTF-8 (a path, say) written with replacement characters instead of failing.
std::string json_text(const nlohmann::json& document);

}  // namespace program
