// Helper process for power_loss_test: commits sealed submissions in a loop through the real
// session path and prints each sequence number on stdout only after its commit returned.
// Usage: core_power_loss_writer <dataDir>
#include "core/session/session.h"
#include "core_test_support.h"

#include <cstdio>
#include <string>
#include <unistd.h>

using namespace passerelle;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s <dataDir>\n", argv[0]);
        return 2;
    }
    auto store = Store::open(argv[1]);
    if (!store) {
        std::fprintf(stderr, "%s\n", store.error().c_str());
        return 1;
    }
    Sealer sealer(test::demoCitySealingPublic());
    Session session;
    for (int i = 0;; ++i) {
        if (!session.begin("fr", false)) return 1;
        // Large enough that a commit spans several pages and can be cut in the middle.
        std::string note(1500 + (i % 7) * 900, static_cast<char>('a' + i % 26));
        if (!session.setAnswer("note", note) || !session.setAnswer("name", "Power Cut Resident"))
            return 1;
        auto receipt = session.seal({"power-loss-kiosk", "housing-aid", "city-services", "1.0.0"},
                                    sealer, **store);
        if (!receipt) {
            std::fprintf(stderr, "%s\n", receipt.error().c_str());
            return 1;
        }
        session.end(EndReason::Finished);
        const std::string line = std::to_string(receipt->sequence) + "\n";
        if (::write(STDOUT_FILENO, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
            return 1;
    }
}
