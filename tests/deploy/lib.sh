# shellcheck shell=bash
# Shared helpers for the deployment test scripts (sourced, not run).
set -euo pipefail

step() { printf '== %s\n' "$*"; }
fail() {
    printf 'FAIL: %s\n' "$*" >&2
    exit 1
}
check() { # description, command...
    local what="$1"
    shift
    if "$@"; then
        printf '  ok: %s\n' "$what"
    else
        fail "$what"
    fi
}

quiet() { "$@" >/dev/null 2>&1; }

# The two .deb files built by build_packages.sh into $1.
kiosk_deb() { ls "$1"/passerelle-kiosk_*.deb 2>/dev/null | head -n1; }
city_deb() { ls "$1"/passerelle-city_*.deb 2>/dev/null | head -n1; }

need_debs() {
    [ -n "$(kiosk_deb "$1")" ] && [ -n "$(city_deb "$1")" ] ||
        fail "no packages in $1: the test deploy_packages_build must run first (ctest -R deploy)"
}
