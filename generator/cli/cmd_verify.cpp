#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "load/ledger_reader.h"
#include "diagnostics/printer.h"
#include "write/verify.h"

namespace casfolio {

namespace {

struct VerifyCliOptions {
  std::vector<std::string> files;
  std::string lang;
  std::vector<std::string> keys;    // --key PUBLIC_KEY
  std::vector<std::string> trusts;  // --trust FINGERPRINT
};

void print_usage_finding(std::ostream& err, std::string_view code, const std::string& file, Args args) {
  PrintOptions po;
  po.color = use_color(err);
  print_finding(err, make_finding(code, Location{file}, std::move(args)), po);
}

bool read_whole_file(const std::string& file, std::string& out) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  std::ostringstream buf;
  buf << in.rdbuf();
  out = std::move(buf).str();
  return !in.bad();
}

// Who signed, for the OK line.
std::string signature_note(const VerifyResult& r) {
  if (r.signed_by.empty()) return "not signed";
  std::string note = "signed by " + r.signed_by;
  if (!r.signer_name.empty()) return note + " (" + r.signer_name + ")";
  if (!r.trusted) return note + " (not checked against a trusted key)";
  return note + " (trusted)";
}

// A staff folder's ledger.jsonl (docs/collect.md): every line's `prev` is the
// SHA-256 of the line before it; the first that is not is reported, with
// the reader's own findings (load/ledger_reader.h).
bool verify_ledger_file(const std::string& file, Language language, bool color, Streams io) {
  PrintOptions po;
  po.language = language;
  po.color = color;
  std::string bytes;
  if (!read_whole_file(file, bytes)) {
    print_usage_finding(io.out, "ledger-unreadable", file, {});
    io.out << file << ": 1 problem(s)\n";
    return false;
  }
  ParsedLedger parsed = parse_ledger(bytes);
  Diagnostics d;
  report_ledger_check(parsed.check, file, d);
  for (const Finding& f : d.findings()) print_finding(io.out, f, po);
  if (!parsed.check.ok()) {
    io.out << file << ": the chain is broken at line " << parsed.check.line << '\n';
    return false;
  }
  io.out << file << ": OK, " << parsed.check.lines << " line(s), each chained to the one before"
         << (parsed.check.partial_last_line ? " (then an append cut short, ignored)" : "") << '\n';
  return true;
}

int run_verify(const VerifyCliOptions& o, Streams io) {
  std::optional<Language> forced;
  if (!o.lang.empty()) {
    forced = parse_language(o.lang);
    if (!forced) {
      io.err << "casfolio verify: --lang is kk, ru or en, got '" << o.lang << "'\n";
      return 2;
    }
  }
  VerifyOptions vo;
  for (const std::string& path : o.keys) {
    std::string error;
    std::optional<SigningKey> key = SigningKey::read_file(path, error);
    if (!key) {
      print_usage_finding(io.err, "key-cannot-read", path, {{"file", path}, {"reason", error}});
      return 2;
    }
    vo.keys.push_back({path, std::move(*key)});
  }
  for (const std::string& text : o.trusts) {
    std::optional<std::string> fingerprint = normalise_fingerprint(text);
    if (!fingerprint) {
      print_usage_finding(io.err, "key-bad-fingerprint", "casfolio verify", {{"value", text}});
      return 2;
    }
    vo.fingerprints.push_back(*fingerprint);
  }
  bool color = use_color(io.out);
  bool all_ok = true;
  for (const std::string& file : o.files) {
    if (file.ends_with(".jsonl")) {
      all_ok = verify_ledger_file(file, forced.value_or(Language::en), color, io) && all_ok;
      continue;
    }
    VerifyResult r = verify_bundle(file, vo);
    PrintOptions po;
    po.language = forced.value_or(r.language);
    po.color = color;
    po.path_prefix = file;
    for (const Finding& f : r.problems) print_finding(io.out, f, po);
    if (r.ok()) {
      io.out << file << ": OK, " << r.files_checked << " file(s) match the manifest; " << signature_note(r) << '\n';
    } else {
      all_ok = false;
      io.out << file << ": " << r.problems.size() << " problem(s)\n";
    }
  }
  return all_ok ? 0 : 1;
}

}  // namespace

void define_verify(CLI::App& app, Streams io, int& exit_code) {
  auto o = std::make_shared<VerifyCliOptions>();
  app.add_option("files", o->files, "Bundles (.zip) to check, or ledgers (.jsonl: a staff folder's ledger.jsonl)")
      ->required();
  app.add_option("--lang", o->lang, "Language of the messages: kk, ru or en (default: the bundle's own)");
  app.add_option("--key", o->keys, "A trusted public key (.pub): the bundle must be signed by it (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--trust", o->trusts, "A trusted key's fingerprint, SHA256:… (repeatable)")
      ->allow_extra_args(false);
  app.callback([o, io, &exit_code] { exit_code = run_verify(*o, io); });
}

}  // namespace casfolio
