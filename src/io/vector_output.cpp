#include "io/vector_output.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "io/gdal_source.h"
#include "io/gdal_util.h"

namespace secmap::io {

void commit_vector_output(files::AtomicOutput& output, const std::string& layer_name,
                          size_t features) {
  ensure_gdal_registered();
  QuietGdalErrors quiet;
  GDALDatasetUniquePtr ds(
      GDALDataset::Open(output.path().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!ds)
    files::throw_output_error(output.target(), "the written file cannot be read back (" +
                                                   quiet.last_message() + "); disk full?");
  OGRLayer* layer = ds->GetLayerByName(layer_name.c_str());
  if (!layer && ds->GetLayerCount() == 1) layer = ds->GetLayer(0);
  if (!layer && features > 0)  // an empty layer may not survive the format (KML)
    files::throw_output_error(output.target(),
                              "the written file has no layer " + layer_name + "; disk full?");
  const GIntBig n = layer ? layer->GetFeatureCount(TRUE) : 0;
  if (n != static_cast<GIntBig>(features))
    files::throw_output_error(output.target(), "the written file holds " + std::to_string(n) +
                                                   " of " + std::to_string(features) +
                                                   " features (disk full?)");
  ds.reset();
  output.commit();
}

}  // namespace secmap::io
