#include "model/portfolio.h"

#include <algorithm>

#include "util/path.h"

namespace casfolio {

namespace {

void add_once(std::vector<std::string>& urls, const std::string& url) {
  if (!url.empty() && std::find(urls.begin(), urls.end(), url) == urls.end()) urls.push_back(url);
}

}  // namespace

std::vector<std::string> evidence_link_urls(const Experience& e) {
  std::vector<std::string> urls;
  for (const EvidenceLink& l : e.evidence_links) add_once(urls, l.url);
  for (const Achievement& a : e.achievements) add_once(urls, a.evidence_link);
  return urls;
}

std::vector<std::string> evidence_link_urls(const Reflection& r) {
  std::vector<std::string> urls;
  for (const EvidenceLink& l : r.evidence_links) add_once(urls, l.url);
  return urls;
}

std::pair<int, int> KeyLines::at(std::string_view key) const {
  auto it = keys.find(key);
  return it == keys.end() ? std::pair<int, int>{line, 0} : it->second;
}

const Experience* Portfolio::find_experience(std::string_view wanted) const {
  for (const Experience& e : experiences)
    if (e.id == wanted) return &e;
  return nullptr;
}

std::string Portfolio::path_from_build_root(std::string_view file) const { return join_path(folder(), file); }

std::string Portfolio::folder_on_disk(std::string_view build_root) const { return join_path(build_root, folder()); }

}  // namespace casfolio
