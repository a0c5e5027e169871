#version 330 core
// Binning, pass 2: each pixel finds its hexagon, and a non-empty hexagon is drawn
// semi-transparent, inset by its class's size (larger classes larger) with a thin darker rim,
// so the commune fills show between the hexagons and through them.
uniform sampler2D u_counts;
uniform float u_cell;
uniform vec2 u_phase;
uniform vec2 u_grid;
uniform int u_classes;
uniform float u_upper[8];    // upper bound of each class (the last is open)
uniform float u_size[8];     // hexagon size per class, relative to the lattice
uniform vec4 u_colour[8];
uniform float u_opacity;

out vec4 o_colour;

// As in bin_accumulate.vert.glsl; also returns the hexagon's centre (phase included).
vec2 hex_texel(vec2 p, out vec2 centre) {
  float radius = u_cell / sqrt(3.0);
  float qf = (sqrt(3.0) / 3.0 * p.x - p.y / 3.0) / radius, rf = (2.0 / 3.0 * p.y) / radius;
  vec3 f = vec3(qf, rf, -qf - rf);
  vec3 r = floor(f + 0.5);
  vec3 d = abs(r - f);
  if (d.x > d.y && d.x > d.z)
    r.x = -r.y - r.z;
  else if (d.z <= d.y)
    r.y = -r.x - r.z;
  centre = vec2(u_cell * (r.x + 0.5 * r.y), 1.5 * radius * r.y);
  return vec2(r.x + floor(r.y * 0.5), r.y) + 1.0;
}

void main() {
  vec2 p = gl_FragCoord.xy + u_phase;
  vec2 centre;
  vec2 cell = hex_texel(p, centre);
  if (any(lessThan(cell, vec2(0.0))) || any(greaterThanEqual(cell, u_grid))) discard;
  float n = texelFetch(u_counts, ivec2(cell), 0).r;
  if (n < 0.5) discard;
  int k = 0;
  while (k < u_classes - 1 && n > u_upper[k]) ++k;
  // Distance to the centre in the hexagon's own metric (pixels to the nearest flat side).
  vec2 d = abs(p - centre);
  float dist = max(d.x, 0.5 * d.x + 0.8660254 * d.y);
  float edge = 0.5 * u_cell * u_size[k];  // apothem of the drawn hexagon
  float cover = clamp(edge - dist + 0.5, 0.0, 1.0);
  if (cover <= 0.0) discard;
  vec4 c = u_colour[k];
  float rim = clamp(dist - (edge - 1.25), 0.0, 1.0);  // the outer pixel: darker, more opaque
  vec3 rgb = mix(c.rgb, c.rgb * 0.55, rim);
  float a = mix(c.a, min(1.0, c.a + 0.35), rim);
  o_colour = vec4(rgb, a * cover * u_opacity);
}
