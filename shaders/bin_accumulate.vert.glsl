#version 330 core
// Binning, pass 1: every incident the filter accepts becomes a 1-pixel point at its hexagon's
// texel of a small float texture; additive blending sums them (GL 3.3, fast on llvmpipe: no
// sprites). The hexagon lookup is render::hex_texel's, also in bin_cells.frag.glsl.
layout(location = 1) in vec2 a_pos;          // relative to the data origin
layout(location = 2) in float a_day;
layout(location = 3) in uint a_class_codes;  // as in point.vert.glsl

uniform vec4 u_transform;  // map → clip space of the map view
uniform vec2 u_viewport;   // map view, pixels
uniform float u_cell;      // distance between neighbouring hexagon centres, pixels
uniform vec2 u_phase;      // added to a pixel position before the lookup; fixed to the ground
uniform vec2 u_grid;       // bin texture size, texels
uniform float u_day_from;
uniform float u_day_to;
uniform uint u_class_mask;
uniform uvec4 u_category_mask;
uniform uint u_severity_mask;
uniform uint u_status_mask;

// The same test as point.vert.glsl and render::IncidentFilter::accepts.
bool shown() {
  uint cls = min(a_class_codes & 255u, 15u);
  uint cat = (a_class_codes >> 8u) & 127u;
  uint sev = (a_class_codes >> 20u) & 15u;
  uint sta = (a_class_codes >> 24u) & 15u;
  return a_day >= u_day_from && a_day <= u_day_to && ((u_class_mask >> cls) & 1u) != 0u &&
         ((u_category_mask[int(cat >> 5u)] >> (cat & 31u)) & 1u) != 0u &&
         ((u_severity_mask >> sev) & 1u) != 0u && ((u_status_mask >> sta) & 1u) != 0u;
}

// Pointy-top hexagon holding pixel p (phase added): its texel (odd-row offset coordinates + 1).
vec2 hex_texel(vec2 p) {
  float radius = u_cell / sqrt(3.0);
  float qf = (sqrt(3.0) / 3.0 * p.x - p.y / 3.0) / radius, rf = (2.0 / 3.0 * p.y) / radius;
  vec3 f = vec3(qf, rf, -qf - rf);
  vec3 r = floor(f + 0.5);
  vec3 d = abs(r - f);
  if (d.x > d.y && d.x > d.z)
    r.x = -r.y - r.z;
  else if (d.z <= d.y)
    r.y = -r.x - r.z;
  return vec2(r.x + floor(r.y * 0.5), r.y) + 1.0;
}

void main() {
  gl_PointSize = 1.0;
  vec2 px = ((a_pos * u_transform.xy + u_transform.zw) * 0.5 + 0.5) * u_viewport;  // y up
  vec2 cell = hex_texel(px + u_phase);
  if (!shown() || any(lessThan(cell, vec2(0.0))) || any(greaterThanEqual(cell, u_grid))) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);  // culled
    return;
  }
  gl_Position = vec4((cell + 0.5) / u_grid * 2.0 - 1.0, 0.0, 1.0);
}
