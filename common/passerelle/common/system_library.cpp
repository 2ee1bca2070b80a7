#include "passerelle/common/system_library.h"

#include <dlfcn.h>

namespace passerelle {

std::expected<SystemLibrary, std::string>
SystemLibrary::open(std::initializer_list<const char*> sonames, std::string_view debianPackage) {
    std::string tried;
    for (const char* soname : sonames) {
        if (void* handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL)) {
            SystemLibrary library;
            library.handle_ = handle;
            library.soname_ = soname;
            return library;
        }
        if (!tried.empty()) tried += ", ";
        tried += soname;
    }
    return std::unexpected("cannot load " + tried + " (install the Debian package " +
                           std::string(debianPackage) + ")");
}

void* SystemLibrary::find(const char* symbol) {
    void* found = dlsym(handle_, symbol);
    if (!found && missing_.empty())
        missing_ = soname_ + " has no function " + symbol + " (too old a version?)";
    return found;
}

} // namespace passerelle
