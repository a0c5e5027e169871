#include "files/atomic_output.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>
#include <vector>

namespace secmap::files {

namespace {

std::atomic<unsigned> counter{0};

}  // namespace

void throw_output_error(const std::filesystem::path& file, const std::string& what) {
  throw OutputError(file.string() + ": " + what);
}

void write_file(const std::filesystem::path& file, std::string_view bytes) {
  AtomicOutput out(file);
  std::FILE* f = std::fopen(out.path().c_str(), "wb");
  if (!f) throw_output_error(file, std::string("cannot create: ") + std::strerror(errno));
  const size_t n = std::fwrite(bytes.data(), 1, bytes.size(), f);
  const int write_errno = errno;
  const bool closed = std::fclose(f) == 0;
  if (n != bytes.size())
    throw_output_error(file, std::string("cannot write: ") + std::strerror(write_errno));
  if (!closed) throw_output_error(file, std::string("cannot write: ") + std::strerror(errno));
  out.commit();
}

AtomicOutput::AtomicOutput(std::filesystem::path target) : target_(std::move(target)) {
  const std::string name = "." + target_.stem().string() + ".partial-" +
                           std::to_string(::getpid()) + "-" + std::to_string(counter++) +
                           target_.extension().string();
  temp_ = target_.parent_path() / name;
  std::error_code ec;
  std::filesystem::remove(temp_, ec);
}

std::vector<std::filesystem::path> AtomicOutput::written() const {
  // The temporary file and its siblings (a shapefile's .shx/.dbf/.prj, a grid's .prj): the same
  // name with another extension.
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  if (std::filesystem::exists(temp_, ec)) out.push_back(temp_);
  const std::string stem = temp_.stem().string() + ".";
  for (const auto& e : std::filesystem::directory_iterator(
           temp_.parent_path().empty() ? std::filesystem::path(".") : temp_.parent_path(), ec))
    if (e.path().filename() != temp_.filename() && e.path().filename().string().rfind(stem, 0) == 0)
      out.push_back(e.path());
  return out;
}

AtomicOutput::~AtomicOutput() {
  if (committed_) return;
  std::error_code ec;
  for (const auto& p : written()) std::filesystem::remove(p, ec);  // nothing to report here
}

void AtomicOutput::commit() {
  if (!std::filesystem::exists(temp_)) throw_output_error(target_, "the file was not written");
  const std::vector<std::filesystem::path> parts = written();
  // Flush to disk before the rename: a file system that reports "no space" only on write-back
  // (NFS, some FUSE) says so here, not after the output looks complete.
  for (const auto& p : parts) {
    const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw_output_error(target_, std::string("cannot reopen ") + p.filename().string());
    const int synced = ::fsync(fd);
    const int sync_errno = errno;
    ::close(fd);
    if (synced != 0)
      throw_output_error(target_,
                         std::string("cannot write to disk: ") + std::strerror(sync_errno));
  }
  // Siblings first, the main file last: a reader never finds the main file without its parts.
  const std::string temp_stem = temp_.stem().string(), target_stem = target_.stem().string();
  for (const auto& p : parts) {
    if (p.filename() == temp_.filename()) continue;
    const std::string suffix = p.filename().string().substr(temp_stem.size());
    const auto to = target_.parent_path() / (target_stem + suffix);
    if (std::rename(p.c_str(), to.c_str()) != 0)
      throw_output_error(to, std::string("cannot replace the file: ") + std::strerror(errno));
  }
  if (std::rename(temp_.c_str(), target_.c_str()) != 0)
    throw_output_error(target_, std::string("cannot replace the file: ") + std::strerror(errno));
  committed_ = true;
}

}  // namespace secmap::files
