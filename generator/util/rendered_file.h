// A file of output in memory, as it goes from the renderer to the writer,
// and the sink that receives files as they are rendered. Neither stage owns
// the other: render produces these, write consumes them.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace casfolio {

struct OutputFile {
  OutputFile() = default;
  OutputFile(std::string path, std::string data, std::string source_path = {})
      : path(std::move(path)), data(std::move(data)), source_path(std::move(source_path)) {}

  std::string path;  // relative to the site root, '/' separated
  std::string data;  // the bytes, unless source_path is set
  // When set, the file is a verbatim copy of this file on disk (evidence that
  // is not re-encoded, e.g. a PDF or a video), streamed by the writer.
  std::string source_path;
  // Incremental builds (render/site_memo.h, kept by pipeline/site_build). `digest`: content_digest of
  // `data` when the renderer computed it, else "". `unchanged`: the previous
  // build wrote this very file (same path, same `digest`); `data` is empty
  // and the writer keeps the copy it has.
  std::string digest;
  bool unchanged = false;
};

// Receives a site's files as they are rendered, in no fixed order, possibly
// from several threads at once (the implementation locks what it shares).
class SiteSink {
 public:
  virtual ~SiteSink() = default;
  virtual void add(std::vector<OutputFile> files) = 0;
};

}  // namespace casfolio
