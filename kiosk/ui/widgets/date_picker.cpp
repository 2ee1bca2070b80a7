#include "ui/widgets/date_picker.h"

#include "ui/widgets/button.h"
#include "ui/widgets/text.h"

#include <charconv>
#include <chrono>
#include <cstdio>

namespace passerelle::ui {

namespace {
using namespace std::chrono;

year_month_day parseOrToday(std::string_view iso) {
    int y = 0;
    unsigned m = 0, d = 0;
    if (iso.size() == 10 && std::from_chars(iso.data(), iso.data() + 4, y).ec == std::errc() &&
        std::from_chars(iso.data() + 5, iso.data() + 7, m).ec == std::errc() &&
        std::from_chars(iso.data() + 8, iso.data() + 10, d).ec == std::errc()) {
        year_month_day ymd{year(y), month(m), day(d)};
        if (ymd.ok()) return ymd;
    }
    return year_month_day(floor<days>(system_clock::now()));
}

std::string iso(year_month_day ymd) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buf;
}

// Keeps the day valid when the month changes (31 January + 1 month = 28/29 February).
year_month_day clampDay(year y, month m, day d) {
    const auto last = year_month_day_last(y, month_day_last(m)).day();
    return {y, m, d > last ? last : d};
}
} // namespace

float drawDatePicker(const Ui& ui, const std::string& fieldId, std::string_view isoValue,
                     Rect area) {
    const year_month_day current = parseOrToday(isoValue);
    const Palette& p = ui.palette;
    const float colW = ui.px(330), gap = ui.px(24), buttonW = ui.px(84), h = ui.px(84);
    const float totalW = 3 * colW + 2 * gap;
    float x = area.x0;
    struct Part {
        const char* id;
        std::string value;
        year_month_day minus, plus;
    };
    const year y = current.year();
    const month m = current.month();
    const day d = current.day();
    const auto lastDay = year_month_day_last(y, month_day_last(m)).day();
    Part parts[3] = {
        {"day",
         std::to_string(static_cast<unsigned>(d)),
         {y, m, d == day(1) ? lastDay : d - days(1)},
         {y, m, d == lastDay ? day(1) : d + days(1)}},
        {"month", std::to_string(static_cast<unsigned>(m)), clampDay(y, m - months(1), d),
         clampDay(y, m + months(1), d)},
        {"year", std::to_string(static_cast<int>(y)), clampDay(y - years(1), m, d),
         clampDay(y + years(1), m, d)},
    };
    for (int i = 0; i < 3; ++i) {
        const Part& part = parts[ui.rtl ? 2 - i : i];
        const float cx = x + i * (colW + gap);
        Rect minus{cx, area.y0, cx + buttonW, area.y0 + h};
        Rect plus{cx + colW - buttonW, area.y0, cx + colW, area.y0 + h};
        Rect value{minus.x1, area.y0, plus.x0, area.y0 + h};
        auto* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(ImVec2(value.x0 + ui.px(6), value.y0),
                          ImVec2(value.x1 - ui.px(6), value.y1), color(p.surface), ui.px(8));
        drawCentered(ui, ui.fonts.large, part.value, p.text, value);
        const std::string minusId = "date." + std::string(part.id) + ".minus",
                          plusId = "date." + std::string(part.id) + ".plus";
        if (button(ui, minusId.c_str(), "-", minus, ButtonKind::Secondary))
            ui.emit(intent::SetAnswer{iso(part.minus)});
        if (button(ui, plusId.c_str(), "+", plus, ButtonKind::Secondary))
            ui.emit(intent::SetAnswer{iso(part.plus)});
    }
    (void)totalW;
    (void)fieldId;
    // The whole date in words, so "3/4" is never ambiguous.
    const float y0 = area.y0 + h + ui.px(14);
    const std::string spelled =
        isoValue.empty() ? ui.tr("flow.date_choose") : ui.i18n.formatDate(sys_days(current));
    drawText(ui, ui.fonts.large, spelled, isoValue.empty() ? p.mutedText : p.text,
             {area.x0, y0, area.x1, y0 + ui.px(50)}, Align::Start, false);
    if (isoValue.empty()) {
        // Nothing chosen yet: one tap sets today as a starting point.
        Rect today{area.x0, y0 + ui.px(56), area.x0 + ui.px(320), y0 + ui.px(56) + ui.px(76)};
        if (ui.rtl) today = {area.x1 - ui.px(320), today.y0, area.x1, today.y1};
        if (button(ui, "date.today", ui.tr("flow.date_today"), today, ButtonKind::Choice))
            ui.emit(intent::SetAnswer{iso(current)});
        return h + ui.px(160);
    }
    return h + ui.px(70);
}

} // namespace passerelle::ui
