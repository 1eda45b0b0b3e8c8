#pragma once
/// \file
/// Point sets: two-class data beyond the gates' four rows. Each set is drawn from a seed by a rule stated in
/// a sentence or two, every point lies in the unit square [0, 1]^2 (where the book plots a network's output,
/// as for the gates), and the targets are 0 or 1 as the gates' are. A set comes as a training set and a
/// held-out test set (make_dataset), drawn from two streams of the seed that are independent of the initial
/// weights.

#include <array>
#include <cstdint>
#include <string>

#include "nn/data.hpp"
#include "nn/names.hpp"
#include "nn/random.hpp"

namespace nn {

/// The point sets, each named by its flag spelling (point_set_name). A data set (data.hpp) is one of them
/// or a gate.
enum class PointSet {
  ring,       ///< A disc inside a ring, with an empty gap between them.
  quadrants,  ///< XOR of the quadrants, with an empty band along both centre lines.
  blobs,      ///< Two Gaussian blobs on either side of a line, with an empty margin: the linear control.
  spirals,    ///< Two interleaved spirals.
  comfort,    ///< Comfortable rooms by temperature and humidity.
};

/// Every point set, in the order the flag's help lists them.
inline constexpr std::array<PointSet, 5> all_point_sets{PointSet::ring, PointSet::quadrants, PointSet::blobs,
                                                        PointSet::spirals, PointSet::comfort};

/// The flag spelling: "ring", "quadrants", "blobs", "spirals", "comfort".
std::string point_set_name(PointSet set);

/// The flag spelling of each point set, in the enum's order (defined in point_sets.cpp).
extern const NameTable<PointSet, 5> point_set_names;

/// A point of the unit square.
struct Point {
  float x1;  ///< First input.
  float x2;  ///< Second input.
};

/// A point and its class.
struct LabelledPoint {
  Point point;  ///< Where it lies in [0, 1]^2.
  int label;    ///< Its class, 0 or 1: the target.
};

/// One point of `set` with its class, drawn from `engine`. For every set but comfort, `wanted_class` (0 or 1)
/// is the class of the point drawn; comfort's class follows from where its point falls, so it ignores it.
LabelledPoint draw_point(PointSet set, int wanted_class, Engine& engine);

/// `points` points of `set`, one a row, drawn in row order from `engine`. Row r asks for class r % 2, so
/// ring, quadrants, blobs and spirals have floor(points / 2) points of class 1 and the rest of class 0;
/// comfort's classes fall where its rooms do (about a quarter comfortable).
Batch make_points(PointSet set, int points, Engine& engine);

}  // namespace nn
