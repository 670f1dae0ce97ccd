// Files compiled into the binary: templates/, themes/ and i18n/ of the repo.
#pragma once
#include <optional>
#include <span>
#include <string_view>

namespace casfolio::embedded {

struct File {
  std::string_view path;  // relative to the repository root, '/' separated
  std::string_view data;
};

std::span<const File> files();

// The file at `path`, if it was embedded.
std::optional<std::string_view> find(std::string_view path);

}  // namespace casfolio::embedded
