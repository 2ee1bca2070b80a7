#!/usr/bin/env bash
# Builds both .deb packages with CPack from the build tree into OUT_DIR (fresh each run).
# usage: build_packages.sh BUILD_DIR OUT_DIR
source "$(dirname "$0")/lib.sh"
build="$1"
out="$2"

[ -f "$build/CPackConfig.cmake" ] || fail "$build/CPackConfig.cmake missing: configure the build first"
rm -rf "$out"
mkdir -p "$out"
step "cpack -G DEB (components kiosk, city) into $out"
start=$(date +%s)
if ! cpack -G DEB --config "$build/CPackConfig.cmake" -B "$out" >"$out/cpack.log" 2>&1; then
    cat "$out/cpack.log" >&2
    fail "cpack could not build the packages (log above)"
fi
check "passerelle-kiosk .deb built" test -n "$(kiosk_deb "$out")"
check "passerelle-city .deb built" test -n "$(city_deb "$out")"
rm -rf "$out/_CPack_Packages"
ls -l "$out"/*.deb
echo "built in $(($(date +%s) - start)) s"
