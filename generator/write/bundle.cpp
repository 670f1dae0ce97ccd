#include "write/bundle.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "util/path.h"
#include "write/checksum.h"
#include "write/entry_name.h"
#include "write/manifest.h"
#include "write/zip_writer.h"

namespace fs = std::filesystem;

namespace casfolio {

std::string student_bundle_folder(std::string_view id, bool is_public) {
  return std::string(id) + (is_public ? "-cas-portfolio-public" : "-cas-portfolio");
}

std::string cohort_bundle_folder(bool is_public) {
  return is_public ? "cohort-cas-portfolios-public" : "cohort-cas-portfolios";
}

int64_t bundle_timestamp(Date as_of) {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    long long secs = std::strtoll(epoch, &end, 10);
    if (end != epoch && *end == '\0' && secs >= 0) return secs;
  }
  return int64_t(as_of.days()) * 86400;
}

std::optional<WrittenBundle> write_bundle(BundleSpec spec, const std::string& out_dir, const BundleOptions& o,
                                          Diagnostics& sink) {
  std::string zip_path = join_path(out_dir, spec.folder + ".zip");
  Manifest manifest;
  manifest.facts = spec.facts;
  // The manifest names the key before it is signed, so the signature covers
  // which key made it too.
  if (o.signer) manifest.facts[kManifestSignatureKey] = signature_record(*o.signer);
  std::vector<ZipEntry> entries;
  entries.reserve(spec.files.size() + 1);
  bool ok = true;
  for (BundleFile& f : spec.files) {
    ZipEntry e;
    e.name = spec.folder + "/" + f.path;
    // A name some extractor would misread (a backslash, a control character,
    // "CON") is left out: the rest of the bundle is still worth having.
    if (!is_portable_entry_name(e.name)) {
      std::string file = f.source_path.empty() ? f.path : f.source_path;
      sink.report("bundle-unsafe-name", {file}, {{"file", file}, {"entry", f.path}});
      continue;
    }
    ManifestFile mf;
    mf.path = f.path;
    if (f.source_path.empty()) {
      mf.size = f.data.size();
      mf.sha256 = sha256_hex(f.data);
      e.data = std::move(f.data);
    } else {
      std::error_code ec;
      uint64_t size = fs::file_size(f.source_path, ec);
      if (!ec && size > o.max_file_bytes) {
        sink.report("bundle-file-too-large", {f.source_path},
                    {{"file", f.source_path}, {"size", format_size(size)}, {"limit", format_size(o.max_file_bytes)}});
        ok = false;
        continue;
      }
      std::string error;
      auto digest = sha256_file(f.source_path, error);
      if (!digest) {
        sink.report("bundle-cannot-read", {f.source_path}, {{"file", f.source_path}, {"reason", error}});
        ok = false;
        continue;
      }
      if (digest->size > o.max_file_bytes) {  // it grew while we looked
        sink.report(
            "bundle-file-too-large", {f.source_path},
            {{"file", f.source_path}, {"size", format_size(digest->size)}, {"limit", format_size(o.max_file_bytes)}});
        ok = false;
        continue;
      }
      mf.size = digest->size;
      mf.sha256 = std::move(digest->sha256);
      e.source_path = f.source_path;
      e.size = mf.size;
    }
    manifest.files.push_back(std::move(mf));
    entries.push_back(std::move(e));
  }
  if (!ok) return std::nullopt;

  ZipEntry m;
  m.name = spec.folder + "/manifest.json";
  m.data = manifest_text(manifest);
  std::string signature = o.signer ? o.signer->sign(m.data) : "";
  entries.push_back(std::move(m));
  if (o.signer) {
    if (signature.empty()) {
      sink.report("bundle-write-failed", {zip_path},
                  {{"bundle", zip_path}, {"reason", "the manifest could not be signed"}});
      return std::nullopt;
    }
    ZipEntry sig;
    sig.name = spec.folder + "/" + std::string(kSignatureFile);
    sig.data = std::move(signature);
    entries.push_back(std::move(sig));
  }

  std::error_code ec;
  fs::create_directories(out_dir.empty() ? "." : out_dir, ec);
  if (ec) {
    sink.report("bundle-write-failed", {zip_path}, {{"bundle", zip_path}, {"reason", ec.message()}});
    return std::nullopt;
  }
  ZipOptions zo;
  zo.timestamp = o.timestamp;
  if (auto failure = write_zip(zip_path, std::move(entries), zo)) {
    std::string reason = failure->message;
    if (!failure->entry.empty()) reason = failure->entry + ": " + reason;
    sink.report("bundle-write-failed", {zip_path}, {{"bundle", zip_path}, {"reason", reason}});
    return std::nullopt;
  }
  WrittenBundle w;
  w.path = zip_path;
  w.files = manifest.files.size();
  w.bytes = fs::file_size(zip_path, ec);
  return w;
}

}  // namespace casfolio
