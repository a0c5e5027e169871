#version 430 core
// KDE stage 1: count the incidents of the window in each grid cell (atomic adds). Positions are
// doubles and the cell index is computed with the CPU path's operations, (p - origin) * (1 / cell)
// in double, so both paths bin every point into the same cell.
layout(local_size_x = 256) in;
layout(std430, binding = 0) readonly buffer Points { dvec2 pts[]; };
layout(std430, binding = 1) readonly buffer Days { int days[]; };
layout(std430, binding = 2) buffer Counts { uint counts[]; };
uniform dvec2 u_origin;
uniform double u_inv_cell;
uniform int u_nx, u_ny, u_stride, u_from, u_to;
uniform uint u_count;

void main() {
  const uint step = gl_NumWorkGroups.x * gl_WorkGroupSize.x;
  for (uint i = gl_GlobalInvocationID.x; i < u_count; i += step) {
    const int d = days[i];
    if (d < u_from || d > u_to) continue;
    const dvec2 f = (pts[i] - u_origin) * u_inv_cell;
    if (!(f.y >= 0.0 && f.y < double(u_ny) && f.x >= 0.0 && f.x < double(u_nx))) continue;
    atomicAdd(counts[uint(f.y) * uint(u_stride) + uint(f.x)], 1u);
  }
}
