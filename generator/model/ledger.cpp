#include "model/ledger.h"

namespace casfolio {

void Ledger::add(LedgerEntry e) {
  FileHistory& h = students[e.student][e.path];
  // '\n' cannot occur in an id, a path or a blob id: the key is unambiguous.
  const bool known_blob = !seen_.insert(e.student + '\n' + e.path + '\n' + e.blob).second;
  if (h.versions == 0) {
    h.first_seen = h.last_changed = e.first_seen;
    h.versions = 1;
  } else if (!known_blob) {
    h.last_changed = e.first_seen;
    ++h.versions;
  }
  entries.push_back(std::move(e));
}

const StudentHistory* Ledger::student(std::string_view id) const {
  auto it = students.find(id);
  return it == students.end() ? nullptr : &it->second;
}

const FileHistory* Ledger::file(std::string_view student_id, std::string_view path) const {
  const StudentHistory* s = student(student_id);
  if (!s) return nullptr;
  auto it = s->find(path);
  return it == s->end() ? nullptr : &it->second;
}

}  // namespace casfolio
