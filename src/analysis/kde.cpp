#include "analysis/kde.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "analysis/dates.h"
#include "files/atomic_output.h"

namespace secmap::analysis {

namespace {

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// Runs f(begin, end) over [0, n) split into contiguous chunks, one per thread.
template <typename F>
void parallel_ranges(int n, int threads, F f) {
  const int t = std::max(1, std::min(threads, n));
  if (t == 1) {
    f(0, n);
    return;
  }
  std::vector<std::thread> pool;
  for (int k = 0; k < t; ++k) {
    const int b = int(int64_t(n) * k / t), e = int(int64_t(n) * (k + 1) / t);
    pool.emplace_back([=] { f(b, e); });
  }
  for (auto& th : pool) th.join();
}

KdeGrid make_grid(double x0, double y0, double x1, double y1, double cell, size_t max_cells) {
  if (!(cell > 0) || !std::isfinite(cell))
    throw std::invalid_argument("kde: cell size must be positive");
  if (!(x1 >= x0) || !(y1 >= y0)) throw std::invalid_argument("kde: empty box");
  KdeGrid g;
  g.cell = cell;
  g.x0 = std::floor(x0 / cell) * cell;  // aligned so grids of one cell size nest
  g.y0 = std::floor(y0 / cell) * cell;
  const double nx = std::max(1.0, std::ceil((x1 - g.x0) / cell));
  const double ny = std::max(1.0, std::ceil((y1 - g.y0) / cell));
  if (nx * ny > double(max_cells))
    throw std::invalid_argument("kde: grid of " + std::to_string(int64_t(nx)) + "×" +
                                std::to_string(int64_t(ny)) + " cells is too large");
  g.nx = int(nx);
  g.ny = int(ny);
  g.values.assign(size_t(g.nx) * size_t(g.ny), 0.0);
  return g;
}

// The blur runs on float rows padded to whole 8-float vectors (GCC vector extensions; an AVX2
// clone is picked at load time where the CPU has it). Float keeps the passes within 1e-6
// relative, well inside the 1e-4 the GPU path is held to, and halves the memory traffic.
using v8f = float __attribute__((vector_size(32), aligned(4), may_alias));  // unaligned access
constexpr int kLanes = 8;
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define SECMAP_KDE_CLONES __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define SECMAP_KDE_CLONES
#endif

// Horizontal pass over rows [jb, je) of `in` (stride `stride`, zero beyond nx) into `out`,
// zero outside the grid: out[i] = w0 in[i] + Σ_k w_k (in[i − k] + in[i + k]).
SECMAP_KDE_CLONES void blur_rows(const float* in, float* out, int stride, int jb, int je,
                                 const std::vector<float>& half) {
  const int r = int(half.size()) - 1;
  std::vector<float> pad(size_t(stride + 2 * r + kLanes), 0.0f);
  float* p = pad.data() + r;
  for (int j = jb; j < je; ++j) {
    const float* src = in + size_t(j) * size_t(stride);
    float* dst = out + size_t(j) * size_t(stride);
    if (std::all_of(src, src + stride, [](float v) { return v == 0; })) {  // empty row
      std::fill(dst, dst + stride, 0.0f);
      continue;
    }
    std::copy(src, src + stride, p);
    for (int i = 0; i < stride; i += kLanes) {
      v8f acc = half[0] * *reinterpret_cast<const v8f*>(p + i);
      for (int k = 1; k <= r; ++k)
        acc += half[size_t(k)] * (*reinterpret_cast<const v8f*>(p + i - k) +
                                  *reinterpret_cast<const v8f*>(p + i + k));
      *reinterpret_cast<v8f*>(dst + i) = acc;
    }
  }
}

// Vertical pass for output rows [jb, je): `in` has r zero rows above and below the grid, so
// out row j = w0 in[j] + Σ_k w_k (in[j − k] + in[j + k]) needs no bounds tests.
SECMAP_KDE_CLONES void blur_cols(const float* in, float* out, int stride, int jb, int je,
                                 const std::vector<float>& half) {
  const int r = int(half.size()) - 1;
  constexpr int kBlock = 4 * kLanes;  // four accumulators in registers per column block
  for (int j = jb; j < je; ++j) {
    const float* c = in + size_t(j + r) * size_t(stride);
    float* dst = out + size_t(j) * size_t(stride);
    for (int i = 0; i < stride; i += kBlock) {
      const int lanes = std::min(kBlock, stride - i) / kLanes;
      v8f acc[4];
      for (int l = 0; l < lanes; ++l)
        acc[l] = half[0] * *reinterpret_cast<const v8f*>(c + i + l * kLanes);
      for (int k = 1; k <= r; ++k) {
        const float* a = c - size_t(k) * size_t(stride) + i;
        const float* b = c + size_t(k) * size_t(stride) + i;
        for (int l = 0; l < lanes; ++l)
          acc[l] += half[size_t(k)] * (*reinterpret_cast<const v8f*>(a + l * kLanes) +
                                       *reinterpret_cast<const v8f*>(b + l * kLanes));
      }
      for (int l = 0; l < lanes; ++l) *reinterpret_cast<v8f*>(dst + i + l * kLanes) = acc[l];
    }
  }
}

}  // namespace

KdeGrid kde_grid_around(std::span<const geo::Point> pts, double cell, double margin,
                        size_t max_cells) {
  if (pts.empty()) throw std::invalid_argument("kde: no incidents to grid");
  double x0 = pts[0].x, x1 = x0, y0 = pts[0].y, y1 = y0;
  for (const auto& p : pts) {
    x0 = std::min(x0, p.x), x1 = std::max(x1, p.x);
    y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
  }
  return make_grid(x0 - margin, y0 - margin, x1 + margin, y1 + margin, cell, max_cells);
}

KdeGrid kde_grid_box(double min_x, double min_y, double max_x, double max_y, double cell,
                     size_t max_cells) {
  return make_grid(min_x, min_y, max_x, max_y, cell, max_cells);
}

std::vector<double> gaussian_taps(double sigma_cells) {
  if (!(sigma_cells > 0)) return {1.0};
  const int r = int(std::floor(4.0 * sigma_cells));  // truncated at 4σ
  std::vector<double> w(size_t(2 * r + 1));
  double sum = 0;
  for (int k = -r; k <= r; ++k) {
    const double v = std::exp(-0.5 * double(k) * double(k) / (sigma_cells * sigma_cells));
    w[size_t(k + r)] = v;
    sum += v;
  }
  for (double& v : w) v /= sum;  // each pass conserves mass exactly (up to rounding)
  return w;
}

KdeStats kde_density(KdeGrid& g, std::span<const geo::Point> pts, double bandwidth, int threads) {
  if (!(bandwidth > 0)) throw std::invalid_argument("kde: bandwidth must be positive");
  if (threads <= 0) threads = int(std::max(1u, std::thread::hardware_concurrency()));
  KdeStats st;
  auto t0 = std::chrono::steady_clock::now();
  const auto taps = gaussian_taps(bandwidth / g.cell);
  const int nx = g.nx, ny = g.ny;
  // Taps reaching past the whole grid only ever meet zeros: drop them (a huge bandwidth on a
  // small grid would otherwise pad the buffers by millions of rows).
  const int r_full = int(taps.size() / 2), r = std::min(r_full, std::max(nx, ny));
  std::vector<float> half(size_t(r + 1));  // the symmetric taps w_0 … w_r
  for (int k = 0; k <= r; ++k) half[size_t(k)] = float(taps[size_t(k + r_full)]);
  const int stride = (nx + kLanes - 1) / kLanes * kLanes;
  const size_t row = size_t(stride);
  // a: counts (ny rows); b: horizontal result with r zero rows above and below.
  std::vector<float> a(row * size_t(ny), 0.0f), b(row * size_t(ny + 2 * r), 0.0f);
  // Binning: each thread scans every point and counts those in its own band of rows, so the
  // scatter needs no locks and the counts (exact in float up to 2^24 a cell) are deterministic.
  // Truncation is floor here because negative offsets are rejected first (std::floor is a libm
  // call without SSE4.1).
  const double inv = 1.0 / g.cell;
  std::vector<size_t> binned(size_t(std::max(1, threads)) + 1, 0);
  std::atomic<int> slot{0};
  parallel_ranges(ny, threads, [&](int jb, int je) {
    size_t n = 0;
    for (const auto& p : pts) {
      const double fx = (p.x - g.x0) * inv, fy = (p.y - g.y0) * inv;
      if (!(fy >= jb && fy < je && fx >= 0 && fx < nx)) continue;
      ++a[size_t(fy) * row + size_t(fx)];
      ++n;
    }
    binned[size_t(slot++)] = n;
  });
  for (size_t n : binned) st.binned += n;
  st.outside = pts.size() - st.binned;
  st.bin_ms = ms_since(t0);
  t0 = std::chrono::steady_clock::now();
  float* bm = b.data() + size_t(r) * row;
  parallel_ranges(ny, threads,
                  [&](int jb, int je) { blur_rows(a.data(), bm, stride, jb, je, half); });
  parallel_ranges(ny, threads,
                  [&](int jb, int je) { blur_cols(b.data(), a.data(), stride, jb, je, half); });
  const double scale = 1.0 / g.cell_area_km2();  // counts per cell → incidents per km²
  parallel_ranges(ny, threads, [&](int jb, int je) {
    for (int j = jb; j < je; ++j)
      for (int i = 0; i < nx; ++i) g.at(i, j) = double(a[size_t(j) * row + size_t(i)]) * scale;
  });
  st.blur_ms = ms_since(t0);
  return st;
}

double kde_integral(const KdeGrid& g) {
  double s = 0;
  for (double v : g.values) s += v;
  return s * g.cell_area_km2();
}

std::vector<geo::Point> load_filtered_incident_points(store::Database& db,
                                                      const IncidentFilter& f) {
  // The model's incident columns with their points; FilterMask resolves --category/--group/…
  // exactly as counts and hotspots do.
  const IncidentTable t =
      load_incidents(db, CommuneSet{}, {.from = f.from, .to = f.to, .points = true});
  const FilterMask mask(t, f);
  std::vector<geo::Point> out;
  for (size_t i = 0; i < t.size(); ++i)
    if (mask(t, i)) out.push_back(t.lonlat[i]);
  return out;
}

void write_ascii_grid(const std::filesystem::path& path, const KdeGrid& g,
                      const std::string& prj_wkt) {
  files::AtomicOutput output(path);  // the grid and its .prj, both or neither
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(output.path().c_str(), "w"), std::fclose);
  if (!f) throw std::runtime_error("cannot write " + path.string());
  std::fprintf(f.get(),
               "ncols %d\nnrows %d\nxllcorner %.6f\nyllcorner %.6f\ncellsize %.6f\n"
               "NODATA_value -9999\n",
               g.nx, g.ny, g.x0, g.y0, g.cell);
  for (int j = g.ny - 1; j >= 0; --j) {  // ESRI ASCII lists the northern row first
    for (int i = 0; i < g.nx; ++i) {
      const double v = g.at(i, j);
      if (v == 0)
        std::fputs(i ? " 0" : "0", f.get());
      else
        std::fprintf(f.get(), i ? " %.9g" : "%.9g", v);
    }
    std::fputc('\n', f.get());
  }
  if (std::ferror(f.get()) || std::fclose(f.release()) != 0)
    throw std::runtime_error("write failed: " + path.string());
  if (!prj_wkt.empty()) {
    auto prj = output.path();
    prj.replace_extension(".prj");
    std::unique_ptr<FILE, int (*)(FILE*)> p(std::fopen(prj.c_str(), "w"), std::fclose);
    if (!p || std::fputs(prj_wkt.c_str(), p.get()) < 0 || std::fclose(p.release()) != 0) {
      auto target = path;
      throw std::runtime_error("cannot write " + target.replace_extension(".prj").string());
    }
  }
  output.commit();
}

void write_grid_csv(const std::filesystem::path& path, const KdeGrid& g, bool skip_zero) {
  files::AtomicOutput output(path);
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(output.path().c_str(), "w"), std::fclose);
  if (!f) throw std::runtime_error("cannot write " + path.string());
  std::fputs("x,y,density\n", f.get());
  for (int j = 0; j < g.ny; ++j)
    for (int i = 0; i < g.nx; ++i) {
      const double v = g.at(i, j);
      if (skip_zero && v == 0) continue;
      std::fprintf(f.get(), "%.3f,%.3f,%.9g\n", g.x0 + (i + 0.5) * g.cell,
                   g.y0 + (j + 0.5) * g.cell, v);
    }
  if (std::ferror(f.get()) || std::fclose(f.release()) != 0)
    throw std::runtime_error("write failed: " + path.string());
  output.commit();
}

}  // namespace secmap::analysis
