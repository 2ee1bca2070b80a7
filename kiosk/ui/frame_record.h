#pragma once
#include <string>
#include <vector>

namespace passerelle::ui {

struct Rect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    float width() const { return x1 - x0; }
    float height() const { return y1 - y0; }
    float centerX() const { return (x0 + x1) / 2; }
    float centerY() const { return (y0 + y1) / 2; }
    bool contains(float x, float y) const { return x >= x0 && x < x1 && y >= y0 && y < y1; }
};

// What one frame put on screen, in the order drawn: the touch targets (with their label) and the
// text. Tests find widgets by id or label here; read-aloud speaks `instruction`.
struct FrameRecord {
    struct Target {
        std::string id;
        std::string label;
        Rect rect;                // the part on screen (a row at a list's edge is cut)
        bool partlyHidden = false; // the list's edge cuts it
    };
    std::vector<Target> targets;
    std::vector<std::string> texts;
    std::string instruction; // the main sentence of the screen

    const Target* findTarget(const std::string& idOrLabel) const {
        for (auto& t : targets)
            if (t.id == idOrLabel) return &t;
        for (auto& t : targets)
            if (t.label == idOrLabel) return &t;
        return nullptr;
    }
    bool showsText(const std::string& needle) const {
        for (auto& t : texts)
            if (t.find(needle) != std::string::npos) return true;
        return false;
    }
    void clear() {
        targets.clear();
        texts.clear();
        instruction.clear();
    }
};

} // namespace passerelle::ui
