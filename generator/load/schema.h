// JSON Schemas (draft-07) of the files casfolio reads, made from the key
// tables the loader checks keys against (load/key_tables.h): `casfolio
// schema` prints them for editors (docs/editor.md). The schema is as
// lenient as the loader about how a value is written (`grade: 11`, a single
// strand without brackets, `yes`) and as strict about which keys exist.
#pragma once
#include <string>

#include "load/key_tables.h"
#include "util/language.h"

namespace casfolio {

// The schema of `kind` with its descriptions in `lang`, as indented JSON
// ending in a newline: the same bytes for the same casfolio.
std::string json_schema(const FileKind& kind, Language lang);

// "<kind>.schema.json": the name `casfolio schema --out` gives it.
std::string schema_file_name(const FileKind& kind);

}  // namespace casfolio
