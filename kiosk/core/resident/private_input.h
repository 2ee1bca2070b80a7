#pragma once
#include "passerelle/common/secret.h"

namespace passerelle {

// Secrets typed on the on-screen keyboard that are not form answers: the learner code and PIN,
// a staff PIN. Guarded memory, wiped at the end of every session (and after each use).
struct PrivateInput {
    SecretBytes learnerCode;
    SecretBytes learnerPin;
    SecretBytes staffPin;
    SecretBytes newStaffPin;      // an admin adding a member: the new PIN
    SecretBytes newStaffPinAgain; // and the same PIN typed again
    void wipe() {
        newStaffPin.wipe();
        newStaffPinAgain.wipe();
        learnerCode.wipe();
        learnerPin.wipe();
        staffPin.wipe();
    }
};

} // namespace passerelle
