#pragma once
// Runs the real passerelle-city executable as a child process on a loopback port.
#include <filesystem>
#include <string>
#include <sys/types.h>
#include <vector>

namespace passerelle::test {

std::filesystem::path
executable(const std::string& relativeToBuild); // e.g. "sync/server/passerelle-city"

class CityProcess {
  public:
    // --demo (demo keys, demo enrolment code), --data-dir dataDir, --db dbUrl, on 127.0.0.1:port
    // (port 0 = any free port; restart() reuses the port it got).
    CityProcess(std::filesystem::path dataDir, std::string dbUrl,
                std::vector<std::string> extraArgs = {});
    ~CityProcess();
    void start();
    void kill(int signal = 9); // and reap
    void restart() {
        kill();
        start();
    }
    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    const std::string& dbUrl() const { return dbUrl_; }
    bool running() const { return pid_ > 0; }

  private:
    std::filesystem::path dataDir_;
    std::string dbUrl_;
    std::vector<std::string> extraArgs_;
    int port_ = 0;
    pid_t pid_ = -1;
};

// Runs a program to completion; returns its exit status and captured stdout (stderr to `errors`).
struct RunResult {
    int exitCode = -1;
    std::string out, err;
};
RunResult runProgram(const std::vector<std::string>& argv);

} // namespace passerelle::test
