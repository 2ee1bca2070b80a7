# Every dependency is a Debian 12 package (see scripts/debian-packages.txt); nothing is downloaded.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)

pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(ICU REQUIRED IMPORTED_TARGET icu-uc icu-i18n)
pkg_check_modules(FONTCONFIG REQUIRED IMPORTED_TARGET fontconfig)
pkg_check_modules(CURL REQUIRED IMPORTED_TARGET libcurl)
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)
pkg_check_modules(ESPEAK REQUIRED IMPORTED_TARGET espeak-ng)
pkg_check_modules(SDL2 REQUIRED IMPORTED_TARGET sdl2)
pkg_check_modules(FREETYPE REQUIRED IMPORTED_TARGET freetype2)
pkg_check_modules(SYSTEMD IMPORTED_TARGET libsystemd)
find_package(nlohmann_json 3 REQUIRED)
find_package(OpenGL REQUIRED)

# cpp-httplib is header-only; Debian ships httplib.h in /usr/include.
find_path(HTTPLIB_INCLUDE_DIR httplib.h REQUIRED)
add_library(passerelle_httplib INTERFACE)
target_include_directories(passerelle_httplib SYSTEM INTERFACE ${HTTPLIB_INCLUDE_DIR})
target_link_libraries(passerelle_httplib INTERFACE Threads::Threads)

# stb (image loading / PNG writing) from libstb-dev.
find_library(STB_LIBRARY NAMES stb REQUIRED)
add_library(passerelle_stb INTERFACE)
target_include_directories(passerelle_stb SYSTEM INTERFACE /usr/include/stb)
target_link_libraries(passerelle_stb INTERFACE ${STB_LIBRARY})

# Debian's libimgui-dev 1.86: static libimgui.a with SDL2 + OpenGL3 backends and FreeType.
find_path(IMGUI_INCLUDE_DIR imgui.h PATH_SUFFIXES imgui REQUIRED)
find_library(IMGUI_LIBRARY NAMES libimgui.a imgui REQUIRED)
add_library(passerelle_imgui INTERFACE)
target_include_directories(passerelle_imgui SYSTEM INTERFACE ${IMGUI_INCLUDE_DIR} ${IMGUI_INCLUDE_DIR}/backends /usr/include/stb)
# libimgui.a uses Debian's separate stb_truetype/stb_rect_pack (libstb), as its imgui.pc says.
target_link_libraries(passerelle_imgui INTERFACE ${IMGUI_LIBRARY} ${STB_LIBRARY} PkgConfig::FREETYPE ${CMAKE_DL_LIBS})

# doctest is header-only (doctest-dev).
find_path(DOCTEST_INCLUDE_DIR doctest/doctest.h REQUIRED)
