#include "demo/demo_slides.h"

namespace secmap::demo {
namespace {

struct DemoSlide {
  const char* title;
  const char* subtitle;
  const char* note;
  const char* view_json;  // the briefing::SlideView JSON keys
  bool is_public;
};

// Windows follow the demo campaigns (calendar.cpp): Tết Ất Tỵ 2025 15/12/2024 – 14/02/2025.
constexpr DemoSlide kSlides[] = {
    {"Tổng quan: xã, phường không ma túy", "Toàn tỉnh, năm 2025",
     "Mở đầu buổi giao ban: tình trạng không ma túy của từng xã.",
     R"({"layers":["communes","border","crossings","facilities"],"style":"drugfree","date_from":"2025-01-01","date_to":"2025-12-31","public":false})",
     false},
    {"Số vụ việc theo xã: cao điểm Tết Ất Tỵ 2025 so với Tết Giáp Thìn 2024",
     "Cùng phạm vi, hai khoảng thời gian", "So sánh hai đợt cao điểm.",
     R"({"layers":["communes","border"],"style":"count","date_from":"2024-12-15","date_to":"2025-02-14","label":"Tết 2025","compare":{"date_from":"2023-12-15","date_to":"2024-02-26","label":"Tết 2024"},"public":false})",
     false},
    {"Vụ việc và đường mòn, lối mở khu vực biên giới", "Nội bộ: vị trí từng vụ việc",
     "Chỉ dùng trong nội bộ.",
     R"({"layers":["communes","border","incidents","crossings"],"style":"drugfree","date_from":"2024-12-15","date_to":"2025-02-14","public":false})",
     false},
    {"Tình hình an ninh trật tự năm 2025 (bản công khai)", "Số vụ việc theo xã, ẩn số nhỏ",
     "Dùng cho hội nghị Mặt trận Tổ quốc và báo chí.",
     R"({"layers":["communes","border","incidents","crossings","facilities"],"style":"count","date_from":"2025-01-01","date_to":"2025-12-31","public":true})",
     true},
};

}  // namespace

void write_demo_slides(store::Database& db) {
  auto st = db.prepare(
      "INSERT INTO slides (deck, position, title, subtitle, note, view_json, public, updated_at, "
      "updated_by) VALUES ('default', ?, ?, ?, ?, ?, ?, '2025-06-01T00:00:00Z', 'secmap demo')");
  int position = 0;
  for (const DemoSlide& s : kSlides) {
    st.reset();
    st.bind(1, position++)
        .bind(2, s.title)
        .bind(3, s.subtitle)
        .bind(4, s.note)
        .bind(5, s.view_json)
        .bind(6, s.is_public ? 1 : 0);
    st.run();
  }
}

}  // namespace secmap::demo
