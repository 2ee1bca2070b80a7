#!/usr/bin/env bash
# The Raspberry Pi image's boot-partition settings (image/files/usr/local/sbin/passerelle-site):
# what staff write in passerelle.conf on the SD card is what the kiosk gets, mistakes are reported
# without breaking the rest, and nothing typed there can inject commands into the kiosk service.
# usage: image_site_config.sh SOURCE_DIR
source "$(dirname "$0")/lib.sh"
site="$1/image/files/usr/local/sbin/passerelle-site"
command -v jq >/dev/null || fail "jq is missing: run scripts/install-deps.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PASSERELLE_SITE_CONF="$work/boot/passerelle.conf" PASSERELLE_DATA_DIR="$work/data" \
    PASSERELLE_RUN_DIR="$work/run" PASSERELLE_ETC_DIR="$work/etc" PASSERELLE_SITE_APPLY_SYSTEM=no
mkdir -p "$work/boot" "$work/data" "$work/etc"
printf '127.0.0.1\tlocalhost\n127.0.1.1\tpasserelle-kiosk\n' >"$work/etc/hosts"
run() { sh "$site" 2>"$work/log"; }

step "no passerelle.conf: the image defaults stay"
check "runs" run
check "the kiosk gets no extra options" test ! -s "$work/run/kiosk.env"

step "the template shipped on the card is accepted as is"
cp "$1/image/passerelle.conf" "$work/boot/passerelle.conf"
check "runs" run
check "no problem reported" sh -c "! grep -q problem '$work/log'"
check "kiosk options from the template (--gles)" grep -qx 'PASSERELLE_KIOSK_OPTS="--gles"' "$work/run/kiosk.env"

step "first boot with a city configuration, edited on Windows (CRLF)"
echo '{"kiosk_name": "Library", "city_url": "https://old.example", "demo": false}' >"$work/boot/city-kiosk.json"
printf '%s\r\n' '# site' 'Hostname = Kiosk-Library-North' 'kiosk_config = city-kiosk.json' \
    'city_url = "https://kiosks.city.example/api"' 'kiosk_options = --gles --lang fr' \
    'wifi_country = fr' 'wifi_ssid = Library "guest"' 'wifi_password = s3cret-pass' >"$work/boot/passerelle.conf"
check "runs" run
check "hostname written (lower case)" grep -qx kiosk-library-north "$work/etc/hostname"
check "/etc/hosts names the kiosk" grep -qP '^127\.0\.1\.1\tkiosk-library-north$' "$work/etc/hosts"
check "the city configuration is installed in the data partition" test -f "$work/data/config.json"
check "it is readable by its owner only" test "$(stat -c %a "$work/data/config.json")" = 600
check "city_url replaced in it" test "$(jq -r .city_url "$work/data/config.json")" = https://kiosks.city.example/api
check "the rest of it is kept" test "$(jq -r .kiosk_name "$work/data/config.json")" = Library
check "kiosk options passed on" grep -qx 'PASSERELLE_KIOSK_OPTS="--gles --lang fr"' "$work/run/kiosk.env"
wpa="$work/etc/wpa_supplicant/wpa_supplicant-wlan0.conf"
check "Wi-Fi configured with the country" grep -qx 'country=FR' "$wpa"
check "a quote in the network name is escaped" grep -qF 'ssid="Library \"guest\""' "$wpa"
check "the Wi-Fi password file is private" test "$(stat -c %a "$wpa")" = 600
check "nothing reported" test ! -s "$work/log" -o -z "$(grep problem "$work/log" || true)"

step "next boots: what the city pushed later is not overwritten"
jq '.city_url = "https://new.city.example"' "$work/data/config.json" >"$work/c" && mv "$work/c" "$work/data/config.json"
check "runs" run
check "city_url stays as the city set it" test "$(jq -r .city_url "$work/data/config.json")" = https://new.city.example
echo 'city_url = https://edited.city.example' >>"$work/boot/passerelle.conf"
check "runs after staff edit the card" run
check "a new city_url on the card applies once" test "$(jq -r .city_url "$work/data/config.json")" = https://edited.city.example

step "mistakes are reported, skipped, and never executed"
printf '%s\n' 'hostname = kiosk_library!' 'city_url = ftp://nope' 'kiosk_options = --gles; touch /tmp/pwned $(reboot)' \
    'wifi_ssid = x' 'wifi_country = France' 'colour = blue' >"$work/boot/passerelle.conf"
check "runs (a bad file never stops the boot)" run
cat "$work/log" | sed 's/^/    /'
check "bad hostname reported" grep -q "hostname 'kiosk_library!' is not valid" "$work/log"
check "the previous hostname is kept" grep -qx kiosk-library-north "$work/etc/hostname"
check "bad city_url reported" grep -q "city_url 'ftp://nope' is not a web address" "$work/log"
check "city_url unchanged" test "$(jq -r .city_url "$work/data/config.json")" = https://edited.city.example
check "options with shell characters refused" grep -q "kiosk_options .* not allowed" "$work/log"
check "so the kiosk gets no extra options" test ! -s "$work/run/kiosk.env"
check "bad Wi-Fi country reported" grep -q "wifi_country 'FRANCE' must be a two-letter" "$work/log"
check "unknown key reported" grep -q "unknown line 'colour = blue'" "$work/log"
check "the summary counts 5 problems" grep -q "5 problem(s)" "$work/log"
echo "site settings test passed"
