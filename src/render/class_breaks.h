// Class breaks for graduated commune styles. GL-free.
//
// Incident counts and rates are strongly skewed (a few town communes carry most incidents), so
// the map uses Jenks natural breaks: quantiles would put equal numbers of communes in each
// class and split the many quiet communes into several classes while lumping the few hotspots
// with ordinary ones; equal intervals leave the middle classes empty. Natural breaks minimise
// the spread within classes (Jenks 1977, the Fisher 1958 dynamic programme), so outliers get a
// class of their own.
#pragma once
#include <span>
#include <vector>

namespace secmap::render {

// Upper bounds of at most `k` classes over `values` (any order), ascending; the last bound is
// the maximum. Fewer classes when there are fewer distinct values. Empty for no values.
// A value v is in the first class whose bound is ≥ v.
std::vector<double> jenks_breaks(std::span<const double> values, int k);

// Equal-count classes, for comparison: bounds at the k-quantiles (distinct, ascending).
std::vector<double> quantile_breaks(std::span<const double> values, int k);

// Index of the class holding v for ascending upper bounds (the last class for v above all).
int class_of(double v, std::span<const double> upper_bounds);

}  // namespace secmap::render
