#include "ui/widgets/keyboard.h"

#include "ui/widgets/button.h"
#include "ui/widgets/text.h"

#include <array>
#include <string>
#include <vector>

namespace passerelle::ui {

namespace {

// Rows of keys as UTF-8 strings separated by spaces; lower and upper case side by side.
struct Layout {
    std::vector<std::string> lower;
    std::vector<std::string> upper;
};

Layout lettersFor(std::string_view language) {
    if (language == "fr")
        return {{"a z e r t y u i o p", "q s d f g h j k l m", "w x c v b n ' -"},
                {"A Z E R T Y U I O P", "Q S D F G H J K L M", "W X C V B N ' -"}};
    if (language == "es")
        return {{"q w e r t y u i o p", "a s d f g h j k l ñ", "z x c v b n m -"},
                {"Q W E R T Y U I O P", "A S D F G H J K L Ñ", "Z X C V B N M -"}};
    if (language == "ar")
        return {{"ض ص ث ق ف غ ع ه خ ح ج", "ش س ي ب ل ا ت ن م ك ط", "ئ ء ؤ ر ى ة و ز ظ د ذ"},
                {"ض ص ث ق ف غ ع ه خ ح ج", "ش س ي ب ل أ إ آ ت ن م", "ئ ء ؤ ر ى ة و ز ظ د ذ"}};
    return {{"q w e r t y u i o p", "a s d f g h j k l", "z x c v b n m ' -"},
            {"Q W E R T Y U I O P", "A S D F G H J K L", "Z X C V B N M ' -"}};
}

const Layout kSymbols{{"1 2 3 4 5 6 7 8 9 0", "@ . , - / : ; ( ) &", "? ! ' \" # % + = _ €"},
                      {"1 2 3 4 5 6 7 8 9 0", "@ . , - / : ; ( ) &", "? ! ' \" # % + = _ €"}};
const Layout kAccents{{"à â ä á ã ç é è ê ë", "í ì î ï ñ ó ò ô ö õ", "ú ù û ü ý ÿ œ æ ß"},
                      {"À Â Ä Á Ã Ç É È Ê Ë", "Í Ì Î Ï Ñ Ó Ò Ô Ö Õ", "Ú Ù Û Ü Ý Ÿ Œ Æ ß"}};

std::vector<std::string> split(const std::string& row) {
    std::vector<std::string> keys;
    size_t start = 0;
    while (start <= row.size()) {
        size_t sp = row.find(' ', start);
        if (sp == std::string::npos) sp = row.size();
        if (sp > start) keys.push_back(row.substr(start, sp - start));
        start = sp + 1;
    }
    return keys;
}

constexpr float kKeyH = 68, kGap = 8;

void drawNumericPad(const Ui& ui, Rect area, KeyboardKind kind, const Intent& enter,
                    std::string_view enterLabel) {
    // 1-9 in a 3x3 grid, then [+ or , or empty] 0 [delete]; Enter at the side, tall.
    const float keyW = ui.px(150), keyH = ui.px(kKeyH), gap = ui.px(kGap);
    const float gridW = 3 * keyW + 2 * gap;
    const float enterW = ui.px(220);
    const float x0 = area.centerX() - (gridW + gap + enterW) / 2;
    const char* labels[12] = {"1", "2", "3", "4", "5",
                              "6", "7", "8", "9", kind == KeyboardKind::Phone ? "+" : ",",
                              "0", ""};
    for (int i = 0; i < 12; ++i) {
        const int col = i % 3, row = i / 3;
        Rect r{x0 + col * (keyW + gap), area.y0 + row * (keyH + gap), 0, 0};
        r.x1 = r.x0 + keyW;
        r.y1 = r.y0 + keyH;
        if (i == 11) {
            if (button(ui, "key.delete", ui.tr("keyboard.delete"), r, ButtonKind::Secondary,
                       Icon::Back, ui.fonts.body))
                ui.emit(intent::DeleteBackward{});
            continue;
        }
        const std::string label = labels[i];
        const std::string id = "key." + label;
        if (button(ui, id.c_str(), label, r, ButtonKind::Choice)) ui.emit(intent::TypeText{label});
    }
    Rect enterRect{x0 + gridW + gap, area.y0, x0 + gridW + gap + enterW,
                   area.y0 + 4 * keyH + 3 * gap};
    if (button(ui, "key.enter", enterLabel, enterRect, ButtonKind::Primary)) ui.emit(enter);
}

} // namespace

float keyboardHeight(const Ui& ui, KeyboardKind) {
    return ui.px(4 * kKeyH + 3 * kGap);
}

void drawKeyboard(const Ui& ui, Rect area, KeyboardKind kind, const Intent& enter,
                  std::string_view enterLabel) {
    auto* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, area.y0 - ui.px(10)), ImVec2(ui.width, ui.height),
                      color(ui.palette.secondary));
    if (kind == KeyboardKind::Number || kind == KeyboardKind::Phone)
        return drawNumericPad(ui, area, kind, enter, enterLabel);

    const int page = ui.state.keyboard.page;
    const Layout letters = lettersFor(ui.state.language);
    const Layout& layout = page == 1 ? kSymbols : page == 2 ? kAccents : letters;
    const auto& rows = ui.state.keyboard.shift ? layout.upper : layout.lower;
    const float keyH = ui.px(kKeyH), gap = ui.px(kGap);
    const float maxW = area.width();

    for (size_t r = 0; r < rows.size(); ++r) {
        auto keys = split(rows[r]);
        // The third row shares its line with Shift (reading start) and Delete (reading end).
        const bool hasSides = r == 2;
        const float sideW = ui.px(150);
        const float avail = hasSides ? maxW - 2 * (sideW + gap) : maxW;
        const float keyW = std::min(ui.px(100), (avail - gap * (keys.size() - 1)) / keys.size());
        const float rowW = keys.size() * keyW + (keys.size() - 1) * gap;
        float x = area.centerX() - rowW / 2;
        const float y = area.y0 + r * (keyH + gap);
        for (size_t k = 0; k < keys.size(); ++k) {
            // Key order is the physical layout's in every language (ض sits where Q does).
            const size_t index = k;
            Rect rect{x, y, x + keyW, y + keyH};
            const std::string id = "key." + keys[index];
            if (button(ui, id.c_str(), keys[index], rect, ButtonKind::Choice))
                ui.emit(intent::TypeText{keys[index]});
            x += keyW + gap;
        }
        if (hasSides) {
            Rect shift{area.x0, y, area.x0 + sideW, y + keyH};
            Rect del{area.x1 - sideW, y, area.x1, y + keyH};
            if (ui.rtl) std::swap(shift, del);
            if (page != 1 &&
                button(ui, "key.shift", ui.tr("keyboard.shift"), shift,
                       ui.state.keyboard.shift ? ButtonKind::Selected : ButtonKind::Secondary,
                       Icon::None, ui.fonts.body))
                ui.emit(intent::ToggleShift{});
            if (button(ui, "key.delete", ui.tr("keyboard.delete"), del, ButtonKind::Secondary,
                       Icon::Back, ui.fonts.body))
                ui.emit(intent::DeleteBackward{});
        }
    }
    // Bottom row: page switches, space, (email helpers), Enter.
    const float y = area.y0 + 3 * (keyH + gap);
    struct Bottom {
        const char* id;
        std::string label;
        float width;
    };
    std::vector<Bottom> bottom;
    bottom.push_back(
        {"key.page.letters_or_digits", page == 1 ? std::string("abc") : std::string("123"), 150});
    if (ui.state.language != "ar" || page != 0)
        bottom.push_back({"key.page.accents", page == 2 ? "abc" : "àé", 130});
    if (kind == KeyboardKind::Email) {
        bottom.push_back({"key.at", "@", 100});
        bottom.push_back({"key.dot", ".", 100});
    }
    bottom.push_back({"key.space", ui.tr("keyboard.space"), 0});
    bottom.push_back({"key.enter", std::string(enterLabel), 240});
    float fixed = 0;
    for (auto& b : bottom)
        fixed += ui.px(b.width);
    const float spaceW = std::max(ui.px(200), maxW - fixed - gap * (bottom.size() - 1));
    float x = area.x0;
    for (size_t i = 0; i < bottom.size(); ++i) {
        const auto& b = ui.rtl ? bottom[bottom.size() - 1 - i] : bottom[i];
        const float w = b.width > 0 ? ui.px(b.width) : spaceW;
        Rect rect{x, y, x + w, y + keyH};
        x += w + gap;
        const std::string id = b.id;
        const bool enterKey = id == "key.enter";
        if (!button(ui, b.id, b.label, rect, enterKey ? ButtonKind::Primary : ButtonKind::Secondary,
                    Icon::None, ui.fonts.body))
            continue;
        if (enterKey)
            ui.emit(enter);
        else if (id == "key.space")
            ui.emit(intent::TypeText{" "});
        else if (id == "key.at")
            ui.emit(intent::TypeText{"@"});
        else if (id == "key.dot")
            ui.emit(intent::TypeText{"."});
        else if (id == "key.page.accents")
            ui.emit(intent::SwitchKeyboardPage{page == 2 ? 0 : 2});
        else
            ui.emit(intent::SwitchKeyboardPage{page == 1 ? 0 : 1});
    }
}

} // namespace passerelle::ui
