// Kiosk core benchmark: submissions sealed + committed per second (synchronous=FULL, real file in
// $TMPDIR), against a baseline of sealing alone in the same run; and the Argon2id cost of a
// learner unlock (lookup hash + key derivation) with the kiosk's limits.
// Usage: bench_core_store [submissions-per-run=200] [runs=5] [unlock-runs=5]
#include "core/session/session.h"
#include "core/session/submission_json.h"
#include "core/store/learner_progress.h"
#include "temp_dir.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace passerelle;
using Clock = std::chrono::steady_clock;

namespace {

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const auto n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double seconds(Clock::duration d) {
    return std::chrono::duration<double>(d).count();
}

void fillSession(Session& session) {
    session.begin("fr", false);
    session.setAnswer("full_name", "Benchmark Resident");
    session.setAnswer("phone", "+33 6 00 00 00 00");
    session.setAnswer("address", std::string(300, 'a'));
    std::string_view docs[] = {"passport", "utility-bill"};
    session.setAnswer("documents", docs);
}

} // namespace

int main(int argc, char** argv) {
    const int perRun = argc > 1 ? std::atoi(argv[1]) : 200;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
    const int unlockRuns = argc > 3 ? std::atoi(argv[3]) : 5;
    const auto cityKey = SealingKeyPair::generate();
    Sealer sealer(cityKey.publicKey);

    // Baseline: build the JSON in guarded memory and seal it, no database.
    std::vector<double> sealRates;
    {
        Session session;
        fillSession(session);
        SubmissionHeader header{
            "0123456789abcdef",     1,    "housing-aid", "city-services", "1.0.0", "ABCD-EFGH",
            "2026-11-29T21:00:00Z", "fr", false,         std::nullopt};
        Answers answers;
        answers["full_name"].values.emplace_back(std::string_view("Benchmark Resident"));
        answers["address"].values.emplace_back(std::string_view(std::string(300, 'a')));
        for (int r = 0; r < runs; ++r) {
            auto start = Clock::now();
            for (int i = 0; i < perRun; ++i) {
                auto plain = buildSubmissionJson(header, answers);
                auto sealed = sealer.seal(plain);
                if (!sealed) return 1;
            }
            sealRates.push_back(perRun / seconds(Clock::now() - start));
        }
    }

    std::vector<double> commitRates;
    for (int r = 0; r < runs; ++r) {
        test::TempDir dir("passerelle-bench");
        auto store = Store::open(dir.path());
        if (!store) {
            std::fprintf(stderr, "%s\n", store.error().c_str());
            return 1;
        }
        Session session;
        auto start = Clock::now();
        for (int i = 0; i < perRun; ++i) {
            fillSession(session);
            auto receipt = session.seal(
                {"0123456789abcdef", "housing-aid", "city-services", "1.0.0"}, sealer, **store);
            if (!receipt) {
                std::fprintf(stderr, "%s\n", receipt.error().c_str());
                return 1;
            }
            session.end(EndReason::Finished);
        }
        commitRates.push_back(perRun / seconds(Clock::now() - start));
    }

    std::vector<double> unlockTimes, lookupTimes;
    {
        test::TempDir dir("passerelle-bench");
        auto store = std::move(*Store::open(dir.path()));
        LearnerProgress learners(*store, cityKey.publicKey);
        const auto code = LearnerProgress::newLearnerCode();
        const SecretBytes pin(std::string_view("482193"));
        std::vector<std::uint8_t> progress(200, 7);
        if (!learners.enroll(code, pin, progress)) return 1;
        for (int r = 0; r < unlockRuns; ++r) {
            auto start = Clock::now();
            if (!learners.lookupIdFor(code)) return 1;
            lookupTimes.push_back(seconds(Clock::now() - start));
            start = Clock::now();
            auto unlocked = learners.unlock(code, pin);
            if (!unlocked) return 1;
            unlockTimes.push_back(seconds(Clock::now() - start));
        }
    }

    const auto unlockLimits = PwhashLimits::unlock();
    const auto lookupLimits = PwhashLimits::lookup();
    std::printf("submissions per run: %d, runs: %d (medians)\n", perRun, runs);
    std::printf("seal only (JSON in guarded memory + crypto_box_seal): %10.0f /s\n",
                median(sealRates));
    std::printf("seal + commit (outbox, synchronous=FULL, WAL):        %10.0f /s  (%.3f of seal "
                "only)\n",
                median(commitRates), median(commitRates) / median(sealRates));
    std::printf("learner lookup id, Argon2id ops=%llu mem=%zu MiB:      %8.1f ms\n",
                lookupLimits.opslimit, lookupLimits.memlimit >> 20, median(lookupTimes) * 1000);
    std::printf("learner unlock total (lookup + key ops=%llu mem=%zu MiB + decrypt): %8.1f ms\n",
                unlockLimits.opslimit, unlockLimits.memlimit >> 20, median(unlockTimes) * 1000);
    return 0;
}
