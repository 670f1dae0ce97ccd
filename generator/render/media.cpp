#include "render/media.h"

#include <fstream>
#include <sstream>

#include "render/image_resize.h"
#include "util/path.h"

namespace casfolio {

MediaKind media_kind(std::string_view path) {
  if (is_image_path(path)) return MediaKind::image;
  std::string ext = extension(path);
  if (ext == ".pdf") return MediaKind::pdf;
  for (const char* e : {".mp3", ".ogg", ".oga", ".wav", ".m4a", ".opus", ".flac"})
    if (ext == e) return MediaKind::audio;
  for (const char* e : {".mp4", ".webm", ".ogv", ".mov", ".m4v"})
    if (ext == e) return MediaKind::video;
  return MediaKind::file;
}

MediaRegistry::MediaRegistry(std::set<std::string> files, std::string disk_root, std::string site_dir,
                             std::string finding_prefix, std::vector<Finding>* findings, ImageCache* images)
    : files_(std::move(files)),
      disk_root_(std::move(disk_root)),
      site_dir_(std::move(site_dir)),
      finding_prefix_(std::move(finding_prefix)),
      findings_(findings),
      images_(images) {}

const MediaItem* MediaRegistry::publish(const std::string& path) {
  if (auto it = items_.find(path); it != items_.end()) return &it->second;
  std::string ext = extension(path);
  // Sources are never evidence: portfolio.yaml holds the private keys.
  if (ext == ".md" || ext == ".markdown" || ext == ".yaml" || ext == ".yml") return nullptr;
  if (!files_.count(path)) return nullptr;

  MediaItem item;
  item.path = path;
  item.name = std::string(file_name(path));
  item.kind = media_kind(path);
  std::string disk = join_path(disk_root_, path);
  if (item.kind == MediaKind::image) {
    std::ifstream in(disk, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    ResizedImage r;
    if (!in) {
      r = ResizedImage{false, "cannot read the file", {}, {}, {}};
    } else if (images_) {
      std::string source = bytes.str();
      std::string key = image_key(source, ext);
      if (auto kept = images_->find(key)) {
        r = std::move(*kept);
      } else {
        r = resize_image(source, ext);
        images_->store(key, r);
      }
    } else {
      r = resize_image(bytes.str(), ext);
    }
    if (!r.ok) {
      item.failed = true;
      if (findings_) {
        Finding f;
        f.severity = severity_of("image-unreadable");
        f.code = "image-unreadable";
        f.where.file = join_path(finding_prefix_, path);
        f.args = {{"file", item.name}, {"error", r.error}};
        findings_->push_back(std::move(f));
      }
    } else {
      bool same = r.extension == ext || (r.extension == ".jpg" && ext == ".jpeg");
      std::string suffix = same ? "" : r.extension;
      item.href = site_dir_ + "/web/" + path + suffix;
      item.thumb = site_dir_ + "/thumb/" + path + suffix;
      item.width = r.web.width;
      item.height = r.web.height;
      item.thumb_width = r.thumbnail.width;
      item.thumb_height = r.thumbnail.height;
      outputs_[item.href] = OutputFile{item.href, std::move(r.web.data), {}};
      outputs_[item.thumb] = OutputFile{item.thumb, std::move(r.thumbnail.data), {}};
    }
  } else {
    item.href = site_dir_ + "/files/" + path;
    outputs_[item.href] = OutputFile{item.href, {}, disk};
  }
  return &items_.emplace(path, std::move(item)).first->second;
}

void MediaRegistry::emit(std::vector<OutputFile>& out) const {
  for (const auto& [path, file] : outputs_) out.push_back(file);
}

}  // namespace casfolio
