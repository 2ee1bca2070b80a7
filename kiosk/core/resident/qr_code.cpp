#include "core/resident/qr_code.h"

#include <qrencode.h>
#include <string>

namespace passerelle {

std::optional<QrCode> makeQrCode(std::string_view text) {
    const std::string copy(text);
    QRcode* qr = QRcode_encodeString8bit(copy.c_str(), 0, QR_ECLEVEL_M);
    if (!qr) return std::nullopt;
    QrCode out;
    out.size = qr->width;
    out.dark.resize(static_cast<size_t>(qr->width) * qr->width);
    for (size_t i = 0; i < out.dark.size(); ++i)
        out.dark[i] = (qr->data[i] & 1) != 0;
    QRcode_free(qr);
    return out;
}

} // namespace passerelle
