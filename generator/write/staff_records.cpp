#include "write/staff_records.h"

#include <fcntl.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <random>

#include "util/normalised_text.h"

namespace fs = std::filesystem;

namespace casfolio {

namespace {

// One `key: value` line; `value` already YAML.
std::string line(std::string_view key, std::string_view value) {
  std::string out(key);
  out += ": ";
  out += value;
  out += '\n';
  return out;
}

// Outcome ids ("1", "1.2", "LO-a") plain, as people write them (`[1, 3]`);
// anything with another character quoted, so no id can break the list.
std::string outcome_list(const std::vector<std::string>& ids) {
  auto plain = [](const std::string& id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](unsigned char c) {
      return std::isalnum(c) || c == '.' || c == '_' || c == '-';
    }) && id[0] != '-';
  };
  std::string out = "[";
  for (size_t i = 0; i < ids.size(); ++i) out += (i ? ", " : "") + (plain(ids[i]) ? ids[i] : yaml_double_quoted(ids[i]));
  return out + "]";
}

std::string staff_path(const std::string& student, std::string_view folder, const std::string& file) {
  return student + "/" + std::string(folder) + "/" + file;
}

bool write_all(int fd, const std::string& text) {
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += size_t(n);
  }
  return true;
}

}  // namespace

std::string yaml_double_quoted(const std::string& s) {
  YAML::Emitter e;
  e << YAML::DoubleQuoted << s;
  return e.c_str();
}

std::string hours_text(double hours) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, hours);
  return std::string(buf, r.ptr);
}

StaffRecordFile confirmation_record(const ConfirmationInput& in) {
  std::string t = line("by", yaml_double_quoted(in.by));
  if (!in.role.empty()) t += line("role", yaml_double_quoted(in.role));
  t += line("date", in.date.iso());
  t += line("source", in.source);
  t += line("hours", hours_text(in.hours));
  if (!in.outcomes.empty()) t += line("outcomes", outcome_list(in.outcomes));
  t += line("completed", in.completed ? "true" : "false");
  if (!in.comment.empty()) t += line("comment", yaml_double_quoted(in.comment));
  return {staff_path(in.student, "confirmations", in.experience + ".yaml"), t};
}

StaffRecordFile approval_record(const ApprovalInput& in) {
  auto record = [&](bool blocks) {
    std::string t = line("what", name(in.what));
    t += line("by", yaml_double_quoted(in.by));
    t += line("date", in.date.iso());
    t += "files:\n";
    for (const ApprovalInput::File& f : in.files) {
      t += "  - " + line("path", yaml_double_quoted(f.path));
      t += "    " + line("sha256", f.sha256);
      if (blocks && !f.text.empty()) {
        // "|2": the block's lines are two spaces deeper than `text:`, so a
        // first line that starts with spaces still reads back as it is.
        t += "    text: |2\n";
        size_t start = 0;
        while (start < f.text.size()) {
          size_t end = f.text.find('\n', start);
          std::string_view l(f.text.data() + start, end - start);
          if (!l.empty()) t += "      " + std::string(l);
          t += '\n';
          start = end + 1;
        }
      } else {
        t += "    " + line("text", yaml_double_quoted(f.text));
      }
    }
    if (!in.comment.empty()) t += line("comment", yaml_double_quoted(in.comment));
    return t;
  };
  // A block is easier to read, but YAML takes only printable characters in
  // one: keep it only when it has no others and reads back as exactly the
  // approved text.
  bool printable = std::all_of(in.files.begin(), in.files.end(), [](const ApprovalInput::File& f) {
    return std::none_of(f.text.begin(), f.text.end(), [](char c) {
      return (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') || c == 0x7f;
    });
  });
  std::string t = record(printable);
  bool same = printable;
  try {
    YAML::Node files = YAML::Load(t)["files"];
    same = same && files.size() == in.files.size();
    for (size_t i = 0; same && i < in.files.size(); ++i)
      same = (in.files[i].text.empty() ? std::string() : files[i]["text"].as<std::string>()) == in.files[i].text;
  } catch (const YAML::Exception&) {
    same = false;
  }
  if (!same) t = record(false);
  return {staff_path(in.student, "approvals", in.subject + ".yaml"), t};
}

StaffRecordFile feedback_record(const FeedbackInput& in, int n) {
  std::string t = "---\n";
  t += line("by", yaml_double_quoted(in.by));
  if (!in.role.empty()) t += line("role", yaml_double_quoted(in.role));
  t += line("date", in.date.iso());
  t += line("on", yaml_double_quoted(in.on));
  t += line("staff_only", in.staff_only ? "true" : "false");
  t += "---\n\n";
  t += normalised_text(in.text);
  return {staff_path(in.student, "feedback", in.date.iso() + "-" + std::to_string(n) + ".md"), t};
}

RecordWrite write_new_record(const std::string& staff_dir, const StaffRecordFile& record) {
  RecordWrite w;
  fs::path file = fs::path(staff_dir) / record.path;
  w.file = file.string();
  std::error_code ec;
  if (fs::exists(fs::symlink_status(file, ec))) {
    w.status = RecordWrite::exists;
    return w;
  }
  fs::create_directories(file.parent_path(), ec);
  if (ec) {
    w.reason = ec.message();
    return w;
  }
  // A leading '.' keeps the loader from ever reading the temporary file.
  std::random_device rd;
  fs::path temp = file.parent_path() / ("." + file.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(rd()));
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    w.reason = std::strerror(errno);
    return w;
  }
  bool ok = write_all(fd, record.text) && ::fsync(fd) == 0;
  int write_errno = errno;
  ok = ::close(fd) == 0 && ok;
  if (!ok) {
    fs::remove(temp, ec);
    w.reason = std::strerror(write_errno ? write_errno : EIO);
    return w;
  }
  // link() publishes the whole file at once and fails if the name is taken.
  if (::link(temp.c_str(), file.c_str()) != 0) {
    int link_errno = errno;
    fs::remove(temp, ec);
    if (link_errno == EEXIST) {
      w.status = RecordWrite::exists;
    } else {
      w.reason = std::strerror(link_errno);
    }
    return w;
  }
  fs::remove(temp, ec);
  w.status = RecordWrite::written;
  return w;
}

}  // namespace casfolio
