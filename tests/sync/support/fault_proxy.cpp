#include "fault_proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdexcept>
#include <sys/socket.h>
#include <unistd.h>

namespace passerelle::test {

FaultProxy::FaultProxy(int targetPort) : targetPort_(targetPort) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(listener_, 64) != 0)
        throw std::runtime_error("fault proxy cannot listen");
    socklen_t length = sizeof address;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    acceptor_ = std::thread([this] { acceptLoop(); });
}

FaultProxy::~FaultProxy() {
    stopping_ = true;
    ::shutdown(listener_, SHUT_RDWR);
    ::close(listener_);
    acceptor_.join();
    {
        std::lock_guard lock(mutex_);
        for (int fd : open_)
            ::shutdown(fd, SHUT_RDWR);
    }
    for (auto& t : threads_)
        t.join();
}

void FaultProxy::acceptLoop() {
    while (!stopping_) {
        int client = ::accept(listener_, nullptr, nullptr);
        if (client < 0) {
            if (stopping_) return;
            continue;
        }
        std::lock_guard lock(mutex_);
        threads_.emplace_back([this, client] { serve(client); });
    }
}

void FaultProxy::serve(int client) {
    int upstream = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<uint16_t>(targetPort_));
    bool cut = false, drop = false;
    std::size_t cutAfter = 0;
    {
        std::lock_guard lock(mutex_);
        std::uniform_real_distribution<double> chance(0, 1);
        cut = chance(random_) < cut_;
        drop = !cut && chance(random_) < drop_;
        cutAfter = std::uniform_int_distribution<std::size_t>(1, 400)(random_);
        open_.push_back(client);
        open_.push_back(upstream);
    }
    if (::connect(upstream, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::shutdown(client, SHUT_RDWR);
    } else {
        // Client -> server, in its own thread; cut part-way if so decided.
        std::thread up([&] {
            char buffer[16384];
            std::size_t forwarded = 0;
            for (ssize_t n; (n = ::recv(client, buffer, sizeof buffer, 0)) > 0;) {
                std::size_t send = static_cast<std::size_t>(n);
                if (cut && forwarded + send >= cutAfter) {
                    ::send(upstream, buffer, cutAfter - forwarded, MSG_NOSIGNAL);
                    ++cuts_;
                    break;
                }
                if (::send(upstream, buffer, send, MSG_NOSIGNAL) < 0) break;
                forwarded += send;
            }
            ::shutdown(upstream, SHUT_RDWR);
            ::shutdown(client, SHUT_RDWR);
        });
        // Server -> client; drop the answer (and close) if so decided.
        char buffer[16384];
        for (ssize_t n; (n = ::recv(upstream, buffer, sizeof buffer, 0)) > 0;) {
            if (drop) {
                ++drops_;
                break;
            }
            if (::send(client, buffer, static_cast<std::size_t>(n), MSG_NOSIGNAL) < 0) break;
        }
        ::shutdown(client, SHUT_RDWR);
        ::shutdown(upstream, SHUT_RDWR);
        up.join();
    }
    std::lock_guard lock(mutex_);
    std::erase(open_, client);
    std::erase(open_, upstream);
    ::close(client);
    ::close(upstream);
}

} // namespace passerelle::test
