// Vector files written through GDAL whole or not at all: created under a temporary name beside
// the target (files::AtomicOutput), then opened again and their features counted before the
// rename — some drivers ignore a failed write (a full disk), and a cut GeoJSON or a short CSV
// must never take the target's place.
#pragma once
#include <cstddef>
#include <filesystem>
#include <string>

#include "files/atomic_output.h"

namespace secmap::io {

// Checks the file at output.path() holds `features` features in layer `layer` (or in its only
// layer, for formats whose layer is named after the file), then commits. Throws
// files::OutputError naming the target.
void commit_vector_output(files::AtomicOutput& output, const std::string& layer, size_t features);

}  // namespace secmap::io
