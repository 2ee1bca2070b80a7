#include "admin_setup.h"
#include "kiosk_app.h"
#include "options.h"

#include <cstdio>

int main(int argc, char** argv) {
    using namespace passerelle::app;
    ParseResult parsed = parseOptions(argc, argv);
    switch (parsed.outcome) {
    case ParseOutcome::ExitOk:
        std::fputs(parsed.message.c_str(), stdout);
        return 0;
    case ParseOutcome::ExitUsage:
        std::fputs(parsed.message.c_str(), stderr);
        return 2;
    case ParseOutcome::Run:
        break;
    }
    if (!parsed.options.createAdmin.empty())
        return createFirstAdmin(parsed.options.dataDir.empty() ? defaultDataDir()
                                                               : parsed.options.dataDir,
                                parsed.options.createAdmin);
    return runKiosk(parsed.options);
}
