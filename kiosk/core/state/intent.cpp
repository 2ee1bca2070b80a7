#include "core/state/intent.h"
#include "core/state/overloaded.h"

namespace passerelle {

std::string describe(const Intent& intent) {
    using namespace intent;
    return std::visit(
        Overloaded{
            [](const Touch&) { return std::string("Touch"); },
            [](const ChooseLanguage& i) { return "ChooseLanguage(" + i.language + ")"; },
            [](const StartSession&) { return std::string("StartSession"); },
            [](const Open& i) { return "Open(" + std::string(screenName(i.screen)) + ")"; },
            [](const Back&) { return std::string("Back"); },
            [](const Finish&) { return std::string("Finish"); },
            [](const StillHere&) { return std::string("StillHere"); },
            [](const EndSessionByStaff&) { return std::string("EndSessionByStaff"); },
            [](const FocusField& i) {
                return "FocusField(" + std::to_string(static_cast<int>(i.field)) + ")";
            },
            [](const TypeText&) { return std::string("TypeText"); },
            [](const DeleteBackward&) { return std::string("DeleteBackward"); },
            [](const ClearField&) { return std::string("ClearField"); },
            [](const ToggleShift&) { return std::string("ToggleShift"); },
            [](const SwitchKeyboardPage& i) {
                return "SwitchKeyboardPage(" + std::to_string(i.page) + ")";
            },
            [](const OpenService& i) { return "OpenService(" + i.packId + "/" + i.flowId + ")"; },
            [](const SetAnswer&) { return std::string("SetAnswer"); },
            [](const ToggleOption&) { return std::string("ToggleOption"); },
            [](const NextStep&) { return std::string("NextStep"); },
            [](const PreviousStep&) { return std::string("PreviousStep"); },
            [](const EditStep& i) { return "EditStep(" + std::to_string(i.stepIndex) + ")"; },
            [](const Submit&) { return std::string("Submit"); },
            [](const OpenLesson& i) { return "OpenLesson(" + i.packId + "/" + i.lessonId + ")"; },
            [](const NextSlide&) { return std::string("NextSlide"); },
            [](const PreviousSlide&) { return std::string("PreviousSlide"); },
            [](const ChooseQuizAnswer& i) {
                return "ChooseQuizAnswer(" + std::to_string(i.choice) + ")";
            },
            [](const NextQuestion&) { return std::string("NextQuestion"); },
            [](const ResumeLearner&) { return std::string("ResumeLearner"); },
            [](const SaveLearner&) { return std::string("SaveLearner"); },
            [](const SetTextSize& i) { return "SetTextSize(" + std::to_string(i.step) + ")"; },
            [](const SetHighContrast& i) {
                return std::string("SetHighContrast(") + (i.on ? "on" : "off") + ")";
            },
            [](const SetReadAloud& i) {
                return std::string("SetReadAloud(") + (i.on ? "on" : "off") + ")";
            },
            [](const SetVolume& i) { return "SetVolume(" + std::to_string(i.percent) + ")"; },
            [](const SetMoreTime& i) {
                return std::string("SetMoreTime(") + (i.on ? "on" : "off") + ")";
            },
            [](const Speak&) { return std::string("Speak"); },
            [](const RequestHelp&) { return std::string("RequestHelp"); },
            [](const CancelHelp&) { return std::string("CancelHelp"); },
            [](const StaffLongPress&) { return std::string("StaffLongPress"); },
            [](const ChooseStaffMember& i) { return "ChooseStaffMember(" + i.staffId + ")"; },
            [](const SubmitStaffPin&) { return std::string("SubmitStaffPin"); },
            [](const SignOutStaff&) { return std::string("SignOutStaff"); },
            [](const OpenStaffTab& i) { return "OpenStaffTab(" + std::to_string(i.tab) + ")"; },
            [](const StartAssisted&) { return std::string("StartAssisted"); },
            [](const FindUsbPacks&) { return std::string("FindUsbPacks"); },
            [](const InstallPackFromPath&) { return std::string("InstallPackFromPath"); },
            [](const RollbackPack& i) { return "RollbackPack(" + i.packId + ")"; },
            [](const UnlockStaff& i) { return "UnlockStaff(" + i.staffId + ")"; },
            [](const HandleHelpRequest&) { return std::string("HandleHelpRequest"); },
            [](const TestCityConnection&) { return std::string("TestCityConnection"); },
            [](const OpenStaffForm& i) { return "OpenStaffForm(" + std::to_string(i.form) + ")"; },
            [](const CloseStaffForm&) { return std::string("CloseStaffForm"); },
            [](const ConfirmStaffForm&) { return std::string("ConfirmStaffForm"); },
            [](const SetNewMemberRole& i) {
                return std::string("SetNewMemberRole(") + (i.admin ? "admin" : "mediator") + ")";
            },
            [](const SetIdleTimeout& i) {
                return "SetIdleTimeout(" + std::to_string(i.seconds) + ")";
            },
            [](const SetDefaultLanguage& i) { return "SetDefaultLanguage(" + i.language + ")"; },
            [](const ToggleOfferedLanguage& i) {
                return "ToggleOfferedLanguage(" + i.language + ")";
            },
            [](const SaveStaffSettings&) { return std::string("SaveStaffSettings"); },
        },
        intent);
}

} // namespace passerelle
