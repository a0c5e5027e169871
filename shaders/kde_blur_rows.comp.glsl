#version 430 core
// KDE stage 2: horizontal Gaussian pass over the counts, zero outside the grid, summed in the
// CPU path's order: w0 c[i] + sum_k w_k (c[i-k] + c[i+k]).
layout(local_size_x = 16, local_size_y = 16) in;
layout(std430, binding = 2) readonly buffer Counts { uint counts[]; };
layout(std430, binding = 3) writeonly buffer Rows { float rows[]; };
layout(std430, binding = 5) readonly buffer Taps { float taps[]; };  // w0 … wr
uniform int u_nx, u_ny, u_stride, u_r;

float count_at(int i, int row) {
  return (i >= 0 && i < u_nx) ? float(counts[row + i]) : 0.0;
}

void main() {
  const int i = int(gl_GlobalInvocationID.x), j = int(gl_GlobalInvocationID.y);
  if (i >= u_nx || j >= u_ny) return;
  const int row = j * u_stride;
  precise float acc = taps[0] * count_at(i, row);
  for (int k = 1; k <= u_r; ++k) acc += taps[k] * (count_at(i - k, row) + count_at(i + k, row));
  rows[row + i] = acc;
}
