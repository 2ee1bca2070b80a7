// Power loss: a writer process is killed with SIGKILL at random moments, 200 times, on the same
// data folder. Afterwards the database passes integrity_check, every submission whose commit had
// returned (the writer printed its sequence) is present, and every record is whole (it opens with
// the city key and names its own sequence).
//
// SIGKILL stops the process at any instruction, including inside SQLite's commit; the kernel's page
// cache survives it, so this proves SQLite's journalling is used correctly (one transaction per
// submission, nothing outside it). Durability against a real power cut additionally relies on
// synchronous=FULL (checked in store_test), i.e. fsync of the WAL before the commit returns.
#include "core/store/store.h"
#include "core_test_support.h"
#include "temp_dir.h"

#include <chrono>
#include <csignal>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <random>
#include <set>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace passerelle;
using passerelle::test::TempDir;

namespace {

struct RunResult {
    std::vector<std::int64_t> printed;
    bool killed = false;
};

// Starts the writer, kills it after `delay` (counted from its first committed submission when
// `afterFirstCommit`, else from the start, which also cuts it while opening the database), and
// returns the sequences it printed (complete lines).
RunResult runAndKill(const std::filesystem::path& dataDir, std::chrono::microseconds delay,
                     bool afterFirstCommit) {
    int pipeFds[2];
    REQUIRE(::pipe(pipeFds) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipeFds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, pipeFds[0]);
    std::string program = POWER_LOSS_WRITER;
    std::string dir = dataDir.string();
    char* argv[] = {program.data(), dir.data(), nullptr};
    pid_t pid = 0;
    REQUIRE(posix_spawn(&pid, program.c_str(), &actions, nullptr, argv, environ) == 0);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipeFds[1]);

    std::string output;
    if (afterFirstCommit) {
        char c = 0;
        pollfd wait{pipeFds[0], POLLIN, 0};
        while (c != '\n' && ::poll(&wait, 1, 20000) == 1 && ::read(pipeFds[0], &c, 1) == 1)
            output += c;
    }
    std::this_thread::sleep_for(delay);
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);

    char buffer[4096];
    ssize_t n;
    while ((n = ::read(pipeFds[0], buffer, sizeof buffer)) > 0)
        output.append(buffer, static_cast<std::size_t>(n));
    ::close(pipeFds[0]);

    RunResult result;
    result.killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    std::size_t start = 0, end;
    while ((end = output.find('\n', start)) != std::string::npos) {
        result.printed.push_back(std::stoll(output.substr(start, end - start)));
        start = end + 1;
    }
    return result;
}

} // namespace

TEST_CASE("power loss: 200 random SIGKILLs of a writer lose no committed submission") {
    TempDir dir;
    const auto dataDir = dir.path() / "data";
    std::mt19937 random(std::random_device{}());
    std::uniform_int_distribution<int> delayMicros(0, 40000);

    constexpr int kRuns = 200;
    std::set<std::int64_t> printed;
    int killedRuns = 0;
    int runsThatCommitted = 0;
    for (int run = 0; run < kRuns; ++run) {
        const bool afterFirstCommit = run % 2 == 1;
        auto result =
            runAndKill(dataDir, std::chrono::microseconds(delayMicros(random)), afterFirstCommit);
        killedRuns += result.killed;
        runsThatCommitted += !result.printed.empty();
        if (afterFirstCommit) CHECK_FALSE(result.printed.empty());
        for (auto sequence : result.printed)
            CHECK(printed.insert(sequence).second); // no reuse
    }
    CHECK(killedRuns >= kRuns * 9 / 10); // the writer really was cut, not finished or crashed
    CHECK(runsThatCommitted >= kRuns / 2);
    INFO("sequences printed: " << printed.size());

    auto opened = Store::open(dataDir);
    REQUIRE_MESSAGE(opened.has_value(), (opened ? "" : opened.error()));
    auto store = std::move(*opened);
    CHECK(store->statusEvents().value().empty()); // never damaged, never moved aside
    CHECK(store->integrityCheck().value() == "ok");

    auto records = store->pendingOutbox(1000000).value();
    std::set<std::int64_t> stored;
    const auto secret = test::demoCitySealingSecret();
    const auto publicKey = test::demoCitySealingPublic();
    for (const auto& record : records) {
        stored.insert(record.sequence);
        auto plain = test::openSealed(record.sealed, publicKey, secret);
        REQUIRE_MESSAGE(plain.has_value(), "record " << record.sequence << " is not whole");
        auto doc = nlohmann::json::parse(*plain);
        CHECK(doc["sequence"] == record.sequence);
        CHECK(doc["answers"]["name"] == "Power Cut Resident");
    }
    for (auto sequence : printed)
        CHECK_MESSAGE(stored.count(sequence) == 1, "committed sequence " << sequence << " lost");
    // Sequences are contiguous: a killed commit never burnt or reused a number.
    if (!records.empty())
        CHECK(records.back().sequence - records.front().sequence + 1 ==
              static_cast<std::int64_t>(records.size()));
}
