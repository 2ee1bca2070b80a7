# Warnings for every target of ours; third-party headers come in as SYSTEM includes.
add_library(passerelle_warnings INTERFACE)
target_compile_options(passerelle_warnings INTERFACE -Wall -Wextra -Wshadow=local -Wnon-virtual-dtor)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # GCC 12 reports false positives for std::variant/std::optional members at -O2
    # (GCC bug 105562, 107138); clang-tidy and ASan builds still catch real uninitialised reads.
    target_compile_options(passerelle_warnings INTERFACE -Wno-maybe-uninitialized)
endif()
if(PASSERELLE_WERROR)
    target_compile_options(passerelle_warnings INTERFACE -Werror)
endif()

if(PASSERELLE_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()

# lld links the ~50 executables (tests carry the whole core and debug info) about 3x faster than
# GNU ld; Debian's lld package, used when present.
include(CheckLinkerFlag)
check_linker_flag(CXX -fuse-ld=lld PASSERELLE_HAVE_LLD)
if(PASSERELLE_HAVE_LLD)
    add_link_options(-fuse-ld=lld)
endif()

# passerelle_add_test(NAME src... LIBS lib... [LABELS l...]) : one doctest executable = one CTest test.
function(passerelle_add_test name)
    cmake_parse_arguments(T "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${name} ${T_SOURCES})
    target_link_libraries(${name} PRIVATE passerelle_test_support passerelle_warnings ${T_LIBS})
    add_test(NAME ${name} COMMAND ${name})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES TIMEOUT ${T_TIMEOUT} LABELS "${T_LABELS}"
        ENVIRONMENT "PASSERELLE_SOURCE_DIR=${CMAKE_SOURCE_DIR};PASSERELLE_BINARY_DIR=${CMAKE_BINARY_DIR}")
endfunction()
