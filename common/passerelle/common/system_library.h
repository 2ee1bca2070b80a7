#pragma once
// A system library opened when first needed (dlopen) instead of linked. The kiosk uses it for
// libraries that are not needed to show the first screen (libcurl for the sync worker,
// libespeak-ng for read-aloud): every linked library is mapped and relocated before main(), and
// those two bring about 27 more (TLS, Kerberos, LDAP, audio...), about 8 ms of every start.
#include <expected>
#include <initializer_list>
#include <string>
#include <string_view>

namespace passerelle {

class SystemLibrary {
  public:
    // Opens the first of `sonames` that loads. The error names `debianPackage` to install.
    static std::expected<SystemLibrary, std::string>
    open(std::initializer_list<const char*> sonames, std::string_view debianPackage);

    // Sets `fn` to the function `symbol`; false (and `missing()` names it) when absent.
    template <class Fn> bool resolve(Fn*& fn, const char* symbol) {
        fn = reinterpret_cast<Fn*>(find(symbol));
        return fn != nullptr;
    }
    // Why the library cannot be used: the first symbol not found, with the library's name.
    const std::string& missing() const { return missing_; }

  private:
    void* find(const char* symbol);

    void* handle_ = nullptr; // never closed: the functions stay valid for the process' life
    std::string soname_;
    std::string missing_;
};

} // namespace passerelle
