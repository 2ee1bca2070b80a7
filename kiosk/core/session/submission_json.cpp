#include "core/session/submission_json.h"

#include <cstring>

namespace passerelle {

namespace {

// Writes into `out` when set, otherwise only counts. Two passes, same code: they cannot disagree.
class JsonSink {
  public:
    explicit JsonSink(std::uint8_t* out) : out_(out) {}
    std::size_t size() const { return size_; }

    void raw(std::string_view text) {
        if (out_) std::memcpy(out_ + size_, text.data(), text.size());
        size_ += text.size();
    }

    void string(std::span<const std::uint8_t> bytes) {
        raw("\"");
        for (std::uint8_t c : bytes) {
            switch (c) {
            case '"':
                raw("\\\"");
                break;
            case '\\':
                raw("\\\\");
                break;
            case '\n':
                raw("\\n");
                break;
            case '\r':
                raw("\\r");
                break;
            case '\t':
                raw("\\t");
                break;
            default:
                if (c < 0x20) {
                    static const char* hex = "0123456789abcdef";
                    const char escaped[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                    raw(std::string_view(escaped, 6));
                } else {
                    const char byte = static_cast<char>(c);
                    raw(std::string_view(&byte, 1));
                }
            }
        }
        raw("\"");
    }

    void string(std::string_view text) {
        string(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(text.data()),
                                             text.size()));
    }

  private:
    std::uint8_t* out_;
    std::size_t size_ = 0;
};

void write(JsonSink& sink, const SubmissionHeader& h, const Answers& answers) {
    sink.raw("{\"v\":1,\"kiosk\":");
    sink.string(h.kioskId);
    sink.raw(",\"sequence\":");
    sink.raw(std::to_string(h.sequence));
    sink.raw(",\"service\":");
    sink.string(h.serviceId);
    sink.raw(",\"pack\":");
    sink.string(h.packId + "@" + h.packVersion);
    sink.raw(",\"reference\":");
    sink.string(h.reference);
    sink.raw(",\"submitted_at\":");
    sink.string(h.submittedAt);
    sink.raw(",\"language\":");
    sink.string(h.language);
    sink.raw(h.assisted ? ",\"assisted\":true" : ",\"assisted\":false");
    sink.raw(",\"mediator\":");
    if (h.mediatorId)
        sink.string(*h.mediatorId);
    else
        sink.raw("null");
    sink.raw(",\"answers\":{");
    bool firstField = true;
    for (const auto& [fieldId, answer] : answers) {
        if (!firstField) sink.raw(",");
        firstField = false;
        sink.string(fieldId);
        sink.raw(":");
        if (answer.multiple) sink.raw("[");
        bool firstValue = true;
        for (const auto& value : answer.values) {
            if (!firstValue) sink.raw(",");
            firstValue = false;
            sink.string(value.bytes());
        }
        if (answer.multiple)
            sink.raw("]");
        else if (answer.values.empty())
            sink.raw("\"\"");
    }
    sink.raw("}}");
}

} // namespace

SecretBytes buildSubmissionJson(const SubmissionHeader& header, const Answers& answers) {
    JsonSink measure(nullptr);
    write(measure, header, answers);
    SecretBytes out(measure.size());
    JsonSink sink(out.data());
    write(sink, header, answers);
    return out;
}

bool isValidUtf8(std::span<const std::uint8_t> bytes) {
    std::size_t i = 0;
    while (i < bytes.size()) {
        std::uint8_t c = bytes[i];
        std::size_t extra;
        std::uint32_t cp;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + extra >= bytes.size()) return false;
        for (std::size_t k = 1; k <= extra; ++k) {
            if ((bytes[i + k] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (bytes[i + k] & 0x3F);
        }
        static const std::uint32_t minimum[] = {0, 0x80, 0x800, 0x10000};
        if (cp < minimum[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += extra + 1;
    }
    return true;
}

} // namespace passerelle
