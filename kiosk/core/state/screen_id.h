#pragma once
#include <string_view>

namespace passerelle {

// Every screen the resident (or staff) can be on. The UI draws exactly one of them per frame.
enum class ScreenId {
    Welcome,        // no session: tap anywhere, or pick a language, to start
    Home,           // the four tiles
    Learn,          // lesson list
    Services,       // e-service list with search
    Help,           // ask for help
    Accessibility,  // text size, contrast, read aloud, more time
    ServiceStep,    // one question of an e-service
    ServiceReview,  // every answer, each can be changed; consent; send
    ServiceReceipt, // reference code + QR, what happens next
    Lesson,         // slides, quiz, completion (LessonView::stage)
    StaffPin,       // PIN pad after the hidden gesture
    StaffPanel,     // staff and admin panel
};

std::string_view screenName(ScreenId screen);
bool parseScreenName(std::string_view name, ScreenId& out);

} // namespace passerelle
