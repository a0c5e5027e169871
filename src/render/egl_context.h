// A headless OpenGL core context (4.3, else 3.3) through EGL (no X server): a GPU device when
// there is one (EGL_EXT_platform_device without EGL_MESA_device_software), else Mesa's
// surfaceless platform (llvmpipe). The context is current on the creating thread for its whole
// life.
#pragma once
#include <memory>
#include <stdexcept>
#include <string>

namespace secmap::render {

class ContextError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class EglContext {
 public:
  // Creates and makes current a 4.3 core context where the driver has one (compute shaders),
  // else 3.3 core. Throws ContextError saying what failed.
  // SECMAP_EGL_FORCE_FAIL=1 in the environment makes it fail (to test the error path).
  EglContext();
  ~EglContext();
  EglContext(const EglContext&) = delete;
  EglContext& operator=(const EglContext&) = delete;

  const std::string& renderer() const { return renderer_; }  // GL_RENDERER
  const std::string& platform() const { return platform_; }  // "device" or "surfaceless"

 private:
  void* display_ = nullptr;
  void* context_ = nullptr;
  std::string renderer_, platform_;
};

}  // namespace secmap::render
