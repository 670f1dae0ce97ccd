#include "load/schema.h"

#include <nlohmann/json.hpp>

#include "diagnostics/diagnostics.h"

namespace casfolio {

namespace {

using Json = nlohmann::ordered_json;

// What the loader's read_bool accepts when the value is a string (YAML 1.2
// editors read `yes` as one): true, false, yes, no, in any case.
constexpr const char* kBooleanWords = "^(?:[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|[Yy][Ee][Ss]|[Nn][Oo])$";
constexpr const char* kDateForm = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

class Writer {
 public:
  explicit Writer(Language lang) : lang_(lang) {}

  std::string text(std::string_view id) const {
    Finding f;
    f.code = std::string(id);
    return render_message(f, lang_).message;
  }

  Json shape(const KeyShape& s) const {
    switch (s.type) {
      case KeyType::text: {
        Json j{{"type", {"string", "number", "boolean"}}};
        if (!s.pattern.empty()) j["pattern"] = s.pattern;
        return j;
      }
      case KeyType::number: {
        Json j{{"type", "number"}};
        if (s.min) j[s.above_min ? "exclusiveMinimum" : "minimum"] = *s.min;
        if (s.max) j["maximum"] = *s.max;
        return j;
      }
      case KeyType::count: {
        Json j{{"type", "integer"}, {"minimum", 0}};
        if (s.max) j["maximum"] = static_cast<long long>(*s.max);
        return j;
      }
      case KeyType::boolean: return Json{{"type", {"boolean", "string"}}, {"pattern", kBooleanWords}};
      case KeyType::date: return Json{{"type", "string"}, {"pattern", kDateForm}};
      case KeyType::choice: {
        Json words = Json::array();
        for (std::string_view w : s.words) words.push_back(w);
        return Json{{"enum", words}};
      }
      case KeyType::map: return map(*s.fields);
      case KeyType::list: {
        Json item = shape(s.of.front());
        Json array{{"type", "array"}, {"items", item}};
        if (s.sentences) {
          Json sentence{{"type", "object"}, {"minProperties", 1}, {"maxProperties", 1},
                        {"additionalProperties", shape(KeyShape{})}};
          array["items"] = Json{{"anyOf", {item, sentence}}};
        }
        if (s.min_items > 0) array["minItems"] = s.min_items;
        if (!s.single_ok) return array;
        return Json{{"anyOf", {array, item}}};
      }
      case KeyType::either: {
        Json any = Json::array();
        for (const KeyShape& alternative : s.of) any.push_back(shape(alternative));
        return Json{{"anyOf", any}};
      }
    }
    return Json::object();
  }

  Json map(const KeyTable& t) const {
    Json j{{"type", "object"}};
    Json properties = Json::object();
    Json required = Json::array();
    for (const KeySpec& k : t.keys) {
      Json p = shape(k.shape);
      // A key with nothing after it is null: absent to the loader, unless required.
      if (!k.required) p = nullable(std::move(p));
      else required.push_back(k.name);
      Json described{{"description", text(k.description)}};
      described.update(p);
      properties[std::string(k.name)] = std::move(described);
    }
    if (!properties.empty()) j["properties"] = std::move(properties);
    if (!required.empty()) j["required"] = std::move(required);
    if (!t.required_one_of.empty()) {
      Json one_of = Json::array();
      for (const auto& set : t.required_one_of) {
        Json names = Json::array();
        for (std::string_view n : set) names.push_back(n);
        one_of.push_back(Json{{"required", names}});
      }
      j["anyOf"] = std::move(one_of);
    }
    if (t.other_keys) {
      if (!t.other_names.empty()) {
        Json names = Json::array();
        for (const KeySpec& k : t.keys) names.push_back(k.name);
        for (std::string_view n : t.other_names) names.push_back(n);
        j["propertyNames"] = Json{{"enum", names}};
      }
      Json other{{"description", text(t.other_description)}};
      other.update(nullable(shape(*t.other_keys)));
      j["additionalProperties"] = std::move(other);
    } else {
      j["additionalProperties"] = false;
    }
    return j;
  }

  static Json nullable(Json j) {
    if (j.contains("type")) {
      Json& type = j["type"];
      if (type.is_string()) type = Json::array({type, "null"});
      else type.push_back("null");
    } else if (j.contains("enum")) {
      j["enum"].push_back(nullptr);
    } else if (j.contains("anyOf")) {
      j["anyOf"].push_back(Json{{"type", "null"}});
    } else {
      j = Json{{"anyOf", {j, Json{{"type", "null"}}}}};
    }
    return j;
  }

 private:
  Language lang_;
};

}  // namespace

std::string json_schema(const FileKind& kind, Language lang) {
  Writer w(lang);
  Json j{{"$schema", "http://json-schema.org/draft-07/schema#"},
         {"title", "casfolio " + std::string(kind.name) + ": " + std::string(kind.files)},
         {"description", w.text(kind.description)}};
  j.update(w.map(kind.table()));
  return j.dump(2, ' ', false) + "\n";
}

std::string schema_file_name(const FileKind& kind) { return std::string(kind.name) + ".schema.json"; }

}  // namespace casfolio
