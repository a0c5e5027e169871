#version 430 core
// The surface's largest value (for the colour classes): a reduction per work group, then one
// atomicMax on the float's bits, which order like the values since densities are never negative.
layout(local_size_x = 256) in;
layout(std430, binding = 4) readonly buffer Density { float density[]; };
layout(std430, binding = 6) buffer Result { uint max_bits; };
uniform uint u_cells;
shared float best[256];

void main() {
  float m = 0.0;
  const uint step = gl_NumWorkGroups.x * gl_WorkGroupSize.x;
  for (uint i = gl_GlobalInvocationID.x; i < u_cells; i += step) m = max(m, density[i]);
  best[gl_LocalInvocationIndex] = m;
  barrier();
  for (uint s = 128u; s > 0u; s >>= 1) {
    if (gl_LocalInvocationIndex < s)
      best[gl_LocalInvocationIndex] = max(best[gl_LocalInvocationIndex],
                                          best[gl_LocalInvocationIndex + s]);
    barrier();
  }
  if (gl_LocalInvocationIndex == 0u) atomicMax(max_bits, floatBitsToUint(best[0]));
}
