// The chapter programs in one WebAssembly module, for the book's pages: the first argument names the
// program, the rest are its flags. Each chapter's main.cpp is compiled unchanged, its `main` renamed
// (CMakeLists.txt), so the page runs exactly the code the chapter prints and the tests check.
#include <cstring>
#include <iostream>

int ch01_linear_main(int argc, char** argv);
int ch02_tanh_main(int argc, char** argv);
int ch03_gpu_main(int argc, char** argv);

// ANCHOR: dispatch
int main(int argc, char** argv) {
  struct Program {
    const char* name;
    int (*main)(int, char**);
  };
  static constexpr Program programs[] = {
      {"ch01-linear", ch01_linear_main}, {"ch02-tanh", ch02_tanh_main}, {"ch03-gpu", ch03_gpu_main}};
  if (argc >= 2) {
    for (const Program& program : programs) {
      // The program sees its own name as argv[0], as it would on the command line.
      if (std::strcmp(argv[1], program.name) == 0) return program.main(argc - 1, argv + 1);
    }
  }
  std::cerr << "nn-web: the first argument names the program: ch01-linear, ch02-tanh or ch03-gpu\n";
  return 2;
}
// ANCHOR_END: dispatch
