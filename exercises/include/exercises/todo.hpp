#pragma once
/// \file
/// What a starter does where the student has not written the code yet: it throws, so the exercise's test
/// fails with a message saying what to write, instead of crashing or passing by accident.

#include <stdexcept>
#include <string>

namespace exercises {

/// The exception a starter throws from a `TODO(student)` region.
class NotDone : public std::logic_error {
 public:
  explicit NotDone(const std::string& message) : std::logic_error(message) {}
};

/// Throws NotDone("TODO(student) exercise N: what to do").
[[noreturn]] inline void todo(const std::string& exercise, const std::string& what_to_do) {
  throw NotDone("TODO(student) exercise " + exercise + ": " + what_to_do);
}

}  // namespace exercises
