// The characters no file name casfolio publishes may hold, shared by the
// loader (which reports such names) and the zip writer (which refuses them).
#pragma once
#include <string_view>

namespace casfolio {

// True when `name` holds a C0 control character (U+0000–U+001F: TAB, LF,
// CR, ESC...), DEL or a C1 control (U+0080–U+009F, 0xC2 0x80–0x9F in UTF-8).
bool has_control_character(std::string_view name);

}  // namespace casfolio
