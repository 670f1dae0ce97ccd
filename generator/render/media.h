// Evidence as published: which files of a portfolio go to the site, where,
// and in what form. Only files that a published page shows or links are
// published, never the folder wholesale; images only as resized copies.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "render/image_resize.h"
#include "render/site.h"

namespace casfolio {

enum class MediaKind { image, pdf, audio, video, file };

struct MediaItem {
  std::string path;  // relative to the portfolio root
  std::string name;  // file name, for captions and link text
  MediaKind kind = MediaKind::file;
  std::string href;   // site path of the published copy (web size for images)
  std::string thumb;  // site path of the thumbnail (images)
  int width = 0, height = 0;              // web size
  int thumb_width = 0, thumb_height = 0;  // thumbnail
  bool failed = false;  // an image libvips could not read: shown by name only
};

class MediaRegistry {
 public:
  // `files`: the portfolio's files that may be published; `disk_root`: the
  // portfolio folder on disk; `site_dir`: "media/<student id>".
  // `images`: resized images kept from earlier builds, or nullptr.
  MediaRegistry(std::set<std::string> files, std::string disk_root, std::string site_dir, std::string finding_prefix,
                std::vector<Finding>* findings, ImageCache* images = nullptr);

  // Publishes `path` (once) and says where it went; nullptr when it may not
  // be published (not a file of the portfolio, Markdown or YAML source).
  const MediaItem* publish(const std::string& path);

  // The published files, sorted by path.
  void emit(std::vector<OutputFile>& out) const;

 private:
  std::set<std::string> files_;
  std::string disk_root_, site_dir_, finding_prefix_;
  std::vector<Finding>* findings_;
  ImageCache* images_ = nullptr;
  std::map<std::string, MediaItem> items_;
  std::map<std::string, OutputFile> outputs_;
};

MediaKind media_kind(std::string_view path);

}  // namespace casfolio
