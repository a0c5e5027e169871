#version 330 core
// Point symbols as GL_POINTS (one primitive per point: far cheaper than quads on llvmpipe). Each
// point has a day number, a class (crossing kind or incident group) and packed codes (an
// incident's category, severity, status); the date window and the masks are uniforms, so
// filtering never re-uploads anything.
layout(location = 1) in vec2 a_pos;          // relative to the data origin
layout(location = 2) in float a_day;         // days since 1970-01-01
layout(location = 3) in uint a_class_codes;  // class bits 0-7; codes: category 8-14,
                                             // severity 20-23, status 24-27

uniform vec4 u_transform;
uniform vec2 u_viewport;
uniform float u_size;        // base symbol diameter, pixels
uniform float u_outline;     // outline width, pixels (0: none)
uniform float u_day_from;
uniform float u_day_to;
uniform uint u_class_mask;   // bit c set: class c shown
uniform uvec4 u_category_mask;  // bit c % 32 of component c / 32: category c shown
uniform uint u_severity_mask;
uniform uint u_status_mask;
uniform vec4 u_fill[16];
uniform int u_shape[16];
uniform float u_scale[16];

flat out float v_extent;     // half the point sprite size, pixels
flat out vec4 v_fill;
flat out int v_shape;
flat out float v_radius;

// The same test as render::IncidentFilter::accepts (and bin_accumulate.vert.glsl).
bool shown(uint cls) {
  uint cat = (a_class_codes >> 8u) & 127u;
  uint sev = (a_class_codes >> 20u) & 15u;
  uint sta = (a_class_codes >> 24u) & 15u;
  return a_day >= u_day_from && a_day <= u_day_to && ((u_class_mask >> cls) & 1u) != 0u &&
         ((u_category_mask[int(cat >> 5u)] >> (cat & 31u)) & 1u) != 0u &&
         ((u_severity_mask >> sev) & 1u) != 0u && ((u_status_mask >> sta) & 1u) != 0u;
}

void main() {
  uint cls = min(a_class_codes & 255u, 15u);
  int c = int(cls);
  v_fill = u_fill[c];
  v_shape = u_shape[c];
  v_radius = 0.5 * u_size * u_scale[c];
  v_extent = ceil(v_radius + u_outline + 0.5);  // just enough for the antialiased edge
  gl_PointSize = 2.0 * v_extent;
  if (!shown(cls)) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);  // outside the clip volume: culled
    return;
  }
  vec2 centre = a_pos * u_transform.xy + u_transform.zw;
  gl_Position = vec4(centre, 0.0, 1.0);
}
