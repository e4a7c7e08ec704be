// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include "core/workspace/DemoSeed.h"
#include "core/api/Engine.h"
#include "core/model/OpenAiBackend.h"
#include "core/model/ProposalParser.h"

#include <atomic>
#include <chrono>
#include <mutex>

using namespace cs;
using namespace cs::model;
using namespace std::chrono_literals;

namespace {

const QByteArray kProposal = R"({"schema":"countersign.proposal/1","agent":"api-buyer","intent":"int-0001","action":{"type":"pay_api","asset":"USDC","amount":"25","to":"weather-api","venue":"x402"},"risk_level":"low","required_approvals":0,"inputs":[],"execution_plan":["pay"],"rationale":"r","audit_summary":"s"})";

/**
 * A real HTTP/1.1 server on 127.0.0.1, on a thread of its own, playing an OpenAI-compatible
 * /v1/chat/completions endpoint. The request's "model" picks the behaviour: normal (streamed
 * when the request asks), stream,
 * stream-truncated, stream-garbage, slow, flaky (503 once, then normal), bad-request, garbage,
 * no-choices.
 */
class FakeModelServer final : public QObject
{
public:
    FakeModelServer()
    {
        m_thread.start();
        moveToThread(&m_thread);
        QMetaObject::invokeMethod(this, [this] {
            m_server = new QTcpServer(this);
            m_server->listen(QHostAddress::LocalHost, 0);
            connect(m_server, &QTcpServer::newConnection, this, [this] {
                while (QTcpSocket* socket = m_server->nextPendingConnection())
                    serve(socket);
            });
        }, Qt::BlockingQueuedConnection);
    }
    ~FakeModelServer() override
    {
        QMetaObject::invokeMethod(this, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_server->serverPort()) + "/v1"; }
    int requests() const { return m_requests; }
    QByteArray lastRequest()
    {
        std::lock_guard lock(m_mutex);
        return m_last;
    }

private:
    void serve(QTcpSocket* socket)
    {
        auto received = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, received] {
            *received += socket->readAll();
            const qsizetype headerEnd = received->indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            qsizetype length = 0;
            for (const QByteArray& line : received->left(headerEnd).split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (received->size() < headerEnd + 4 + length)
                return;
            const QByteArray body = received->mid(headerEnd + 4, length);
            {
                std::lock_guard lock(m_mutex);
                m_last = *received;
            }
            ++m_requests;
            const QJsonObject request = QJsonDocument::fromJson(body).object();
            respond(socket, request.value(QStringLiteral("model")).toString(), request.value(QStringLiteral("stream")).toBool());
        });
    }

    static void send(QTcpSocket* socket, int status, const QByteArray& type, const QByteArray& body)
    {
        socket->write("HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + type
                      + "\r\nConnection: close\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket->disconnectFromHost();
    }

    static QByteArray completion(const QByteArray& content)
    {
        return QJsonDocument(QJsonObject{{QStringLiteral("choices"),
                                          QJsonArray{QJsonObject{{QStringLiteral("message"),
                                                                  QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                                                              {QStringLiteral("content"), QString::fromUtf8(content)}}}}}}})
            .toJson(QJsonDocument::Compact);
    }

    void stream(QTcpSocket* socket, bool finish, bool garbage)
    {
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n");
        // The proposal in three pieces, a few milliseconds apart, as a model streams tokens.
        const QList<QByteArray> pieces{kProposal.left(60), kProposal.mid(60, 90), kProposal.mid(150)};
        for (int i = 0; i < pieces.size(); ++i) {
            QTimer::singleShot(5 * (i + 1), socket, [socket, piece = pieces[i], garbage, i] {
                const QByteArray chunk = garbage && i == 1 ? QByteArray("{not json")
                                                           : QJsonDocument(QJsonObject{{QStringLiteral("choices"), QJsonArray{QJsonObject{{QStringLiteral("delta"), QJsonObject{{QStringLiteral("content"), QString::fromUtf8(piece)}}}}}}}).toJson(QJsonDocument::Compact);
                socket->write("data: " + chunk + "\n\n");
            });
        }
        QTimer::singleShot(30, socket, [socket, finish] {
            if (finish)
                socket->write("data: [DONE]\n\n");
            socket->disconnectFromHost();
        });
    }

    //! An event stream that never ends: `unit` again and again, as fast as the client reads.
    static void endless(QTcpSocket* socket, const QByteArray& unit)
    {
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n");
        QByteArray block;
        while (block.size() < 64 * 1024)
            block += unit;
        auto* timer = new QTimer(socket);
        QObject::connect(timer, &QTimer::timeout, socket, [socket, block] {
            if (socket->state() == QAbstractSocket::ConnectedState && socket->bytesToWrite() < 1024 * 1024)
                socket->write(block);
        });
        timer->start(0);
    }

    void respond(QTcpSocket* socket, const QString& model, bool streamed)
    {
        if (model == QLatin1String("normal") && streamed)
            stream(socket, true, false); // like real servers, it streams when asked to
        else if (model == QLatin1String("normal"))
            send(socket, 200, "application/json", completion(kProposal));
        else if (model == QLatin1String("stream"))
            stream(socket, true, false);
        else if (model == QLatin1String("stream-truncated"))
            stream(socket, false, false);
        else if (model == QLatin1String("stream-garbage"))
            stream(socket, true, true);
        else if (model == QLatin1String("slow"))
            QTimer::singleShot(3000, socket, [socket] { send(socket, 200, "application/json", completion(kProposal)); });
        else if (model == QLatin1String("flaky") && m_flaky++ == 0)
            send(socket, 503, "text/plain", "overloaded");
        else if (model == QLatin1String("flaky"))
            send(socket, 200, "application/json", completion(kProposal));
        else if (model == QLatin1String("bad-request"))
            send(socket, 400, "application/json", R"({"error":"model not found"})");
        else if (model == QLatin1String("json-only"))
            send(socket, 200, "application/json", completion(kProposal)); // even when asked to stream
        else if (model == QLatin1String("huge-content"))
            send(socket, 200, "application/json", completion(QByteArray(200 * 1024, 'x')));
        else if (model == QLatin1String("huge-body"))
            send(socket, 200, "application/json", QByteArray(10 * 1024 * 1024, ' ') + completion(kProposal));
        else if (model == QLatin1String("endless-stream"))
            endless(socket, "data: " + QJsonDocument(QJsonObject{{QStringLiteral("choices"), QJsonArray{QJsonObject{{QStringLiteral("delta"), QJsonObject{{QStringLiteral("content"), QString(32, u' ')}}}}}}}).toJson(QJsonDocument::Compact) + "\n\n");
        else if (model == QLatin1String("endless-comments"))
            endless(socket, ": keep-alive\n\n"); // events that never carry content
        else if (model == QLatin1String("endless-line"))
            endless(socket, "data: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
        else if (model == QLatin1String("garbage"))
            send(socket, 200, "application/json", "<html>\x1b[31mnot json</html>");
        else
            send(socket, 200, "application/json", R"({"id":"chatcmpl-1"})");
    }

    QThread m_thread;
    QTcpServer* m_server = nullptr;
    std::atomic<int> m_requests{0};
    int m_flaky = 0;
    std::mutex m_mutex;
    QByteArray m_last;
};

ModelRequest sampleRequest()
{
    Intent intent;
    intent.id = "int-0001";
    intent.agent = "api-buyer";
    intent.task = "Buy 1000 calls from weather-api";
    intent.secret = QJsonObject{{QStringLiteral("card"), QStringLiteral("4111-1111-1111-1111")}};
    return buildPrompt(intent);
}

} // namespace

//! The OpenAI-compatible backend against a real HTTP server on 127.0.0.1.
class OpenAiBackendTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_server = std::make_unique<FakeModelServer>(); }
    void cleanupTestCase() { m_server.reset(); }
    void outcomes_data();
    void outcomes();
    void requestAsksForJsonAndCarriesNoSecret();
    void streamingReportsProgress();
    void retriesTransientFailures();
    void unreachableServerIsAClearError();
    void cancelledCallNeverAnswers();
    void pipelineThroughARealServer();
    void keyOnlyWhereTheOperatorChose_data();
    void keyOnlyWhereTheOperatorChose();
    void plainHttpOnlyToLoopback_data();
    void plainHttpOnlyToLoopback();

private:
    OpenAiBackend backend(const char* model, bool stream) const
    {
        OpenAiConfig config;
        config.baseUrl = m_server->url();
        config.model = model;
        config.apiKey = "sk-test-secret";
        config.stream = stream;
        config.firstBackoff = 20ms;
        return OpenAiBackend(config);
    }
    std::unique_ptr<FakeModelServer> m_server;
};

void OpenAiBackendTest::outcomes_data()
{
    QTest::addColumn<QByteArray>("model");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QString>("error"); // empty: the proposal comes back and parses
    QTest::newRow("normal") << QByteArray("normal") << false << QString();
    QTest::newRow("streamed") << QByteArray("stream") << true << QString();
    QTest::newRow("truncated-stream") << QByteArray("stream-truncated") << true << QStringLiteral("ended before [DONE]");
    QTest::newRow("garbage-in-stream") << QByteArray("stream-garbage") << true << QStringLiteral("a streamed event is not JSON");
    QTest::newRow("slow") << QByteArray("slow") << false << QStringLiteral("did not answer within 500 ms");
    QTest::newRow("http-400") << QByteArray("bad-request") << false << QStringLiteral("HTTP 400 from the model server");
    QTest::newRow("garbage") << QByteArray("garbage") << false << QStringLiteral("response is not JSON");
    QTest::newRow("no-choices") << QByteArray("no-choices") << false << QStringLiteral("no choices[0].message.content");
    // A server that ignores "stream": true and answers with one complete reply.
    QTest::newRow("json-when-streaming") << QByteArray("json-only") << true << QString();
    // Hostile servers: every cap ends the attempt with its name, long before the timeout.
    QTest::newRow("endless-stream") << QByteArray("endless-stream") << true << QStringLiteral("content exceeds 131072 bytes (limits.contentBytes)");
    QTest::newRow("endless-comments") << QByteArray("endless-comments") << true << QStringLiteral("response exceeds 8388608 bytes (limits.responseBytes)");
    QTest::newRow("endless-line") << QByteArray("endless-line") << true << QStringLiteral("event exceeds 524288 bytes without ending (limits.eventBytes)");
    QTest::newRow("huge-content") << QByteArray("huge-content") << false << QStringLiteral("more than 131072 (limits.contentBytes)");
    QTest::newRow("huge-body") << QByteArray("huge-body") << false << QStringLiteral("response exceeds 8388608 bytes (limits.responseBytes)");
}

void OpenAiBackendTest::outcomes()
{
    QFETCH(QByteArray, model);
    QFETCH(bool, stream);
    QFETCH(QString, error);
    OpenAiBackend openai = backend(model.constData(), stream);
    const auto response = complete(openai, sampleRequest(), error.contains(QLatin1String("500 ms")) ? 500ms : 60s);
    if (error.isEmpty()) {
        QVERIFY2(response.has_value(), response ? "" : response.error().message.c_str());
        QCOMPARE(QByteArray::fromStdString(response->text), kProposal);
        QVERIFY(parseProposal(response->text, workspace::demoAssets()).has_value());
    } else {
        QVERIFY(!response.has_value());
        QVERIFY2(QString::fromStdString(response.error().message).contains(error), response.error().message.c_str());
        for (char c : response.error().message)
            QVERIFY(static_cast<unsigned char>(c) >= 0x20); // a server's bytes never reach a terminal raw
    }
}

void OpenAiBackendTest::requestAsksForJsonAndCarriesNoSecret()
{
    OpenAiBackend openai = backend("normal", false);
    QVERIFY(complete(openai, sampleRequest(), 10s).has_value());
    const QByteArray request = m_server->lastRequest();
    QVERIFY(request.startsWith("POST /v1/chat/completions HTTP/1.1"));
    QVERIFY(request.contains("Authorization: Bearer sk-test-secret"));
    const QJsonObject body = QJsonDocument::fromJson(request.mid(request.indexOf("\r\n\r\n") + 4)).object();
    QCOMPARE(body.value(QStringLiteral("response_format")).toObject().value(QStringLiteral("type")).toString(),
             QStringLiteral("json_object"));
    QCOMPARE(body.value(QStringLiteral("temperature")).toInt(), 0);
    const QJsonArray messages = body.value(QStringLiteral("messages")).toArray();
    QCOMPARE(messages.at(0).toObject().value(QStringLiteral("content")).toString().toStdString(), std::string(agentContract()));
    QVERIFY(!request.contains("4111-1111")); // the private field never left the machine
}

void OpenAiBackendTest::streamingReportsProgress()
{
    OpenAiBackend openai = backend("stream", true);
    std::mutex mutex;
    std::vector<std::size_t> progress;
    std::promise<Result<ModelResponse>> answer;
    auto done = answer.get_future();
    auto call = openai.start(sampleRequest(), 10s, [&](Result<ModelResponse> r) { answer.set_value(std::move(r)); },
                             [&](std::size_t received) {
                                 std::lock_guard lock(mutex);
                                 progress.push_back(received);
                             });
    QCOMPARE(done.wait_for(10s), std::future_status::ready);
    QVERIFY(done.get().has_value());
    std::lock_guard lock(mutex);
    QCOMPARE(progress.size(), std::size_t{3});
    QCOMPARE(progress.back(), std::size_t(kProposal.size()));
    QVERIFY(progress[0] < progress[1]);
}

void OpenAiBackendTest::retriesTransientFailures()
{
    OpenAiBackend openai = backend("flaky", false);
    const int before = m_server->requests();
    const auto response = complete(openai, sampleRequest(), 10s);
    QVERIFY2(response.has_value(), response ? "" : response.error().message.c_str());
    QCOMPARE(m_server->requests() - before, 2); // a 503, then the answer
    // A client error is not retried.
    OpenAiBackend strict = backend("bad-request", false);
    const int beforeBad = m_server->requests();
    QVERIFY(!complete(strict, sampleRequest(), 10s).has_value());
    QCOMPARE(m_server->requests() - beforeBad, 1);
}

void OpenAiBackendTest::unreachableServerIsAClearError()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close(); // nothing listens there now
    OpenAiConfig config;
    config.baseUrl = "http://127.0.0.1:" + std::to_string(port) + "/v1";
    config.firstBackoff = 10ms;
    OpenAiBackend openai(config);
    const auto response = complete(openai, sampleRequest(), 10s);
    QVERIFY(!response.has_value());
    QVERIFY2(QString::fromStdString(response.error().message).contains(QLatin1String("cannot reach the model server")),
             response.error().message.c_str());
    QVERIFY(QString::fromStdString(response.error().message).contains(QLatin1String("attempt 3 of 3")));
}

void OpenAiBackendTest::cancelledCallNeverAnswers()
{
    OpenAiConfig config;
    config.baseUrl = m_server->url();
    config.model = "slow";
    auto openai = std::make_unique<OpenAiBackend>(config);
    std::atomic<bool> answered{false};
    const int before = m_server->requests();
    auto call = openai->start(sampleRequest(), 10s, [&](Result<ModelResponse>) { answered = true; });
    QTRY_VERIFY_WITH_TIMEOUT(m_server->requests() > before, 10000); // the request is in flight
    call->cancel();
    openai.reset(); // its thread has handled the abort and every event after it
    QVERIFY(!answered);
}

void OpenAiBackendTest::pipelineThroughARealServer()
{
    // The server answers every request with the proposal for int-0001: for that intent it
    // settles; for another intent the proposal speaks for the wrong intent and is refused.
    QTemporaryDir dir;
    const std::string ws = dir.filePath(QStringLiteral("ws")).toStdString();
    auto factory = api::makeEngineFactory(std::make_shared<SystemClock>());
    QVERIFY(factory->createWorkspace(ws, {.demo = true}));
    const QString intents = dir.filePath(QStringLiteral("intents.jsonl"));
    QFile file(intents);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"id":"int-0001","agent":"api-buyer","task":"Buy 1000 calls from weather-api"})" "\n"
               R"({"id":"int-0002","agent":"api-buyer","task":"Buy 500 calls from maps-api"})" "\n");
    file.close();
    // The backend, its URL and its model come from workspace.json (the key would come from the
    // environment only).
    QFile settings(QString::fromStdString(ws + "/workspace.json"));
    QVERIFY(settings.open(QIODevice::ReadOnly));
    QJsonObject json = QJsonDocument::fromJson(settings.readAll()).object();
    settings.close();
    json.insert(QStringLiteral("model"), QJsonObject{{QStringLiteral("backend"), QStringLiteral("openai")},
                                                     {QStringLiteral("url"), QString::fromStdString(m_server->url())},
                                                     {QStringLiteral("name"), QStringLiteral("normal")}});
    QVERIFY(settings.open(QIODevice::WriteOnly | QIODevice::Truncate));
    settings.write(QJsonDocument(json).toJson());
    settings.close();
    auto engine = factory->openWorkspace(ws);
    api::Engine::RunOptions options;
    options.intentsFile = intents.toStdString();
    // The operator's key is in the environment, but only workspace.json names this URL: the
    // run goes without it and says why (it used to send the key there).
    QTemporaryDir userConfig;
    qputenv("XDG_CONFIG_HOME", userConfig.path().toUtf8());
    qputenv("OPENAI_API_KEY", "sk-operator-secret");
    std::vector<std::string> notices;
    options.notice = [&notices](const std::string& notice) { notices.push_back(notice); };
    const auto results = (*engine)->runIntents(options);
    qunsetenv("OPENAI_API_KEY");
    qunsetenv("XDG_CONFIG_HOME");
    QVERIFY(!m_server->lastRequest().contains("sk-operator-secret"));
    QVERIFY(!m_server->lastRequest().contains("Authorization"));
    QCOMPARE(notices.size(), std::size_t(1));
    QVERIFY2(notices.front().find("which only workspace.json names") != std::string::npos, notices.front().c_str());
    QVERIFY2(results.has_value(), results ? "" : results.error().message.c_str());
    QCOMPARE(results->size(), std::size_t{2});
    QVERIFY2(results->at(0).state == api::IntentState::Executed,
             (std::string(api::toString(results->at(0).state)) + ": " + results->at(0).reason).c_str());
    QCOMPARE(std::string(api::toString(results->at(1).state)), std::string("rejected"));
    QVERIFY2(results->at(1).reason.find("not this intent's own") != std::string::npos, results->at(1).reason.c_str());
    QVERIFY((*engine)->verifyAuditLog({}, false, {})->intact());
}

void OpenAiBackendTest::keyOnlyWhereTheOperatorChose_data()
{
    QTest::addColumn<QString>("source"); // where the URL comes from
    QTest::addColumn<bool>("sent");
    QTest::newRow("command-line") << "command-line" << true;
    QTest::newRow("environment") << "environment" << true;
    QTest::newRow("workspace-only") << "workspace" << false;
    QTest::newRow("workspace-trusted-by-user") << "workspace-trusted" << true;
}

void OpenAiBackendTest::keyOnlyWhereTheOperatorChose()
{
    QFETCH(QString, source);
    QFETCH(bool, sent);
    QTemporaryDir config; // the user's own settings, outside every workspace
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
    qputenv("OPENAI_API_KEY", "sk-operator-secret");
    qunsetenv("COUNTERSIGN_API_KEY");
    qunsetenv("COUNTERSIGN_MODEL_URL");
    const std::string url = m_server->url();
    if (source == QLatin1String("environment"))
        qputenv("COUNTERSIGN_MODEL_URL", QByteArray::fromStdString(url));
    if (source == QLatin1String("workspace-trusted")) {
        QVERIFY(QDir().mkpath(config.filePath(QStringLiteral("countersign"))));
        QFile trusted(QString::fromStdString(trustedModelUrlsFile()));
        QVERIFY(trusted.fileName().startsWith(config.path()));
        QVERIFY(trusted.open(QIODevice::WriteOnly));
        trusted.write("https://api.example.invalid/v1\n" + QByteArray::fromStdString(url) + "\n");
        trusted.close();
    }
    std::string notice;
    auto resolved = OpenAiConfig::resolve(source == QLatin1String("command-line") ? url : std::string(), url, "normal", &notice);
    qunsetenv("OPENAI_API_KEY");
    qunsetenv("COUNTERSIGN_MODEL_URL");
    qunsetenv("XDG_CONFIG_HOME");
    QVERIFY2(resolved.has_value(), resolved ? "" : resolved.error().message.c_str());
    QCOMPARE(resolved->baseUrl, url);
    resolved->stream = false;
    OpenAiBackend openai(*resolved);
    QVERIFY(complete(openai, sampleRequest(), 10s).has_value()); // with or without a key, it runs
    const QByteArray request = m_server->lastRequest();
    QCOMPARE(request.contains("sk-operator-secret"), sent);
    QCOMPARE(request.contains("Authorization"), sent);
    QCOMPARE(notice.empty(), sent);
    if (!sent)
        QVERIFY2(notice.find("not sent to " + url + ", which only workspace.json names") != std::string::npos, notice.c_str());
}

void OpenAiBackendTest::plainHttpOnlyToLoopback_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("error"); // empty: accepted
    QTest::newRow("loopback-v4") << "http://127.0.0.1:11434/v1" << "";
    QTest::newRow("loopback-v4-other") << "http://127.3.4.5:8080/v1" << "";
    QTest::newRow("loopback-v6") << "http://[::1]:8080/v1" << "";
    QTest::newRow("localhost") << "http://localhost:8080/v1" << "";
    QTest::newRow("https-remote") << "https://api.openai.com/v1" << "";
    QTest::newRow("http-remote") << "http://api.openai.com/v1" << "plain http:// is allowed only to a loopback host";
    QTest::newRow("http-lan") << "http://10.0.0.7:11434/v1" << "plain http:// is allowed only to a loopback host";
    QTest::newRow("http-lookalike") << "http://127.0.0.1.evil.example/v1" << "plain http:// is allowed only to a loopback host";
    QTest::newRow("other-scheme") << "ftp://127.0.0.1/v1" << "not an http:// or https:// URL";
    QTest::newRow("no-host") << "http:///v1" << "not an http:// or https:// URL";
}

void OpenAiBackendTest::plainHttpOnlyToLoopback()
{
    QFETCH(QString, url);
    QFETCH(QString, error);
    const auto resolved = OpenAiConfig::resolve(url.toStdString(), {}, {}, nullptr);
    QCOMPARE(resolved.has_value(), error.isEmpty());
    if (!error.isEmpty())
        QVERIFY2(QString::fromStdString(resolved.error().message).contains(error), resolved.error().message.c_str());
}

QTEST_GUILESS_MAIN(OpenAiBackendTest)
#include "OpenAiBackendTest.moc"
