// Placeholder: replaced by load/framework_file.cpp.
#include "load/framework_file.h"
namespace casfolio {
std::optional<Framework> parse_framework(std::string_view, const std::string&, Diagnostics&) { return std::nullopt; }
}
