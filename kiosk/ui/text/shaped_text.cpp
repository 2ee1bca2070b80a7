#include "ui/text/shaped_text.h"

#include "core/i18n/bidi.h"

#include <cfloat>

namespace passerelle::ui::text {

namespace {

ImFont* orCurrent(ImFont* font) {
    return font ? font : ImGui::GetFont();
}
float orCurrent(float size) {
    return size > 0.0f ? size : ImGui::GetFontSize();
}

float widthOf(ImFont* font, float size, std::string_view visualText) {
    return font
        ->CalcTextSizeA(size, FLT_MAX, 0.0f, visualText.data(),
                        visualText.data() + visualText.size())
        .x;
}

// Offset of a line of `width` inside a box of `boxWidth` for the alignment and direction.
float offsetFor(Align align, bool rtl, float boxWidth, float width) {
    const float free = boxWidth - width;
    switch (align) {
    case Align::Center:
        return free * 0.5f;
    case Align::Start:
        return rtl ? free : 0.0f;
    case Align::End:
        return rtl ? 0.0f : free;
    }
    return 0.0f;
}

void drawVisualLine(const std::string& line, bool rtl, Align align, float boxWidth) {
    const float width = ImGui::CalcTextSize(line.data(), line.data() + line.size()).x;
    const float offset = offsetFor(align, rtl, boxWidth, width);
    if (offset > 0.0f) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + offset);
    ImGui::TextUnformatted(line.data(), line.data() + line.size());
}

} // namespace

std::string visual(std::string_view logical, bool rtl) {
    return i18n::visualOrder(logical, rtl);
}

ImVec2 measure(std::string_view logical, bool rtl, ImFont* font, float size) {
    const std::string line = visual(logical, rtl);
    return orCurrent(font)->CalcTextSizeA(orCurrent(size), FLT_MAX, 0.0f, line.data(),
                                          line.data() + line.size());
}

void draw(std::string_view logical, bool rtl, Align align) {
    drawVisualLine(visual(logical, rtl), rtl, align, ImGui::GetContentRegionAvail().x);
}

void drawVisualAt(ImDrawList* drawList, ImFont* font, float size, ImVec2 pos, ImU32 color,
                  std::string_view line, bool rtl, Align align, float boxWidth) {
    font = orCurrent(font);
    size = orCurrent(size);
    const float width = widthOf(font, size, line);
    float x = pos.x;
    if (boxWidth > 0.0f) {
        x += offsetFor(align, rtl, boxWidth, width);
    } else if (align == Align::Center) {
        x -= width * 0.5f;
    } else if ((align == Align::Start) == rtl) { // pos is the right edge: RTL start, LTR end
        x -= width;
    }
    drawList->AddText(font, size, ImVec2(x, pos.y), color, line.data(), line.data() + line.size());
}

void drawAt(ImDrawList* drawList, ImFont* font, float size, ImVec2 pos, ImU32 color,
            std::string_view logical, bool rtl, Align align, float boxWidth) {
    drawVisualAt(drawList, font, size, pos, color, visual(logical, rtl), rtl, align, boxWidth);
}

float drawWrappedAt(ImDrawList* drawList, ImFont* font, float size, ImVec2 pos, ImU32 color,
                    std::string_view logical, bool rtl, float boxWidth, std::string_view locale,
                    float lineHeight, Align align) {
    font = orCurrent(font);
    size = orCurrent(size);
    if (lineHeight <= 0.0f) lineHeight = size * 1.3f;
    float y = pos.y;
    for (const auto& line : wrap(logical, rtl, boxWidth, font, size, locale)) {
        drawVisualAt(drawList, font, size, ImVec2(pos.x, y), color, line, rtl, align, boxWidth);
        y += lineHeight;
    }
    return y - pos.y;
}

std::vector<std::string> wrap(std::string_view logical, bool rtl, float width, ImFont* font,
                              float size, std::string_view locale) {
    font = orCurrent(font);
    size = orCurrent(size);
    return i18n::wrapToLines(
        logical, width, [&](std::string_view line) { return widthOf(font, size, line); }, rtl,
        locale);
}

void drawWrapped(std::string_view logical, bool rtl, float width, std::string_view locale,
                 Align align) {
    const float box = width > 0.0f ? width : ImGui::GetContentRegionAvail().x;
    const float startX = ImGui::GetCursorPosX();
    for (const auto& line : wrap(logical, rtl, box, nullptr, 0.0f, locale)) {
        ImGui::SetCursorPosX(startX);
        drawVisualLine(line, rtl, align, box);
    }
}

} // namespace passerelle::ui::text
