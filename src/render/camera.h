// The map view in Web Mercator (EPSG:3857): a centre, a scale in metres per pixel and a size in
// pixels. GL-free so the CLI renderer and the map window (pan/zoom) share the same arithmetic.
#pragma once
#include <array>

#include "geo/geometry.h"

namespace secmap::render {

struct View {
  geo::Point centre;    // EPSG:3857 metres
  double m_per_px = 1;  // Web Mercator metres per pixel
  int width = 1;        // pixels
  int height = 1;

  // Centred on the bbox (EPSG:3857) centre at the scale that fits it whole:
  // m/px = max(bbox width / W, bbox height / H).
  static View fit(const geo::BBox& bbox_3857, int width, int height);

  // Pixel coordinates have their origin at the top-left corner, y down.
  geo::Point to_pixel(geo::Point merc) const;
  geo::Point to_mercator(geo::Point pixel) const;
  geo::BBox visible_mercator() const;
  // Latitude (degrees) of the view centre.
  double centre_latitude() const;
  // True ground metres per pixel at the centre latitude (Mercator m/px × cos(lat)).
  double ground_m_per_px() const;

  // Zooms by factor (> 1 zooms in) keeping the mercator point under `pixel` fixed.
  void zoom_about(geo::Point pixel, double factor);
  void pan_pixels(double dx, double dy);

  // (sx, sy, ox, oy) mapping a vertex stored relative to `origin` to clip space:
  // ndc = v * (sx, sy) + (ox, oy). Computed in double so float vertices stay precise.
  std::array<float, 4> clip_transform(geo::Point origin) const;
};

// EPSG:4326 bbox → EPSG:3857 bbox (corners).
geo::BBox lonlat_bbox_to_mercator(const geo::BBox& lonlat);

}  // namespace secmap::render
