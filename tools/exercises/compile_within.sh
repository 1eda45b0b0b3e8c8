#!/bin/sh
# The compiler launcher of a student's file when the grader builds it (exercises/CMakeLists.txt): runs the
# compile command it is given for at most NN_GRADE_BUILD_TIMEOUT seconds (no limit when that is unset), so
# that one file that takes the compiler minutes (a constexpr loop, a template explosion) costs only its own
# exercise while the others build beside it. The limit comes from the environment, not the command line,
# so that changing it does not make every student file recompile.
if [ -z "${NN_GRADE_BUILD_TIMEOUT:-}" ]; then
  exec "$@"
fi
timeout "${NN_GRADE_BUILD_TIMEOUT}" "$@"
status=$?
if [ "${status}" -eq 124 ]; then
  echo "nn-grade: the compiler ran past ${NN_GRADE_BUILD_TIMEOUT} s and was stopped" >&2
fi
exit "${status}"
