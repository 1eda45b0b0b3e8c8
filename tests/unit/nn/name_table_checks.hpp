#pragma once
// What every name table must give its flag: each name parses back to its value and is the value's name, no
// two values share a name, and an unknown name's message names it and lists every name, in the table's
// order. Shared by the core's tables (names_test.cpp) and the Thrust trainer's devices.

#include <set>
#include <string>

#include <gtest/gtest.h>

#include "nn/error.hpp"
#include "nn/names.hpp"

namespace names_checks {

// `parse` and `name_of` are the enum's public functions (parse_gate, gate_name, ...), which the programs
// call; `what` is the word its error message uses ("gate", "initialisation", ...).
template <class E, std::size_t N, class Parse, class NameOf>
void expect_a_sound_table(const nn::NameTable<E, N>& table, const std::string& what, Parse parse,
                          NameOf name_of) {
  std::set<std::string> seen;
  for (const nn::Named<E>& entry : table) {
    EXPECT_EQ(parse(entry.name), entry.value) << entry.name;
    EXPECT_EQ(std::string(name_of(entry.value)), entry.name);
    EXPECT_TRUE(seen.insert(entry.name).second) << "two values are named " << entry.name;
    EXPECT_FALSE(std::string(entry.name).empty());
  }
  try {
    parse("nope");
    ADD_FAILURE() << "'nope' was accepted as a " << what;
  } catch (const nn::InputError& error) {
    const std::string message = error.what();
    EXPECT_EQ(message, "unknown " + what + " 'nope' (expected " + nn::names_text(table) + ")");
    std::size_t from = 0;  // each name, after the one before it
    for (const nn::Named<E>& entry : table) {
      from = message.find(entry.name, from);
      EXPECT_NE(from, std::string::npos) << entry.name << " missing from: " << message;
      if (from == std::string::npos) break;
    }
  }
}

}  // namespace names_checks
