#include "write/manifest.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "write/signing.h"

namespace casfolio {

namespace {

using json = nlohmann::ordered_json;

bool is_hex_digest(const std::string& s) {
  return s.size() == 64 &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

nlohmann::ordered_json signature_record(const SigningKey& key) {
  return {{"algorithm", std::string(kSignatureAlgorithm)},
          {"fingerprint", key.fingerprint()},
          {"public_key", key.public_pem()}};
}

std::string manifest_text(const Manifest& m) {
  json j = m.facts.is_object() ? m.facts : json::object();
  j.erase("files");
  std::vector<const ManifestFile*> sorted;
  for (const ManifestFile& f : m.files) sorted.push_back(&f);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->path < b->path; });
  json files = json::array();
  for (const ManifestFile* f : sorted) {
    json e;
    e["path"] = f->path;
    e["size"] = f->size;
    e["sha256"] = f->sha256;
    files.push_back(std::move(e));
  }
  j["files"] = std::move(files);
  return j.dump(2) + '\n';
}

std::optional<Manifest> parse_manifest(std::string_view text, std::string& error) {
  json j = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    error = "it is not valid JSON";
    return std::nullopt;
  }
  if (!j.is_object()) {
    error = "it is not a JSON object";
    return std::nullopt;
  }
  auto schema = j.find("schema");
  if (schema == j.end() || !schema->is_number_integer()) {
    error = "it has no \"schema\" number";
    return std::nullopt;
  }
  if (schema->get<int64_t>() != kManifestSchema) {
    error = "its schema is " + schema->dump() + ", this casfolio reads schema " + std::to_string(kManifestSchema);
    return std::nullopt;
  }
  auto files = j.find("files");
  if (files == j.end() || !files->is_array()) {
    error = "it has no \"files\" list";
    return std::nullopt;
  }
  Manifest m;
  std::set<std::string> seen;
  for (size_t i = 0; i < files->size(); ++i) {
    const json& f = (*files)[i];
    std::string where = "file record " + std::to_string(i + 1);
    if (!f.is_object() || !f.contains("path") || !f["path"].is_string() || !f.contains("size") ||
        !f["size"].is_number_unsigned() || !f.contains("sha256") || !f["sha256"].is_string()) {
      error = where + " needs \"path\", \"size\" and \"sha256\"";
      return std::nullopt;
    }
    ManifestFile mf{f["path"].get<std::string>(), f["size"].get<uint64_t>(), f["sha256"].get<std::string>()};
    if (mf.path.empty()) {
      error = where + " has an empty path";
      return std::nullopt;
    }
    if (!is_hex_digest(mf.sha256)) {
      error = where + " (" + mf.path + ") has a malformed SHA-256";
      return std::nullopt;
    }
    if (!seen.insert(mf.path).second) {
      error = mf.path + " is listed twice";
      return std::nullopt;
    }
    m.files.push_back(std::move(mf));
  }
  j.erase("files");
  m.facts = std::move(j);
  return m;
}

std::string format_size(uint64_t bytes) {
  static constexpr const char* kUnits[] = {"KB", "MB", "GB", "TB"};
  if (bytes < 1024) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
  double v = double(bytes);
  int unit = -1;
  while (v >= 1024 && unit < 3) {
    v /= 1024;
    ++unit;
  }
  char buf[32];
  if (v < 10 && std::fmod(v, 1.0) != 0)
    std::snprintf(buf, sizeof buf, "%.1f %s", v, kUnits[unit]);
  else
    std::snprintf(buf, sizeof buf, "%.0f %s", v, kUnits[unit]);
  return buf;
}

std::optional<uint64_t> parse_size(std::string_view text) {
  size_t i = 0;
  double value = 0;
  bool digits = false;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    value = value * 10 + (text[i++] - '0');
    digits = true;
  }
  if (i < text.size() && text[i] == '.') {
    double scale = 0.1;
    for (++i; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, scale /= 10) {
      value += (text[i] - '0') * scale;
      digits = true;
    }
  }
  if (!digits) return std::nullopt;
  std::string unit;
  for (; i < text.size(); ++i) unit += char(text[i] >= 'a' && text[i] <= 'z' ? text[i] - 'a' + 'A' : text[i]);
  double multiplier = 1;
  if (unit.empty() || unit == "B")
    multiplier = 1;
  else if (unit == "K" || unit == "KB")
    multiplier = 1024.0;
  else if (unit == "M" || unit == "MB")
    multiplier = 1024.0 * 1024;
  else if (unit == "G" || unit == "GB")
    multiplier = 1024.0 * 1024 * 1024;
  else if (unit == "T" || unit == "TB")
    multiplier = 1024.0 * 1024 * 1024 * 1024;
  else
    return std::nullopt;
  double bytes = value * multiplier;
  if (bytes > 9.0e18) return std::nullopt;  // beyond what llround can hold
  return uint64_t(std::llround(bytes));
}

}  // namespace casfolio
