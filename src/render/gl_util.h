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

// Offscreen render target: with samples > 1 a multisampled colour buffer resolved by blit.
class Framebuffer {
 public:
  Framebuffer(int width, int height, int samples);
  ~Framebuffer();
  Framebuffer(const Framebuffer&) = delete;
  Framebuffer& operator=(const Framebuffer&) = delete;

  void bind() const;  // for drawing, with the viewport set
  // Resolves and reads the image as RGBA rows from the top.
  std::vector<uint8_t> read_rgba();
  int width() const { return width_; }
  int height() const { return height_; }
  int samples() const { return samples_; }

 private:
  int width_, height_, samples_;
  GLuint draw_fbo_ = 0, draw_rb_ = 0, resolve_fbo_ = 0, resolve_rb_ = 0;
};

// Throws GlError naming `what` when glGetError reports an error.
void check_gl(const char* what);

}  // namespace secmap::render
