// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/OpenAiBackend.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
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

OpenAiConfig OpenAiConfig::fromEnvironment()
{
    OpenAiConfig config;
    if (const char* url = std::getenv("COUNTERSIGN_MODEL_URL"); url != nullptr && *url != '\0')
        config.baseUrl = url;
    if (const char* model = std::getenv("COUNTERSIGN_MODEL"); model != nullptr && *model != '\0')
        config.model = model;
    if (const char* key = std::getenv("COUNTERSIGN_API_KEY"); key != nullptr && *key != '\0')
        config.apiKey = key;
    else if (const char* openai = std::getenv("OPENAI_API_KEY"); openai != nullptr && *openai != '\0')
        config.apiKey = openai;
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
        state->reply = reply;
        auto buffer = std::make_shared<QByteArray>();  // SSE bytes not yet split into events
        auto content = std::make_shared<std::string>(); // streamed content so far
        auto sawDone = std::make_shared<bool>(false);
        auto streamError = std::make_shared<std::string>();
        QObject::connect(reply, &QNetworkReply::readyRead, context, [=, this] {
            if (!config.stream || reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
                return;
            *buffer += reply->readAll();
            qsizetype end = 0;
            while ((end = buffer->indexOf("\n\n")) >= 0) {
                const QByteArray event = buffer->left(end);
                buffer->remove(0, end + 2);
                for (const QByteArray& line : event.split('\n')) {
                    if (!line.startsWith("data:"))
                        continue;
                    const QByteArray data = line.mid(5).trimmed();
                    if (data == "[DONE]") {
                        *sawDone = true;
                        continue;
                    }
                    const QJsonDocument chunk = QJsonDocument::fromJson(data);
                    const QJsonValue piece = chunk.object().value(QStringLiteral("choices")).toArray().at(0).toObject()
                                                 .value(QStringLiteral("delta")).toObject().value(QStringLiteral("content"));
                    if (!chunk.isObject()) {
                        if (streamError->empty())
                            *streamError = "a streamed event is not JSON: " + excerpt(data);
                        continue;
                    }
                    if (piece.isString()) {
                        *content += piece.toString().toStdString();
                        if (state->progress)
                            state->progress(content->size());
                    }
                }
            }
        });
        QObject::connect(reply, &QNetworkReply::finished, context, [=, this] {
            reply->deleteLater();
            if (state->cancelled)
                return;
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
                failure = status > 0 ? "HTTP " + std::to_string(status) + " from the model server: " + excerpt(reply->readAll())
                                     : "cannot reach the model server: " + reply->errorString().toStdString();
            }
            if (failure.empty()) {
                if (!config.stream) {
                    auto text = contentOf(reply->readAll());
                    if (!text) {
                        state->finish(Unexpected{text.error()});
                        return;
                    }
                    state->finish(ModelResponse{*text, false, {}});
                    return;
                }
                if (!streamError->empty()) {
                    state->finish(fail(ErrorCode::InvalidInput, *streamError));
                    return;
                }
                if (!*sawDone) {
                    state->finish(fail(ErrorCode::InvalidInput, "the model server's stream ended before [DONE] (truncated after "
                                                                    + std::to_string(content->size()) + " bytes)"));
                    return;
                }
                state->finish(ModelResponse{*content, false, {}});
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
