#include "render/redact.h"

#include <algorithm>
#include <vector>

namespace casfolio {

namespace {

bool in_hidden_dir(const std::string& path, const std::set<std::string>& dirs) {
  for (const std::string& d : dirs)
    if (path.size() > d.size() && path.compare(0, d.size(), d) == 0 && path[d.size()] == '/') return true;
  return false;
}

void drop_hidden(std::vector<std::string>& paths, const std::set<std::string>& dirs) {
  std::erase_if(paths, [&](const std::string& p) { return in_hidden_dir(p, dirs); });
}

}  // namespace

PublicPortfolio redact_for_public(const Portfolio& source) {
  PublicPortfolio out;
  Portfolio& p = out.portfolio;
  p.id = source.id;
  p.root = source.root;
  p.usable = source.usable;
  // A `private:` that was not understood hides everything (the site leaves
  // such a student out; this copy keeps nothing to leak should it not).
  if (!source.publishable()) {
    p.usable = false;
    p.profile.private_understood = false;
    p.profile.name = source.id;
    p.profile.language = source.profile.language;
    out.hide_plan = true;
    return out;
  }
  p.plan = source.plan;
  p.plan_file = source.plan_file;

  // The profile: never candidate or e-mail; the keys the student lists.
  const Profile& from = source.profile;
  Profile& to = p.profile;
  auto is_private = [&](std::string_view key) {
    return std::find(from.private_keys.begin(), from.private_keys.end(), key) != from.private_keys.end();
  };
  to.name = is_private("name") ? source.id : from.name;
  to.language = from.language;
  to.language_given = from.language_given;
  if (!is_private("grade")) to.grade = from.grade;
  if (!is_private("class")) to.class_name = from.class_name;
  if (!is_private("advisor")) to.advisor = from.advisor;
  if (!is_private("started")) to.started = from.started;
  if (!is_private("interests")) to.interests = from.interests;
  if (!is_private("strengths")) to.strengths = from.strengths;
  if (!is_private("growth")) to.growth = from.growth;
  if (!is_private("goals")) to.goals = from.goals;
  out.hide_plan = is_private("plan");
  if (out.hide_plan) {
    p.plan.reset();
    p.plan_file.clear();
  }

  // Experiences: private ones go, with their reflections and their folder.
  std::vector<int> new_index(source.experiences.size(), -1);
  for (size_t i = 0; i < source.experiences.size(); ++i) {
    const Experience& e = source.experiences[i];
    if (e.is_private || is_private(e.id)) {
      out.hidden_dirs.insert(e.dir);
      continue;
    }
    new_index[i] = int(p.experiences.size());
    Experience copy = e;
    copy.supervisor.email.clear();
    copy.supervisor.phone.clear();
    copy.reflections.clear();
    p.experiences.push_back(std::move(copy));
  }
  for (const Reflection& r : source.reflections) {
    if (r.experience >= 0 && (size_t(r.experience) >= new_index.size() || new_index[size_t(r.experience)] < 0)) continue;
    Reflection copy = r;
    if (r.experience >= 0) copy.experience = new_index[size_t(r.experience)];
    drop_hidden(copy.evidence, out.hidden_dirs);
    if (copy.experience >= 0) p.experiences[size_t(copy.experience)].reflections.push_back(int(p.reflections.size()));
    p.reflections.push_back(std::move(copy));
  }
  for (Experience& e : p.experiences) {
    drop_hidden(e.evidence, out.hidden_dirs);
    for (Achievement& a : e.achievements)
      if (in_hidden_dir(a.evidence, out.hidden_dirs)) a.evidence.clear();
  }
  // Interviews are staff meetings: not on a public page. Nor is anything
  // from the staff folder: p.staff stays empty (fail closed: a record kind
  // added later is not copied either).
  // The social GPA self-assessment is the student's answer to their school,
  // never public (docs/social-gpa.md, "Privacy"); self_assessments stay empty.
  out.hidden_dirs.insert(std::string(kSelfAssessmentFolder));
  p.files = source.files;
  drop_hidden(p.files, out.hidden_dirs);
  return out;
}

}  // namespace casfolio
