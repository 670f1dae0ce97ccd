#include "model/framework.h"

#include "model/cohort.h"  // localized_args
#include "util/text.h"

namespace casfolio {

const std::string& LocalizedText::get(Language l) const {
  const std::string& mine = l == Language::kk ? kk : l == Language::ru ? ru : en;
  if (!mine.empty()) return mine;
  if (!en.empty()) return en;
  return !ru.empty() ? ru : kk;
}

const std::string& LocalizedText::get(Language l, Language fallback) const {
  const std::string& mine = l == Language::kk ? kk : l == Language::ru ? ru : en;
  return mine.empty() ? get(fallback) : mine;
}

Args localized_args(const std::string& key, const LocalizedText& text, Language fallback) {
  Args args{{key, text.get(fallback)}};
  for (Language l : kAllLanguages) {  // only where a language says something else (a plain name needs none)
    const std::string& own = text.get(l, fallback);
    if (own != args[0].second) args.emplace_back(key + "." + std::string(code(l)), own);
  }
  return args;
}

const Outcome* Framework::find(std::string_view outcome_id) const {
  for (const Outcome& o : outcomes)
    if (o.id == outcome_id) return &o;
  return nullptr;
}

namespace {

Framework make_ib_cas() {
  Framework f;
  f.id = "ib-cas";
  f.name = {"IB CAS оқу нәтижелері", "Результаты обучения CAS (IB)", "IB CAS learning outcomes"};
  auto add = [&](std::string id, LocalizedText name, LocalizedText description) {
    f.outcomes.push_back(Outcome{std::move(id), std::move(name), std::move(description), {}});
  };
  add("1",
      {"Өз күшті жақтарын анықтау және дамыту қажет тұстарды өсіру",
       "Определять свои сильные стороны и развивать области роста",
       "Identify own strengths and develop areas for growth"},
      {"Оқушылар өздерін түрлі қабілеттері мен дағдылары бар тұлға ретінде көре алады, олардың кейбіреулері "
       "басқаларына қарағанда жақсырақ дамыған.",
       "Ученик видит себя человеком с разными способностями и навыками, одни из которых развиты лучше других.",
       "Students see themselves as individuals with various abilities and skills, some more developed than "
       "others."});
  add("2",
      {"Сынақтардан өткенін және сол процесте жаңа дағдыларды дамытқанын көрсету",
       "Показать, что приняты вызовы и в процессе развиты новые навыки",
       "Demonstrate that challenges have been undertaken, developing new skills in the process"},
      {"Жаңа сынақ бейтаныс тәжірибе немесе бұрыннан бар дағдыны кеңейту болуы мүмкін.",
       "Вызов — это незнакомый опыт или развитие уже имеющегося навыка.",
       "A new challenge may be an unfamiliar experience or an extension of an existing one."});
  add("3",
      {"CAS тәжірибесін қалай бастауды және жоспарлауды білетінін көрсету",
       "Показать, как инициировать и планировать опыт CAS",
       "Demonstrate how to initiate and plan a CAS experience"},
      {"Оқушылар жеке немесе бірлескен CAS тәжірибесі үшін идеядан жоспарды іске асыруға дейінгі кезеңдерді нақты "
       "айта алады.",
       "Ученик может описать шаги от идеи до выполнения плана личного или совместного опыта CAS.",
       "Students can articulate the stages from conceiving an idea to executing a plan for a CAS experience."});
  add("4",
      {"CAS тәжірибелеріне адалдық пен табандылық таныту",
       "Проявлять приверженность и настойчивость в опыте CAS",
       "Show commitment to and perseverance in CAS experiences"},
      {"Оқушылар CAS іс-шараларына тұрақты қатысуды және белсенді атсалысуды көрсетеді.",
       "Ученик регулярно участвует и активно вовлечён в CAS.",
       "Students demonstrate regular involvement and active engagement in CAS."});
  add("5",
      {"Бірлесе жұмыс істеу дағдыларын көрсету және оның пайдасын сезіну",
       "Показать навыки совместной работы и понимать её пользу",
       "Demonstrate the skills and recognise the benefits of working collaboratively"},
      {"Оқушылар CAS тәжірибесі арқылы алған ынтымақтастықтың артықшылықтары мен қиындықтарын анықтай алады.",
       "Ученик видит и обсуждает пользу и трудности сотрудничества, пережитые в CAS.",
       "Students identify, demonstrate and critically discuss the benefits and challenges of collaboration."});
  add("6",
      {"Жаһандық маңызы бар мәселелерге белсенді қатысу",
       "Проявлять вовлечённость в проблемы глобального значения",
       "Demonstrate engagement with issues of global significance"},
      {"Оқушылар жаһандық мәселелерді түсінетінін көрсетеді, жауапты шешімдер қабылдайды және тиісті іс-әрекеттер "
       "жасайды.",
       "Ученик понимает глобальные проблемы, принимает ответственные решения и действует на местном, национальном "
       "или международном уровне.",
       "Students show understanding of global issues, make responsible decisions and take appropriate action."});
  add("7",
      {"Таңдаулар мен іс-әрекеттердің этикалық жағын ескеру",
       "Осознавать и учитывать этическую сторону выбора и действий",
       "Recognise and consider the ethics of choices and actions"},
      {"Оқушылар CAS тәжірибелерін жоспарлау және іске асыру кезіндегі таңдаулары мен іс-әрекеттерінің "
       "салдарларын түсінетінін көрсетеді.",
       "Ученик понимает последствия своих решений и действий при планировании и проведении опыта CAS.",
       "Students show awareness of the consequences of choices and actions in planning and carrying out CAS "
       "experiences."});
  return f;
}

}  // namespace

const Framework& ib_cas_framework() {
  static const Framework f = make_ib_cas();
  return f;
}

std::optional<OutcomeRef> parse_outcome_ref(std::string_view text, const Framework& framework) {
  std::string id(trim(text));
  if (starts_with_ci_ascii(id, "lo")) id = std::string(trim(std::string_view(id).substr(2)));
  for (const Outcome& o : framework.outcomes) {
    if (o.id == id) return OutcomeRef{o.id, ""};
    for (const Indicator& i : o.indicators)
      if (i.id == id) return OutcomeRef{o.id, i.id};
  }
  return std::nullopt;
}

}  // namespace casfolio
