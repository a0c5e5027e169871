#include "render/egl_context.h"

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GL/glcorearb.h>

#include <cstdlib>
#include <cstring>
#include <vector>

namespace secmap::render {
namespace {

bool has_extension(const char* list, const char* name) {
  if (!list) return false;
  size_t n = std::strlen(name);
  for (const char* p = list; (p = std::strstr(p, name)); p += n)
    if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0')) return true;
  return false;
}

template <typename F>
F egl_proc(const char* name) {
  return reinterpret_cast<F>(eglGetProcAddress(name));
}

// Tries to initialise `display`; returns it or EGL_NO_DISPLAY.
EGLDisplay initialise(EGLDisplay display) {
  if (display == EGL_NO_DISPLAY) return EGL_NO_DISPLAY;
  EGLint major = 0, minor = 0;
  if (!eglInitialize(display, &major, &minor)) return EGL_NO_DISPLAY;
  return display;
}

// A hardware device if any, else nullptr.
EGLDisplay device_display() {
  const char* client = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
  if (!has_extension(client, "EGL_EXT_platform_device")) return EGL_NO_DISPLAY;
  auto query_devices = egl_proc<PFNEGLQUERYDEVICESEXTPROC>("eglQueryDevicesEXT");
  auto query_string = egl_proc<PFNEGLQUERYDEVICESTRINGEXTPROC>("eglQueryDeviceStringEXT");
  auto get_display = egl_proc<PFNEGLGETPLATFORMDISPLAYEXTPROC>("eglGetPlatformDisplayEXT");
  if (!query_devices || !query_string || !get_display) return EGL_NO_DISPLAY;
  EGLint n = 0;
  if (!query_devices(0, nullptr, &n) || n <= 0) return EGL_NO_DISPLAY;
  std::vector<EGLDeviceEXT> devices(n);
  query_devices(n, devices.data(), &n);
  for (EGLint i = 0; i < n; ++i) {
    const char* ext = query_string(devices[i], EGL_EXTENSIONS);
    if (has_extension(ext, "EGL_MESA_device_software")) continue;
    EGLDisplay d = initialise(get_display(EGL_PLATFORM_DEVICE_EXT, devices[i], nullptr));
    if (d != EGL_NO_DISPLAY) return d;
  }
  return EGL_NO_DISPLAY;
}

EGLDisplay surfaceless_display() {
  const char* client = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
  if (!has_extension(client, "EGL_MESA_platform_surfaceless")) return EGL_NO_DISPLAY;
  auto get_display = egl_proc<PFNEGLGETPLATFORMDISPLAYEXTPROC>("eglGetPlatformDisplayEXT");
  if (!get_display) return EGL_NO_DISPLAY;
  return initialise(get_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr));
}

}  // namespace

EglContext::EglContext() {
  const char* force = std::getenv("SECMAP_EGL_FORCE_FAIL");
  if (force && std::strcmp(force, "1") == 0)
    throw ContextError("no OpenGL context: SECMAP_EGL_FORCE_FAIL=1 is set");

  EGLDisplay display = device_display();
  platform_ = "device";
  if (display == EGL_NO_DISPLAY) {
    display = surfaceless_display();
    platform_ = "surfaceless";
  }
  if (display == EGL_NO_DISPLAY)
    throw ContextError(
        "no OpenGL context: EGL found neither a GPU device nor Mesa's surfaceless platform "
        "(install libegl1 and libgl1-mesa-dri)");
  display_ = display;

  // glvnd dispatches GL by the bound API: it must be desktop GL before creating the context.
  if (!eglBindAPI(EGL_OPENGL_API)) {
    eglTerminate(display);
    throw ContextError("no OpenGL context: eglBindAPI(EGL_OPENGL_API) failed");
  }
  const EGLint config_attribs[] = {EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE,
                                   EGL_OPENGL_BIT, EGL_NONE};
  EGLConfig config = nullptr;
  EGLint n = 0;
  bool have_config = eglChooseConfig(display, config_attribs, &config, 1, &n) && n > 0;
  // 4.3 core first (compute shaders for the GPU density), else the 3.3 core the map needs.
  // EGL_KHR_no_config_context lets a surfaceless context exist without a matching config.
  EGLContext ctx = EGL_NO_CONTEXT;
  for (EGLint minor_of_4 : {3, -1}) {
    const EGLint major = minor_of_4 < 0 ? 3 : 4, minor = minor_of_4 < 0 ? 3 : minor_of_4;
    const EGLint ctx_attribs[] = {EGL_CONTEXT_MAJOR_VERSION,
                                  major,
                                  EGL_CONTEXT_MINOR_VERSION,
                                  minor,
                                  EGL_CONTEXT_OPENGL_PROFILE_MASK,
                                  EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                                  EGL_NONE};
    ctx = eglCreateContext(display, have_config ? config : EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT,
                           ctx_attribs);
    if (ctx != EGL_NO_CONTEXT) break;
  }
  if (ctx == EGL_NO_CONTEXT) {
    eglTerminate(display);
    throw ContextError(
        "no OpenGL context: eglCreateContext for OpenGL 3.3 core failed (EGL error 0x" +
        [] {
          char b[16];
          std::snprintf(b, sizeof b, "%x", static_cast<unsigned>(eglGetError()));
          return std::string(b);
        }() +
        ")");
  }
  context_ = ctx;
  if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx)) {
    eglDestroyContext(display, ctx);
    eglTerminate(display);
    throw ContextError("no OpenGL context: eglMakeCurrent without a surface failed");
  }
  const char* r = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  renderer_ = r ? r : "unknown";
}

EglContext::~EglContext() {
  eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
  eglDestroyContext(display_, context_);
  eglTerminate(display_);
  eglReleaseThread();
}

}  // namespace secmap::render
