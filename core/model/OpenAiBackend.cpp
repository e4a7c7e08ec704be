// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/OpenAiBackend.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <atomic>
#include <cstdlib>
#include <mutex>

namespace cs::model {

namespace {

//! A server's words in an error line: printable ASCII only, at most 200 characters.
std::string excerpt(const QByteArray& bytes)
{
    std::string out;
    for (char c : bytes.left(200))
        out.push_back(c >= 0x20 && c < 0x7f ? c : ' ');
    return out;
}

//! The shared state of one call: `done` runs once, unless cancelled first.
struct CallState
{
    std::mutex mutex;
    ModelBackend::Done done;
    ModelBackend::Progress progress;
    std::atomic<bool> cancelled{false};
    QPointer<QNetworkReply> reply;

    void finish(Result<ModelResponse> result)
    {
        ModelBackend::Done callback;
        {
            std::lock_guard lock(mutex);
            callback = std::exchange(done, nullptr);
        }
        if (callback && !cancelled)
            callback(std::move(result));
    }
};

class Call final : public ModelCall
{
public:
    Call(std::shared_ptr<CallState> state, QObject* context) : m_state(std::move(state)), m_context(context) {}
    void cancel() override
    {
        m_state->cancelled = true;
        {
            std::lock_guard lock(m_state->mutex);
            m_state->done = nullptr;
        }
        QMetaObject::invokeMethod(m_context, [state = m_state] {
            if (QNetworkReply* reply = state->reply.data(); reply != nullptr)
                reply->abort();
        });
    }

private:
    std::shared_ptr<CallState> m_state;
    QObject* m_context;
};

//! Content from a complete (non-streamed) chat completion.
Result<std::string> contentOf(const QByteArray& body)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return fail(ErrorCode::InvalidInput, "the model server's response is not JSON: " + excerpt(body));
    const QJsonValue content = document.object().value(QStringLiteral("choices")).toArray().at(0).toObject()
                                   .value(QStringLiteral("message")).toObject().value(QStringLiteral("content"));
    if (!content.isString())
        return fail(ErrorCode::InvalidInput, "the model server's response has no choices[0].message.content");
    return content.toString().toStdString();
}

} // namespace

std::string trustedModelUrlsFile()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    return dir.toStdString() + "/countersign/trusted-model-urls";
}

Result<OpenAiConfig> OpenAiConfig::resolve(const std::string& commandLineUrl, const std::string& workspaceUrl,
                                           const std::string& workspaceModel, std::string* notice)
{
    const auto env = [](const char* name) -> std::string {
        const char* value = std::getenv(name);
        return value != nullptr ? value : "";
    };
    OpenAiConfig config;
    bool chosen = true; // by the operator: the command line, the environment or the default
    if (!commandLineUrl.empty())
        config.baseUrl = commandLineUrl;
    else if (!env("COUNTERSIGN_MODEL_URL").empty())
        config.baseUrl = env("COUNTERSIGN_MODEL_URL");
    else if (!workspaceUrl.empty()) {
        config.baseUrl = workspaceUrl;
        chosen = false;
    }
    if (!env("COUNTERSIGN_MODEL").empty())
        config.model = env("COUNTERSIGN_MODEL");
    else if (!workspaceModel.empty())
        config.model = workspaceModel;

    const QUrl url(QString::fromStdString(config.baseUrl), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return fail(ErrorCode::InvalidInput, "model URL " + config.baseUrl + ": not an http:// or https:// URL with a host");
    const QHostAddress address(url.host());
    const bool loopback = url.host().compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0
                          || (!address.isNull() && address.isLoopback());
    if (scheme == QLatin1String("http") && !loopback)
        return fail(ErrorCode::InvalidInput, "model URL " + config.baseUrl
                                                 + ": plain http:// is allowed only to a loopback host; use https://");

    const std::string key = !env("COUNTERSIGN_API_KEY").empty() ? env("COUNTERSIGN_API_KEY") : env("OPENAI_API_KEY");
    if (key.empty())
        return config;
    if (!chosen) {
        QFile trusted(QString::fromStdString(trustedModelUrlsFile()));
        if (trusted.open(QIODevice::ReadOnly)) {
            const QList<QByteArray> lines = trusted.read(64 * 1024).split('\n');
            for (const QByteArray& line : lines)
                chosen = chosen || line.trimmed().toStdString() == config.baseUrl;
        }
    }
    if (chosen)
        config.apiKey = key;
    else if (notice != nullptr)
        *notice = "the API key is not sent to " + config.baseUrl + ", which only workspace.json names; pass --model-url, "
                  "set COUNTERSIGN_MODEL_URL or list it in " + trustedModelUrlsFile() + " to send it there";
    return config;
}

struct OpenAiBackend::Worker
{
    OpenAiConfig config;
    QThread thread;
    QObject* context = nullptr;          //!< lives on `thread`
    QNetworkAccessManager* network = nullptr;

    void attempt(std::shared_ptr<CallState> state, QByteArray payload, int attemptNo, QElapsedTimer clock,
                 std::chrono::milliseconds timeout)
    {
        if (state->cancelled)
            return;
        const qint64 left = timeout.count() - clock.elapsed();
        if (left <= 0) {
            state->finish(fail(ErrorCode::StorageFailed, "the model server did not answer within "
                                                             + std::to_string(timeout.count()) + " ms"));
            return;
        }
        QNetworkRequest request(QUrl(QString::fromStdString(config.baseUrl) + QStringLiteral("/chat/completions")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        if (!config.apiKey.empty())
            request.setRawHeader("Authorization", "Bearer " + QByteArray::fromStdString(config.apiKey));
        request.setTransferTimeout(static_cast<int>(left));
        QNetworkReply* reply = network->post(request, payload);
        // Qt stops reading the socket while this much is unread, so the reply never holds more
        // than one chunk beyond what the handler below has counted.
        reply->setReadBufferSize(64 * 1024);
        state->reply = reply;
        struct Received
        {
            std::size_t bytes = 0;  //!< raw body bytes read so far
            bool kindKnown = false;
            bool streamed = false;  //!< the reply is text/event-stream
            QByteArray body;        //!< a non-streamed body, or an error body
            QByteArray pending;     //!< SSE bytes not yet split into events
            std::string content;    //!< streamed content so far
            bool sawDone = false;
            std::string streamError;
            std::string overLimit;  //!< set when a cap aborted the attempt
        };
        auto received = std::make_shared<Received>();
        const OpenAiConfig::Limits limits = config.limits;
        const auto abortOver = [reply, received](std::string reason) {
            if (received->overLimit.empty())
                received->overLimit = std::move(reason);
            reply->abort();
        };
        // One piece of the body: counted, then kept (a plain reply) or split into events.
        const auto consume = [=, this](const QByteArray& chunk) {
            received->bytes += static_cast<std::size_t>(chunk.size());
            if (received->bytes > limits.responseBytes)
                return abortOver("the model server's response exceeds " + std::to_string(limits.responseBytes)
                                 + " bytes (limits.responseBytes)");
            if (!received->streamed) {
                received->body += chunk;
                return;
            }
            received->pending += chunk;
            qsizetype end = 0;
            while ((end = received->pending.indexOf("\n\n")) >= 0) {
                const QByteArray event = received->pending.left(end);
                received->pending.remove(0, end + 2);
                for (const QByteArray& line : event.split('\n')) {
                    if (!line.startsWith("data:"))
                        continue;
                    const QByteArray data = line.mid(5).trimmed();
                    if (data == "[DONE]") {
                        received->sawDone = true;
                        continue;
                    }
                    const QJsonDocument chunkJson = QJsonDocument::fromJson(data);
                    if (!chunkJson.isObject()) {
                        if (received->streamError.empty())
                            received->streamError = "a streamed event is not JSON: " + excerpt(data);
                        continue;
                    }
                    const QJsonValue piece = chunkJson.object().value(QStringLiteral("choices")).toArray().at(0).toObject()
                                                 .value(QStringLiteral("delta")).toObject().value(QStringLiteral("content"));
                    if (piece.isString()) {
                        received->content += piece.toString().toStdString();
                        if (received->content.size() > limits.contentBytes)
                            return abortOver("the model's streamed content exceeds " + std::to_string(limits.contentBytes)
                                             + " bytes (limits.contentBytes)");
                        if (state->progress)
                            state->progress(received->content.size());
                    }
                }
            }
            if (static_cast<std::size_t>(received->pending.size()) > limits.eventBytes)
                return abortOver("a streamed event exceeds " + std::to_string(limits.eventBytes)
                                 + " bytes without ending (limits.eventBytes)");
        };
        // Everything available, in pieces of at most 64 KiB, so each cap is judged in the order
        // the bytes came (however much Qt buffered meanwhile).
        const auto drain = [=, this] {
            if (!reply->isOpen())
                return;
            if (!received->kindKnown) {
                received->kindKnown = true;
                received->streamed = config.stream
                                     && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200
                                     && reply->header(QNetworkRequest::ContentTypeHeader).toString().startsWith(
                                         QLatin1String("text/event-stream"), Qt::CaseInsensitive);
            }
            while (received->overLimit.empty()) {
                const qint64 room = static_cast<qint64>(limits.responseBytes - received->bytes) + 1;
                const QByteArray chunk = reply->read(std::min<qint64>(64 * 1024, room));
                if (chunk.isEmpty())
                    return;
                consume(chunk);
            }
        };
        QObject::connect(reply, &QNetworkReply::readyRead, context, drain);
        QObject::connect(reply, &QNetworkReply::finished, context, [=, this] {
            reply->deleteLater();
            if (state->cancelled)
                return;
            drain(); // whatever arrived with the end of the reply
            if (!received->overLimit.empty()) { // a cap is final: retrying would read as much again
                state->finish(fail(ErrorCode::InvalidInput, received->overLimit));
                return;
            }
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const bool transient = reply->error() == QNetworkReply::ConnectionRefusedError
                                   || reply->error() == QNetworkReply::RemoteHostClosedError
                                   || reply->error() == QNetworkReply::TemporaryNetworkFailureError || status == 429
                                   || status >= 500;
            std::string failure;
            // Only the transfer timeout cancels a reply here (a cancelled call returned above).
            if (reply->error() == QNetworkReply::OperationCanceledError) {
                state->finish(fail(ErrorCode::StorageFailed, "the model server did not answer within "
                                                                 + std::to_string(timeout.count()) + " ms"));
                return;
            }
            if (status != 200) {
                failure = status > 0 ? "HTTP " + std::to_string(status) + " from the model server: " + excerpt(received->body)
                                     : "cannot reach the model server: " + reply->errorString().toStdString();
            }
            if (failure.empty()) {
                if (!received->streamed) {
                    // Also what a server that ignores "stream": true answers: one complete reply.
                    auto text = contentOf(received->body);
                    if (text && text->size() > limits.contentBytes)
                        text = fail(ErrorCode::InvalidInput, "the model's content is " + std::to_string(text->size())
                                                                 + " bytes, more than " + std::to_string(limits.contentBytes)
                                                                 + " (limits.contentBytes)");
                    if (!text) {
                        state->finish(Unexpected{text.error()});
                        return;
                    }
                    state->finish(ModelResponse{*text, false, {}});
                    return;
                }
                if (!received->streamError.empty()) {
                    state->finish(fail(ErrorCode::InvalidInput, received->streamError));
                    return;
                }
                if (!received->sawDone) {
                    state->finish(fail(ErrorCode::InvalidInput, "the model server's stream ended before [DONE] (truncated after "
                                                                    + std::to_string(received->content.size()) + " bytes)"));
                    return;
                }
                state->finish(ModelResponse{received->content, false, {}});
                return;
            }
            if (!transient || attemptNo + 1 >= config.maxAttempts) {
                state->finish(fail(ErrorCode::StorageFailed, failure + " (attempt " + std::to_string(attemptNo + 1) + " of "
                                                                 + std::to_string(config.maxAttempts) + ")"));
                return;
            }
            const auto backoff = config.firstBackoff * (1 << attemptNo);
            QTimer::singleShot(backoff, context, [=, this] { attempt(state, payload, attemptNo + 1, clock, timeout); });
        });
    }
};

OpenAiBackend::OpenAiBackend(OpenAiConfig config) : m_worker(std::make_unique<Worker>())
{
    m_worker->config = std::move(config);
    m_worker->thread.setObjectName(QStringLiteral("countersign-model"));
    m_worker->thread.start();
    m_worker->context = new QObject;
    m_worker->context->moveToThread(&m_worker->thread);
    QMetaObject::invokeMethod(m_worker->context, [worker = m_worker.get()] {
        worker->network = new QNetworkAccessManager(worker->context);
    }, Qt::BlockingQueuedConnection);
}

OpenAiBackend::~OpenAiBackend()
{
    QMetaObject::invokeMethod(m_worker->context, [worker = m_worker.get()] { delete worker->context; },
                              Qt::BlockingQueuedConnection);
    m_worker->thread.quit();
    m_worker->thread.wait();
}

std::unique_ptr<ModelCall> OpenAiBackend::start(const ModelRequest& request, std::chrono::milliseconds timeout,
                                                Done done, Progress progress)
{
    auto state = std::make_shared<CallState>();
    state->done = std::move(done);
    state->progress = std::move(progress);
    const QJsonObject body{
        {QStringLiteral("model"), QString::fromStdString(m_worker->config.model)},
        {QStringLiteral("messages"), QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                                                            {QStringLiteral("content"), QString::fromStdString(request.system)}},
                                                QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                            {QStringLiteral("content"), QString::fromStdString(request.user)}}}},
        {QStringLiteral("response_format"), QJsonObject{{QStringLiteral("type"), QStringLiteral("json_object")}}},
        {QStringLiteral("temperature"), 0},
        {QStringLiteral("stream"), m_worker->config.stream},
    };
    const QByteArray payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    QElapsedTimer clock;
    clock.start();
    QMetaObject::invokeMethod(m_worker->context, [worker = m_worker.get(), state, payload, clock, timeout] {
        worker->attempt(state, payload, 0, clock, timeout);
    });
    return std::make_unique<Call>(state, m_worker->context);
}

} // namespace cs::model
