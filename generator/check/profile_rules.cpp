// The profile in portfolio.yaml (issue 15): a key the student was given to fill
// in (`casfolio new portfolio` writes `advisor: ""` and `class: ""`) and left
// empty is said out loud, so that a new portfolio is not silently on-track.
// A key left out is not reported: both are optional in the format.
#include "check/codes.h"
#include "check/context.h"
#include "util/text.h"

namespace casfolio::check {

void check_profile(Context& ctx) {
  const Profile& profile = ctx.p.profile;
  struct Field {
    std::string_view key;
    const std::string& value;
  };
  for (const Field& f : {Field{"advisor", profile.advisor}, Field{"class", profile.class_name}}) {
    if (!profile.keys.keys.contains(f.key) || !trim(f.value).empty()) continue;
    Args args{{"key", std::string(f.key)}};
    add_localized(args, "field", "profile-" + std::string(f.key));
    ctx.add(codes::kProfileFieldEmpty, key_location("portfolio.yaml", profile.keys, f.key), std::move(args));
  }
}

}  // namespace casfolio::check
