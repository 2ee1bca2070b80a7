// The app's Speech player: speak() returns at once (a frame never waits for the engine), requests
// are taken one after another, and with no audio device it stays silent instead of failing.
#include "speech.h"

#include <chrono>
#include <doctest/doctest.h>
#include <string>
#include <thread>

using namespace passerelle;
using Clock = std::chrono::steady_clock;

TEST_CASE("speak() never blocks the caller and the player shuts down cleanly") {
    app::Speech speech;
    SpeechRequest request{"Welcome. What would you like to do today?", "en", 70, 1};
    const auto start = Clock::now();
    for (int i = 0; i < 20; ++i) {
        request.serial = i + 1;
        speech.speak(request);
    }
    const auto elapsed = Clock::now() - start;
    CHECK(elapsed < std::chrono::milliseconds(50)); // 20 requests, no waiting on audio
    // Wait (bounded) until the worker has taken the last request or found there is no audio.
    const auto deadline = Clock::now() + std::chrono::seconds(10);
    while (Clock::now() < deadline && speech.available() && speech.spoken() == 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    MESSAGE(
        "audio device " << std::string(speech.available() ? "available" : "absent (silent mode)")
                        << ", requests spoken: " << speech.spoken());
    if (speech.available()) {
        // Requests queued while one is starting replace each other: far fewer than 20 reach
        // espeak, and the last one is always spoken.
        CHECK(speech.spoken() >= 1);
        CHECK(speech.spoken() <= 20);
    } else {
        CHECK(speech.spoken() == 0);
        speech.speak(request); // still fine to call
    }
}
