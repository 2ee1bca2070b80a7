#include "ui/widgets/icons.h"

#include "ui/widgets/text.h"

#include <algorithm>
#include <imgui.h>

namespace passerelle::ui {

void drawIcon(ImDrawList* dl, Icon icon, Rect box, Rgb rgb, bool mirrored) {
    const ImU32 c = color(rgb);
    const float s = std::min(box.width(), box.height());
    const float cx = box.centerX(), cy = box.centerY();
    const float t = std::max(2.0f, s * 0.09f); // stroke thickness
    const float m = mirrored ? -1.0f : 1.0f;
    switch (icon) {
    case Icon::None:
        break;
    case Icon::Back: { // arrow pointing to the reading start
        const float h = s * 0.32f;
        dl->AddLine(ImVec2(cx - m * h, cy), ImVec2(cx + m * h, cy), c, t);
        dl->AddLine(ImVec2(cx - m * h, cy), ImVec2(cx - m * h * 0.1f, cy - h * 0.8f), c, t);
        dl->AddLine(ImVec2(cx - m * h, cy), ImVec2(cx - m * h * 0.1f, cy + h * 0.8f), c, t);
        break;
    }
    case Icon::Help: { // circle with a question mark
        dl->AddCircle(ImVec2(cx, cy), s * 0.42f, c, 32, t);
        const float r = s * 0.14f;
        dl->PathArcTo(ImVec2(cx, cy - s * 0.1f), r, 3.3f, 6.9f, 12);
        dl->PathLineTo(ImVec2(cx, cy + s * 0.1f));
        dl->PathStroke(c, 0, t);
        dl->AddCircleFilled(ImVec2(cx, cy + s * 0.24f), t * 0.8f, c);
        break;
    }
    case Icon::Accessibility: { // person in a circle
        dl->AddCircle(ImVec2(cx, cy), s * 0.44f, c, 32, t * 0.8f);
        dl->AddCircleFilled(ImVec2(cx, cy - s * 0.22f), s * 0.07f, c);
        dl->AddLine(ImVec2(cx - s * 0.24f, cy - s * 0.09f), ImVec2(cx + s * 0.24f, cy - s * 0.09f),
                    c, t);
        dl->AddLine(ImVec2(cx, cy - s * 0.09f), ImVec2(cx, cy + s * 0.08f), c, t);
        dl->AddLine(ImVec2(cx, cy + s * 0.08f), ImVec2(cx - s * 0.14f, cy + s * 0.3f), c, t);
        dl->AddLine(ImVec2(cx, cy + s * 0.08f), ImVec2(cx + s * 0.14f, cy + s * 0.3f), c, t);
        break;
    }
    case Icon::Learn: { // open book
        const float w = s * 0.42f, h = s * 0.3f;
        dl->AddQuad(ImVec2(cx, cy - h * 0.8f), ImVec2(cx - w, cy - h), ImVec2(cx - w, cy + h),
                    ImVec2(cx, cy + h * 1.1f), c, t);
        dl->AddQuad(ImVec2(cx, cy - h * 0.8f), ImVec2(cx + w, cy - h), ImVec2(cx + w, cy + h),
                    ImVec2(cx, cy + h * 1.1f), c, t);
        for (int i = 0; i < 3; ++i) {
            const float y = cy - h * 0.45f + i * h * 0.4f;
            dl->AddLine(ImVec2(cx - w * 0.75f, y), ImVec2(cx - w * 0.2f, y + h * 0.05f), c,
                        t * 0.6f);
            dl->AddLine(ImVec2(cx + w * 0.2f, y + h * 0.05f), ImVec2(cx + w * 0.75f, y), c,
                        t * 0.6f);
        }
        break;
    }
    case Icon::Services: { // form with lines and a tick
        const float w = s * 0.32f, h = s * 0.42f;
        dl->AddRect(ImVec2(cx - w, cy - h), ImVec2(cx + w, cy + h), c, s * 0.05f, 0, t);
        for (int i = 0; i < 3; ++i) {
            const float y = cy - h * 0.5f + i * h * 0.4f;
            dl->AddLine(ImVec2(cx - w * 0.6f, y), ImVec2(cx + w * 0.6f, y), c, t * 0.6f);
        }
        dl->AddLine(ImVec2(cx - w * 0.5f, cy + h * 0.62f), ImVec2(cx - w * 0.15f, cy + h * 0.85f),
                    c, t);
        dl->AddLine(ImVec2(cx - w * 0.15f, cy + h * 0.85f), ImVec2(cx + w * 0.55f, cy + h * 0.35f),
                    c, t);
        break;
    }
    case Icon::Finish: { // door with an arrow out
        const float w = s * 0.22f, h = s * 0.4f;
        dl->AddRect(ImVec2(cx - w * 1.4f, cy - h), ImVec2(cx + w * 0.2f, cy + h), c, 0, 0, t);
        dl->AddLine(ImVec2(cx - w * 0.3f, cy), ImVec2(cx + w * 1.6f, cy), c, t);
        dl->AddLine(ImVec2(cx + w * 1.6f, cy), ImVec2(cx + w * 0.9f, cy - h * 0.4f), c, t);
        dl->AddLine(ImVec2(cx + w * 1.6f, cy), ImVec2(cx + w * 0.9f, cy + h * 0.4f), c, t);
        break;
    }
    case Icon::Language: { // globe
        const float r = s * 0.42f;
        dl->AddCircle(ImVec2(cx, cy), r, c, 32, t * 0.8f);
        const float k = r * 0.6f; // meridian as two cubic curves (1.86 has no AddEllipse)
        dl->AddBezierCubic(ImVec2(cx, cy - r), ImVec2(cx - k, cy - r * 0.6f),
                           ImVec2(cx - k, cy + r * 0.6f), ImVec2(cx, cy + r), c, t * 0.6f);
        dl->AddBezierCubic(ImVec2(cx, cy - r), ImVec2(cx + k, cy - r * 0.6f),
                           ImVec2(cx + k, cy + r * 0.6f), ImVec2(cx, cy + r), c, t * 0.6f);
        dl->AddLine(ImVec2(cx - r, cy), ImVec2(cx + r, cy), c, t * 0.6f);
        break;
    }
    }
}

} // namespace passerelle::ui
