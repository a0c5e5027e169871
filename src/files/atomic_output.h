// An output file written whole or not at all. The writer fills a temporary file beside the
// target (the same folder, so the final rename is atomic and never crosses a file system);
// commit() flushes it to disk and renames it over the target. Without commit — a write error,
// an exception, a killed process — the temporary file is removed (or, after a kill, left with a
// name no reader mistakes for the output) and the target is exactly as it was.
#pragma once
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace secmap::files {

class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class AtomicOutput {
 public:
  explicit AtomicOutput(std::filesystem::path target);
  ~AtomicOutput();
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  // Where to write: ".NAME.partial-PID-N.EXT" in the target's folder (the extension kept, for
  // writers that choose a format by it).
  const std::filesystem::path& path() const { return temp_; }
  const std::filesystem::path& target() const { return target_; }
  // Flushes the temporary file to disk and renames it to the target. Throws OutputError naming
  // the target and what failed (no space, no permission …); the target is then untouched.
  void commit();

 private:
  std::vector<std::filesystem::path> written() const;
  std::filesystem::path target_, temp_;
  bool committed_ = false;
};

// Writes bytes to `file` whole or not at all. Throws OutputError.
void write_file(const std::filesystem::path& file, std::string_view bytes);

// Throws OutputError "FILE: what" (the common wording of every output error).
[[noreturn]] void throw_output_error(const std::filesystem::path& file, const std::string& what);

}  // namespace secmap::files
