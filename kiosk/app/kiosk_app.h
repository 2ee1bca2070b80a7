#pragma once
#include "options.h"

namespace passerelle::app {

// Opens the window and runs the kiosk until the window closes (or the screenshot is written).
int runKiosk(const Options& options);

} // namespace passerelle::app
