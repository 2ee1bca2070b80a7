#pragma once
// A TCP proxy on loopback that breaks connections on purpose, between the sync client and the
// city server: it can cut a request part-way (the server sees a truncated request) or let the
// request through and drop the answer (the server stored it; the kiosk never hears so).
#include <atomic>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

namespace passerelle::test {

class FaultProxy {
  public:
    explicit FaultProxy(int targetPort);
    ~FaultProxy();
    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    // Per connection: probability (0..1) of cutting the request, and of dropping the answer.
    void setFaults(double cutRequest, double dropAnswer) {
        cut_ = cutRequest;
        drop_ = dropAnswer;
    }
    int cutCount() const { return cuts_; }
    int dropCount() const { return drops_; }

  private:
    void acceptLoop();
    void serve(int client);

    int targetPort_;
    int listener_ = -1;
    int port_ = 0;
    std::atomic<double> cut_{0}, drop_{0};
    std::atomic<int> cuts_{0}, drops_{0};
    std::atomic<bool> stopping_{false};
    std::mutex mutex_;
    std::mt19937 random_{12345};
    std::vector<int> open_;
    std::vector<std::thread> threads_;
    std::thread acceptor_;
};

} // namespace passerelle::test
