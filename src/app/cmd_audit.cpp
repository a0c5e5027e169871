// secmap audit DB verify [--data] [--receipt F] | receipt | log [--since DATE] [--table T] [--id
// N]: the hash-chained audit trail.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/cli_parse.h"
#include "app/commands.h"

#include "edit/audit.h"
#include "edit/audit_receipt.h"
#include "edit/data_check.h"
#include "files/atomic_output.h"
#include "model/sensitivity.h"
#include "store/code_lists.h"
#include "store/database.h"

namespace secmap::app {

int cmd_audit(const Args& args) {
  CLI::App app{"Check or list the audit trail (who changed which record, when, before/after)",
               "secmap audit"};
  app.require_subcommand(1);
  std::string db_path;
  app.add_option("DB", db_path, "database file")->required();
  auto* verify = app.add_subcommand("verify", "check the hash chain; names the first broken row");
  auto* receipt = app.add_subcommand(
      "receipt",
      "print the trail's head (last row and hash) to file or print outside the database");
  std::string receipt_out, receipt_in;
  receipt->add_option("--out", receipt_out, "write the receipt to this file instead");
  bool check_data = false;
  verify->add_option("--receipt", receipt_in,
                     "also check against a receipt from `secmap audit DB receipt`: rows cut from "
                     "the end, an emptied trail or a rewritten chain are found");
  verify->add_flag("--data", check_data,
                   "also check that every row of the editable tables is what its last audit row "
                   "says (rows changed, added or deleted by another program are listed)");
  auto* log = app.add_subcommand("log", "list changes, oldest first");
  std::string since, table;
  int64_t id = 0;
  bool json = false;
  log->add_option("--since", since, "only changes at or after DATE (YYYY-MM-DD[THH:MM:SS])")
      ->check(calendar_day_or_time());
  log->add_option("--table", table, "only changes of this table");
  log->add_option("--id", id, "only changes of this record id (with --table)");
  log->add_flag("--json", json, "one JSON object per line instead of a table");
  bool include_sensitive = false;
  log->add_flag("--include-sensitive", include_sensitive,
                "show the records of sensitive rows (incidents, patrols, openings, trails, "
                "flagged records) too; otherwise only who changed them when");
  if (auto rc = parse_or_exit(app, args)) return *rc;
  auto db = store::Database::open(db_path, store::Database::Mode::OpenExisting);
  if (receipt->parsed()) {
    const std::string text = edit::format_receipt(
        edit::audit_head(db), std::filesystem::path(db_path).filename().string());
    if (receipt_out.empty()) {
      std::fputs(text.c_str(), stdout);
    } else {
      files::write_file(receipt_out, text);
      std::printf("wrote the audit receipt of %s to %s\n", db_path.c_str(), receipt_out.c_str());
    }
    return 0;
  }
  if (verify->parsed()) {
    const edit::AuditVerify v = edit::verify_audit(db);
    if (!v.ok) {
      std::fprintf(stderr, "secmap audit: %s: audit_log row %lld is broken: %s\n", db_path.c_str(),
                   static_cast<long long>(*v.first_bad_id), v.reason.c_str());
      return 3;
    }
    if (!receipt_in.empty()) {
      std::ifstream in(receipt_in, std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      const auto head = in ? edit::parse_receipt(text.str()) : std::nullopt;
      if (!head) {
        std::fprintf(stderr, "secmap audit: %s is not an audit receipt\n", receipt_in.c_str());
        return 2;
      }
      const edit::ReceiptCheck c = edit::check_receipt(db, *head);
      if (!c.ok) {
        std::fprintf(stderr, "secmap audit: %s: the trail does not hold receipt %s: %s\n",
                     db_path.c_str(), receipt_in.c_str(), c.reason.c_str());
        return 3;
      }
    }
    std::printf("audit trail of %s: %lld rows, chain intact%s\n", db_path.c_str(),
                static_cast<long long>(v.rows),
                receipt_in.empty() ? "" : ", the receipt's row unchanged");
    if (!check_data) return 0;
    const edit::DataCheck d = edit::verify_data(db);
    if (d.demo_rows)
      std::printf("  %zu demo rows (is_demo = 1, written by secmap demo) carry no audit row\n",
                  d.demo_rows);
    if (d.ok()) {
      std::printf("data: %zu rows, each as its last audit row says\n", d.rows_checked);
      return 0;
    }
    constexpr size_t kShown = 50;
    std::fprintf(stderr,
                 "secmap audit: %s: %zu of %zu rows differ from the audit trail (changed outside "
                 "secmap):\n",
                 db_path.c_str(), d.differences.size(), d.rows_checked);
    for (size_t i = 0; i < d.differences.size() && i < kShown; ++i)
      std::fprintf(stderr, "  %s\n", edit::describe(d.differences[i]).c_str());
    if (d.differences.size() > kShown)
      std::fprintf(stderr, "  … and %zu more\n", d.differences.size() - kShown);
    return 3;
  }
  edit::AuditFilter f;
  if (!since.empty()) f.since = since;
  if (!table.empty()) f.table = table;
  if (log->count("--id")) f.row_id = id;
  auto rows = edit::audit_log(db, f);
  const store::CodeLists codes = store::CodeLists::load(db);
  const model::SensitivityRule sensitive(codes);
  // A record's JSON as the trail keeps it, judged by the same rule as the live row.
  auto is_sensitive = [&](const std::string& of_table, const std::optional<std::string>& j) {
    if (!j) return false;
    const nlohmann::json v = nlohmann::json::parse(*j, nullptr, false);
    if (!v.is_object()) return false;
    const auto flag = v.find("sensitive"), kind = v.find("kind");
    return sensitive(of_table, flag != v.end() && flag->is_number() && flag->get<double>() != 0,
                     kind != v.end() && kind->is_string() ? kind->get<std::string>() : "");
  };
  size_t withheld = 0;
  for (edit::AuditRecord& r : rows)
    if (!include_sensitive &&
        (is_sensitive(r.table_name, r.before_json) || is_sensitive(r.table_name, r.after_json))) {
      const std::string hidden = "\"sensitive: --include-sensitive\"";
      if (r.before_json) r.before_json = hidden;
      if (r.after_json) r.after_json = hidden;
      ++withheld;
    }
  for (const edit::AuditRecord& r : rows) {
    const std::string row = r.row_id ? std::to_string(*r.row_id) : "-";
    if (json) {
      std::printf(
          "{\"id\":%lld,\"at\":\"%s\",\"who\":\"%s\",\"action\":\"%s\",\"table\":\"%s\","
          "\"row_id\":%s,\"before\":%s,\"after\":%s}\n",
          static_cast<long long>(r.id), r.at.c_str(), r.who.c_str(), r.action.c_str(),
          r.table_name.c_str(), r.row_id ? row.c_str() : "null",
          r.before_json ? r.before_json->c_str() : "null",
          r.after_json ? r.after_json->c_str() : "null");
    } else {
      std::printf("%6lld  %s  %-12s %-7s %s #%s\n", static_cast<long long>(r.id), r.at.c_str(),
                  r.who.c_str(), r.action.c_str(), r.table_name.c_str(), row.c_str());
      if (r.before_json) std::printf("        before: %s\n", r.before_json->c_str());
      if (r.after_json) std::printf("        after:  %s\n", r.after_json->c_str());
    }
  }
  if (!json) {
    std::printf("%zu change(s)", rows.size());
    if (withheld)
      std::printf("; the records of %zu sensitive change(s) withheld (--include-sensitive)",
                  withheld);
    std::printf("\n");
  }
  return 0;
}

}  // namespace secmap::app
