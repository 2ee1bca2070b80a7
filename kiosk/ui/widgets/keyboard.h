#pragma once
#include "ui/ui_context.h"

namespace passerelle::ui {

enum class KeyboardKind { Text, Email, Number, Phone };

// The on-screen keyboard (no physical keyboard is ever needed): a layout per language (QWERTY,
// AZERTY for French, QWERTY with ñ for Spanish, Arabic), shift, digits and symbols, accented
// letters; a numeric pad for numbers and phone numbers. Draws into `area` (its bottom part of the
// screen) and emits TypeText / DeleteBackward / ToggleShift / SwitchKeyboardPage; the Enter key
// emits `enterIntent` (NextStep in a flow, FocusField{None} for the search box).
void drawKeyboard(const Ui& ui, Rect area, KeyboardKind kind, const Intent& enterIntent,
                  std::string_view enterLabel);

// Height the keyboard needs at this scale.
float keyboardHeight(const Ui& ui, KeyboardKind kind);

} // namespace passerelle::ui
