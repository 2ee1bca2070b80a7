#pragma once
#include <functional>
#include <string>

namespace passerelle {

class Store;
class Session;
class Sealer;
class ContentCatalog;
class LearnerProgress;
struct PrivateInput;
class Clock;
namespace staff {
class StaffDesk;
}

// What the core's controllers use besides the state. Any pointer may be null (navigation-only
// tests); a controller then does what it can and says what is missing.
struct KioskServices {
    Store* store = nullptr;
    Session* session = nullptr;
    const Sealer* sealer = nullptr;
    const ContentCatalog* content = nullptr;
    LearnerProgress* learners = nullptr;
    staff::StaffDesk* staff = nullptr;
    const Clock* clock = nullptr;
    PrivateInput* input = nullptr; // learner code/PIN, staff PIN (owned by the Kiosk)
    std::string kioskId;
    // Called after a submission was sealed into the outbox (the sync worker sends it soon).
    std::function<void()> submissionSealed;
};

} // namespace passerelle
