#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace passerelle {

// Bytes that must never reach the disk or outlive their use: held in libsodium guarded memory
// (sodium_malloc: guard pages, mlock'ed so it is not swapped) and zeroed when freed or wiped.
class SecretBytes {
public:
    SecretBytes() = default;
    explicit SecretBytes(std::size_t size);
    explicit SecretBytes(std::span<const std::uint8_t> bytes);
    explicit SecretBytes(std::string_view text);
    SecretBytes(const SecretBytes& other);
    SecretBytes& operator=(const SecretBytes& other);
    SecretBytes(SecretBytes&& other) noexcept;
    SecretBytes& operator=(SecretBytes&& other) noexcept;
    ~SecretBytes();

    std::uint8_t* data() { return data_; }
    const std::uint8_t* data() const { return data_; }
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    std::span<const std::uint8_t> bytes() const { return {data_, size_}; }
    std::string_view text() const { return {reinterpret_cast<const char*>(data_), size_}; }

    // Zeroes and frees the memory now; the object is then empty.
    void wipe();

private:
    std::uint8_t* data_ = nullptr;
    std::size_t size_ = 0;
};

bool operator==(const SecretBytes& a, const SecretBytes& b);

} // namespace passerelle
