#include "render/camera.h"

#include <algorithm>
#include <cmath>

#include "geo/crs.h"

namespace secmap::render {

View View::fit(const geo::BBox& b, int width, int height) {
  View v;
  v.width = std::max(1, width);
  v.height = std::max(1, height);
  v.centre = {(b.min_x + b.max_x) / 2, (b.min_y + b.max_y) / 2};
  double m = std::max((b.max_x - b.min_x) / v.width, (b.max_y - b.min_y) / v.height);
  v.m_per_px = m > 0 ? m : 1.0;  // a single point: 1 m/px rather than a division by zero
  return v;
}

geo::Point View::to_pixel(geo::Point p) const {
  return {(p.x - centre.x) / m_per_px + width / 2.0, height / 2.0 - (p.y - centre.y) / m_per_px};
}

geo::Point View::to_mercator(geo::Point px) const {
  return {centre.x + (px.x - width / 2.0) * m_per_px, centre.y - (px.y - height / 2.0) * m_per_px};
}

geo::BBox View::visible_mercator() const {
  geo::BBox b;
  b.add(to_mercator({0, 0}));
  b.add(to_mercator({static_cast<double>(width), static_cast<double>(height)}));
  return b;
}

double View::centre_latitude() const {
  return geo::mercator_to_lonlat(centre).y;
}

double View::ground_m_per_px() const {
  return m_per_px * std::cos(centre_latitude() * 3.14159265358979323846 / 180.0);
}

void View::zoom_about(geo::Point pixel, double factor) {
  geo::Point anchor = to_mercator(pixel);
  m_per_px /= factor;
  geo::Point after = to_mercator(pixel);
  centre.x += anchor.x - after.x;
  centre.y += anchor.y - after.y;
}

void View::pan_pixels(double dx, double dy) {
  centre.x -= dx * m_per_px;
  centre.y += dy * m_per_px;
}

std::array<float, 4> View::clip_transform(geo::Point origin) const {
  double sx = 2.0 / (m_per_px * width);
  double sy = 2.0 / (m_per_px * height);
  return {static_cast<float>(sx), static_cast<float>(sy),
          static_cast<float>((origin.x - centre.x) * sx),
          static_cast<float>((origin.y - centre.y) * sy)};
}

geo::BBox lonlat_bbox_to_mercator(const geo::BBox& ll) {
  geo::BBox b;
  b.add(geo::lonlat_to_mercator({ll.min_x, ll.min_y}));
  b.add(geo::lonlat_to_mercator({ll.max_x, ll.max_y}));
  return b;
}

}  // namespace secmap::render
