// Test fixtures: spreadsheets laid out as offices make them (title lines, a header lower down,
// numbers and dates as real cells), written as a minimal Office Open XML package through GDAL's
// /vsizip/ writer, and as ODS by GDAL's own converter from that XLSX.
#pragma once
#include <cpl_vsi.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "io/gdal_source.h"

namespace secmap::io::testing {

// A cell: text, a number, or a date-styled number (an Excel serial day count, e.g. 45660.5).
struct ExcelDate {
  double serial;
};
using Cell = std::variant<std::monostate, std::string, double, ExcelDate>;
using Sheet = std::vector<std::vector<Cell>>;

inline std::string xml_escaped(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"')
      out += "&quot;";
    else
      out += c;
  }
  return out;
}

inline void write_zip_entry(const std::filesystem::path& zip, const std::string& name,
                            const std::string& content) {
  const std::string path = "/vsizip/" + zip.string() + "/" + name;
  VSILFILE* f = VSIFOpenL(path.c_str(), "wb");
  if (!f) throw std::runtime_error("cannot write " + path);
  VSIFWriteL(content.data(), 1, content.size(), f);
  VSIFCloseL(f);
}

inline std::string cell_ref(size_t col, size_t row) {
  std::string letters;
  for (size_t n = col + 1; n > 0; n = (n - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  return letters + std::to_string(row + 1);
}

// Sheets in order, each (name, rows).
inline void write_xlsx(const std::filesystem::path& file,
                       const std::vector<std::pair<std::string, Sheet>>& sheets) {
  ensure_gdal_registered();
  std::filesystem::remove(file);
  std::string types =
      R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
      R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
      R"(<Default Extension="xml" ContentType="application/xml"/>)"
      R"(<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>)"
      R"(<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>)";
  std::string workbook =
      R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
      R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)";
  std::string rels =
      R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)";
  for (size_t s = 0; s < sheets.size(); ++s) {
    const std::string n = std::to_string(s + 1);
    types +=
        R"(<Override PartName="/xl/worksheets/sheet)" + n +
        R"(.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>)";
    workbook += R"(<sheet name=")" + xml_escaped(sheets[s].first) + R"(" sheetId=")" + n +
                R"(" r:id="rId)" + n + R"("/>)";
    rels +=
        R"(<Relationship Id="rId)" + n +
        R"(" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet)" +
        n + R"(.xml"/>)";
    std::string xml =
        R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)";
    const Sheet& rows = sheets[s].second;
    for (size_t r = 0; r < rows.size(); ++r) {
      xml += R"(<row r=")" + std::to_string(r + 1) + R"(">)";
      for (size_t c = 0; c < rows[r].size(); ++c) {
        const Cell& cell = rows[r][c];
        const std::string ref = cell_ref(c, r);
        char num[64];
        if (const auto* t = std::get_if<std::string>(&cell)) {
          xml +=
              R"(<c r=")" + ref + R"(" t="inlineStr"><is><t>)" + xml_escaped(*t) + "</t></is></c>";
        } else if (const auto* d = std::get_if<double>(&cell)) {
          std::snprintf(num, sizeof num, "%.10g", *d);
          xml += R"(<c r=")" + ref + R"("><v>)" + num + "</v></c>";
        } else if (const auto* e = std::get_if<ExcelDate>(&cell)) {
          std::snprintf(num, sizeof num, "%.10g", e->serial);
          // Style 1 is a date format, 2 a date and time (styles.xml below).
          xml += R"(<c r=")" + ref + R"(" s=")" +
                 (e->serial == static_cast<long>(e->serial) ? "1" : "2") + R"("><v>)" + num +
                 "</v></c>";
        }
      }
      xml += "</row>";
    }
    xml += "</sheetData></worksheet>";
    write_zip_entry(file, "xl/worksheets/sheet" + n + ".xml", xml);
  }
  types += "</Types>";
  workbook += "</sheets></workbook>";
  rels += "</Relationships>";
  write_zip_entry(file, "[Content_Types].xml", types);
  write_zip_entry(
      file, "_rels/.rels",
      R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)");
  write_zip_entry(file, "xl/workbook.xml", workbook);
  write_zip_entry(file, "xl/_rels/workbook.xml.rels", rels);
  write_zip_entry(
      file, "xl/styles.xml",
      R"(<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
      R"(<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/></numFmts>)"
      R"(<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>)");
}

// The same sheets as an OpenDocument spreadsheet: content.xml with typed cells (a date cell
// carries its ISO value, as LibreOffice writes it).
inline void write_ods(const std::filesystem::path& file,
                      const std::vector<std::pair<std::string, Sheet>>& sheets) {
  ensure_gdal_registered();
  std::filesystem::remove(file);
  write_zip_entry(file, "mimetype", "application/vnd.oasis.opendocument.spreadsheet");
  write_zip_entry(
      file, "META-INF/manifest.xml",
      R"(<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">)"
      R"(<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>)"
      R"(<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>)");
  std::string xml =
      R"(<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" )"
      R"(xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" )"
      R"(office:version="1.2"><office:body><office:spreadsheet>)";
  for (const auto& [name, rows] : sheets) {
    xml += R"(<table:table table:name=")" + xml_escaped(name) + R"(">)";
    for (const auto& row : rows) {
      xml += "<table:table-row>";
      for (const Cell& cell : row) {
        char num[64];
        if (const auto* t = std::get_if<std::string>(&cell)) {
          xml += R"(<table:table-cell office:value-type="string"><text:p>)" + xml_escaped(*t) +
                 "</text:p></table:table-cell>";
        } else if (const auto* d = std::get_if<double>(&cell)) {
          std::snprintf(num, sizeof num, "%.10g", *d);
          xml += R"(<table:table-cell office:value-type="float" office:value=")" +
                 std::string(num) + R"("><text:p>)" + num + "</text:p></table:table-cell>";
        } else if (const auto* e = std::get_if<ExcelDate>(&cell)) {
          // Serial day 25569 is 1970-01-01.
          const double unix_days = e->serial - 25569;
          const auto days = static_cast<long>(unix_days);
          const auto secs = static_cast<long>((unix_days - days) * 86400 + 0.5);
          const std::time_t when = days * 86400 + secs;
          std::tm tm{};
          gmtime_r(&when, &tm);
          std::strftime(num, sizeof num, secs ? "%Y-%m-%dT%H:%M:%S" : "%Y-%m-%d", &tm);
          xml += R"(<table:table-cell office:value-type="date" office:date-value=")" +
                 std::string(num) + R"("><text:p>)" + num + "</text:p></table:table-cell>";
        } else {
          xml += "<table:table-cell/>";
        }
      }
      xml += "</table:table-row>";
    }
    xml += "</table:table>";
  }
  xml += "</office:spreadsheet></office:body></office:document-content>";
  write_zip_entry(file, "content.xml", xml);
}

}  // namespace secmap::io::testing
