// The one check every file reader runs before opening: the path must name a file that can be
// read to its end. A FIFO, a device (a link to /dev/urandom named .csv) or a socket would be read
// without end, so they are refused by name.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

namespace secmap::io {

// What is wrong with `file` as an input ("file not found", "is a directory …"), or nothing.
// A folder that is itself a dataset (an Esri File Geodatabase, *.gdb) is a file here.
std::optional<std::string> input_file_problem(const std::filesystem::path& file);

// The file's extension in lower case (".csv" for "DS.CSV"): what picks a reader.
std::string lower_extension(const std::filesystem::path& file);

}  // namespace secmap::io
