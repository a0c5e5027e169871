#version 330 core
// Point symbols as GL_POINTS (one primitive per point: far cheaper than quads on llvmpipe). Each
// point has a day number and a class (crossing kind or incident group); the date window and
// class mask are uniforms, so filtering never re-uploads anything.
layout(location = 1) in vec2 a_pos;     // relative to the data origin
layout(location = 2) in float a_day;    // days since 1970-01-01
layout(location = 3) in float a_class;

uniform vec4 u_transform;
uniform vec2 u_viewport;
uniform float u_size;        // base symbol diameter, pixels
uniform float u_outline;     // outline width, pixels (0: none)
uniform float u_day_from;
uniform float u_day_to;
uniform uint u_class_mask;   // bit c set: class c shown
uniform vec4 u_fill[16];
uniform int u_shape[16];
uniform float u_scale[16];

flat out float v_extent;     // half the point sprite size, pixels
flat out vec4 v_fill;
flat out int v_shape;
flat out float v_radius;

void main() {
  int c = clamp(int(a_class + 0.5), 0, 15);
  bool shown = a_day >= u_day_from && a_day <= u_day_to && ((u_class_mask >> uint(c)) & 1u) != 0u;
  v_fill = u_fill[c];
  v_shape = u_shape[c];
  v_radius = 0.5 * u_size * u_scale[c];
  v_extent = ceil(v_radius + u_outline + 0.5);  // just enough for the antialiased edge
  gl_PointSize = 2.0 * v_extent;
  if (!shown) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);  // outside the clip volume: culled
    return;
  }
  vec2 centre = a_pos * u_transform.xy + u_transform.zw;
  gl_Position = vec4(centre, 0.0, 1.0);
}
