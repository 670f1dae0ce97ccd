// `casfolio key new NAME`: an Ed25519 key pair to sign bundles with
// (docs/bundles.md, "Signed bundles").
#include "cli/commands.h"
#include "diagnostics/printer.h"
#include "write/signing.h"

namespace casfolio {

namespace {

void print_one(std::ostream& out, std::string_view code, std::string file, Args args, bool color) {
  PrintOptions po;
  po.color = color;
  print_finding(out, make_finding(code, Location{std::move(file)}, std::move(args)), po);
}

int run_key_new(const std::string& name, Streams io) {
  bool color = use_color(io.err);
  std::string error;
  std::optional<SigningKey> key = SigningKey::generate(error);
  if (!key) {
    print_one(io.err, "key-write-failed", name + ".key", {{"file", name + ".key"}, {"reason", error}}, color);
    return 1;
  }
  std::string detail;
  switch (write_key_pair(*key, name, detail)) {
    case KeyWrite::exists:
      print_one(io.err, "key-exists", detail, {{"file", detail}}, color);
      return 1;
    case KeyWrite::failed:
      print_one(io.err, "key-write-failed", name + ".key", {{"file", name + ".key"}, {"reason", detail}}, color);
      return 1;
    case KeyWrite::written:
      break;
  }
  io.out << "wrote " << name << ".key (private: keep it secret, it signs bundles)\n"
         << "wrote " << name << ".pub (public: publish it, it verifies bundles)\n"
         << "fingerprint " << key->fingerprint() << '\n';
  return 0;
}

}  // namespace

void define_key(CLI::App& app, Streams io, int& exit_code) {
  app.require_subcommand(1);
  auto name = std::make_shared<std::string>();
  CLI::App* create = app.add_subcommand("new", "Write an Ed25519 key pair NAME.key (private) and NAME.pub (public)");
  create->add_option("name", *name, "The files' name without .key/.pub, e.g. keys/school-2026")->required();
  create->callback([name, io, &exit_code] { exit_code = run_key_new(*name, io); });
}

}  // namespace casfolio
