#include "ui/strings.h"

#include <array>

namespace secmap::ui {
namespace {

struct Pair {
  const char* vi;
  const char* en;
};

// Indexed by S; the static_assert below keeps the table and the enum the same length.
constexpr Pair kStrings[] = {
    {"Bản đồ an ninh trật tự khu vực biên giới", "Border security map"},
    {"Tệp", "File"},
    {"Mở cơ sở dữ liệu…", "Open database…"},
    {"Thoát", "Quit"},
    {"Xem", "View"},
    {"Bảng", "Panels"},
    {"Xem toàn tỉnh", "Fit province"},
    {"Xem đối tượng đang chọn", "Fit selection"},
    {"Chữ lớn", "Large text"},
    {"Ngôn ngữ", "Language"},
    {"Tiếng Việt", "Vietnamese"},
    {"Tiếng Anh", "English"},
    {"Lớp bản đồ", "Layers"},
    {"Thông tin đối tượng", "Identify"},
    {"Tìm kiếm", "Search"},
    {"Thời gian và bộ lọc", "Time and filters"},
    {"Xã, phường", "Communes and wards"},
    {"Đường biên giới", "National border"},
    {"Cửa khẩu, lối mở", "Border crossings"},
    {"Đồn, trạm, cơ quan", "Facilities"},
    {"Vụ việc", "Incidents"},
    {"Độ đậm màu tô", "Fill opacity"},
    {"Hiện chú giải", "Show the legend"},
    {"Tô màu xã theo", "Colour communes by"},
    {"Xã không ma túy", "Drug-free status"},
    {"Chuẩn an toàn về ANTT", "Security and order standard"},
    {"Số vụ việc", "Number of incidents"},
    {"Nhấp vào bản đồ để xem thông tin xã, cửa khẩu hoặc đồn trạm.",
     "Click the map to see a commune, crossing or facility."},
    {"Xã, phường", "Commune"},
    {"Cửa khẩu, lối mở", "Border crossing"},
    {"Đồn, trạm, cơ quan", "Facility"},
    {"Mã", "Code"},
    {"Tên", "Name"},
    {"Tên khác", "Other name"},
    {"Loại", "Kind"},
    {"Tỉnh", "Province"},
    {"Dân số", "Population"},
    {"Diện tích (km²)", "Area (km²)"},
    {"Xã biên giới", "Border commune"},
    {"Có", "Yes"},
    {"Không", "No"},
    {"Hiệu lực từ", "Valid from"},
    {"Lịch sử trạng thái", "Status history"},
    {"Từ", "From"},
    {"Đến", "To"},
    {"Ma túy", "Drug-free"},
    {"ANTT", "Security standard"},
    {"Phong trào", "Movement"},
    {"Vụ việc trong bộ lọc", "Incidents in the filter"},
    {"Tình trạng", "Status"},
    {"Phía đối diện", "Counterpart"},
    {"Quốc gia", "Country"},
    {"Ghi chú", "Notes"},
    {"Thông tin nhạy cảm", "Sensitive"},
    {"Tìm xã, cửa khẩu, đồn trạm (gõ không dấu cũng được)",
     "Find a commune, crossing or facility (diacritics optional)"},
    {"Không tìm thấy", "Nothing found"},
    {"kết quả", "results"},
    {"Từ ngày", "From"},
    {"Đến ngày", "To"},
    {"Chọn nhanh", "Presets"},
    {"Toàn bộ thời gian", "All dates"},
    {"Cùng kỳ năm trước", "Same window last year"},
    {"Tháng này", "This month"},
    {"Năm nay", "This year"},
    {"Đợt cao điểm", "Campaign windows"},
    {"Nhóm vụ việc", "Incident groups"},
    {"Chọn tất cả", "All"},
    {"Bỏ chọn", "None"},
    {"Vụ việc hiển thị", "Incidents shown"},
    {"Tỷ lệ", "Scale"},
    {"Đường dẫn tệp", "File path"},
    {"Mở", "Open"},
    {"Hủy", "Cancel"},
    {"Chưa mở cơ sở dữ liệu", "No database open"},
    {"Chọn Tệp → Mở cơ sở dữ liệu, hoặc chạy: secmap demo out/demo.sqlite rồi secmap map "
     "out/demo.sqlite",
     "Use File → Open database, or run: secmap demo out/demo.sqlite then secmap map "
     "out/demo.sqlite"},
    {"Không mở được cơ sở dữ liệu", "Cannot open the database"},
    {"Kiểm tra đường dẫn và tệp (tạo tệp mẫu bằng secmap demo), rồi mở lại.",
     "Check the path and the file (create a demo with secmap demo), then open it again."},
    {"Đóng", "Dismiss"},
};
static_assert(std::size(kStrings) == static_cast<size_t>(S::Count_),
              "strings.cpp: one entry per ui::S value");

}  // namespace

const char* tr(S id, Lang lang) {
  const auto i = static_cast<size_t>(id);
  if (i >= std::size(kStrings)) return "?";
  return lang == Lang::En ? kStrings[i].en : kStrings[i].vi;
}

std::string_view lang_code(Lang lang) {
  return lang == Lang::En ? "en" : "vi";
}
Lang parse_lang(std::string_view code) {
  return code == "en" ? Lang::En : Lang::Vi;
}

}  // namespace secmap::ui
