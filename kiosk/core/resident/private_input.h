#pragma once
#include "passerelle/common/secret.h"

namespace passerelle {

// Secrets typed on the on-screen keyboard that are not form answers: the learner code and PIN,
// a staff PIN. Guarded memory, wiped at the end of every session (and after each use).
struct PrivateInput {
    SecretBytes learnerCode;
    SecretBytes learnerPin;
    SecretBytes staffPin;
    void wipe() {
        learnerCode.wipe();
        learnerPin.wipe();
        staffPin.wipe();
    }
};

} // namespace passerelle
