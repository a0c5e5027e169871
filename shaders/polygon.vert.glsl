#version 330 core
// Commune fills: vertices relative to the data origin, colour looked up per feature in a texture
// so restyling never re-uploads geometry. The texture's second half flags hatched features.
layout(location = 0) in vec2 a_pos;
layout(location = 1) in float a_feature;

uniform vec4 u_transform;      // clip = a_pos * xy + zw
uniform sampler2D u_colours;   // one texel per feature, row-major; then the hatch flags
uniform int u_columns;         // texture width
uniform int u_rows;            // rows of colours (as many rows of flags follow)
uniform int u_single;          // 1: every feature u_colour (plain mode)
uniform vec4 u_colour;
uniform float u_opacity;

out vec4 v_colour;
out vec2 v_map;                // map metres from the origin: hatching fixed to the ground
flat out int v_hatched;

void main() {
  gl_Position = vec4(a_pos * u_transform.xy + u_transform.zw, 0.0, 1.0);
  int i = int(a_feature + 0.5);
  ivec2 at = ivec2(i % u_columns, i / u_columns);
  vec4 c = u_single == 1 ? u_colour : texelFetch(u_colours, at, 0);
  v_colour = vec4(c.rgb, c.a * u_opacity);
  v_hatched = u_single == 1 ? 0 : int(texelFetch(u_colours, at + ivec2(0, u_rows), 0).r > 0.5);
  v_map = a_pos;
}
