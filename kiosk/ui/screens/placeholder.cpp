#include <imgui.h>
namespace passerelle { int uiPlaceholder() { return ImGui::GetCurrentContext() != nullptr; } }
