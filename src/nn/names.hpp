#pragma once
/// \file
/// One name table per enum: each choice a flag takes is listed once, as {value, name} pairs in the enum's
/// order, and its name, its parser, the parser's error message and the lists in the help all come from that
/// table. C++17, and nothing the CUDA compiler would refuse: the headers that declare the tables are also
/// compiled by nvcc for the Thrust trainer.

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "nn/error.hpp"

namespace nn {

/// One entry of a name table: an enumerator and its flag spelling.
template <class E>
struct Named {
  E value;           ///< The enumerator.
  const char* name;  ///< How the flags, the help, the JSON files and the error messages spell it.
};

/// A name table: every enumerator of E once, in the enum's order.
template <class E, std::size_t N>
using NameTable = std::array<Named<E>, N>;

/// Whether entry i of `table` holds enumerator number i: the table is in the enum's order with none skipped,
/// so that a list in a message reads in the order the enum declares. For a static_assert beside each table.
template <class E, std::size_t N>
constexpr bool in_enum_order(const NameTable<E, N>& table) {
  for (std::size_t i = 0; i < N; ++i) {
    if (static_cast<std::size_t>(table[i].value) != i) return false;
  }
  return true;
}

/// The name of `value` in `table` ("" for a number that is no enumerator).
template <class E, std::size_t N>
constexpr const char* name_in(const NameTable<E, N>& table, E value) {
  for (const Named<E>& entry : table) {
    if (entry.value == value) return entry.name;
  }
  return "";
}

/// The table's values, in its order.
template <class E, std::size_t N>
std::vector<E> values_in(const NameTable<E, N>& table) {
  std::vector<E> values;
  for (const Named<E>& entry : table) values.push_back(entry.value);
  return values;
}

/// The table's names as a sentence lists them: "and, or, nand or xor". `between` and `last` change the
/// joins, e.g. "," and "," for a comma-separated flag value.
template <class E, std::size_t N>
std::string names_text(const NameTable<E, N>& table, const std::string& between = ", ",
                       const std::string& last = " or ") {
  std::string text;
  for (std::size_t i = 0; i < N; ++i) {
    text += (i == 0 ? "" : i + 1 == N ? last : between) + std::string(table[i].name);
  }
  return text;
}

/// The value named `name` in `table`; otherwise throws InputError "unknown WHAT 'NAME' (expected ...)",
/// listing every name, so that a mistyped flag shows its choices.
template <class E, std::size_t N>
E parse_name(const NameTable<E, N>& table, const std::string& what, const std::string& name) {
  for (const Named<E>& entry : table) {
    if (name == entry.name) return entry.value;
  }
  throw InputError("unknown " + what + " '" + name + "' (expected " + names_text(table) + ")");
}

}  // namespace nn
