#pragma once
#include "core/pack/localized_text.h"

#include <string>
#include <vector>

namespace passerelle::lesson {

// One screen of a lesson: a short text, optionally an image from the pack's media.
struct Slide {
    LocalizedText text;
    std::string image;      // media name in the pack, "" when the slide has no image
    LocalizedText imageAlt; // what the image shows, read aloud instead of the picture
    bool operator==(const Slide&) const = default;
};

struct QuizQuestion {
    LocalizedText question;
    std::vector<LocalizedText> choices;
    std::size_t answer = 0;      // index into choices
    LocalizedText rightFeedback; // shown when the resident picks the right answer
    LocalizedText wrongFeedback; // shown otherwise: kind, and explains the right answer
    bool isRight(std::size_t choice) const { return choice == answer; }
    bool operator==(const QuizQuestion&) const = default;
};

struct Lesson {
    std::string id;
    LocalizedText title;
    LocalizedText summary;
    std::vector<Slide> slides; // in the order they are shown
    std::vector<QuizQuestion> quiz;
    bool operator==(const Lesson&) const = default;
};

} // namespace passerelle::lesson
