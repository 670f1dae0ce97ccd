// Fuzzes util/request_path.h, the request-target handling of `casfolio
// serve`, over a small served folder that has what an attacker would aim
// for beside it: a secret file next to the folder, links leading out of it
// (to the secret, to its parent, to /etc), links staying inside, a link to
// a dot-file and dot-files. The input is the raw request target. Whatever
// it is: an accepted relative path is plain (no NUL, control character,
// backslash, empty, "." or ".." segment; valid UTF-8) and reads the same
// once encoded again, and a file served is a regular file inside the
// canonical folder, never the secret, never a dot-file.
#include <sys/stat.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "util/request_path.h"
#include "util/text.h"  // is_valid_utf8

using namespace casfolio;
namespace fs = std::filesystem;

namespace {

fs::path g_root, g_secret;

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

// Every byte but the unreserved ones and '/' as %XX.
std::string encoded(std::string_view relative) {
  static const char* hex = "0123456789ABCDEF";
  std::string out = "/";
  for (unsigned char c : relative) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                 c == '_' || c == '.' || c == '~' || c == '/';
    if (plain) {
      out += char(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

void check_plain(const std::string& relative) {
  FUZZ_CHECK(relative.find('\0') == std::string::npos);
  FUZZ_CHECK(relative.find('\\') == std::string::npos);
  FUZZ_CHECK(relative.find("//") == std::string::npos);
  FUZZ_CHECK(relative.empty() || relative.front() != '/');
  FUZZ_CHECK(is_valid_utf8(relative));
  for (unsigned char c : relative) FUZZ_CHECK(c >= 0x20 && c != 0x7f);
  for (size_t start = 0; start < relative.size();) {
    size_t slash = relative.find('/', start);
    std::string_view segment = std::string_view(relative).substr(start, slash - start);
    FUZZ_CHECK(!segment.empty() && segment != "." && segment != "..");
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  char pattern[] = "/tmp/serve-path-fuzz-XXXXXX";
  FUZZ_CHECK(::mkdtemp(pattern) != nullptr);
  fs::path top = fs::canonical(pattern);
  g_root = top / "site";
  g_secret = top / "secret.txt";
  write(g_secret, "secret");
  write(g_root / "index.html", "<body>home</body>");
  write(g_root / "kk/index.html", "<body>kk</body>");
  write(g_root / "kk/students/a b/index.html", "<body>a b</body>");
  write(g_root / "media/ana/files/evil.svg", "<svg onload=alert(1)></svg>");
  write(g_root / "media/ana/web/photo.jpg", "jpeg");
  write(g_root / ".casfolio-site", "marker");
  write(g_root / "kk/.hidden/inside.txt", "hidden");
  fs::create_directories(g_root / "empty");
  fs::create_directory_symlink("../..", g_root / "kk/up");
  fs::create_symlink(g_secret, g_root / "secret-link");
  fs::create_symlink("../secret.txt", g_root / "media/ana/files/relative-secret");
  fs::create_directory_symlink("/etc", g_root / "etc");
  fs::create_directory_symlink("kk", g_root / "kk-link");
  fs::create_symlink("index.html", g_root / "home.html");
  fs::create_symlink(".casfolio-site", g_root / "marker-link");
  fs::create_symlink("kk/.hidden/inside.txt", g_root / "hidden-link");
  fs::create_symlink("missing", g_root / "dangling");
  ::mkfifo((g_root / "fifo").c_str(), 0600);
  // Removed when the process ends, however it ends (a crash keeps it for a look).
  std::atexit([] {
    std::error_code ignored;
    fs::remove_all(g_root.parent_path(), ignored);
  });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view target(reinterpret_cast<const char*>(data), size);

  std::optional<std::string> relative = request_relative_path(target);
  if (relative) {
    check_plain(*relative);
    FUZZ_CHECK(request_relative_path(encoded(*relative)) == relative);
  }

  ServedPath served = resolve_request(g_root, target);
  FUZZ_CHECK((served.kind == ServedPath::Kind::refused) == !relative);
  if (served.kind == ServedPath::Kind::file) {
    const std::string& file = served.file.native();
    std::string root = g_root.native() + "/";
    FUZZ_CHECK(file.starts_with(root));
    FUZZ_CHECK(file.find("/.") == std::string::npos);  // no dot-file, no "..", no "."
    FUZZ_CHECK(file.find("//") == std::string::npos);
    FUZZ_CHECK(served.file != g_secret);
    FUZZ_CHECK(served.file.is_absolute());
    std::error_code ec;
    FUZZ_CHECK(fs::is_regular_file(fs::symlink_status(served.file, ec)));  // canonical: no link left
    check_plain(served.relative);
  }
  return 0;
}
