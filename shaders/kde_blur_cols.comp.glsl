#version 430 core
// KDE stage 3: vertical Gaussian pass over the horizontal result, zero outside the grid, in the
// CPU path's order, then scaled from incidents per cell to incidents per km².
layout(local_size_x = 16, local_size_y = 16) in;
layout(std430, binding = 3) readonly buffer Rows { float rows[]; };
layout(std430, binding = 4) writeonly buffer Density { float density[]; };
layout(std430, binding = 5) readonly buffer Taps { float taps[]; };
uniform int u_nx, u_ny, u_stride, u_r;
uniform float u_scale;

float row_at(int i, int j) {
  return (j >= 0 && j < u_ny) ? rows[j * u_stride + i] : 0.0;
}

void main() {
  const int i = int(gl_GlobalInvocationID.x), j = int(gl_GlobalInvocationID.y);
  if (i >= u_nx || j >= u_ny) return;
  precise float acc = taps[0] * row_at(i, j);
  for (int k = 1; k <= u_r; ++k) acc += taps[k] * (row_at(i, j - k) + row_at(i, j + k));
  density[j * u_stride + i] = acc * u_scale;
}
