// Every string the map window shows, in one catalogue: Vietnamese (the default) and English.
// Panels never hold literal UI text; they ask tr(S::…, lang). Strings are NFC UTF-8.
#pragma once
#include <string_view>

#include "render/map_data.h"

namespace secmap::ui {

using render::Lang;

enum class S {
  AppTitle,
  // menus
  MenuFile,
  MenuOpen,
  MenuQuit,
  MenuView,
  MenuPanels,
  FitProvince,
  FitSelection,
  LargeText,
  Language,
  LangVietnamese,
  LangEnglish,
  // panels
  PanelLayers,
  PanelIdentify,
  PanelSearch,
  PanelTime,
  // layers
  LayerCommunes,
  LayerBorder,
  LayerCrossings,
  LayerFacilities,
  LayerIncidents,
  Opacity,
  ShowLegend,
  ColourBy,
  StyleDrugFree,
  StyleAntt,
  StyleIncidents,
  // identify
  IdentifyHint,
  Commune,
  Crossing,
  Facility,
  Code,
  Name,
  OtherName,
  Kind,
  Province,
  Population,
  AreaKm2,
  BorderCommune,
  Yes,
  No,
  ValidFrom,
  StatusHistory,
  PeriodFrom,
  PeriodTo,
  DrugFree,
  Antt,
  Movement,
  IncidentsInFilter,
  Status,
  Counterpart,
  Country,
  Notes,
  Sensitive,
  // search
  SearchHint,
  NothingFound,
  Results,
  // time and filters
  DateFrom,
  DateTo,
  Presets,
  AllDates,
  SameWindowLastYear,
  ThisMonth,
  ThisYear,
  Campaigns,
  IncidentGroups,
  AllGroups,
  NoGroups,
  IncidentsShown,
  // status bar, dialogs, errors
  Scale,
  DatabasePath,
  Open,
  Cancel,
  NoDatabase,
  NoDatabaseHelp,
  CannotOpenDatabase,
  CannotOpenHelp,
  Dismiss,
  Count_  // number of strings (keep last)
};

// The string in the interface language; never null, never empty.
const char* tr(S id, Lang lang);
// "vi" / "en" and back (nullopt-free: unknown names give Vietnamese).
std::string_view lang_code(Lang lang);
Lang parse_lang(std::string_view code);

}  // namespace secmap::ui
