#include "passerelle/common/secret.h"

#include "passerelle/common/encoding.h"

#include <cstring>
#include <new>
#include <sodium.h>

namespace passerelle {

SecretBytes::SecretBytes(std::size_t size) : size_(size) {
    initSodium();
    if (size_ == 0) return;
    data_ = static_cast<std::uint8_t*>(sodium_malloc(size_));
    if (!data_) throw std::bad_alloc();
    sodium_memzero(data_, size_);
}

SecretBytes::SecretBytes(std::span<const std::uint8_t> bytes) : SecretBytes(bytes.size()) {
    if (size_) std::memcpy(data_, bytes.data(), size_);
}

SecretBytes::SecretBytes(std::string_view text) : SecretBytes(asBytes(text)) {}

SecretBytes::SecretBytes(const SecretBytes& other) : SecretBytes(other.bytes()) {}

SecretBytes& SecretBytes::operator=(const SecretBytes& other) {
    if (this != &other) {
        SecretBytes copy(other);
        *this = std::move(copy);
    }
    return *this;
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept : data_(other.data_), size_(other.size_) {
    other.data_ = nullptr;
    other.size_ = 0;
}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept {
    if (this != &other) {
        wipe();
        data_ = other.data_;
        size_ = other.size_;
        other.data_ = nullptr;
        other.size_ = 0;
    }
    return *this;
}

SecretBytes::~SecretBytes() { wipe(); }

void SecretBytes::wipe() {
    if (data_) {
        sodium_memzero(data_, size_);
        sodium_free(data_); // sodium_free also zeroes, and checks the canary
    }
    data_ = nullptr;
    size_ = 0;
}

bool operator==(const SecretBytes& a, const SecretBytes& b) {
    return a.size() == b.size() && (a.size() == 0 || sodium_memcmp(a.data(), b.data(), a.size()) == 0);
}

} // namespace passerelle
