// Builders for the key tables' shapes (load/key_tables.h): what both table
// files write their tables with. Internal to key_tables*.cpp.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "load/key_tables.h"

namespace casfolio::shapes {

KeyTable keys(std::vector<KeySpec> specs);
// A map of any keys (or of `names`, when given) whose values have the shape `values`.
KeyTable any_keys(KeyShape values, std::vector<std::string_view> names, std::string_view description);
KeySpec key(std::string_view name, KeyShape shape, bool required, std::string_view description);

KeyShape text(std::string_view pattern = {});
KeyShape number(std::optional<double> min, std::optional<double> max);
KeyShape amount(double max);           // 0 to max (read_amount)
KeyShape positive_amount(double max);  // more than 0, up to max (not-positive)
KeyShape count(std::optional<double> max = {});
KeyShape boolean();
KeyShape date();
KeyShape choice(std::vector<std::string_view> words);
KeyShape map(const KeyTable& fields);
KeyShape list(KeyShape item, int min_items = 0);  // one item alone counts as a list of one
KeyShape strict_list(KeyShape item);              // must be written as a list
KeyShape either(std::vector<KeyShape> alternatives);

std::vector<std::string_view> strand_words();
std::vector<std::string_view> stage_words();
KeyShape strands(int min_items = 0);
KeyShape outcomes(int min_items = 0);
KeyShape texts();
KeyShape evidence();
KeyShape localized();  // a text, or {kk, ru, en}

}  // namespace casfolio::shapes
