#version 330 core
// Commune fills; hatched features get diagonal stripes (0.4 of each period) in u_hatch_ink.
in vec4 v_colour;
in vec2 v_map;
flat in int v_hatched;
uniform float u_hatch_period;  // metres between stripes
uniform vec4 u_hatch_ink;
out vec4 o_colour;

void main() {
  o_colour = v_colour;
  if (v_hatched == 1) {
    float s = (v_map.x + v_map.y) / u_hatch_period;
    float t = fract(s);
    float w = length(vec2(dFdx(s), dFdy(s)));  // one pixel across the stripes, in periods
    // Signed distance to the stripe's nearer edge (inside positive), as pixel coverage.
    float d = t < 0.4 ? min(t, 0.4 - t) : -min(t - 0.4, 1.0 - t);
    float ink = clamp(d / max(w, 1e-6) + 0.5, 0.0, 1.0);
    o_colour = vec4(mix(v_colour.rgb, u_hatch_ink.rgb, ink), v_colour.a);
  }
}
