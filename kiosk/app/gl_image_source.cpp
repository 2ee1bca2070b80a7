#include "gl_image_source.h"

#include "core/pack/pack.h"

#include <SDL_opengl.h>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <stb_image.h>

namespace passerelle::app {

namespace {
// What failed goes to the journal (stderr under systemd) once per picture; the screen shows the
// alt text in the picture's place.
void report(std::string_view packId, std::string_view name, std::string_view why) {
    std::fprintf(stderr, "passerelle-kiosk: cannot show picture %.*s of pack %.*s: %.*s\n",
                 static_cast<int>(name.size()), name.data(), static_cast<int>(packId.size()),
                 packId.data(), static_cast<int>(why.size()), why.data());
}
} // namespace

GlImageSource::~GlImageSource() {
    clear();
}

void GlImageSource::clear() {
    for (auto& [key, entry] : cache_)
        if (entry.texture) {
            GLuint id = entry.texture;
            glDeleteTextures(1, &id);
        }
    cache_.clear();
}

ui::ImageHandle GlImageSource::image(const pack::Pack& pack, std::string_view mediaName) {
    const auto* info = pack.mediaInfo(mediaName);
    const std::string& packId = pack.manifest().id;
    std::string key = packId + '\n' + std::string(mediaName) + '\n' + (info ? info->blake2b : "");
    auto found = cache_.find(key);
    if (found == cache_.end()) {
        Entry entry;
        auto bytes = pack.readMedia(mediaName); // checked against the signed digest
        if (!bytes) {
            report(packId, mediaName, bytes.error());
        } else if (bytes->size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
            report(packId, mediaName, "too large");
        } else {
            int w = 0, h = 0, channels = 0;
            stbi_uc* pixels = stbi_load_from_memory(bytes->data(), static_cast<int>(bytes->size()),
                                                    &w, &h, &channels, 4);
            GLint maxSize = 0;
            glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxSize);
            if (!pixels) {
                report(packId, mediaName, stbi_failure_reason() ? stbi_failure_reason() : "?");
            } else if (w <= 0 || h <= 0 || w > maxSize || h > maxSize) {
                report(packId, mediaName, "larger than this screen's graphics can show");
            } else {
                GLuint id = 0;
                glGenTextures(1, &id);
                glBindTexture(GL_TEXTURE_2D, id);
                glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
                glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
                glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
                glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
                glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
                glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
                entry = {id, w, h};
            }
            if (pixels) stbi_image_free(pixels);
        }
        found = cache_.emplace(std::move(key), entry).first;
    }
    const Entry& e = found->second;
    if (!e.texture) return {};
    return {reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(e.texture)), e.width,
            e.height};
}

} // namespace passerelle::app
