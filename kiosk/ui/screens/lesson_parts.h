#pragma once
// Pieces of the lesson screens (lesson_*.cpp), shared between the list, the lesson stages and the
// learner code + PIN panel.
#include "ui/ui_context.h"

namespace passerelle::ui::lesson_ui {

// The slide, quiz and completion stages of an open lesson (state.lesson), under the top bar.
void drawSlide(const Ui& ui, Rect content);
void drawQuiz(const Ui& ui, Rect content);
void drawDone(const Ui& ui, Rect content);

// The learner code + PIN panel (save or resume) when one is open; returns false when none is.
bool drawLearnerPanel(const Ui& ui, Rect content);

// `r` laid out for left-to-right inside `bounds`, mirrored for right-to-left languages.
Rect mirrored(const Ui& ui, Rect r, Rect bounds);

// Colours of quiz feedback: white text on them passes 7:1 (checked in tests/ui/lesson_test).
Rgb rightFill();
Rgb wrongFill();
Rgb onFeedbackFill();

// The message the core left in LessonView::learnerMessage (a catalog key), drawn in a frame.
float drawLearnerMessage(const Ui& ui, Rect box);

} // namespace passerelle::ui::lesson_ui
