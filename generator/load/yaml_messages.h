// yaml-cpp's parser messages ("illegal map value") in the reader's language:
// each ErrorMsg constant yaml-cpp's scanner and parser raise names a text of
// the catalog (i18n/messages/yaml-cpp.yaml). Internal to the load stage.
#pragma once
#include <string>
#include <string_view>

namespace casfolio {

struct YamlMessage {
  std::string text;  // the catalog text ("_yaml-cpp-map-value"); empty for a message not in the table
  std::string what;  // what yaml-cpp put after the message ("x" of "unknown escape character: x")
};

// The catalog text for yaml-cpp's `msg`. An unknown message (a newer
// yaml-cpp) has no text: the finding then shows yaml-cpp's English words.
YamlMessage yaml_message(std::string_view msg);

}  // namespace casfolio
