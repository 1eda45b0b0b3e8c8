// Exercise 1.2 (chapter 1): the best a plane can do on a truth table.
//
// Write least_squares_fit: the plane f(x1, x2) = w1 x1 + w2 x2 + b with the least mean squared error on
// the four rows. Set the derivatives of the error with respect to w1, w2 and b to zero and solve the
// three equations (the four corners make them short). The test checks that the error's gradient vanishes
// at your plane, and that for AND its error is chapter 1's floor, 1/16.

#include <array>

#include "exercises/least_squares.hpp"
#include "exercises/debug.hpp"  // exercises::debug(...) prints while you debug
#include "exercises/todo.hpp"

namespace exercises {

Plane least_squares_fit(const std::array<float, 4>& targets) {
  // TODO(student) BEGIN: targets are t00, t01, t10, t11 (the rows x1 x2 = 00, 01, 10, 11).
  (void)targets;
  todo("1.2", "solve d(MSE)/dw1 = d(MSE)/dw2 = d(MSE)/db = 0 for the four rows and return {w1, w2, b}");
  // TODO(student) END
}

}  // namespace exercises
