#version 330 core
// Wide lines in core profile: each segment is a quad extruded in pixel space (glLineWidth > 1 is
// not available), with square caps so consecutive segments join without gaps.
layout(location = 0) in vec2 a_p0;
layout(location = 1) in vec2 a_p1;
layout(location = 2) in vec2 a_corner;  // x: 0 at p0, 1 at p1; y: -1/+1 side

uniform vec4 u_transform;
uniform vec2 u_viewport;  // pixels
uniform float u_width;    // pixels
uniform vec4 u_colour;

out vec4 v_colour;

void main() {
  vec2 half_vp = 0.5 * u_viewport;
  vec2 s0 = (a_p0 * u_transform.xy + u_transform.zw) * half_vp;
  vec2 s1 = (a_p1 * u_transform.xy + u_transform.zw) * half_vp;
  vec2 d = s1 - s0;
  float len = length(d);
  vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
  vec2 n = vec2(-dir.y, dir.x);
  float hw = 0.5 * u_width;
  vec2 p = mix(s0, s1, a_corner.x) + dir * (a_corner.x * 2.0 - 1.0) * hw + n * a_corner.y * hw;
  gl_Position = vec4(p / half_vp, 0.0, 1.0);
  v_colour = u_colour;
}
