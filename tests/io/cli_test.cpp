// `secmap import` / `secmap export` exit codes and messages.
#include <gtest/gtest.h>

#include "io_test_util.h"

namespace secmap::io {
namespace {

using namespace secmap::io::testing;

std::string q(const std::filesystem::path& p) {
  return "'" + p.string() + "'";
}

TEST(ImportCli, ImportsReportsAndFailsCleanly) {
  const auto dir = test::scratch_dir("io_cli");
  write_file(dir / "c.geojson",
             feature_collection({square_feature("00001", "Xã Một", 104.0, 22.0),
                                 square_feature("00002", "Xã Hai", 104.1, 22.0)}));
  const std::string bin = test::secmap_binary().string();
  const auto db = dir / "cli.sqlite";
  auto ok = test::run_command(bin + " import " + q(db) + " communes " + q(dir / "c.geojson"));
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  EXPECT_NE(ok.output.find("imported 2 of 2"), std::string::npos) << ok.output;
  EXPECT_NE(ok.output.find("EPSG:4326"), std::string::npos) << ok.output;

  auto missing =
      test::run_command(bin + " import " + q(db) + " communes " + q(dir / "none.geojson"));
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_NE(missing.output.find("not found"), std::string::npos) << missing.output;

  auto dup = test::run_command(bin + " import " + q(db) + " communes " + q(dir / "c.geojson"));
  EXPECT_NE(dup.exit_code, 0);
  EXPECT_NE(dup.output.find("already exists"), std::string::npos) << dup.output;

  write_file(dir / "xy.csv",
             "case_number,x,y,category,occurred_at\nA,433817.3,2504669.393,NS-01,2024-01-01\n");
  auto nocrs = test::run_command(bin + " import " + q(db) + " incidents " + q(dir / "xy.csv"));
  EXPECT_NE(nocrs.exit_code, 0);
  EXPECT_NE(nocrs.output.find("no CRS"), std::string::npos) << nocrs.output;
  auto withcrs = test::run_command(bin + " import " + q(db) + " incidents " + q(dir / "xy.csv") +
                                   " --crs EPSG:9208 --accept-outside");
  EXPECT_EQ(withcrs.exit_code, 0) << withcrs.output;

  auto badmap = test::run_command(bin + " import " + q(db) + " communes " + q(dir / "c.geojson") +
                                  " --map nonsense");
  EXPECT_NE(badmap.exit_code, 0);

  auto exp = test::run_command(bin + " export " + q(db) + " communes " + q(dir / "out.gpkg"));
  EXPECT_EQ(exp.exit_code, 0) << exp.output;
  EXPECT_TRUE(std::filesystem::exists(dir / "out.gpkg"));
  auto badext = test::run_command(bin + " export " + q(db) + " communes " + q(dir / "out.docx"));
  EXPECT_NE(badext.exit_code, 0);
  EXPECT_NE(badext.output.find("unknown export format"), std::string::npos) << badext.output;
}

}  // namespace
}  // namespace secmap::io
