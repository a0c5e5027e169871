#include "io/input_file.h"

namespace secmap::io {

namespace fs = std::filesystem;

std::optional<std::string> input_file_problem(const fs::path& file) {
  std::error_code ec;
  const fs::file_status st = fs::status(file, ec);  // follows links: the target is what is read
  if (!fs::exists(st)) return file.string() + ": file not found";
  if (fs::is_directory(st)) {
    if (file.extension() == ".gdb") return std::nullopt;  // a File Geodatabase is a folder
    return file.string() + ": is a directory, not a vector file";
  }
  if (!fs::is_regular_file(st))
    return file.string() + ": is not a regular file (" +
           (fs::is_fifo(st)             ? std::string("a pipe")
            : fs::is_character_file(st) ? std::string("a device")
            : fs::is_block_file(st)     ? std::string("a disk device")
            : fs::is_socket(st)         ? std::string("a socket")
                                        : std::string("not a plain file")) +
           "); it would be read without end — save the data to a file and import that";
  return std::nullopt;
}

std::string lower_extension(const fs::path& file) {
  std::string ext = file.extension().string();
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ext;
}

}  // namespace secmap::io
