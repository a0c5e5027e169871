#version 430 core
// Binning in a compute shader (GL 4.3 GPUs): every incident the filter accepts adds one to its
// hexagon's counter. The same filter and hexagon lookup as bin_accumulate.vert.glsl, reading
// the point layer's vertex buffer directly (16 bytes a point).
layout(local_size_x = 256) in;

struct Point {
  vec2 pos;  // relative to the data origin
  float day;
  uint class_codes;
};
layout(std430, binding = 0) readonly buffer Points { Point pts[]; };
layout(std430, binding = 1) buffer Counts { uint counts[]; };

uniform uint u_points;
uniform vec4 u_transform;
uniform vec2 u_viewport;
uniform float u_cell;
uniform vec2 u_phase;
uniform vec2 u_grid;
uniform float u_day_from;
uniform float u_day_to;
uniform uint u_class_mask;
uniform uvec4 u_category_mask;
uniform uint u_severity_mask;
uniform uint u_status_mask;

bool shown(Point p) {
  uint cls = min(p.class_codes & 255u, 15u);
  uint cat = (p.class_codes >> 8u) & 127u;
  uint sev = (p.class_codes >> 20u) & 15u;
  uint sta = (p.class_codes >> 24u) & 15u;
  return p.day >= u_day_from && p.day <= u_day_to && ((u_class_mask >> cls) & 1u) != 0u &&
         ((u_category_mask[int(cat >> 5u)] >> (cat & 31u)) & 1u) != 0u &&
         ((u_severity_mask >> sev) & 1u) != 0u && ((u_status_mask >> sta) & 1u) != 0u;
}

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
  uint stride = gl_NumWorkGroups.x * gl_WorkGroupSize.x;
  for (uint i = gl_GlobalInvocationID.x; i < u_points; i += stride) {
    Point p = pts[i];
    if (!shown(p)) continue;
    vec2 px = ((p.pos * u_transform.xy + u_transform.zw) * 0.5 + 0.5) * u_viewport;
    vec2 cell = hex_texel(px + u_phase);
    if (any(lessThan(cell, vec2(0.0))) || any(greaterThanEqual(cell, u_grid))) continue;
    atomicAdd(counts[int(cell.y) * int(u_grid.x) + int(cell.x)], 1u);
  }
}
