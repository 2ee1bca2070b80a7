#pragma once
// Read-aloud: a speaker button that asks the app to speak the screen (intent::Speak).
#include "ui/ui_context.h"

#include <string>

namespace passerelle::ui {

// What the speaker button reads: the screen's instruction, then the labels of the touch targets
// drawn so far (the choices), in the order they were drawn (screens draw in reading order). The
// top bar's Back/Help/Accessibility are left out: they are the same on every screen.
std::string readAloudText(const FrameRecord& record);

// A square speaker button; on tap emits intent::Speak{readAloudText(ui.record)}. Draw it after
// the screen's other targets. Returns true on tap.
bool speakerButton(const Ui& ui, const char* id, Rect rect);

// Where the speaker button sits on every resident screen: the bottom corner at the reading start
// (left, or right in Arabic), 88 px square at 1280x800. Screens keep this corner free.
Rect speakerButtonRect(const Ui& ui);

// Whether this frame shows the speaker button (read-aloud on, on a resident screen).
bool speakerShown(const Ui& ui);
// `bottom`, or the top of the speaker corner (less a gap) when the button is shown: lists and
// pages that span the width end there so the button never covers a row.
float bottomClearOfSpeaker(const Ui& ui, float bottom);

// The speaker button at speakerButtonRect(); KioskUi::draw calls it last on resident screens
// while accessibility.readAloud is on.
void drawSpeakerButton(const Ui& ui);

} // namespace passerelle::ui
