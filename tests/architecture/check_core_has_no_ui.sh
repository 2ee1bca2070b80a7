#!/usr/bin/env bash
# Fails if the core archive references any SDL or ImGui symbol, or a core source includes them.
set -euo pipefail
lib="$1"; src="$2"
status=0
if nm -C --undefined-only "$lib" | grep -E ' (SDL_|ImGui|ImFont|ImDraw)' ; then
    echo "FAIL: $lib references SDL or ImGui symbols (above)"; status=1
fi
if grep -rnE '#include\s*[<"](SDL|imgui|ui/)' "$src" ; then
    echo "FAIL: core sources include SDL, ImGui or UI headers (above)"; status=1
fi
[ $status -eq 0 ] && echo "ok: passerelle_core has no SDL/ImGui dependency ($(nm --defined-only "$lib" | wc -l) symbols checked)"
exit $status
