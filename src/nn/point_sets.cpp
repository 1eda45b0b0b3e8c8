#include "nn/point_sets.hpp"

#include <cassert>
#include <cmath>

#include <xtensor/xbuilder.hpp>

#include "nn/portable_math.hpp"

namespace nn {

namespace {

constexpr float pi = 3.14159265358979f;

// A point drawn uniformly from the unit square.
Point uniform_point(Engine& engine) {
  const float x1 = uniform(engine, 0.0f, 1.0f);
  const float x2 = uniform(engine, 0.0f, 1.0f);
  return {x1, x2};
}

// A standard normal number by Box and Muller: sqrt(-2 ln u1) cos(2 pi u2) for u1, u2 uniform in (0, 1).
float standard_normal(Engine& engine) {
  float u1 = 0.0f;
  while (u1 == 0.0f) u1 = uniform(engine, 0.0f, 1.0f);  // ln 0 is minus infinity
  const float u2 = uniform(engine, 0.0f, 1.0f);
  return std::sqrt(-2.0f * portable_log(u1)) * portable_cos(2.0f * pi * u2);
}

bool in_unit_square(Point p) { return 0.0f <= p.x1 && p.x1 <= 1.0f && 0.0f <= p.x2 && p.x2 <= 1.0f; }

// ANCHOR: ring
// Class 1 fills the disc of radius 0.2 around the centre (0.5, 0.5), class 0 the ring between radii 0.3
// and 0.45 around it: points are drawn uniformly from the square and kept only in their class's region, so
// the gap between radii 0.2 and 0.3 stays empty.
Point ring_point(int wanted_class, Engine& engine) {
  for (;;) {
    const Point p = uniform_point(engine);
    const float r = std::hypot(p.x1 - 0.5f, p.x2 - 0.5f);
    if (wanted_class == 1 ? r < 0.2f : (0.3f <= r && r <= 0.45f)) return p;
  }
}
// ANCHOR_END: ring

// ANCHOR: quadrants
// XOR of the quadrants: class 1 where exactly one of x1 and x2 is above 0.5, like xor's 1s at (0, 1) and
// (1, 0). Points are drawn uniformly from the square, and none within 0.05 of either centre line is kept.
Point quadrants_point(int wanted_class, Engine& engine) {
  for (;;) {
    const Point p = uniform_point(engine);
    const bool in_band = std::fabs(p.x1 - 0.5f) < 0.05f || std::fabs(p.x2 - 0.5f) < 0.05f;
    const int xor_class = (p.x1 > 0.5f) != (p.x2 > 0.5f) ? 1 : 0;
    if (!in_band && xor_class == wanted_class) return p;
  }
}
// ANCHOR_END: quadrants

// ANCHOR: blobs
// Two Gaussian blobs with standard deviation 0.1 in each coordinate, class 1 around (0.7, 0.7) and class 0
// around (0.3, 0.3). A draw is kept only inside the square and on its class's side of the line
// x1 + x2 = 1 with a margin: x1 + x2 >= 1.1 for class 1, x1 + x2 <= 0.9 for class 0.
Point blobs_point(int wanted_class, Engine& engine) {
  const float centre = wanted_class == 1 ? 0.7f : 0.3f;
  for (;;) {
    const float x1 = centre + 0.1f * standard_normal(engine);
    const float x2 = centre + 0.1f * standard_normal(engine);
    const bool on_its_side = wanted_class == 1 ? x1 + x2 >= 1.1f : x1 + x2 <= 0.9f;
    if (in_unit_square({x1, x2}) && on_its_side) return {x1, x2};
  }
}
// ANCHOR_END: blobs

// ANCHOR: spirals
// Two spirals of 1.5 turns around (0.5, 0.5): for t drawn uniformly from [0, 1], class c's point lies at
// angle 3 pi t + pi c and radius 0.05 + 0.4 t, so each arm runs half a turn from the other's.
Point spirals_point(int wanted_class, Engine& engine) {
  const float t = uniform(engine, 0.0f, 1.0f);
  const float angle = 3.0f * pi * t + pi * static_cast<float>(wanted_class);
  const float radius = 0.05f + 0.4f * t;
  return {0.5f + radius * portable_cos(angle), 0.5f + radius * portable_sin(angle)};
}
// ANCHOR_END: spirals

// ANCHOR: comfort
// A room between 18 and 26 degrees Celsius and 30 and 70 % relative humidity, both drawn uniformly, is
// comfortable (class 1) at 20 to 24 degrees and 40 to 60 %. The inputs are the readings scaled over those
// ranges, x1 = (T - 18) / 8 and x2 = (RH - 30) / 40, so the comfortable rooms fill the square [0.25, 0.75]^2.
LabelledPoint comfort_point(Engine& engine) {
  const float celsius = uniform(engine, 18.0f, 26.0f);
  const float humidity = uniform(engine, 30.0f, 70.0f);
  const bool comfortable = 20.0f <= celsius && celsius <= 24.0f && 40.0f <= humidity && humidity <= 60.0f;
  return {{(celsius - 18.0f) / 8.0f, (humidity - 30.0f) / 40.0f}, comfortable ? 1 : 0};
}
// ANCHOR_END: comfort

}  // namespace

constexpr NameTable<PointSet, 5> point_set_names{{
    {PointSet::ring, "ring"},
    {PointSet::quadrants, "quadrants"},
    {PointSet::blobs, "blobs"},
    {PointSet::spirals, "spirals"},
    {PointSet::comfort, "comfort"},
}};
static_assert(in_enum_order(point_set_names), "one name per point set, in the enum's order");

std::string point_set_name(PointSet set) { return name_in(point_set_names, set); }

LabelledPoint draw_point(PointSet set, int wanted_class, Engine& engine) {
  assert(wanted_class == 0 || wanted_class == 1);
  switch (set) {
    case PointSet::ring:
      return {ring_point(wanted_class, engine), wanted_class};
    case PointSet::quadrants:
      return {quadrants_point(wanted_class, engine), wanted_class};
    case PointSet::blobs:
      return {blobs_point(wanted_class, engine), wanted_class};
    case PointSet::spirals:
      return {spirals_point(wanted_class, engine), wanted_class};
    case PointSet::comfort:
      return comfort_point(engine);
  }
  return {{0.0f, 0.0f}, 0};
}

Batch make_points(PointSet set, int points, Engine& engine) {
  const auto rows = static_cast<std::size_t>(points);
  Batch batch{xt::zeros<float>({rows, std::size_t{2}}), xt::zeros<float>({rows, std::size_t{1}})};
  for (std::size_t row = 0; row < rows; ++row) {
    const LabelledPoint drawn = draw_point(set, static_cast<int>(row % 2), engine);
    batch.inputs(row, 0) = drawn.point.x1;
    batch.inputs(row, 1) = drawn.point.x2;
    batch.targets(row, 0) = static_cast<float>(drawn.label);
  }
  return batch;
}

}  // namespace nn
