#version 430 core
// Compute binning, second step: the counters into the float texture the hexagon pass reads.
layout(local_size_x = 16, local_size_y = 16) in;
layout(std430, binding = 1) readonly buffer Counts { uint counts[]; };
layout(r32f, binding = 0) writeonly uniform image2D u_image;
uniform ivec2 u_grid;

void main() {
  ivec2 at = ivec2(gl_GlobalInvocationID.xy);
  if (at.x >= u_grid.x || at.y >= u_grid.y) return;
  imageStore(u_image, at, vec4(float(counts[at.y * u_grid.x + at.x]), 0.0, 0.0, 0.0));
}
