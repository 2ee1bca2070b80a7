"""The Chromium baseline's page: the kiosk's English home screen as HTML.

Same text (read from locales/en.json), same layout at 1280x800 (kiosk/ui/screens/home_screen.cpp,
widgets/top_bar.cpp, widgets/button.cpp), same colours (theme/palette.cpp), same icon shapes
(widgets/icons.cpp, as SVG) and the same font files, found the way the kiosk finds them
(fontconfig's match for "Noto Sans" regular and bold; core/i18n/font_files.cpp) and loaded with
@font-face file:// URLs.
"""
import html
import json
import os
import struct
import subprocess

# Dear ImGui sizes a font so that ascender - descender = the pixel size; CSS sizes the em.
BODY_PX, LARGE_PX = 26.0, 38.0  # kiosk/app/app_fonts.cpp

PALETTE = dict(background="#F4F1EA", surface="#FFFFFF", text="#1B1B1F", muted="#4A4A55",
               primary="#1D4F91", on_primary="#FFFFFF", secondary="#E3E8F0",
               on_secondary="#14305A", accent="#2E7D6B", border="#8A8F99", focus="#D9822B")

ICONS = {  # widgets/icons.cpp in a unit box (s = 1, centre 0.5, 0.5); stroke 0.09
    "back": '<path d="M.18 .5H.82M.18 .5L.468 .244M.18 .5L.468 .756"/>',
    "help": '<circle cx=".5" cy=".5" r=".42"/><path d="M.363 .36A.14 .14 0 1 1 .5 .54V.6"/>'
            '<circle cx=".5" cy=".74" r=".072" fill="currentColor" stroke="none"/>',
    "accessibility": '<circle cx=".5" cy=".5" r=".44" stroke-width=".072"/>'
                     '<circle cx=".5" cy=".28" r=".07" fill="currentColor" stroke="none"/>'
                     '<path d="M.26 .41H.74M.5 .41V.58L.36 .8M.5 .58L.64 .8"/>',
    "learn": '<path d="M.5 .26L.08 .2V.8L.5 .83ZM.5 .26L.92 .2V.8L.5 .83Z"/>'
             '<path stroke-width=".054" d="M.185 .365L.416 .38M.584 .38L.815 .365'
             'M.185 .485L.416 .5M.584 .5L.815 .485M.185 .605L.416 .62M.584 .62L.815 .605"/>',
    "services": '<rect x=".18" y=".08" width=".64" height=".84" rx=".05"/>'
                '<path stroke-width=".054" d="M.308 .29H.692M.308 .458H.692M.308 .626H.692"/>'
                '<path d="M.34 .76L.452 .857L.676 .647"/>',
    "finish": '<path d="M.192 .1H.544V.9H.192Z M.434 .5H.852M.852 .5L.698 .34M.852 .5L.698 .66"/>',
}


def font_file(bold):
    weight = 200 if bold else 80  # FC_WEIGHT_BOLD / FC_WEIGHT_REGULAR, roman
    out = subprocess.run(["fc-match", "-f", "%{file}", f"Noto Sans:weight={weight}:slant=0"],
                         capture_output=True, text=True, check=True).stdout.strip()
    if not out or not os.path.exists(out):
        raise RuntimeError("Noto Sans not found (apt install fonts-noto-core)")
    return out


def height_per_em(path):
    """(hhea ascender - descender) / unitsPerEm, as FreeType reports for the face."""
    with open(path, "rb") as f:
        data = f.read()
    num_tables = struct.unpack_from(">H", data, 4)[0]
    tables = {}
    for i in range(num_tables):
        tag, _, offset, _ = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        tables[tag] = offset
    units = struct.unpack_from(">H", data, tables[b"head"] + 18)[0]
    ascender, descender = struct.unpack_from(">hh", data, tables[b"hhea"] + 4)
    return (ascender - descender) / units


def _icon(name, color, x, y, size):
    return (f'<svg class="icon" style="left:{x}px;top:{y}px;width:{size}px;height:{size}px;'
            f'color:{color}" viewBox="0 0 1 1" fill="none" stroke="currentColor" '
            f'stroke-width=".09" stroke-linecap="round">{ICONS[name]}</svg>')


def _button(label, icon, x0, y0, x1, y1, fill, fg, border):
    icon_size = min((y1 - y0) * 0.6, 44)
    text = f'<span class="label">{html.escape(label)}</span>' if label else ""
    return (f'<div class="btn" style="left:{x0}px;top:{y0}px;width:{x1 - x0}px;'
            f'height:{y1 - y0}px;background:{fill};color:{fg};border-color:{border}">'
            f'<svg style="width:{icon_size}px;height:{icon_size}px" viewBox="0 0 1 1" fill="none" '
            f'stroke="currentColor" stroke-width=".09" stroke-linecap="round">{ICONS[icon]}</svg>'
            f'{text}</div>')


def _tile(title, hint, icon, accent, x0, y0, w=602, h=244):
    size = min(h * 0.5, 110)
    return (f'<div class="tile" style="left:{x0}px;top:{y0}px;width:{w}px;height:{h}px">'
            f'<div class="band" style="background:{accent}"></div>'
            f'{_icon(icon, accent, 36, (h - size) / 2, size)}'
            f'<div class="text" style="left:{36 + size + 25.2}px"><div class="title">'
            f'{html.escape(title)}</div><div class="hint">{html.escape(hint)}</div></div></div>')


def write_home_page(locales_dir, out_dir):
    """Writes out_dir/home.html and returns its path."""
    with open(os.path.join(locales_dir, "en.json"), encoding="utf-8") as f:
        tr = json.load(f)
    regular, bold = font_file(False), font_file(True)
    body_em = BODY_PX / height_per_em(regular)
    large_em = LARGE_PX / height_per_em(bold)
    p = PALETTE
    tiles = [("home.learn", "learn", p["accent"], 24, 136),
             ("home.services", "services", p["primary"], 654, 136),
             ("home.help", "help", p["focus"], 24, 408),
             ("home.accessibility", "accessibility", p["on_secondary"], 654, 408)]
    body = [
        '<div class="topbar"></div>',
        _button(tr["common.back"], "back", 24, 16, 234, 96, p["secondary"], p["on_secondary"],
                p["border"]),
        f'<div class="heading">{html.escape(tr["home.title"])}</div>',
        _button(tr["common.help"], "help", 944, 16, 1144, 96, p["secondary"], p["on_secondary"],
                p["border"]),
        _button("", "accessibility", 1160, 16, 1256, 96, p["secondary"], p["on_secondary"],
                p["border"]),
    ]
    body += [_tile(tr[key], tr[key + "_hint"], icon, accent, x, y)
             for key, icon, accent, x, y in tiles]
    body.append(_button(tr["common.finish"], "finish", 956, 688, 1256, 776, p["primary"],
                        p["on_primary"], p["primary"]))
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Passerelle</title>
<style>
@font-face {{ font-family: "Kiosk Sans"; font-weight: 400; font-display: block;
  src: url("file://{regular}"); }}
@font-face {{ font-family: "Kiosk Sans"; font-weight: 700; font-display: block;
  src: url("file://{bold}"); }}
html, body {{ margin: 0; width: 1280px; height: 800px; overflow: hidden; cursor: none; }}
body {{ background: {p["background"]}; color: {p["text"]}; font: 400 {body_em:.2f}px/{BODY_PX * 1.2:.1f}px
  "Kiosk Sans"; user-select: none; }}
.topbar {{ position: absolute; left: 0; top: 0; width: 1280px; height: 112px;
  background: {p["surface"]}; border-bottom: 2px solid {p["border"]}; }}
.heading {{ position: absolute; left: 258px; width: 662px; top: 0; height: 112px; display: flex;
  align-items: center; justify-content: center; font-weight: 700; font-size: {large_em:.2f}px; }}
.btn {{ position: absolute; box-sizing: border-box; border: 2px solid; border-radius: 14px;
  display: flex; align-items: center; justify-content: center; gap: 14px; font-weight: 700;
  font-size: {large_em:.2f}px; line-height: {LARGE_PX}px; }}
.tile {{ position: absolute; box-sizing: border-box; background: {p["surface"]};
  border: 2px solid {p["border"]}; border-radius: 20px; overflow: hidden; }}
.band {{ position: absolute; left: 0; top: 0; bottom: 0; width: 14px; }}
.icon {{ position: absolute; }}
.text {{ position: absolute; right: 36px; top: 0; bottom: 0; display: flex;
  flex-direction: column; justify-content: center; }}
.title {{ font-weight: 700; font-size: {large_em:.2f}px; line-height: {LARGE_PX * 1.2}px;
  margin-bottom: 8px; }}
.hint {{ color: {p["muted"]}; }}
</style></head>
<body>
{chr(10).join(body)}
</body></html>
"""
    path = os.path.join(out_dir, "home.html")
    with open(path, "w", encoding="utf-8") as f:
        f.write(page)
    return path
