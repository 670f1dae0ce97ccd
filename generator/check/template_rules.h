// Templates must be filled (issue 15): an entry casfolio new wrote and the
// student left as it was counts for nothing. template_rules.cpp is the one
// place that knows what "still the template" means, fed by the archetypes
// compiled into casfolio (templates/archetypes/{kk,ru,en}, util/embedded.h):
// a reflection or experience whose text is only the template's questions, a
// project with an empty collaborator or a stage that is only the template's
// question (an empty stage is project-missing-stages' to judge). It is
// applied through CountedPortfolio, which it implements.
#pragma once
#include "check/counted.h"
