#pragma once
// Drawing text that may be right-to-left. Screens pass LOGICAL strings (as they come from
// I18n::text/format or from the resident) and the direction of the current language; these
// helpers shape and reorder them (core/i18n/bidi.h) and align them: in a right-to-left language
// "start" is the right edge. Nothing is cached: personal text typed by a resident is not kept.
#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace passerelle::ui::text {

enum class Align {
    Start, // left in a left-to-right language, right in a right-to-left one
    Center,
    End, // the opposite of Start
};

// The string to hand to ImGui (visual order, Arabic shaped). Use it for widget labels too.
std::string visual(std::string_view logical, bool rtl);

// Size of the text in `font` at `size` pixels (the current font and size when null / 0).
ImVec2 measure(std::string_view logical, bool rtl, ImFont* font = nullptr, float size = 0.0f);

// Like ImGui::TextUnformatted at the cursor, aligned within the available content width.
void draw(std::string_view logical, bool rtl, Align align = Align::Start);

// Draws into a draw list, aligned within [pos.x, pos.x + boxWidth] (boxWidth 0: at pos, growing
// to the right for Start in LTR and to the left of pos.x for Start in RTL).
void drawAt(ImDrawList* drawList, ImFont* font, float size, ImVec2 pos, ImU32 color,
            std::string_view logical, bool rtl, Align align = Align::Start, float boxWidth = 0.0f);

// The same for a string ALREADY in visual order (a line from wrap() or visual()); passing such a
// string to drawAt would reorder it a second time.
void drawVisualAt(ImDrawList* drawList, ImFont* font, float size, ImVec2 pos, ImU32 color,
                  std::string_view visualText, bool rtl, Align align = Align::Start,
                  float boxWidth = 0.0f);

// A wrapped paragraph into a draw list, lines `lineHeight` apart (0: 1.3 x size), aligned in
// [pos.x, pos.x + boxWidth]. Returns the height used.
float drawWrappedAt(ImDrawList* drawList, ImFont* font, float size, ImVec2 pos, ImU32 color,
                    std::string_view logical, bool rtl, float boxWidth,
                    std::string_view locale = "en", float lineHeight = 0.0f,
                    Align align = Align::Start);

// Lines of a paragraph wrapped to `width` in `font` at `size` (the current ones when null / 0),
// in visual order: wrapping happens on the logical text, then each line is reordered. Draw them
// with drawVisualAt or ImGui::TextUnformatted, not with draw/drawAt.
// `locale` picks ICU's line-breaking rules (I18n::icuLocale()).
std::vector<std::string> wrap(std::string_view logical, bool rtl, float width,
                              ImFont* font = nullptr, float size = 0.0f,
                              std::string_view locale = "en");

// A wrapped paragraph at the cursor (width 0: the available content width), every line aligned
// to the start side: right-aligned lines in a right-to-left language.
void drawWrapped(std::string_view logical, bool rtl, float width = 0.0f,
                 std::string_view locale = "en", Align align = Align::Start);

} // namespace passerelle::ui::text
