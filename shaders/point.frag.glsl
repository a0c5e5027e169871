#version 330 core
// Signed distance symbols (negative inside), so every kind has a distinct, crisp shape.
flat in float v_extent;
flat in vec4 v_fill;
flat in int v_shape;
flat in float v_radius;

uniform float u_outline;
uniform vec4 u_outline_colour;
uniform int u_smooth;  // 0 in plain mode: hard edges

out vec4 o_colour;

float sd_star5(vec2 p, float r, float rf) {
  const vec2 k1 = vec2(0.809016994375, -0.587785252292);
  const vec2 k2 = vec2(-k1.x, k1.y);
  p.x = abs(p.x);
  p -= 2.0 * max(dot(k1, p), 0.0) * k1;
  p -= 2.0 * max(dot(k2, p), 0.0) * k2;
  p.x = abs(p.x);
  p.y -= r;
  vec2 ba = rf * vec2(-k1.y, k1.x) - vec2(0, 1);
  float h = clamp(dot(p, ba) / dot(ba, ba), 0.0, r);
  return length(p - ba * h) * sign(p.y * ba.x - p.x * ba.y);
}

float sd_triangle(vec2 p, float r) {
  const float k = sqrt(3.0);
  p.x = abs(p.x) - r;
  p.y = p.y + r / k;
  if (p.x + k * p.y > 0.0) p = vec2(p.x - k * p.y, -k * p.x - p.y) / 2.0;
  p.x -= clamp(p.x, -2.0 * r, 0.0);
  return -length(p) * sign(p.y);
}

float shape_distance(vec2 p, float r) {
  if (v_shape == 1) { vec2 d = abs(p) - vec2(r * 0.85); return max(d.x, d.y); }
  if (v_shape == 2) return (abs(p.x) + abs(p.y) - r) * 0.70710678;
  if (v_shape == 3) return sd_triangle(p + vec2(0.0, r * 0.2), r);
  if (v_shape == 4) return sd_star5(p, r, 0.45);
  if (v_shape == 5) return abs(length(p) - r * 0.75) - r * 0.25;
  return length(p) - r;
}

void main() {
  // gl_PointCoord runs 0..1 with y down; symbols are drawn with y up.
  vec2 local = (gl_PointCoord * 2.0 - 1.0) * vec2(1.0, -1.0) * v_extent;
  float d = shape_distance(local, v_radius);
  float aa = u_smooth == 1 ? 0.75 : 0.0;
  float outer = d - u_outline;
  float alpha = aa > 0.0 ? clamp(0.5 - outer / (2.0 * aa), 0.0, 1.0) : (outer <= 0.0 ? 1.0 : 0.0);
  if (alpha <= 0.0) discard;
  float inside = aa > 0.0 ? clamp(0.5 - d / (2.0 * aa), 0.0, 1.0) : (d <= 0.0 ? 1.0 : 0.0);
  vec4 c = u_outline > 0.0 ? mix(u_outline_colour, v_fill, inside) : v_fill;
  o_colour = vec4(c.rgb, c.a * alpha);
}
