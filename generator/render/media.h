// Evidence as published: which files of a portfolio go to the site, where,
// and in what form. Only files that a published page shows or links are
// published, never the folder wholesale; images only as resized copies;
// nothing a browser or server could run (published_type.h decides).
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "render/image_resize.h"
#include "render/published_type.h"
#include "render/site.h"

namespace casfolio {

struct MediaItem {
  std::string path;  // relative to the portfolio root
  std::string name;  // file name, for captions and link text
  MediaKind kind = MediaKind::file;
  std::string href;   // site path of the published copy (web size for images)
  std::string thumb;  // site path of the thumbnail (images)
  int width = 0, height = 0;              // web size
  int thumb_width = 0, thumb_height = 0;  // thumbnail
  // Nothing of it is published (an image refused or unreadable, a type that
  // could run in a browser): pages show its name and a note, never a link.
  bool failed = false;
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
  // A file refused for what it is (see published_type.h) is an item with
  // `failed` set and a finding naming it.
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

  void publish_image(MediaItem& item, const std::string& disk, const PublishedType& type);
  void report(const char* code, const MediaItem& item, Args args);
};

// The findings publish() reports: a page rendered twice (a cohort bundle
// renders every student again) reports them twice.
bool is_publishing_finding(std::string_view code);

}  // namespace casfolio
