// Prints, for passerelle-kiosk in a 1280x800 Xvfb display:
//  - process start → first presented frame (ms), welcome screen
//  - CPU seconds used over 10 s idle, on the welcome screen and on the home screen (session open)
// Each figure is the median of N runs (default 5). Needs Xvfb (Debian's xvfb package).
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

double nowRealtime() {
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return static_cast<double>(ts.tv_sec) + ts.tv_nsec / 1e9;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty()      ? 0
           : v.size() % 2 ? v[v.size() / 2]
                          : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

// utime + stime of a process, in seconds.
double cpuSeconds(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), {});
    auto close = stat.rfind(')');
    std::istringstream fields(stat.substr(close + 2));
    std::string f;
    long utime = 0, stime = 0;
    for (int i = 3; i <= 15; ++i) {
        fields >> f;
        if (i == 14) utime = std::stol(f);
        if (i == 15) stime = std::stol(f);
    }
    return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

struct Xvfb {
    pid_t pid = -1;
    std::string display;
    Xvfb() {
        for (int n = 90; n < 140; ++n) {
            if (access(("/tmp/.X11-unix/X" + std::to_string(n)).c_str(), F_OK) == 0) continue;
            display = ":" + std::to_string(n);
            pid = fork();
            if (pid == 0) {
                int devnull = open("/dev/null", O_WRONLY);
                dup2(devnull, 1);
                dup2(devnull, 2);
                execlp("Xvfb", "Xvfb", display.c_str(), "-screen", "0", "1280x800x24", "-nolisten",
                       "tcp", nullptr);
                _exit(127);
            }
            for (int i = 0; i < 100; ++i) {
                if (access(("/tmp/.X11-unix/X" + std::to_string(n)).c_str(), F_OK) == 0) return;
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
            kill(pid, SIGTERM);
            waitpid(pid, nullptr, 0);
        }
        std::fprintf(stderr, "kiosk_bench: cannot start Xvfb (apt install xvfb)\n");
        std::exit(1);
    }
    ~Xvfb() {
        kill(pid, SIGTERM);
        waitpid(pid, nullptr, 0);
    }
};

struct KioskRun {
    pid_t pid = -1;
    double startToFirstFrameMs = 0;
};

KioskRun startKiosk(const std::string& display, const std::string& dataDir,
                    const std::vector<std::string>& extra) {
    int pipefd[2];
    if (pipe(pipefd) != 0) std::exit(1);
    const double t0 = nowRealtime();
    KioskRun run;
    run.pid = fork();
    if (run.pid == 0) {
        dup2(pipefd[1], 1);
        close(pipefd[0]);
        setenv("DISPLAY", display.c_str(), 1);
        setenv("PASSERELLE_REPORT_FIRST_FRAME", "1", 1);
        std::vector<std::string> args = {KIOSK_BINARY, "--data-dir", dataDir, "--size", "1280x800"};
        args.insert(args.end(), extra.begin(), extra.end());
        std::vector<char*> argv;
        for (auto& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(pipefd[1]);
    FILE* out = fdopen(pipefd[0], "r");
    char line[256];
    while (std::fgets(line, sizeof line, out)) {
        double at = 0;
        if (std::sscanf(line, "first-frame-presented %lf", &at) == 1) {
            run.startToFirstFrameMs = (at - t0) * 1000.0;
            break;
        }
    }
    // Keep the pipe open in a detached reader so the kiosk never blocks on stdout.
    std::thread([out] {
        char buf[256];
        while (std::fgets(buf, sizeof buf, out)) {
        }
        std::fclose(out);
    }).detach();
    return run;
}

void stop(pid_t pid) {
    kill(pid, SIGTERM);
    waitpid(pid, nullptr, 0);
}

} // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    const double idleSeconds = 10.0;
    Xvfb xvfb;
    char tmpl[] = "/tmp/kiosk-bench-XXXXXX";
    const std::string dataDir = mkdtemp(tmpl);

    std::vector<double> startMs, idleWelcome, idleHome;
    for (int i = 0; i < runs; ++i) {
        for (int screen = 0; screen < 2; ++screen) {
            std::vector<std::string> extra;
            if (screen == 1) extra = {"--show", "home"};
            KioskRun run = startKiosk(xvfb.display, dataDir, extra);
            if (run.startToFirstFrameMs <= 0) {
                std::fprintf(stderr, "kiosk_bench: the kiosk did not present a frame\n");
                return 1;
            }
            if (screen == 0) startMs.push_back(run.startToFirstFrameMs);
            std::this_thread::sleep_for(std::chrono::seconds(1)); // settle frames
            const double before = cpuSeconds(run.pid);
            std::this_thread::sleep_for(std::chrono::duration<double>(idleSeconds));
            const double used = cpuSeconds(run.pid) - before;
            (screen == 0 ? idleWelcome : idleHome).push_back(used);
            stop(run.pid);
        }
    }
    std::string cmd = "rm -rf '" + dataDir + "'";
    if (std::system(cmd.c_str()) != 0)
        std::fprintf(stderr, "kiosk_bench: could not remove %s\n", dataDir.c_str());

    std::printf("passerelle-kiosk benchmark, Xvfb 1280x800, %d runs (medians)\n", runs);
    std::printf("  start -> first presented frame (welcome)   %8.1f ms\n", median(startMs));
    std::printf("  CPU over %.0f s idle, welcome screen         %8.3f CPU-s\n", idleSeconds,
                median(idleWelcome));
    std::printf("  CPU over %.0f s idle, home screen (session)  %8.3f CPU-s\n", idleSeconds,
                median(idleHome));
    const double worst = std::max(median(idleWelcome), median(idleHome));
    std::printf("  idle target <= 0.05 CPU-s per 10 s: %s\n", worst <= 0.05 ? "met" : "NOT MET");
    return 0;
}
