#version 330 core
// Binning, pass 2: the count of the pixel's cell, coloured by its class; empty cells and a
// one-pixel gap between cells stay transparent so the grid reads as cells over the map.
uniform sampler2D u_counts;
uniform float u_cell;
uniform vec2 u_phase;
uniform float u_gap;         // pixels left empty at each cell's lower edges
uniform int u_classes;
uniform float u_upper[8];    // upper bound of each class (the last is open)
uniform vec4 u_colour[8];
uniform float u_opacity;

out vec4 o_colour;

void main() {
  vec2 q = (gl_FragCoord.xy + u_phase) / u_cell;
  float n = texelFetch(u_counts, ivec2(floor(q)), 0).r;
  vec2 inside = fract(q) * u_cell;
  if (n < 0.5 || any(lessThan(inside, vec2(u_gap)))) discard;
  int k = 0;
  while (k < u_classes - 1 && n > u_upper[k]) ++k;
  vec4 c = u_colour[k];
  o_colour = vec4(c.rgb, c.a * u_opacity);
}
