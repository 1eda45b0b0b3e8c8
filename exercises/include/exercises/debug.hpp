#pragma once
/// \file
/// The one sanctioned way to print from a TODO(student) region while debugging: exercises::debug(...). The
/// grader refuses the C library's I/O (printf and the rest) in a region, and a region cannot #include
/// <iostream>; what debug prints, the grader shows under the exercise, and it costs no points.

#include <iostream>
#include <sstream>

namespace exercises {

/// Prints its arguments on one line, starting with "debug: ", as `std::cout << ...` would print them.
/// For example `exercises::debug("z = ", z, ", slope = ", slope);`.
template <typename... Values>
void debug(const Values&... values) {
  std::ostringstream line;
  line << "debug: ";
  (line << ... << values);
  std::cout << line.str() << std::endl;
}

}  // namespace exercises
