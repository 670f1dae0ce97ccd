#include "write/verify.h"

#include <sys/stat.h>
#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <vector>

#include "write/checksum.h"
#include "write/entry_name.h"
#include "write/manifest.h"

namespace fs = std::filesystem;

namespace casfolio {

namespace {

constexpr uint64_t kMaxManifestBytes = 64ull << 20;
constexpr size_t kChunk = 1 << 20;

// What an archive can honestly inflate to. casfolio stores or deflates every
// entry, and deflate never inflates more than 1032 times (258 bytes per
// 2-bit code), so a bundle's entry holds at most that many times its
// compressed size (plus a little for tiny entries), and the whole archive at
// most that many times its own size. Reading stops there: time and memory
// follow the bytes really in the archive, never the sizes it claims.
constexpr uint64_t kMaxInflation = 1032;
constexpr uint64_t kEntrySlack = 64 << 10;
constexpr uint64_t kArchiveSlack = 1 << 20;
// A student bundle inside a cohort bundle is copied to a temporary file to be
// opened: at most twice the outer archive's size (casfolio stores nested zips,
// so they take their own size in it) plus 1 MB, and never above 16 GB.
constexpr uint64_t kMaxNestedBytes = 16ull << 30;
uint64_t nested_cap(uint64_t archive_bytes) {
  return std::min(kMaxNestedBytes, 2 * archive_bytes + (1 << 20));
}

uint64_t saturating_mul_add(uint64_t a, uint64_t b, uint64_t c) {
  if (a != 0 && b > (UINT64_MAX - c) / a) return UINT64_MAX;
  return a * b + c;
}

// Shared by an archive and the bundles nested in it.
struct Budget {
  uint64_t inflate_left = 0;  // bytes every entry together may still inflate to
  uint64_t inflated = 0;      // bytes inflated so far
  uint64_t temp_bytes = 0;    // bytes written to temporary copies
  bool exhausted = false;     // inflate_left ran out: reading stopped
};

struct EntryInfo {
  std::string name;
  zip_uint64_t index = 0;
  uint64_t size = 0;       // as the central directory declares it
  uint64_t comp_size = 0;  // bytes it takes in the archive (never more than the archive)
  bool folder = false;
  bool safe = true;  // false: reported as unsafe, never read
};

struct ReadResult {
  bool ok = true;
  std::string error;
  uint64_t size = 0;  // bytes read
  uint64_t copied = 0;  // bytes written to `copy`
  bool over = false;  // there were more than `limit` bytes; reading stopped
  std::string sha256;
  std::string bytes;  // when asked to keep them
};

// Streams entry `index` through SHA-256, reading at most limit + 1 bytes;
// optionally keeps the bytes or copies them to `copy`.
ReadResult read_entry(zip_t* za, zip_uint64_t index, uint64_t limit, bool keep, std::FILE* copy) {
  ReadResult r;
  zip_file_t* zf = zip_fopen_index(za, index, 0);
  if (!zf) {
    r.ok = false;
    r.error = zip_strerror(za);
    return r;
  }
  std::vector<char> buf(kChunk);
  Sha256 h;
  for (;;) {
    zip_int64_t n = zip_fread(zf, buf.data(), buf.size());
    if (n < 0) {
      r.ok = false;
      r.error = zip_file_strerror(zf);
      break;
    }
    if (n == 0) break;
    std::string_view chunk(buf.data(), size_t(n));
    r.size += uint64_t(n);
    if (r.size > limit) {
      r.over = true;
      break;
    }
    h.update(chunk);
    if (keep) r.bytes.append(chunk);
    if (copy && std::fwrite(chunk.data(), 1, chunk.size(), copy) != chunk.size()) {
      r.ok = false;
      r.error = "cannot write a temporary copy";
      break;
    }
    if (copy) r.copied += chunk.size();
  }
  zip_fclose(zf);
  if (r.ok && !r.over) r.sha256 = h.hex_digest();
  return r;
}

class Verifier {
 public:
  Verifier(zip_t* za, int depth, uint64_t archive_bytes, const VerifyOptions& options, Budget& budget,
           VerifyResult& result)
      : za_(za), depth_(depth), archive_bytes_(archive_bytes), options_(options), budget_(budget), r_(result) {}

  void run();

 private:
  void problem(std::string_view code, Args args) { r_.problems.push_back(make_finding(code, {}, std::move(args))); }
  void verify_nested(std::FILE* copy, uint64_t bytes, const std::string& path);
  // `signature` is the manifest.json.sig entry, or null.
  void check_signature(const Manifest& manifest, std::string_view manifest_bytes, const EntryInfo& manifest_entry,
                       const EntryInfo* signature);
  // Reads entry `e` up to `wanted` bytes, or less when the archive cannot
  // honestly hold that many: `limited` then says so.
  ReadResult read_bounded(const EntryInfo& e, uint64_t wanted, bool keep, std::FILE* copy, bool& limited);

  zip_t* za_;
  int depth_;
  uint64_t archive_bytes_;
  const VerifyOptions& options_;
  Budget& budget_;
  VerifyResult& r_;
};

ReadResult Verifier::read_bounded(const EntryInfo& e, uint64_t wanted, bool keep, std::FILE* copy, bool& limited) {
  uint64_t cap = std::min(saturating_mul_add(e.comp_size, kMaxInflation, kEntrySlack), budget_.inflate_left);
  limited = cap < wanted;
  ReadResult rr = read_entry(za_, e.index, std::min(wanted, cap), keep, copy);
  uint64_t read = std::min(rr.size, budget_.inflate_left);
  budget_.inflate_left -= read;
  budget_.inflated += read;
  budget_.temp_bytes += rr.copied;
  return rr;
}

void Verifier::run() {
  zip_int64_t count = zip_get_num_entries(za_, 0);
  std::vector<EntryInfo> entries;
  std::map<std::string, size_t> by_name;  // first entry of each name
  std::set<std::string> reported_twice;
  for (zip_int64_t i = 0; i < count; ++i) {
    EntryInfo e;
    e.index = zip_uint64_t(i);
    const char* name = zip_get_name(za_, e.index, 0);
    if (!name) {
      problem("verify-damaged", {{"reason", zip_strerror(za_)}});
      continue;
    }
    e.name = name;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(za_, e.index, 0, &st) == 0) {
      if (st.valid & ZIP_STAT_SIZE) e.size = st.size;
      e.comp_size = (st.valid & ZIP_STAT_COMP_SIZE) ? std::min<uint64_t>(st.comp_size, archive_bytes_) : archive_bytes_;
    }
    e.folder = !e.name.empty() && e.name.back() == '/';
    if (!is_safe_entry_name(e.name)) {
      problem("verify-unsafe-path", {{"entry", e.name}});
      e.safe = false;
    }
    zip_uint8_t opsys = 0;
    zip_uint32_t attributes = 0;
    // Unix extractors create what the mode's type says: only files and folders are allowed.
    if (zip_file_get_external_attributes(za_, e.index, 0, &opsys, &attributes) == 0 && opsys == ZIP_OPSYS_UNIX) {
      zip_uint32_t type = (attributes >> 16) & S_IFMT;
      if (type == S_IFLNK) {
        problem("verify-symlink", {{"entry", e.name}});
        e.safe = false;
      } else if (type != 0 && type != S_IFREG && type != S_IFDIR) {
        problem("verify-special-file", {{"entry", e.name}});
        e.safe = false;
      }
    }
    if (!by_name.emplace(e.name, entries.size()).second && reported_twice.insert(e.name).second)
      problem("verify-duplicate-entry", {{"entry", e.name}});
    entries.push_back(std::move(e));
  }

  // The bundle folder is the one holding manifest.json.
  const EntryInfo* manifest_entry = nullptr;
  for (const auto& [name, i] : by_name) {
    const EntryInfo& e = entries[i];
    size_t slash = name.find('/');
    if (e.safe && slash != std::string::npos && slash > 0 && name.substr(slash + 1) == "manifest.json") {
      manifest_entry = &e;
      break;
    }
  }
  if (!manifest_entry) {
    problem("verify-no-manifest", {});
    return;
  }
  const std::string folder = manifest_entry->name.substr(0, manifest_entry->name.find('/'));
  const std::string prefix = folder + "/";

  bool manifest_limited = false;
  ReadResult mr = read_bounded(*manifest_entry, kMaxManifestBytes, true, nullptr, manifest_limited);
  if (!mr.ok) {
    problem("verify-unreadable-entry", {{"entry", manifest_entry->name}, {"reason", mr.error}});
    return;
  }
  std::string error;
  std::optional<Manifest> manifest;
  if (mr.over && manifest_limited) {
    problem("verify-inflates-too-much", {{"entry", manifest_entry->name}, {"ratio", std::to_string(kMaxInflation)}});
    return;
  }
  if (mr.over)
    error = "it is larger than " + format_size(kMaxManifestBytes);
  else
    manifest = parse_manifest(mr.bytes, error);
  if (!manifest) {
    problem("verify-bad-manifest", {{"entry", manifest_entry->name}, {"reason", error}});
    return;
  }
  if (auto kind = manifest->facts.find("kind"); kind != manifest->facts.end() && kind->is_string())
    r_.kind = kind->get<std::string>();
  if (auto lang = manifest->facts.find("language"); lang != manifest->facts.end() && lang->is_string())
    if (auto l = parse_language(lang->get<std::string>())) r_.language = *l;

  const std::string signature_name = prefix + std::string(kSignatureFile);
  auto signature_entry = by_name.find(signature_name);
  check_signature(*manifest, mr.bytes, *manifest_entry,
                  signature_entry == by_name.end() ? nullptr : &entries[signature_entry->second]);

  for (const EntryInfo& e : entries)
    if (e.safe && !e.name.starts_with(prefix) && e.name != prefix)
      problem("verify-outside-folder", {{"entry", e.name}, {"folder", prefix}});

  if (!by_name.count(prefix + "site/index.html")) problem("verify-no-index", {{"entry", prefix + "site/index.html"}});

  std::set<std::string> listed;
  for (const ManifestFile& f : manifest->files) {
    std::string name = prefix + f.path;
    listed.insert(name);
    if (!is_safe_entry_name(f.path) || f.path.back() == '/') {
      problem("verify-bad-manifest",
              {{"entry", manifest_entry->name}, {"reason", "it lists the unsafe path " + f.path}});
      continue;
    }
    auto it = by_name.find(name);
    if (it == by_name.end()) {
      problem("verify-missing-file", {{"entry", name}});
      continue;
    }
    const EntryInfo& e = entries[it->second];
    if (!e.safe) continue;  // reported already; never read
    if (budget_.exhausted) continue;
    bool nested = depth_ == 0 && r_.kind == "cohort" && f.path.starts_with("students/") && f.path.ends_with(".zip");
    std::FILE* copy = nested ? std::tmpfile() : nullptr;
    uint64_t wanted = nested ? std::min(f.size, nested_cap(archive_bytes_)) : f.size;
    bool limited = false;
    ReadResult rr = read_bounded(e, wanted, false, copy, limited);
    if (!rr.ok) {
      problem("verify-unreadable-entry", {{"entry", name}, {"reason", rr.error}});
    } else if (rr.over && limited) {
      // Stopped by what the archive can hold, not by the manifest's size.
      if (budget_.inflate_left == 0) {
        budget_.exhausted = true;
        problem("verify-too-much-data", {{"ratio", std::to_string(kMaxInflation)}});
      } else {
        problem("verify-inflates-too-much", {{"entry", name}, {"ratio", std::to_string(kMaxInflation)}});
      }
    } else if (rr.over && wanted < f.size) {
      problem("verify-nested-too-large", {{"entry", name}, {"limit", format_size(wanted)}});
    } else if (rr.over || rr.size != f.size) {
      uint64_t actual = rr.over ? std::max(e.size, rr.size) : rr.size;
      problem("verify-size-mismatch",
              {{"entry", name}, {"size", std::to_string(actual)}, {"expected", std::to_string(f.size)}});
    } else if (rr.sha256 != f.sha256) {
      problem("verify-checksum-mismatch", {{"entry", name}});
    } else {
      ++r_.files_checked;
      if (copy) {
        verify_nested(copy, rr.size, f.path);
        copy = nullptr;  // owned by the nested archive
      }
    }
    if (copy) std::fclose(copy);
  }

  std::string manifest_name = prefix + "manifest.json";
  for (const EntryInfo& e : entries) {
    if (!e.safe || !e.name.starts_with(prefix) || e.name == manifest_name || e.name == signature_name ||
        listed.count(e.name))
      continue;
    if (e.folder && e.size == 0) continue;  // a folder entry
    problem("verify-unlisted-file", {{"entry", e.name}});
  }
}

void Verifier::check_signature(const Manifest& manifest, std::string_view manifest_bytes,
                               const EntryInfo& manifest_entry, const EntryInfo* signature) {
  auto record = manifest.facts.find(kManifestSignatureKey);
  // A record without its signature proves nothing: the bundle is unsigned.
  if (!signature || !signature->safe) {
    if (depth_ == 0 && options_.requires_signature())
      problem("verify-signature-missing", {{"entry", manifest_entry.name}});
    return;
  }
  auto bad = [&](std::string reason) {
    problem("verify-bad-signature", {{"entry", signature->name}, {"reason", std::move(reason)}});
  };
  if (record == manifest.facts.end() || !record->is_object()) return bad("manifest.json names no key");
  auto field = [&](const char* key) {
    auto it = record->find(key);
    return it != record->end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  if (field("algorithm") != kSignatureAlgorithm) return bad("its algorithm is not " + std::string(kSignatureAlgorithm));
  std::string error;
  std::optional<SigningKey> key = SigningKey::from_pem(field("public_key"), error);
  if (!key || key->has_private()) return bad("the manifest's public key is unreadable");
  const std::string fingerprint = key->fingerprint();
  if (fingerprint != field("fingerprint")) return bad("the manifest's public key is not the one its fingerprint names");

  bool limited = false;
  ReadResult sr = read_bounded(*signature, kSignatureBytes, true, nullptr, limited);
  if (!sr.ok) {
    problem("verify-unreadable-entry", {{"entry", signature->name}, {"reason", sr.error}});
    return;
  }
  if (sr.over || sr.bytes.size() != kSignatureBytes)
    return bad("it is not " + std::to_string(kSignatureBytes) + " bytes");

  std::string signer_name;
  bool trusted = std::find(options_.fingerprints.begin(), options_.fingerprints.end(), fingerprint) !=
                 options_.fingerprints.end();
  for (const TrustedKey& t : options_.keys)
    if (t.key.fingerprint() == fingerprint) {
      trusted = true;
      signer_name = t.name;
      break;
    }
  if (!key->verifies(manifest_bytes, sr.bytes)) {
    problem("verify-signature-invalid", {{"entry", signature->name}, {"fingerprint", fingerprint}});
    return;
  }
  if (options_.requires_signature() && !trusted) {
    problem("verify-untrusted-key", {{"entry", manifest_entry.name}, {"fingerprint", fingerprint}});
    return;
  }
  if (depth_ == 0) {
    r_.signed_by = fingerprint;
    r_.signer_name = signer_name;
    r_.trusted = trusted;
  }
}

VerifyResult verify_source(zip_source_t* src, int depth, uint64_t archive_bytes, const VerifyOptions& options,
                           Budget& budget);

void Verifier::verify_nested(std::FILE* copy, uint64_t bytes, const std::string& path) {
  std::fflush(copy);
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t* src = zip_source_filep_create(copy, 0, -1, &ze);  // owns `copy` from here
  zip_error_fini(&ze);
  if (!src) {
    std::fclose(copy);
    return;
  }
  VerifyResult nested = verify_source(src, depth_ + 1, bytes, options_, budget_);
  for (Finding& f : nested.problems) {
    f.where.file = "!" + path + f.where.file;
    r_.problems.push_back(std::move(f));
  }
}

// Opens `src` (taken over: freed here) and verifies it. A zip that fails
// libzip's consistency check is reported as damaged, then read as far as it
// can be so the problems inside are named too.
VerifyResult verify_source(zip_source_t* src, int depth, uint64_t archive_bytes, const VerifyOptions& options,
                           Budget& budget) {
  VerifyResult r;
  auto report = [&](std::string_view code, Args args) { r.problems.push_back(make_finding(code, {}, std::move(args))); };
  // An archive that opens takes over one reference; a failed open leaves it
  // with us. Keep a second one so the source survives a first failed open.
  zip_source_keep(src);
  int references = 2;
  zip_error_t ze;
  zip_error_init(&ze);
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
  if (!za) {
    int code = zip_error_code_zip(&ze);
    if (code == ZIP_ER_NOZIP) {
      report("verify-not-a-zip", {{"reason", zip_error_strerror(&ze)}});
    } else {
      // Duplicate names fail the consistency check; they are reported by name below.
      if (code != ZIP_ER_EXISTS) report("verify-damaged", {{"reason", zip_error_strerror(&ze)}});
      zip_error_fini(&ze);
      zip_error_init(&ze);
      za = zip_open_from_source(src, ZIP_RDONLY, &ze);
      if (!za && code == ZIP_ER_EXISTS) report("verify-damaged", {{"reason", zip_error_strerror(&ze)}});
    }
  }
  zip_error_fini(&ze);
  if (za) {
    --references;
    Verifier(za, depth, archive_bytes, options, budget, r).run();
    zip_discard(za);
  }
  while (references-- > 0) zip_source_free(src);
  return r;
}

// The outermost archive: its size sets the budget.
VerifyResult verify_top(zip_source_t* src, uint64_t archive_bytes, const VerifyOptions& options) {
  Budget budget;
  budget.inflate_left = saturating_mul_add(archive_bytes, kMaxInflation, kArchiveSlack);
  VerifyResult r = verify_source(src, 0, archive_bytes, options, budget);
  r.inflated_bytes = budget.inflated;
  r.temp_bytes = budget.temp_bytes;
  return r;
}

VerifyResult single(std::string_view code, Args args) {
  VerifyResult r;
  r.problems.push_back(make_finding(code, {}, std::move(args)));
  return r;
}

}  // namespace

bool is_safe_entry_name(std::string_view name) { return is_portable_entry_name(name); }

VerifyResult verify_bundle(const std::string& zip_path, const VerifyOptions& options) {
  std::error_code ec;
  auto status = fs::status(zip_path, ec);
  if (ec || !fs::exists(status)) return single("verify-cannot-open", {{"reason", "there is no such file"}});
  if (fs::is_directory(status)) return single("verify-cannot-open", {{"reason", "it is a folder"}});
  // A named pipe or a device would block or never end.
  if (!fs::is_regular_file(status)) return single("verify-cannot-open", {{"reason", "it is not a regular file"}});
  uint64_t archive_bytes = fs::file_size(zip_path, ec);
  if (ec) return single("verify-cannot-open", {{"reason", ec.message()}});
  if (archive_bytes == 0) return single("verify-not-a-zip", {{"reason", "the file is empty"}});
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t* src = zip_source_file_create(zip_path.c_str(), 0, -1, &ze);
  if (!src) {
    VerifyResult r = single("verify-cannot-open", {{"reason", zip_error_strerror(&ze)}});
    zip_error_fini(&ze);
    return r;
  }
  zip_error_fini(&ze);
  return verify_top(src, archive_bytes, options);
}

VerifyResult verify_bundle_data(std::string_view bytes, const VerifyOptions& options) {
  if (bytes.empty()) return single("verify-not-a-zip", {{"reason", "the file is empty"}});
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &ze);
  zip_error_fini(&ze);
  if (!src) return single("verify-cannot-open", {{"reason", "out of memory"}});
  return verify_top(src, bytes.size(), options);
}

}  // namespace casfolio
