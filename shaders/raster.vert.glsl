#version 330 core
// A georeferenced grid on the map: a mesh whose vertices were projected from the grid's CRS
// to Web Mercator (relative to the data origin), carrying the grid's texture coordinates.
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_uv;
uniform vec4 u_transform;  // clip = a_pos * xy + zw
out vec2 v_uv;

void main() {
  gl_Position = vec4(a_pos * u_transform.xy + u_transform.zw, 0.0, 1.0);
  v_uv = a_uv;
}
