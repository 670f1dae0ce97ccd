// How `casfolio serve` sends a file of the built site: its Content-Type and
// whether a browser may show it in the site's origin. Students' material is
// everything under media/ or in a folder named files/ (media.cpp publishes
// originals to media/<student>/files/<path>, resized images to web/ and
// thumb/); the rule looks at that path and the type only, not at the names
// the build gives files. Students' raster images, audio and video are shown
// (they cannot run script); everything else of theirs is a download, and a
// type that can be active (HTML, SVG, XML, script, ...) is sent as
// application/octet-stream. Outside that material the site is casfolio's
// own pages and assets; an active type casfolio does not write is a download
// there too.
#pragma once
#include <string>
#include <string_view>

namespace casfolio {

struct ServedType {
  std::string content_type;
  bool attachment = false;     // sent with Content-Disposition: attachment
  bool student_file = false;   // students' material: a sandboxing CSP of its own
  bool page = false;           // one of casfolio's HTML pages: gets the reload script
};

// `relative_path` as util/request_path.h gives it ("media/ana/files/a.svg").
ServedType served_type(std::string_view relative_path);

}  // namespace casfolio
