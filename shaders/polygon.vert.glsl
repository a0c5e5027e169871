#version 330 core
// Commune fills: vertices relative to the data origin, colour looked up per feature in a texture
// so restyling never re-uploads geometry.
layout(location = 0) in vec2 a_pos;
layout(location = 1) in float a_feature;

uniform vec4 u_transform;      // clip = a_pos * xy + zw
uniform sampler2D u_colours;   // one texel per feature, row-major
uniform int u_columns;         // texture width
uniform int u_single;          // 1: every feature u_colour (plain mode)
uniform vec4 u_colour;
uniform float u_opacity;

out vec4 v_colour;

void main() {
  gl_Position = vec4(a_pos * u_transform.xy + u_transform.zw, 0.0, 1.0);
  int i = int(a_feature + 0.5);
  vec4 c = u_single == 1 ? u_colour : texelFetch(u_colours, ivec2(i % u_columns, i / u_columns), 0);
  v_colour = vec4(c.rgb, c.a * u_opacity);
}
