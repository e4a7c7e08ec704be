// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/bridge/EngineClient.h"

#include <algorithm>

#include "core/api/Engine.h"

#include <exception>

namespace cs::ui {

EngineClient::EngineClient(std::shared_ptr<api::EngineFactory> factory, QObject* parent)
    : QObject(parent)
    , m_factory(std::move(factory))
{
    qRegisterMetaType<cs::api::WorkspaceSummary>();
    qRegisterMetaType<cs::api::EngineStatus>();
    qRegisterMetaType<std::vector<cs::api::AgentSummary>>();
    m_thread.setObjectName(QStringLiteral("engine-client"));
    m_context.moveToThread(&m_thread);
    m_thread.start();
}

EngineClient::~EngineClient()
{
    // The engine is closed on the thread that used it, before the thread stops.
    QMetaObject::invokeMethod(
        &m_context,
        [this] {
            m_statusHandler.reset();
            m_engine.reset();
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

template <class Work>
void EngineClient::post(Work work)
{
    QMetaObject::invokeMethod(&m_context, [this, work = std::move(work)]() mutable {
        try {
            work();
        } catch (const std::exception& e) {
            Q_EMIT requestFailed(tr("Internal error in the engine: %1").arg(QString::fromUtf8(e.what())));
        } catch (...) {
            Q_EMIT requestFailed(tr("Internal error in the engine."));
        }
    });
}

void EngineClient::openWorkspace(const QString& path)
{
    post([this, path] { openOnWorker(path); });
}

void EngineClient::createWorkspace(const QString& path, bool demo, const QString& enginePassphrase)
{
    post([this, path, demo, enginePassphrase] {
        std::string secret = enginePassphrase.toStdString();
        const auto created = m_factory->createWorkspace(path.toStdString(), demo, /*force=*/false, secret);
        std::fill(secret.begin(), secret.end(), '\0');
        if (!created) {
            Q_EMIT workspaceFailed(path, QString::fromStdString(created.error().message));
            return;
        }
        openOnWorker(path);
    });
}

void EngineClient::loadAgents()
{
    post([this] {
        if (!m_engine) {
            Q_EMIT requestFailed(tr("No workspace is open."));
            return;
        }
        auto agents = m_engine->agents();
        if (agents)
            Q_EMIT agentsLoaded(*agents);
        else
            Q_EMIT requestFailed(QString::fromStdString(agents.error().message));
    });
}

void EngineClient::openOnWorker(const QString& path)
{
    auto engine = m_factory->openWorkspace(path.toStdString());
    if (!engine) {
        Q_EMIT workspaceFailed(path, QString::fromStdString(engine.error().message));
        return;
    }
    auto summary = (*engine)->summary();
    if (!summary) {
        Q_EMIT workspaceFailed(path, QString::fromStdString(summary.error().message));
        return;
    }
    m_statusHandler.reset();
    m_engine = std::move(*engine);
    // Runs on whichever engine thread changed the status; the signal is queued to receivers.
    m_statusHandler = m_engine->handleStatusChanged([this](const api::EngineStatus& status) {
        Q_EMIT statusChanged(status);
    });
    // Status first: whoever reacts to workspaceOpened sees the engine's state already shown.
    Q_EMIT statusChanged(m_engine->status());
    Q_EMIT workspaceOpened(path, *summary);
}

} // namespace cs::ui
