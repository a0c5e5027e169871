#version 330 core
// Density classes: the value's class colour (the same bounds and colours as the legend), nothing
// below the first bound so quiet areas stay clear.
in vec2 v_uv;
uniform sampler2D u_grid;  // R32F, incidents per km²
uniform int u_classes;
uniform float u_lower[8];
uniform vec4 u_colour[8];
uniform float u_opacity;
out vec4 o_colour;

void main() {
  float v = texture(u_grid, v_uv).r;
  if (u_classes == 0 || v < u_lower[0]) discard;
  int c = 0;
  for (int k = 1; k < u_classes; ++k)
    if (v >= u_lower[k]) c = k;
  o_colour = vec4(u_colour[c].rgb, u_colour[c].a * u_opacity);
}
