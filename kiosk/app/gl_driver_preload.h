#pragma once
// Loads Mesa's GL driver on a worker thread while the kiosk opens its catalogs and data, so that
// the window does not wait for it. Mesa's driver is one large library (hard links named
// swrast_dri.so, v3d_dri.so, ...) that links LLVM: relocating it is 25-35 ms of CPU, the largest
// single cost of a start. When SDL creates the GL context, Mesa's own dlopen finds the library
// already loaded (glibc matches the file, whatever the link's name) and returns at once.
//
// Nothing is loaded when the driver is not where Debian's libgl1-mesa-dri puts it (then the
// window simply loads its own driver), or when PASSERELLE_GL_PRELOAD=0 (machines whose GL is
// not Mesa's, where it would only cost memory).
#include <thread>

namespace passerelle::app {

class GlDriverPreload {
  public:
    GlDriverPreload();
    ~GlDriverPreload(); // waits for the worker
    GlDriverPreload(const GlDriverPreload&) = delete;
    GlDriverPreload& operator=(const GlDriverPreload&) = delete;

  private:
    std::thread worker_;
};

} // namespace passerelle::app
