#include "cli/commands.h"

namespace casfolio {

void define_serve(CLI::App& app, Streams io, int& exit_code) {
  app.callback([io, &exit_code] {
    io.err << "casfolio serve: not implemented yet\n";
    exit_code = 2;
  });
}

}  // namespace casfolio
