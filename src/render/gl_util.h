// Small OpenGL helpers: shader programs built from the GLSL files embedded at build time (with
// the file name and the driver's log in every error), RAII buffer objects and an offscreen
// framebuffer (multisampled, resolved for read-back). Needs a current GL 3.3 core context.
#pragma once
#include <GL/glcorearb.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace secmap::shaders {
// shaders/*.glsl, embedded by cmake/EmbedFiles.cmake: (file name, content).
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_files();
}  // namespace secmap::shaders

namespace secmap::render {

class GlError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The embedded shader file by name ("polygon.vert.glsl"); throws GlError when absent.
std::string_view shader_source(std::string_view name);

class Program {
 public:
  Program() = default;
  // Compiles and links the two embedded files; throws GlError with the file name and GL log.
  Program(std::string_view vertex_file, std::string_view fragment_file);
  ~Program();
  Program(Program&& o) noexcept : id_(std::exchange(o.id_, 0)) {}
  Program& operator=(Program&& o) noexcept;
  Program(const Program&) = delete;
  Program& operator=(const Program&) = delete;

  GLuint id() const { return id_; }
  void use() const { glUseProgram(id_); }
  GLint uniform(const char* name) const { return glGetUniformLocation(id_, name); }

 private:
  GLuint id_ = 0;
};

// Compiles and links one embedded compute shader (GL 4.3); throws GlError with the file name
// and GL log. The caller owns the program (glDeleteProgram).
GLuint compute_program(std::string_view file);

// A vertex array with its buffers, freed together.
class Mesh {
 public:
  Mesh() = default;
  ~Mesh() { release(); }
  Mesh(Mesh&& o) noexcept;
  Mesh& operator=(Mesh&& o) noexcept;
  Mesh(const Mesh&) = delete;
  Mesh& operator=(const Mesh&) = delete;

  GLuint vao();  // created on first use
  // Creates a buffer, uploads data and keeps it with the mesh.
  GLuint add_buffer(const void* data, size_t bytes);
  void release();

 private:
  GLuint vao_ = 0;
  std::vector<GLuint> buffers_;
};

// The one offscreen render target (headless images, the window's map image, the static layer
// cache): a single-sampled RGBA image, and with samples > 1 a multisampled buffer resolved into
// it by blit. Samples are clamped to what the driver allows.
class Framebuffer {
 public:
  Framebuffer(int width, int height, int samples);
  ~Framebuffer();
  Framebuffer(const Framebuffer&) = delete;
  Framebuffer& operator=(const Framebuffer&) = delete;

  // For drawing, with the viewport set: into the multisampled buffer when there is one and
  // `multisample` asks for it, else straight into the image.
  // The image is resolved from the multisampled buffer when that was bound last.
  void bind(bool multisample = true);
  // A multisampled draw resolved into the image (nothing to do after a single-sampled one).
  void resolve();
  // Resolves and reads the image as RGBA rows from the top.
  std::vector<uint8_t> read_rgba();
  // Copies the image's rectangle (sx0, sy0)–(sx1, sy1) into (x0, y0)–(x1, y1) of draw
  // framebuffer `dst` (GL coordinates), with linear filtering when the sizes differ; `dst` stays
  // bound.
  void blit_to(GLuint dst, int sx0, int sy0, int sx1, int sy1, int x0, int y0, int x1,
               int y1) const;
  void blit_to(GLuint dst, int x0, int y0, int x1, int y1) const {
    blit_to(dst, 0, 0, width_, height_, x0, y0, x1, y1);
  }
  int width() const { return width_; }
  int height() const { return height_; }
  int samples() const { return samples_; }

 private:
  int width_, height_, samples_;
  GLuint bound_fbo_ = 0;  // what bind() bound last: the multisampled buffer or the image
  GLuint image_fbo_ = 0, image_rb_ = 0, msaa_fbo_ = 0, msaa_rb_ = 0;
};

// Whether the context draws on the CPU (Mesa's llvmpipe or softpipe): what multisampling,
// compute shaders and the bin counting pass choose by.
bool software_renderer();
// Multisampling a map gets when the caller does not choose: 4 on a GPU; 1 on a software
// renderer, where it doubles the draw and adds a resolve while symbols and lines are already
// antialiased in their shaders.
int default_map_samples();

// Throws GlError naming `what` when glGetError reports an error.
void check_gl(const char* what);

}  // namespace secmap::render
