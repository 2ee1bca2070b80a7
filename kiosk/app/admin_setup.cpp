#include "admin_setup.h"

#include "core/staff/staff_accounts.h"
#include "core/staff/staff_desk.h"
#include "core/store/stats.h"
#include "core/store/store.h"
#include "passerelle/common/secret.h"

#include <cctype>
#include <cstdio>
#include <iostream>
#include <termios.h>
#include <unistd.h>

namespace passerelle::app {

namespace {
// One line from stdin into guarded memory; no echo when stdin is a terminal.
SecretBytes readPin(const char* prompt) {
    const bool tty = isatty(STDIN_FILENO) != 0;
    termios saved{};
    if (tty) {
        std::fputs(prompt, stderr);
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    SecretBytes line(16);
    std::size_t n = 0;
    for (int c; (c = std::fgetc(stdin)) != EOF && c != '\n';)
        if (n < line.size() && c != '\r') line.data()[n++] = static_cast<std::uint8_t>(c);
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fputs("\n", stderr);
    }
    return SecretBytes(line.text().substr(0, n));
}
} // namespace

int createFirstAdmin(const std::filesystem::path& dataDir, const std::string& name) {
    if (name.empty() || name.size() > 80) {
        std::cerr << "cannot create the admin: give a name of 1 to 80 characters\n";
        return 2;
    }
    auto store = Store::open(dataDir);
    if (!store) {
        std::cerr << "cannot open the kiosk data in " << dataDir << ": " << store.error() << "\n";
        return 1;
    }
    StaffAccounts accounts(**store);
    SecretBytes pin = readPin("PIN for the new admin (4 to 12 digits): ");
    SecretBytes again = readPin("The same PIN again: ");
    if (!(pin == again)) {
        std::cerr << "the two PINs differ; nothing was created, run the command again\n";
        return 2;
    }
    // Refused (with a message) when an admin exists already or the PIN breaks the rules.
    auto admin = accounts.createFirstAdmin(staff::staffIdFor(name), name, pin);
    if (!admin) {
        std::cerr << "cannot create the admin: " << admin.error() << "\n";
        return 1;
    }
    std::cout << "admin \"" << admin->name << "\" (" << admin->staffId
              << ") created; open staff mode with a 3 s press in the "
                 "top-left corner of the welcome screen\n";
    return 0;
}

} // namespace passerelle::app
