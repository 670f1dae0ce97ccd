#include "load/yaml_messages.h"

#include <yaml-cpp/exceptions.h>

namespace casfolio {

namespace {

struct Known {
  const char* msg;   // yaml-cpp's constant, so a reworded message still matches
  const char* text;  // the catalog text
};

// The ErrorMsg constants yaml-cpp 0.7's scanner and parser throw as a
// ParserException (the others are the emitter's and the node API's).
// Those ending in ": " are followed by what was found.
// Not constexpr: yaml-cpp declares its messages `const char* const`, which
// clang does not read in a constant expression.
const Known kKnown[] = {
    {YAML::ErrorMsg::YAML_DIRECTIVE_ARGS, "_yaml-cpp-directive-args"},
    {YAML::ErrorMsg::YAML_VERSION, "_yaml-cpp-version"},
    {YAML::ErrorMsg::YAML_MAJOR_VERSION, "_yaml-cpp-major-version"},
    {YAML::ErrorMsg::REPEATED_YAML_DIRECTIVE, "_yaml-cpp-repeated-directive"},
    {YAML::ErrorMsg::TAG_DIRECTIVE_ARGS, "_yaml-cpp-tag-directive-args"},
    {YAML::ErrorMsg::REPEATED_TAG_DIRECTIVE, "_yaml-cpp-repeated-tag-directive"},
    {YAML::ErrorMsg::CHAR_IN_TAG_HANDLE, "_yaml-cpp-char-in-tag"},
    {YAML::ErrorMsg::TAG_WITH_NO_SUFFIX, "_yaml-cpp-tag-no-suffix"},
    {YAML::ErrorMsg::END_OF_VERBATIM_TAG, "_yaml-cpp-end-of-verbatim-tag"},
    {YAML::ErrorMsg::END_OF_MAP, "_yaml-cpp-end-of-map"},
    {YAML::ErrorMsg::END_OF_MAP_FLOW, "_yaml-cpp-end-of-map-flow"},
    {YAML::ErrorMsg::END_OF_SEQ, "_yaml-cpp-end-of-seq"},
    {YAML::ErrorMsg::END_OF_SEQ_FLOW, "_yaml-cpp-end-of-seq-flow"},
    {YAML::ErrorMsg::MULTIPLE_TAGS, "_yaml-cpp-multiple-tags"},
    {YAML::ErrorMsg::MULTIPLE_ANCHORS, "_yaml-cpp-multiple-anchors"},
    {YAML::ErrorMsg::MULTIPLE_ALIASES, "_yaml-cpp-multiple-aliases"},
    {YAML::ErrorMsg::ALIAS_CONTENT, "_yaml-cpp-alias-content"},
    {YAML::ErrorMsg::INVALID_HEX, "_yaml-cpp-invalid-hex"},
    {YAML::ErrorMsg::INVALID_UNICODE, "_yaml-cpp-invalid-unicode"},
    {YAML::ErrorMsg::INVALID_ESCAPE, "_yaml-cpp-invalid-escape"},
    {YAML::ErrorMsg::UNKNOWN_TOKEN, "_yaml-cpp-unknown-token"},
    {YAML::ErrorMsg::DOC_IN_SCALAR, "_yaml-cpp-doc-in-scalar"},
    {YAML::ErrorMsg::EOF_IN_SCALAR, "_yaml-cpp-eof-in-scalar"},
    {YAML::ErrorMsg::CHAR_IN_SCALAR, "_yaml-cpp-char-in-scalar"},
    {YAML::ErrorMsg::TAB_IN_INDENTATION, "_yaml-cpp-tab-in-indentation"},
    {YAML::ErrorMsg::FLOW_END, "_yaml-cpp-flow-end"},
    {YAML::ErrorMsg::BLOCK_ENTRY, "_yaml-cpp-block-entry"},
    {YAML::ErrorMsg::MAP_KEY, "_yaml-cpp-map-key"},
    {YAML::ErrorMsg::MAP_VALUE, "_yaml-cpp-map-value"},
    {YAML::ErrorMsg::ALIAS_NOT_FOUND, "_yaml-cpp-alias-not-found"},
    {YAML::ErrorMsg::ANCHOR_NOT_FOUND, "_yaml-cpp-anchor-not-found"},
    {YAML::ErrorMsg::CHAR_IN_ALIAS, "_yaml-cpp-char-in-alias"},
    {YAML::ErrorMsg::CHAR_IN_ANCHOR, "_yaml-cpp-char-in-anchor"},
    {YAML::ErrorMsg::ZERO_INDENT_IN_BLOCK, "_yaml-cpp-zero-indent"},
    {YAML::ErrorMsg::CHAR_IN_BLOCK, "_yaml-cpp-char-in-block"},
    {YAML::ErrorMsg::UNKNOWN_ANCHOR, "_yaml-cpp-unknown-anchor"},
};

}  // namespace

YamlMessage yaml_message(std::string_view msg) {
  for (const Known& k : kKnown) {
    std::string_view known = k.msg;
    if (known.ends_with(": ") ? msg.starts_with(known) : msg == known)
      return {k.text, std::string(msg.substr(known.ends_with(": ") ? known.size() : msg.size()))};
  }
  return {};
}

}  // namespace casfolio
