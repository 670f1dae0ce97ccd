#include <iostream>

#include "cli/cli.h"

int main(int argc, char** argv) { return casfolio::run_cli(argc, argv, std::cout, std::cerr); }
