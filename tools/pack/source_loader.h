#pragma once
#include "core/pack/pack_writer.h"

#include <filesystem>
#include <string>
#include <vector>

namespace passerelle::packtool {

// A finding pointed at a source file and a JSON pointer (or a media file), printed as
// "file:pointer: message" (just "file: message" when there is no pointer).
struct Diagnostic {
    std::string file;    // relative to the source folder, e.g. "services/appointment.json"
    std::string pointer; // RFC 6901 JSON pointer, e.g. "/steps/3/title"; may be empty
    std::string message;
    std::string toString() const;
};

// The widget a text is drawn in, which bounds its length (see docs/pack-format.md).
enum class Widget {
    TileTitle,
    Summary,
    SlideText,
    ImageAlt,
    Question,
    Body,
    Button,
    Choice,
    Feedback,
    Message
};
std::size_t widgetLimit(Widget widget); // in characters (Unicode code points)
std::string_view widgetName(Widget widget);

struct TextSite {
    std::string file;
    std::string pointer;
    Widget widget;
    LocalizedText text;
};

struct StepSite {
    std::string file;
    std::string pointer; // of the step object
    std::size_t flow;    // index into PackSource::flows
    std::size_t step;    // index into Flow::steps
};

struct MediaSite {
    std::string file;  // "media/<name>"
    std::size_t media; // index into PackSource::media
};

struct LoadedSource {
    pack::PackSource source;
    std::vector<Diagnostic> errors; // the pack cannot be built while there is any
    std::vector<TextSite> texts;
    std::vector<StepSite> steps;
    std::vector<MediaSite> media;
    std::vector<std::pair<std::string, std::string>> imageRefs; // (file:pointer, media name)
};

// Reads a pack source folder:
//   pack.json          manifest: id, version, languages, minAppVersion, title, [description],
//   [created] lessons/*.json     one lesson per file services/*.json    one e-service flow per file
//   media/*            images (PNG or JPEG) referenced by name
// Translations are inline: every text is an object {"en": "...", "fr": "...", ...}.
LoadedSource loadSource(const std::filesystem::path& folder);

} // namespace passerelle::packtool
