#include "render/media.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <optional>
#include <sstream>

#include "render/image_resize.h"
#include "util/path.h"

namespace casfolio {

namespace {

constexpr const char* kPublishingFindings[] = {"image-unreadable", "image-too-large", "image-format-refused",
                                               "evidence-active-content"};

// The first kSniffBytes of a regular file, or nullopt when it cannot be
// read. Non-blocking, so that a FIFO put in a file's place cannot hang a build.
std::optional<std::string> read_head(const std::string& disk) {
  int fd = ::open(disk.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct Close {
    int fd;
    ~Close() { ::close(fd); }
  } close_fd{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  std::string head(kSniffBytes, '\0');
  size_t got = 0;
  while (got < head.size()) {
    ssize_t n = ::read(fd, head.data() + got, head.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return std::nullopt;
    if (n == 0) break;
    got += size_t(n);
  }
  head.resize(got);
  return head;
}

}  // namespace

bool is_publishing_finding(std::string_view code) {
  for (const char* c : kPublishingFindings)
    if (code == c) return true;
  return false;
}

MediaRegistry::MediaRegistry(std::set<std::string> files, std::string disk_root, std::string site_dir,
                             std::string finding_prefix, std::vector<Finding>* findings, ImageCache* images)
    : files_(std::move(files)),
      disk_root_(std::move(disk_root)),
      site_dir_(std::move(site_dir)),
      finding_prefix_(std::move(finding_prefix)),
      findings_(findings),
      images_(images) {}

void MediaRegistry::report(const char* code, const MediaItem& item, Args args) {
  if (!findings_) return;
  findings_->push_back(make_finding(code, Location{join_path(finding_prefix_, item.path)}, std::move(args)));
}

const MediaItem* MediaRegistry::publish(const std::string& path) {
  if (auto it = items_.find(path); it != items_.end()) return &it->second;
  std::string ext = extension(path);
  // Sources are never evidence: portfolio.yaml holds the private keys.
  if (ext == ".md" || ext == ".markdown" || ext == ".yaml" || ext == ".yml") return nullptr;
  if (!files_.count(path)) return nullptr;

  MediaItem item;
  item.path = path;
  item.name = std::string(file_name(path));
  std::string disk = join_path(disk_root_, path);
  std::optional<std::string> head = read_head(disk);
  PublishedType type = published_type(path, head.value_or(""));
  item.kind = type.kind;
  if (!head) {
    // Nothing is published of what cannot be read (the loader reports
    // evidence-unreadable; an image named here says why it is missing).
    item.failed = true;
    if (type.kind == MediaKind::image)
      report("image-unreadable", item, {{"file", item.name}, {"error", "cannot read the file"}});
    return &items_.emplace(path, std::move(item)).first->second;
  }
  switch (type.publishing) {
    case Publishing::reencode:
      publish_image(item, disk, type);
      break;
    case Publishing::as_is:
      item.href = site_dir_ + "/files/" + path;
      outputs_[item.href] = OutputFile{item.href, {}, disk};
      break;
    case Publishing::refuse_image:
      item.failed = true;
      if (type.format.empty())
        report("image-unreadable", item,
               {{"file", item.name}, {"error", "not a JPEG, PNG, GIF, WebP, TIFF, HEIF or AVIF image"}});
      else
        report("image-format-refused", item, {{"file", item.name}, {"format", std::string(type.format)}});
      break;
    case Publishing::refuse_active:
      item.failed = true;
      report("evidence-active-content", item, {{"file", item.name}});
      break;
  }
  return &items_.emplace(path, std::move(item)).first->second;
}

void MediaRegistry::publish_image(MediaItem& item, const std::string& disk, const PublishedType& type) {
  std::ifstream in(disk, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  ResizedImage r;
  std::string output_extension = type.keeps_transparency ? ".png" : ".jpg";
  if (!in) {
    r.error = "cannot read the file";
  } else if (images_) {
    std::string source = bytes.str();
    std::string key = image_key(source, output_extension);
    if (auto kept = images_->find(key)) {
      r = std::move(*kept);
    } else {
      r = resize_image(source, type.keeps_transparency);
      images_->store(key, r);
    }
  } else {
    r = resize_image(bytes.str(), type.keeps_transparency);
  }
  if (!r.ok) {
    item.failed = true;
    if (r.refusal == ImageRefusal::too_large)
      report("image-too-large", item,
             {{"file", item.name},
              {"width", std::to_string(r.source_width)},
              {"height", std::to_string(r.source_height)},
              {"limit", std::to_string(kMaxImagePixels / 1'000'000)}});
    else if (r.refusal == ImageRefusal::format)
      report("image-format-refused", item, {{"file", item.name}, {"format", std::string(type.format)}});
    else
      report("image-unreadable", item, {{"file", item.name}, {"error", r.error}});
    return;
  }
  // The published name ends in what the copy is: `scan.tiff` becomes
  // `scan.tiff.jpg`, a PNG named `a.pdf` becomes `a.pdf.png`.
  std::string ext = extension(item.path);
  bool same = r.extension == ext || (r.extension == ".jpg" && ext == ".jpeg");
  std::string suffix = same ? "" : r.extension;
  item.href = site_dir_ + "/web/" + item.path + suffix;
  item.thumb = site_dir_ + "/thumb/" + item.path + suffix;
  item.width = r.web.width;
  item.height = r.web.height;
  item.thumb_width = r.thumbnail.width;
  item.thumb_height = r.thumbnail.height;
  outputs_[item.href] = OutputFile{item.href, std::move(r.web.data), {}};
  outputs_[item.thumb] = OutputFile{item.thumb, std::move(r.thumbnail.data), {}};
}

void MediaRegistry::emit(std::vector<OutputFile>& out) const {
  for (const auto& [path, file] : outputs_) out.push_back(file);
}

}  // namespace casfolio
