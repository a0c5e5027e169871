// The incident filters as code lists for people, scripts and the settings file: which codes a
// mask leaves out, a mask from a list of codes ("SO-01,DR" — a group code stands for all its
// categories — or "all"), and the names of what is hidden. Bit positions are those of
// render::IncidentFilter; GL-free.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "render/map_options.h"

namespace secmap::ui {

enum class FilterList { Categories, Severities, Statuses };

// Codes of `list` whose bit is off in the options (the "none recorded" bit as "none").
std::vector<std::string> hidden_codes(const render::MapData& data, const render::MapOptions& o,
                                      FilterList list);
// Shows exactly the codes in `codes` (comma-separated; "all" shows everything, "none" nothing;
// "none" inside a list of severities stands for incidents without one). Throws
// std::invalid_argument naming an unknown code.
void show_only(const render::MapData& data, render::MapOptions& o, FilterList list,
               std::string_view codes);
// Hides the codes (settings restore); unknown codes are ignored, the code lists may have changed.
void hide_codes(const render::MapData& data, render::MapOptions& o, FilterList list,
                const std::vector<std::string>& codes);
// Shows every incident again: all groups, categories, severities and statuses (not the dates).
void clear_code_filters(render::MapOptions& o);

// Category bit helpers.
bool category_shown(const render::MapOptions& o, int category);
void set_category_shown(render::MapOptions& o, int category, bool on);

}  // namespace secmap::ui
