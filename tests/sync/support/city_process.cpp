#include "city_process.h"

#include "temp_dir.h"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <poll.h>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace passerelle::test {

std::filesystem::path executable(const std::string& relative) {
    return binaryDir() / relative;
}

namespace {

std::vector<char*> cArgs(std::vector<std::string>& args) {
    std::vector<char*> out;
    for (auto& a : args)
        out.push_back(a.data());
    out.push_back(nullptr);
    return out;
}

std::string readAll(int fd) {
    std::string out;
    char buffer[4096];
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;)
        out.append(buffer, static_cast<std::size_t>(n));
    return out;
}

} // namespace

CityProcess::CityProcess(std::filesystem::path dataDir, std::string dbUrl,
                         std::vector<std::string> extraArgs)
    : dataDir_(std::move(dataDir)), dbUrl_(std::move(dbUrl)), extraArgs_(std::move(extraArgs)) {
    start();
}

CityProcess::~CityProcess() {
    kill(SIGTERM);
}

void CityProcess::start() {
    std::vector<std::string> args = {executable("sync/server/passerelle-city").string(),
                                     "--demo",
                                     "--data-dir",
                                     dataDir_.string(),
                                     "--db",
                                     dbUrl_,
                                     "--listen",
                                     "127.0.0.1:" + std::to_string(port_),
                                     "--source-dir",
                                     sourceDir().string()};
    args.insert(args.end(), extraArgs_.begin(), extraArgs_.end());
    for (int attempt = 0; attempt < 50; ++attempt) {
        int out[2];
        if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
        pid_t pid = ::fork();
        if (pid == 0) {
            ::dup2(out[1], 1);
            // Request logs: to $PASSERELLE_TEST_CITY_LOG when debugging, else nowhere.
            const char* log = std::getenv("PASSERELLE_TEST_CITY_LOG");
            int errors = ::open(log ? log : "/dev/null", O_WRONLY | O_CREAT | O_APPEND, 0644);
            ::dup2(errors, 2);
            ::close(out[0]);
            auto argv = cArgs(args);
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
        ::close(out[1]);
        // Wait for "listening on http://127.0.0.1:PORT".
        std::string seen;
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (std::chrono::steady_clock::now() < deadline &&
               seen.find("listening on") == std::string::npos) {
            pollfd p{out[0], POLLIN, 0};
            if (::poll(&p, 1, 200) > 0) {
                char buffer[512];
                auto n = ::read(out[0], buffer, sizeof buffer);
                if (n <= 0) break;
                seen.append(buffer, static_cast<std::size_t>(n));
            }
        }
        ::close(out[0]);
        auto at = seen.find("listening on http://127.0.0.1:");
        if (at != std::string::npos) {
            pid_ = pid;
            port_ = std::stoi(seen.substr(at + 30));
            return;
        }
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
        // The port may still be held by the previous run for a moment after a kill: retry.
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    throw std::runtime_error("passerelle-city did not start");
}

void CityProcess::kill(int signal) {
    if (pid_ <= 0) return;
    ::kill(pid_, signal);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
}

RunResult runProgram(const std::vector<std::string>& argvIn) {
    auto args = argvIn;
    int out[2], err[2];
    if (::pipe(out) != 0 || ::pipe(err) != 0) throw std::runtime_error("pipe failed");
    pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(out[1], 1);
        ::dup2(err[1], 2);
        ::close(out[0]);
        ::close(err[0]);
        auto argv = cArgs(args);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(out[1]);
    ::close(err[1]);
    RunResult result;
    std::thread errors([&] { result.err = readAll(err[0]); });
    result.out = readAll(out[0]);
    errors.join();
    ::close(out[0]);
    ::close(err[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

} // namespace passerelle::test
