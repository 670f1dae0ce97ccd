#include "cli/commands.h"

namespace casfolio {

void define_report(CLI::App& app, Streams io, int& exit_code) {
  app.callback([io, &exit_code] {
    io.err << "casfolio report: not implemented yet\n";
    exit_code = 2;
  });
}

}  // namespace casfolio
