// The methodology's built-in lists (../shared/sources/001: the components,
// "Бағалау домендері", the appendix's forms). The Kazakh texts are the
// source's own; Russian and English are ours.
#include "model/social_gpa.h"

#include <algorithm>

namespace casfolio {

std::vector<GpaComponent> SocialGpaScheme::default_components() {
  return {
      {"civic",
       {"Азаматтық жауапкершілік және әлеуметтік белсенділік", "Гражданская ответственность и социальная активность",
        "Civic responsibility and social activity"}},
      {"integrity",
       {"Академиялық адалдық және жеке парасаттылық", "Академическая честность и личная порядочность",
        "Academic and personal integrity"}},
      {"cooperation",
       {"Топпен өзара қарым-қатынас және ынтымақтастық", "Групповое взаимодействие и сотрудничество",
        "Group interaction and cooperation"}},
      {"leadership", {"Көшбасшылық және бастамашылдық", "Лидерство и инициативность", "Leadership and initiative"}},
      {"maturity",
       {"Эмоционалдық жетілу және мінез-құлық мәдениеті", "Эмоциональная зрелость и культура поведения",
        "Emotional maturity and behaviour"}},
      {"self-organisation",
       {"Өзін-өзі ұйымдастыру және жеке нәтижелер үшін жауапкершілік",
        "Самоорганизация и ответственность за личные результаты", "Self-organisation and responsibility"}},
      {"engagement",
       {"Білім беру ортасына жақын болу деңгейі", "Вовлечённость в школьную среду",
        "Engagement with the school environment"}},
  };
}

std::vector<GpaDomain> SocialGpaScheme::default_domains() {
  return {
      {"community",
       {"Қоғамдық және волонтерлік қызмет", "Общественная и волонтёрская деятельность", "Community and volunteer work"}},
      {"self-government",
       {"Өзін-өзі басқару және көшбасшылық", "Самоуправление и лидерство", "Self-government and leadership"}},
      {"sport-creative",
       {"Спорттық және шығармашылық белсенділік", "Спортивная и творческая активность", "Sport and creative activity"}},
      {"academic",
       {"Сабақтан тыс танымдық және академиялық белсенділік", "Внеурочная познавательная и академическая активность",
        "Extracurricular academic activity"}},
      {"supplementary",
       {"Қосымша білім беру және өзін-өзі дамыту", "Дополнительное образование и саморазвитие",
        "Supplementary education and self-development"}},
      {"teamwork",
       {"Топпен жұмыс және ұжымдық жетістіктер", "Командная работа и коллективные достижения",
        "Teamwork and collective achievements"}},
  };
}

std::vector<std::pair<std::string, std::string>> SocialGpaScheme::default_kind_domains() {
  return {{"volunteer_hours", "community"},   {"event_organised", "self-government"},
          {"committee", "self-government"},   {"competition", "sport-creative"},
          {"prize", "sport-creative"},        {"course_certificate", "supplementary"}};
}

const GpaComponent* SocialGpaScheme::component(std::string_view id) const {
  for (const GpaComponent& c : components)
    if (c.id == id) return &c;
  return nullptr;
}

const GpaDomain* SocialGpaScheme::domain(std::string_view id) const {
  for (const GpaDomain& d : domains)
    if (d.id == id) return &d;
  return nullptr;
}

std::string SocialGpaScheme::domain_of(std::string_view kind) const {
  for (const auto& [k, d] : kind_domains)
    if (k == kind) return d;
  return "";
}

std::string SocialGpaScheme::rules_version() const {
  if (!version.empty()) return version;
  if (approved && approved->date.valid()) return approved->date.iso();
  return "";
}

namespace {

GpaPeriod december(int year) {
  std::string y = std::to_string(year);
  return {y + "-12",
          {y + " жылғы желтоқсан", "Декабрь " + y, "December " + y},
          Date::from_ymd(year, 6, 1),
          Date::from_ymd(year, 12, 31),
          y + "-" + std::to_string(year + 1)};
}

GpaPeriod may(int year) {
  std::string y = std::to_string(year);
  return {y + "-05",
          {y + " жылғы мамыр", "Май " + y, "May " + y},
          Date::from_ymd(year, 1, 1),
          Date::from_ymd(year, 5, 31),
          std::to_string(year - 1) + "-" + y};
}

}  // namespace

std::vector<GpaPeriod> default_periods(Date first, Date last) {
  std::vector<GpaPeriod> out;
  if (!first.valid() || !last.valid() || last < first) return out;
  // A school year runs June to May here, so that no day falls outside a period.
  int year = first.month() >= 6 ? first.year() : first.year() - 1;
  while (int(out.size()) < kMaxDefaultPeriods) {
    GpaPeriod d = december(year), m = may(year + 1);
    if (d.from > last) break;
    if (d.to >= first) out.push_back(std::move(d));
    if (m.from > last || int(out.size()) >= kMaxDefaultPeriods) break;
    if (m.to >= first) out.push_back(std::move(m));
    ++year;
  }
  return out;
}

const std::vector<FormStatement>& observation_statements() {
  static const std::vector<FormStatement> s = {
      {"initiative",
       {"Білім алушы жобалық қызметте бастамашылдық танытады", "Проявляет инициативу в проектной деятельности",
        "Shows initiative in project work"}},
      {"teamwork",
       {"Топта жұмыс істей алады, басқа қатысушылармен келісімге келе алады",
        "Умеет работать в группе и договариваться с другими участниками",
        "Works in a group and reaches agreement with others"}},
      {"decisions",
       {"Мәселелерді шешуде өз бетінше шешім қабылдайды және ұсыныстар жасайды",
        "Самостоятельно принимает решения и вносит предложения при решении проблем",
        "Makes decisions and proposals on their own when solving problems"}},
      {"responsibility",
       {"Жүктелген іске жауапкершілікпен қарайды (тапсырмаларды уақытында әрі сапалы орындайды)",
        "Ответственно относится к порученному делу (выполняет задания вовремя и качественно)",
        "Takes responsibility for assigned work (does tasks on time and well)"}},
      {"respect",
       {"Басқа білім алушыларға және педагогтерге құрметпен қарайды",
        "Уважительно относится к другим ученикам и педагогам", "Treats other students and teachers with respect"}},
      {"leadership",
       {"Көшбасшылық қасиеттерін танытады (басқаларды ұйымдастырады, бағыт береді)",
        "Проявляет лидерские качества (организует других, задаёт направление)",
        "Shows leadership (organises others, gives direction)"}},
      {"integrity",
       {"Академиялық адалдық нормаларын сақтайды (көшірумен, плагиатпен айналыспайды)",
        "Соблюдает нормы академической честности (не списывает, не занимается плагиатом)",
        "Keeps to academic integrity (no copying, no plagiarism)"}},
  };
  return s;
}

const std::vector<FormStatement>& self_assessment_statements() {
  static const std::vector<FormStatement> s = {
      {"events",
       {"Мен биыл мектептегі іс-шараларға қатыстым", "В этом году я участвовал(а) в школьных мероприятиях",
        "This year I took part in school events"}},
      {"ideas",
       {"Мен мектеп өмірін жақсарту үшін идеялар ұсындым", "Я предлагал(а) идеи, как улучшить жизнь школы",
        "I suggested ideas to improve school life"}},
      {"helped",
       {"Мен сыныптастарыма күрделі тапсырмаларды орындауға көмектестім",
        "Я помогал(а) одноклассникам с трудными заданиями", "I helped classmates with difficult tasks"}},
      {"volunteering",
       {"Мен волонтерлік немесе әлеуметтік жобаларға қатыстым",
        "Я участвовал(а) в волонтёрских или социальных проектах", "I took part in volunteer or social projects"}},
      {"integrity",
       {"Мен мектеп ережелері мен академиялық адалдық нормаларын бұзбағанымды ашық айта аламын",
        "Я могу открыто сказать, что не нарушал(а) школьные правила и нормы академической честности",
        "I can say openly that I kept the school rules and academic integrity"}},
      {"time",
       {"Мен өз уақытымды дұрыс басқарып, тапсырмаларды уақытында орындай аламын",
        "Я умею распоряжаться своим временем и выполнять задания вовремя", "I manage my time and do tasks on time"}},
  };
  return s;
}

const std::vector<FormStatement>& parent_questions() {
  static const std::vector<FormStatement> s = {
      {"talks",
       {"Балаңыз үйде мектеп жобалары мен іс-шаралары туралы айтып отыра ма?",
        "Рассказывает ли ваш ребёнок дома о школьных проектах и мероприятиях?",
        "Does your child talk at home about school projects and events?"}},
      {"community",
       {"Ол мектептен тыс қоғамдық пайдалы істерге қатыса ма?",
        "Участвует ли он(а) в общественно полезных делах вне школы?",
        "Does your child take part in useful community work outside school?"}},
      {"home-initiative",
       {"Балаңыз үй шаруасында бастамашылдық таныта ма?", "Проявляет ли ваш ребёнок инициативу в домашних делах?",
        "Does your child show initiative at home?"}},
      {"school-helps",
       {"Мектеп балаңыздың көшбасшылық және коммуникативтік дағдыларын дамытуға көмектеседі деп есептейсіз бе?",
        "Считаете ли вы, что школа помогает развивать лидерские и коммуникативные навыки вашего ребёнка?",
        "Do you think the school helps develop your child's leadership and communication skills?"}},
  };
  return s;
}

const CommissionDecision* GpaCommission::decision(std::string_view student) const {
  auto it = std::lower_bound(decisions.begin(), decisions.end(), student,
                             [](const CommissionDecision& d, std::string_view id) { return d.student < id; });
  return it != decisions.end() && it->student == student ? &*it : nullptr;
}

}  // namespace casfolio
