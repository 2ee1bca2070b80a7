#include "passerelle/city/http/city_server.h"

#include "passerelle/sync/protocol/constants.h"
#include "passerelle/sync/protocol/signing.h"
#include "passerelle/version.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <httplib.h>
#include <nlohmann/json.hpp>

namespace passerelle::city {

namespace {

struct Rejection {
    int status;
    std::string reason;  // metric label
    std::string message; // plain words, returned to the kiosk and logged
};

std::string header(const httplib::Request& request, const char* name) {
    return request.has_header(name) ? request.get_header_value(name) : std::string{};
}

} // namespace

struct CityServer::Impl {
    CityServerOptions options;
    CityStore& store;
    SigningKeyPair signing;
    std::string signingKeyId;
    PackDirectory packs;
    Metrics metrics;
    httplib::Server http;

    Impl(CityServerOptions o, CityStore& s, SigningKeyPair k)
        : options(std::move(o)), store(s), signing(std::move(k)),
          signingKeyId(keyId(signing.publicKey)), packs(options.packFolder) {
        if (!options.now)
            options.now = [] {
                return std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                    .count();
            };
        routes();
    }

    // Every answer to a kiosk is signed over its status, the request's nonce and its body.
    void answer(httplib::Response& res, int status, const std::string& body,
                const std::string& nonce, const char* type = "application/json") {
        res.status = status;
        res.set_content(body, type);
        res.set_header(sync::kHeaderCitySignature,
                       sync::signAnswer(signing.secretKey, status, nonce, body));
        res.set_header(sync::kHeaderCityKey, signingKeyId);
    }

    void refuse(httplib::Response& res, const Rejection& rejection, const std::string& nonce) {
        metrics.countRejection(rejection.reason);
        answer(res, rejection.status,
               sync::encode(sync::ErrorAnswer{rejection.message, rejection.reason}), nonce);
    }

    // Checks headers, kiosk, clock, signature, then the nonce (last, so a forged request cannot
    // burn a real nonce). `enrolKey` is the key claimed in an enrolment request body.
    std::expected<std::string, Rejection> authenticate(const httplib::Request& req,
                                                       const PublicKey* enrolKey = nullptr) {
        auto kioskId = header(req, sync::kHeaderKiosk);
        auto timestampText = header(req, sync::kHeaderTimestamp);
        auto nonce = header(req, sync::kHeaderNonce);
        auto signature = header(req, sync::kHeaderSignature);
        if (kioskId.empty() || timestampText.empty() || nonce.empty() || signature.empty())
            return std::unexpected(
                Rejection{401, "unsigned", "the request is not signed by a kiosk key"});
        auto timestamp = sync::parseTimestamp(timestampText);
        if (!sync::isWellFormedKioskId(kioskId) || !sync::isWellFormedNonce(nonce) || !timestamp)
            return std::unexpected(Rejection{401, "malformed_signature",
                                             "the request's signature headers are malformed"});
        PublicKey key{};
        if (enrolKey) {
            if (keyId(*enrolKey) != kioskId)
                return std::unexpected(
                    Rejection{401, "bad_signature", "the kiosk id does not match its key"});
            key = *enrolKey;
        } else {
            auto kiosk = store.kiosk(kioskId);
            if (!kiosk)
                return std::unexpected(
                    Rejection{503, "database", "the city database is unavailable"});
            if (!*kiosk)
                return std::unexpected(
                    Rejection{401, "unknown_kiosk",
                              "this kiosk is not enrolled at the city: enrol it with a code "
                              "from passerelle-admin enrol-code"});
            if ((*kiosk)->revokedAt)
                return std::unexpected(
                    Rejection{403, "revoked_kiosk",
                              "this kiosk was revoked by the city; contact the city IT team"});
            key = (*kiosk)->publicKey;
        }
        auto now = options.now();
        if (*timestamp > now + options.clockSkewSeconds ||
            *timestamp < now - options.clockSkewSeconds)
            return std::unexpected(
                Rejection{401, "stale_timestamp",
                          "the kiosk clock differs from the city's by more than " +
                              std::to_string(options.clockSkewSeconds / 60) +
                              " minutes; set the kiosk's date and time"});
        sync::RequestSignatureInput input{req.method, req.path, blake2b256Hex(asBytes(req.body)),
                                          *timestamp, nonce};
        if (!sync::verifyRequest(key, input, signature))
            return std::unexpected(
                Rejection{401, "bad_signature", "the request's signature is not valid"});
        auto fresh = store.acceptNonce(kioskId, nonce, now);
        if (!fresh)
            return std::unexpected(Rejection{503, "database", "the city database is unavailable"});
        if (!*fresh)
            return std::unexpected(Rejection{409, "replayed_nonce",
                                             "this request was already received (replayed nonce)"});
        return kioskId;
    }

    // Wraps a kiosk route: authentication, then `work`, whose (status, body) is signed.
    struct Reply {
        int status;
        std::string body;
        std::string type = "application/json";
    };
    using Work = std::function<Reply(const std::string& kioskId, const httplib::Request&)>;
    httplib::Server::Handler signedRoute(Work work) {
        return [this, work](const httplib::Request& req, httplib::Response& res) {
            auto nonce = header(req, sync::kHeaderNonce);
            auto kiosk = authenticate(req);
            if (!kiosk) return refuse(res, kiosk.error(), nonce);
            auto reply = work(*kiosk, req);
            answer(res, reply.status, reply.body, nonce, reply.type.c_str());
        };
    }

    static Reply error(int status, const std::string& message) {
        return {status, sync::encode(sync::ErrorAnswer{message, "error"})};
    }

    void routes() {
        http.set_payload_max_length(options.maxBodyBytes);
        if (options.logRequests)
            http.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
                std::fprintf(stderr, "%s %s %d kiosk=%s %zu bytes\n", req.method.c_str(),
                             req.path.c_str(), res.status, header(req, sync::kHeaderKiosk).c_str(),
                             req.body.size());
            });
        http.set_post_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
            auto route = req.path.rfind("/v1/packs/", 0) == 0 ? std::string("/v1/packs/{hash}")
                         : req.path.rfind(sync::kPathProgress, 0) == 0
                             ? std::string("/v1/progress/{learner}")
                             : req.path;
            if (route != sync::kPathHealth && route != sync::kPathMetrics &&
                route.rfind("/v1/", 0) != 0)
                route = "other";
            metrics.countRequest(route, res.status);
        });

        http.Post(sync::kPathEnrol, [this](const httplib::Request& req, httplib::Response& res) {
            auto nonce = header(req, sync::kHeaderNonce);
            auto request = sync::decode<sync::EnrolRequest>(req.body);
            if (!request) return refuse(res, {400, "malformed", request.error()}, nonce);
            auto key = parsePublicKey(request->publicKeyBase64);
            if (!key)
                return refuse(
                    res, {400, "malformed", "the kiosk public key is not valid: " + key.error()},
                    nonce);
            auto kiosk = authenticate(req, &*key);
            if (!kiosk) return refuse(res, kiosk.error(), nonce);
            auto enrolled = store.enrol(request->code, *key, request->name, options.now());
            if (!enrolled) {
                int status = enrolled.error().failure == EnrolFailure::Database ? 503 : 403;
                return refuse(res, {status, "enrolment_refused", enrolled.error().message}, nonce);
            }
            std::fprintf(stderr, "enrolled kiosk %s (%s)\n", enrolled->c_str(),
                         request->name.c_str());
            answer(res, 200, sync::encode(sync::EnrolAnswer{*enrolled}), nonce);
        });

        http.Post(
            sync::kPathOutbox,
            signedRoute([this](const std::string& kioskId, const httplib::Request& req) {
                auto upload = sync::decode<sync::UploadRequest>(req.body);
                if (!upload) return error(400, upload.error());
                auto result = store.ingest(kioskId, upload->records, options.now());
                if (!result) {
                    std::fprintf(stderr, "upload from %s not stored: %s\n", kioskId.c_str(),
                                 result.error().c_str());
                    return error(
                        503, "the city could not store the records now; they stay on the kiosk");
                }
                metrics.countIngest(result->newlyStored, result->duplicates,
                                    static_cast<std::int64_t>(result->conflicts.size()));
                if (!result->conflicts.empty())
                    std::fprintf(stderr,
                                 "kiosk %s sent %zu record(s) whose sequence was already used by a "
                                 "different record; originals kept, new ones set aside\n",
                                 kioskId.c_str(), result->conflicts.size());
                return Reply{
                    200, sync::encode(sync::UploadAnswer{result->acknowledged, result->conflicts})};
            }));

        http.Post(sync::kPathDocuments,
                  signedRoute([this](const std::string& kioskId, const httplib::Request& req) {
                      auto upload = sync::decode<sync::DocumentUpload>(req.body);
                      if (!upload) return error(400, upload.error());
                      auto stored = store.storeDocuments(kioskId, upload->documents, options.now());
                      if (!stored) return error(503, "the city could not store the documents now");
                      return Reply{200, sync::encode(sync::DocumentAnswer{*stored})};
                  }));

        http.Get(sync::kPathConfig,
                 signedRoute([this](const std::string& kioskId, const httplib::Request&) {
                     auto config = store.config(kioskId);
                     if (!config) return error(503, "the city database is unavailable");
                     if (!*config)
                         return error(404, "the city has not published a kiosk configuration yet");
                     return Reply{200, **config};
                 }));

        http.Get(sync::kPathPacks, signedRoute([this](const std::string&, const httplib::Request&) {
                     return Reply{200, sync::encode(packs.list())};
                 }));

        // Pack files: identified by their hash (the kiosk checks it, then the pack's own
        // signature), so they are not answer-signed; Range requests resume an interrupted download.
        http.Get(R"(/v1/packs/([0-9a-f]{64}))", [this](const httplib::Request& req,
                                                       httplib::Response& res) {
            auto nonce = header(req, sync::kHeaderNonce);
            auto kiosk = authenticate(req);
            if (!kiosk) return refuse(res, kiosk.error(), nonce);
            auto path = packs.find(req.matches[1]);
            if (!path)
                return answer(
                    res, 404,
                    sync::encode(sync::ErrorAnswer{"no such pack on the city server", "not_found"}),
                    nonce);
            auto size = std::filesystem::file_size(*path);
            auto file = std::make_shared<std::ifstream>(*path, std::ios::binary);
            res.set_header("Accept-Ranges", "bytes");
            res.set_content_provider(
                size, "application/octet-stream",
                [file](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                    std::vector<char> buffer(std::min<std::size_t>(length, 1 << 16));
                    file->clear();
                    file->seekg(static_cast<std::streamoff>(offset));
                    file->read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
                    auto got = file->gcount();
                    if (got <= 0) return false;
                    return sink.write(buffer.data(), static_cast<std::size_t>(got));
                });
        });

        http.Put(R"(/v1/progress/([0-9a-f]{64}))",
                 signedRoute([this](const std::string& kioskId, const httplib::Request& req) {
                     if (req.body.empty()) return error(400, "the progress blob is empty");
                     auto ok =
                         store.putProgress(req.matches[1], Bytes(req.body.begin(), req.body.end()),
                                           kioskId, options.now());
                     if (!ok) return error(503, "the city could not store the progress now");
                     return Reply{200, std::string("{}")};
                 }));
        http.Get(R"(/v1/progress/([0-9a-f]{64}))",
                 signedRoute([this](const std::string&, const httplib::Request& req) {
                     auto blob = store.progress(req.matches[1]);
                     if (!blob) return error(503, "the city database is unavailable");
                     if (!*blob) return error(404, "no progress stored for this learner code");
                     return Reply{200, std::string(asText(**blob)), "application/octet-stream"};
                 }));

        http.Get(sync::kPathHealth, [this](const httplib::Request&, httplib::Response& res) {
            auto counts = store.counts();
            nlohmann::json body{{"status", counts ? "ok" : "degraded"},
                                {"database", counts ? "ok" : counts.error()},
                                {"version", PASSERELLE_VERSION}};
            res.status = counts ? 200 : 503;
            res.set_content(body.dump(), "application/json");
        });
        http.Get(sync::kPathMetrics, [this](const httplib::Request&, httplib::Response& res) {
            std::map<std::string, double> gauges;
            auto counts = store.counts();
            gauges["passerelle_city_database_up"] = counts ? 1 : 0;
            if (counts) {
                gauges["passerelle_city_kiosks{state=\"active\"}"] =
                    double(counts->kiosks - counts->revokedKiosks);
                gauges["passerelle_city_kiosks{state=\"revoked\"}"] = double(counts->revokedKiosks);
                gauges["passerelle_city_submissions"] = double(counts->submissions);
                gauges["passerelle_city_submissions_set_aside"] = double(counts->conflicts);
                gauges["passerelle_city_documents"] = double(counts->documents);
                gauges["passerelle_city_progress_blobs"] = double(counts->progressBlobs);
            }
            res.set_content(metrics.render(gauges), "text/plain; version=0.0.4");
        });
    }
};

CityServer::CityServer(CityServerOptions options, CityStore& store, SigningKeyPair citySigning)
    : impl_(std::make_unique<Impl>(std::move(options), store, std::move(citySigning))) {}

CityServer::~CityServer() = default;

std::expected<int, std::string> CityServer::bind(const std::string& host, int port) {
    int bound = port == 0 ? impl_->http.bind_to_any_port(host)
                          : (impl_->http.bind_to_port(host, port) ? port : -1);
    if (bound <= 0)
        return std::unexpected("cannot listen on " + host + ":" + std::to_string(port) +
                               " (is another server already using this port?)");
    return bound;
}

void CityServer::run() {
    impl_->http.listen_after_bind();
}
void CityServer::stop() {
    impl_->http.stop();
}

} // namespace passerelle::city
