// Watches a region of an X display until a screen has been drawn there, then prints the
// wall-clock time. The benchmark suite uses it to time "start -> first paint" of the kiosk and of
// Chromium the same way, from the outside.
//
//   paint_probe DISPLAY X Y W H [TIMEOUT_MS]
//
// Prints "ready" once connected, then "painted <unix-seconds>" as soon as the region shows text
// on a light background: at least 50 % light pixels (every channel >= 0xD8) and at least 1 % dark
// ones (every channel < 0x60). An unmapped screen (white root window, Xvfb -wr), a black window
// before its first frame and a blank page all fail the test; a title line of text passes it.
// Exits 1 on timeout (default 30 s), 2 on bad arguments or no display.
#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <thread>

namespace {

struct Counts {
    long light = 0, dark = 0, total = 0;
};

Counts countPixels(Display* display, Window root, int x, int y, int w, int h) {
    Counts c;
    XImage* image = XGetImage(display, root, x, y, static_cast<unsigned>(w),
                              static_cast<unsigned>(h), AllPlanes, ZPixmap);
    if (!image) return c;
    const bool direct = image->bits_per_pixel == 32 && image->byte_order == LSBFirst;
    for (int j = 0; j < h; ++j) {
        const auto* row = reinterpret_cast<const unsigned char*>(image->data) +
                          static_cast<long>(j) * image->bytes_per_line;
        for (int i = 0; i < w; ++i) {
            // 32-bit little-endian pixels are B, G, R, X in memory (Xvfb -screen WxHx24).
            const unsigned long p = direct ? (unsigned long)row[4 * i] |
                                                 (unsigned long)row[4 * i + 1] << 8 |
                                                 (unsigned long)row[4 * i + 2] << 16
                                           : XGetPixel(image, i, j);
            const unsigned r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
            if (r >= 0xD8 && g >= 0xD8 && b >= 0xD8) ++c.light;
            if (r < 0x60 && g < 0x60 && b < 0x60) ++c.dark;
            ++c.total;
        }
    }
    XDestroyImage(image);
    return c;
}

double nowRealtime() {
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 6) {
        std::fprintf(stderr, "usage: paint_probe DISPLAY X Y W H [TIMEOUT_MS]\n");
        return 2;
    }
    const int x = std::atoi(argv[2]), y = std::atoi(argv[3]);
    const int w = std::atoi(argv[4]), h = std::atoi(argv[5]);
    const int timeoutMs = argc > 6 ? std::atoi(argv[6]) : 30'000;
    if (w <= 0 || h <= 0) return 2;
    Display* display = XOpenDisplay(argv[1]);
    if (!display) {
        std::fprintf(stderr, "paint_probe: cannot open display %s\n", argv[1]);
        return 2;
    }
    const Window root = DefaultRootWindow(display);
    std::printf("ready\n");
    std::fflush(stdout);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (std::chrono::steady_clock::now() < deadline) {
        const Counts c = countPixels(display, root, x, y, w, h);
        if (c.total > 0 && c.light * 2 >= c.total && c.dark * 100 >= c.total) {
            std::printf("painted %.6f\n", nowRealtime());
            std::fflush(stdout);
            XCloseDisplay(display);
            return 0;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(3));
    }
    std::printf("timeout\n");
    XCloseDisplay(display);
    return 1;
}
