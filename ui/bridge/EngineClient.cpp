// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/bridge/EngineClient.h"

#include <QSaveFile>

#include <algorithm>
#include <type_traits>

#include "core/api/Engine.h"
#include "core/api/Tools.h"
#include "core/domain/Secret.h"
#include "ui/common/StateText.h"

#include <exception>

namespace cs::ui {

EngineClient::EngineClient(std::shared_ptr<api::EngineFactory> factory, QObject* parent)
    : QObject(parent)
    , m_factory(std::move(factory))
{
    qRegisterMetaType<cs::api::WorkspaceSummary>();
    qRegisterMetaType<cs::api::EngineStatus>();
    qRegisterMetaType<std::vector<cs::api::AgentSummary>>();
    qRegisterMetaType<std::vector<cs::api::PrincipalView>>();
    qRegisterMetaType<cs::api::WorldView>();
    qRegisterMetaType<cs::api::Grants>();
    qRegisterMetaType<cs::api::IntentResult>();
    qRegisterMetaType<cs::api::ApprovalQueue>();
    qRegisterMetaType<cs::api::ApprovalOutcome>();
    qRegisterMetaType<cs::api::Change>();
    qRegisterMetaType<cs::api::PolicyVersion>();
    qRegisterMetaType<cs::api::PolicyCheck>();
    qRegisterMetaType<std::vector<cs::api::CapUse>>();
    qRegisterMetaType<cs::api::BacktestSummary>();
    qRegisterMetaType<cs::api::ShadowReport>();
    qRegisterMetaType<cs::api::QueueItem>();
    qRegisterMetaType<cs::api::AuditQuery>();
    qRegisterMetaType<cs::api::AuditHistogram>();
    qRegisterMetaType<std::vector<std::int64_t>>();
    qRegisterMetaType<std::vector<cs::api::AuditRow>>();
    qRegisterMetaType<cs::api::AuditEntryDetail>();
    qRegisterMetaType<cs::api::ProposalReplay>();
    qRegisterMetaType<cs::api::VerifySummary>();
    qRegisterMetaType<cs::api::ReputationReport>();
    qRegisterMetaType<cs::api::HealthReport>();
    m_thread.setObjectName(QStringLiteral("engine-client"));
    m_context.moveToThread(&m_thread);
    m_thread.start();
    m_browseThread.setObjectName(QStringLiteral("engine-client-browse"));
    m_browseContext.moveToThread(&m_browseThread);
    m_browseThread.start();
}

EngineClient::~EngineClient()
{
    // Browsing stops first (a read under way ends, the rest are dropped); then the engine is
    // closed on the thread that used it, before that thread stops.
    m_browseThread.quit();
    m_browseThread.wait();
    {
        std::lock_guard lock(m_browseMutex);
        m_browsed.reset();
    }
    QMetaObject::invokeMethod(
        &m_context,
        [this] {
            delete m_feedTimer;
            m_feedTimer = nullptr;
            m_statusHandler.reset();
            m_changesHandler.reset();
            m_engine.reset();
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

template <class Work>
void EngineClient::post(Work work, Lane lane)
{
    QMetaObject::invokeMethod(lane == Lane::Worker ? &m_context : &m_browseContext, [this, work = std::move(work)]() mutable {
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

void EngineClient::createWorkspace(const QString& path, bool demo, const QString& enginePassphrase,
                                   const QString& riskManager, const QString& riskManagerName,
                                   const QString& riskManagerPassphrase)
{
    post([this, path, demo, enginePassphrase, riskManager, riskManagerName, riskManagerPassphrase] {
        std::string secret = enginePassphrase.toStdString();
        std::string managerSecret = riskManagerPassphrase.toStdString();
        const auto created = m_factory->createWorkspace(
            path.toStdString(), {demo, /*force=*/false, secret, riskManager.toStdString(), riskManagerName.toStdString(), managerSecret});
        std::fill(secret.begin(), secret.end(), '\0');
        std::fill(managerSecret.begin(), managerSecret.end(), '\0');
        if (!created) {
            Q_EMIT workspaceFailed(path, QString::fromStdString(created.error().message));
            return;
        }
        openOnWorker(path);
    });
}

void EngineClient::startDemoFeed(int intervalMs)
{
    post([this, intervalMs] {
        if (!m_engine || m_feedTimer != nullptr || m_readOnly)
            return;
        auto summary = m_engine->summary();
        if (!summary || !summary->demo)
            return;
        m_feedTimer = new QTimer(&m_context);
        m_feedTimer->setInterval(intervalMs);
        QObject::connect(m_feedTimer, &QTimer::timeout, &m_context, [this] {
            if (!m_engine)
                return;
            auto next = m_engine->runNextIntent();
            if (!next || !*next) {
                m_feedTimer->deleteLater(); // a later startDemoFeed picks up what arrived since
                m_feedTimer = nullptr;
                if (!next)
                    Q_EMIT requestFailed(QString::fromStdString(next.error().message));
                Q_EMIT feedFinished();
                return;
            }
            Q_EMIT intentProcessed(**next);
        });
        m_feedTimer->start();
    });
}

QString EngineClient::noWorkspace()
{
    return tr("No workspace is open.");
}

QString EngineClient::whyNotWritable() const
{
    if (!m_engine)
        return noWorkspace();
    return m_readOnly ? tr("The audit log does not verify; nothing is signed.") : QString();
}

void EngineClient::loadAgents()
{
    postRead([](api::Engine& engine) { return engine.agents(); }, &EngineClient::agentsLoaded);
}

std::shared_ptr<api::Engine> EngineClient::browsed() const
{
    std::lock_guard lock(m_browseMutex);
    return m_browsed;
}

template <class Read, class Loaded>
void EngineClient::postRead(Read read, Loaded loaded, Lane lane)
{
    post([this, read, loaded, lane] {
        const std::shared_ptr<api::Engine> engine = lane == Lane::Worker ? m_engine : browsed();
        if (!engine) {
            Q_EMIT requestFailed(noWorkspace());
            return;
        }
        auto result = read(*engine);
        if (!result && result.error().code == ErrorCode::Cancelled)
            return; // superseded: nobody waits for it
        if (!result) {
            Q_EMIT requestFailed(QString::fromStdString(result.error().message));
            return;
        }
        if constexpr (std::is_member_function_pointer_v<Loaded>)
            Q_EMIT(this->*loaded)(*result);
        else
            loaded(*result); // a lambda that emits with what the caller tagged the request with
    }, lane);
}

void EngineClient::loadApprovalQueue()
{
    postRead([](api::Engine& engine) { return engine.approvalQueue(); }, &EngineClient::approvalQueueLoaded);
}

namespace {

std::string_view textOf(const SecretBytes& secret)
{
    return {reinterpret_cast<const char*>(secret.data()), secret.size()};
}

} // namespace

void EngineClient::submitVerdict(const Verdict& verdict, std::shared_ptr<const SecretBytes> passphrase)
{
    post([this, verdict, passphrase = std::move(passphrase)] {
        if (!m_engine) {
            Q_EMIT verdictFailed(verdict.intent, noWorkspace());
            return;
        }
        // A workspace that is not a demo signs settlements with an engine key unlocked earlier.
        if (!m_demo && !m_engine->engineUnlocked()) {
            Q_EMIT verdictFailed(verdict.intent, tr("The engine key is locked, so an approved proposal could not settle. "
                                                    "Unlock it with File > Unlock Engine Key…, then sign again."));
            return;
        }
        const std::string intent = verdict.intent.toStdString();
        const std::string approver = verdict.approver.toStdString();
        const std::string shown = verdict.shownSubject.toStdString();
        auto outcome = verdict.kind == Verdict::Edit
                           ? m_engine->submitEdit(intent, approver, verdict.amount.toStdString(), verdict.minOut.toStdString(),
                                                  textOf(*passphrase), shown)
                           : m_engine->submitVerdict(intent, approver, verdict.kind == Verdict::Approve,
                                                     verdict.reason.toStdString(), textOf(*passphrase), shown);
        if (outcome)
            Q_EMIT verdictSubmitted(verdict.intent, *outcome);
        else
            Q_EMIT verdictFailed(verdict.intent, QString::fromStdString(outcome.error().message));
    });
}

void EngineClient::loadPeople()
{
    postRead([](api::Engine& engine) { return engine.principals(); }, &EngineClient::peopleLoaded);
}

void EngineClient::loadGrants(const QString& principal)
{
    post([this, principal] {
        if (!m_engine) {
            Q_EMIT requestFailed(noWorkspace());
            return;
        }
        auto grants = m_engine->grantsOf(principal.toStdString());
        if (grants)
            Q_EMIT grantsLoaded(principal, *grants);
        else
            Q_EMIT requestFailed(QString::fromStdString(grants.error().message));
    });
}

void EngineClient::addPrincipal(const QString& id, api::Role role, const QString& name, const QString& description,
                                const QString& actor, std::shared_ptr<const SecretBytes> passphrase,
                                std::shared_ptr<const SecretBytes> newPassphrase)
{
    post([=, this] {
        if (const QString refused = whyNotWritable(); !refused.isEmpty()) {
            Q_EMIT principalFailed(id, refused);
            return;
        }
        const api::Engine::NewPrincipal principal{id.toStdString(), role, name.toStdString(), description.toStdString()};
        auto added = m_engine->addPrincipal(principal, actor.toStdString(), textOf(*passphrase),
                                            newPassphrase ? textOf(*newPassphrase) : std::string_view());
        if (added)
            Q_EMIT principalChanged(id, tr("%1 was added, signed by %2 (entry %3).").arg(id, actor).arg(added->entrySeq));
        else
            Q_EMIT principalFailed(id, QString::fromStdString(added.error().message));
    });
}

void EngineClient::rotateKey(const QString& principal, const QString& actor, std::shared_ptr<const SecretBytes> passphrase,
                             std::shared_ptr<const SecretBytes> newPassphrase)
{
    post([=, this] {
        if (const QString refused = whyNotWritable(); !refused.isEmpty()) {
            Q_EMIT principalFailed(principal, refused);
            return;
        }
        auto rotated = m_engine->rotateKey(principal.toStdString(), actor.toStdString(), textOf(*passphrase),
                                           textOf(*newPassphrase));
        if (rotated)
            Q_EMIT principalChanged(principal, tr("%1 has a new key, %2; the old one is retired.")
                                                   .arg(principal, QString::fromStdString(rotated->principal.fingerprint)));
        else
            Q_EMIT principalFailed(principal, QString::fromStdString(rotated.error().message));
    });
}

void EngineClient::changeStatus(const QStringList& principals, api::PrincipalStatus status, const QString& actor,
                                const QString& reason, std::shared_ptr<const SecretBytes> passphrase)
{
    post([=, this] {
        for (const QString& principal : principals) {
            if (const QString refused = whyNotWritable(); !refused.isEmpty()) {
                Q_EMIT principalFailed(principal, refused);
                return;
            }
            auto changed = m_engine->changePrincipalStatus(principal.toStdString(), status, actor.toStdString(),
                                                           reason.toStdString(), textOf(*passphrase));
            if (!changed) {
                Q_EMIT principalFailed(principal, QString::fromStdString(changed.error().message));
                return;
            }
            Q_EMIT principalChanged(principal, tr("%1 is now %2; %n pending request(s) ended.", nullptr, changed->cancelledRequests)
                                                   .arg(principal, stateText(status)));
        }
    });
}

void EngineClient::loadWorld()
{
    postRead([](api::Engine& engine) { return engine.world(); }, &EngineClient::worldLoaded);
}

void EngineClient::exportWorld(const QString& path)
{
    post([=, this] {
        if (!m_engine) {
            Q_EMIT worldFailed(noWorkspace());
            return;
        }
        auto document = m_engine->exportWorld();
        auto written = document ? api::writeFileDurably(path.toStdString(), *document) : Result<void>(Unexpected{document.error()});
        if (written)
            Q_EMIT worldExported(path);
        else
            Q_EMIT worldFailed(QString::fromStdString(written.error().message));
    });
}

void EngineClient::importWorld(const QByteArray& document, const QString& actor, std::shared_ptr<const SecretBytes> passphrase)
{
    post([=, this] {
        if (const QString refused = whyNotWritable(); !refused.isEmpty()) {
            Q_EMIT worldFailed(refused);
            return;
        }
        auto imported = m_engine->importWorld(std::string_view(document.constData(), static_cast<std::size_t>(document.size())),
                                              actor.toStdString(), textOf(*passphrase));
        if (!imported)
            Q_EMIT worldFailed(QString::fromStdString(imported.error().message));
        else if (imported->added == 0)
            Q_EMIT worldChanged(tr("Nothing new: all %n item(s) were there already; nothing was written.", nullptr, imported->unchanged));
        else
            Q_EMIT worldChanged(tr("%n item(s) added, signed by %1 (entry %2).", nullptr, imported->added)
                                    .arg(actor)
                                    .arg(imported->entrySeq));
    });
}

void EngineClient::setPrice(const QString& asset, const QString& quote, const QString& price, const QString& source,
                            const QString& actor, std::shared_ptr<const SecretBytes> passphrase)
{
    post([=, this] {
        if (const QString refused = whyNotWritable(); !refused.isEmpty()) {
            Q_EMIT worldFailed(refused);
            return;
        }
        auto seq = m_engine->setPrice({asset.toStdString(), quote.toStdString(), price.toStdString(), source.toStdString()},
                                      actor.toStdString(), textOf(*passphrase));
        if (seq)
            Q_EMIT worldChanged(tr("%1 is now %2 %3, signed by %4 (entry %5).").arg(asset, price, quote, actor).arg(*seq));
        else
            Q_EMIT worldFailed(QString::fromStdString(seq.error().message));
    });
}

void EngineClient::editWorldText(const QString& section, const QString& id, const QString& field, const QString& value,
                                 const QString& actor, std::shared_ptr<const SecretBytes> passphrase)
{
    post([=, this] {
        if (const QString refused = whyNotWritable(); !refused.isEmpty()) {
            Q_EMIT worldFailed(refused);
            return;
        }
        auto edited = m_engine->editWorldText({section.toStdString(), id.toStdString(), field.toStdString(), value.toStdString()},
                                              actor.toStdString(), textOf(*passphrase));
        if (!edited)
            Q_EMIT worldFailed(QString::fromStdString(edited.error().message));
        else if (edited->entrySeq == 0)
            Q_EMIT worldChanged(tr("%1 already reads so; nothing was signed.").arg(id));
        else
            Q_EMIT worldChanged(tr("%1 now reads “%2”, signed by %3 (entry %4).").arg(id, value, actor).arg(edited->entrySeq));
    });
}

void EngineClient::unlockEngine(std::shared_ptr<const SecretBytes> passphrase)
{
    post([this, passphrase = std::move(passphrase)] {
        if (!m_engine) {
            Q_EMIT requestFailed(noWorkspace());
            return;
        }
        auto unlocked = m_engine->unlockEngine(textOf(*passphrase));
        if (unlocked)
            Q_EMIT engineUnlocked();
        else
            Q_EMIT requestFailed(QString::fromStdString(unlocked.error().message));
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
    delete m_feedTimer; // a feed belongs to the workspace it was started on
    m_feedTimer = nullptr;
    m_statusHandler.reset();
    m_changesHandler.reset();
    m_engine = std::move(*engine);
    {
        std::lock_guard lock(m_browseMutex);
        m_browsed = m_engine;
    }
    m_demo = summary->demo;
    // Runs on whichever engine thread changed the status; the signal is queued to receivers.
    m_statusHandler = m_engine->handleStatusChanged([this](const api::EngineStatus& status) {
        Q_EMIT statusChanged(status);
    });
    // What its writes changed, pushed: the views refresh from these, never on a timer.
    m_changesHandler = m_engine->handleChanges([this](const api::Change& change) { Q_EMIT workspaceChanged(change); });
    // Status first: whoever reacts to workspaceOpened sees the engine's state already shown.
    Q_EMIT statusChanged(m_engine->status());
    Q_EMIT workspaceOpened(path, *summary);
    // The check every first write waits for, now, so a log that does not verify is shown at
    // once and nothing (the demo feed included, posted after this) writes on it.
    int shown = -1;
    auto integrity = m_engine->checkIntegrity([this, &shown](std::int64_t done, std::int64_t total) {
        const int percent = total > 0 ? static_cast<int>(done * 100 / total) : 100;
        if (percent != shown) {
            shown = percent;
            Q_EMIT integrityProgress(done, total);
        }
    });
    if (!integrity) {
        m_readOnly = true;
        Q_EMIT integrityChecked(false, QString::fromStdString(integrity.error().message));
    } else if (!integrity->intact()) {
        m_readOnly = true;
        const api::VerifyProblem* first = integrity->first();
        Q_EMIT integrityChecked(false, QString::fromStdString(first->reason));
    } else {
        m_readOnly = false;
        Q_EMIT integrityChecked(true, {});
    }
}

namespace {

std::string_view viewOf(const QByteArray& bytes)
{
    return {bytes.constData(), static_cast<std::size_t>(bytes.size())};
}

} // namespace

void EngineClient::loadPolicy()
{
    post([this] {
        if (!m_engine) {
            Q_EMIT requestFailed(noWorkspace());
            return;
        }
        auto versions = m_engine->policyVersions();
        auto draft = versions ? m_engine->policyDraft() : Result<std::optional<std::string>>(Unexpected{versions.error()});
        if (!draft) {
            Q_EMIT requestFailed(QString::fromStdString(draft.error().message));
            return;
        }
        // Newest first: the first that is not a shadow decides.
        const auto active = std::find_if(versions->begin(), versions->end(), [](const api::PolicyVersion& v) { return !v.shadow; });
        Q_EMIT policyLoaded(active == versions->end() ? api::PolicyVersion{} : *active,
                            *draft ? QByteArray::fromStdString(**draft) : QByteArray(), draft->has_value());
    });
}

void EngineClient::checkPolicy(const QByteArray& document)
{
    post([=, this] {
        if (!m_engine) {
            Q_EMIT requestFailed(noWorkspace());
            return;
        }
        auto check = m_engine->checkPolicy(viewOf(document));
        if (check)
            Q_EMIT policyChecked(document, *check);
        else
            Q_EMIT requestFailed(QString::fromStdString(check.error().message));
    });
}

void EngineClient::savePolicyDraft(const QByteArray& document)
{
    post([=, this] {
        if (!m_engine) {
            Q_EMIT requestFailed(noWorkspace());
            return;
        }
        if (auto saved = m_engine->savePolicyDraft(viewOf(document)); !saved)
            Q_EMIT requestFailed(tr("The policy draft was not kept: %1").arg(QString::fromStdString(saved.error().message)));
    });
}

void EngineClient::loadCapUsage()
{
    postRead([](api::Engine& engine) { return engine.capUsage(); }, &EngineClient::capUsageLoaded);
}

std::stop_token EngineClient::restart(std::stop_source& source)
{
    std::lock_guard lock(m_backtestMutex);
    source = std::stop_source();
    return source.get_token();
}

void EngineClient::backtestPolicy(const QByteArray& document)
{
    const std::stop_token stop = restart(m_backtestStop);
    post([=, this] {
        if (!m_engine) {
            Q_EMIT backtestFailed(noWorkspace(), false);
            return;
        }
        auto report = m_engine->backtestPolicy(
            viewOf(document), [this](std::int64_t done, std::int64_t total) { Q_EMIT backtestProgress(done, total); }, stop);
        if (report)
            Q_EMIT backtestFinished(*report);
        else
            Q_EMIT backtestFailed(QString::fromStdString(report.error().message), report.error().code == ErrorCode::Cancelled);
    });
}

void EngineClient::cancelBacktest()
{
    std::lock_guard lock(m_backtestMutex);
    m_backtestStop.request_stop();
}

void EngineClient::publishPolicy(const QByteArray& document, const QString& signer,
                                 std::shared_ptr<const SecretBytes> passphrase, api::PolicyMode mode)
{
    post([=, this] {
        if (const QString refused = whyNotWritable(); !refused.isEmpty()) {
            Q_EMIT policyFailed(refused);
            return;
        }
        auto published = m_engine->publishPolicy(viewOf(document), signer.toStdString(), textOf(*passphrase), mode);
        if (published)
            Q_EMIT policyPublished(*published);
        else
            Q_EMIT policyFailed(QString::fromStdString(published.error().message));
    });
}

void EngineClient::loadShadow()
{
    postRead([](api::Engine& engine) { return engine.shadowReport(); }, &EngineClient::shadowLoaded);
}

void EngineClient::loadProposalDetail(const QString& intent)
{
    postRead([intent](api::Engine& engine) { return engine.proposalDetail(intent.toStdString()); },
             &EngineClient::proposalDetailLoaded);
}

void EngineClient::loadAuditMatches(quint64 generation, const api::AuditQuery& query)
{
    postRead([query](api::Engine& engine) { return engine.auditMatches(query); },
             [this, generation](const std::vector<std::int64_t>& seqs) { Q_EMIT auditMatchesLoaded(generation, seqs); }, Lane::Browse);
}

void EngineClient::loadAuditHistogram(quint64 generation, const api::AuditQuery& query)
{
    postRead([query](api::Engine& engine) { return engine.auditHistogram(query); },
             [this, generation](const api::AuditHistogram& histogram) { Q_EMIT auditHistogramLoaded(generation, histogram); });
}

void EngineClient::loadAuditRows(quint64 generation, const std::vector<std::int64_t>& seqs)
{
    postRead([seqs](api::Engine& engine) { return engine.auditRows(seqs); },
             [this, generation](const std::vector<api::AuditRow>& rows) { Q_EMIT auditRowsLoaded(generation, rows); }, Lane::Browse);
}

void EngineClient::loadAuditEntry(qint64 seq)
{
    // On the worker, so pages never wait for an inclusion proof (all the log's leaves are read
    // for one); an entry asked for since supersedes this one, which is then never read.
    m_entryWanted = seq;
    postRead(
        [this, seq](api::Engine& engine) -> Result<api::AuditEntryDetail> {
            if (m_entryWanted != seq)
                return fail(ErrorCode::Cancelled, "superseded");
            return engine.auditEntry(seq);
        },
        &EngineClient::auditEntryLoaded);
}

void EngineClient::loadReputation()
{
    postRead([](api::Engine& engine) { return engine.reputation(); }, &EngineClient::reputationLoaded);
}

void EngineClient::loadHealth()
{
    postRead([](api::Engine& engine) { return engine.health(); }, &EngineClient::healthLoaded);
}

void EngineClient::replayProposal(const QString& intent)
{
    postRead(
        [intent](api::Engine& engine) -> Result<api::ProposalReplay> {
            CS_TRY(report, engine.replayLog(intent.toStdString(), {}, {}));
            if (report->replayed.empty())
                return fail(ErrorCode::NotFound, "the log has no path of " + intent.toStdString());
            return report->replayed.front();
        },
        &EngineClient::replayLoaded);
}

void EngineClient::verifyLog()
{
    const std::stop_token stop = restart(m_verifyStop);
    post([=, this] {
        if (!m_engine) {
            Q_EMIT verifyFailed(noWorkspace(), false);
            return;
        }
        auto report = m_engine->verifyAuditLog(
            [this](std::int64_t done, std::int64_t total) { Q_EMIT verifyProgress(done, total); }, false, stop);
        if (report)
            Q_EMIT verifyFinished(*report);
        else
            Q_EMIT verifyFailed(QString::fromStdString(report.error().message), report.error().code == ErrorCode::Cancelled);
    });
}

void EngineClient::cancelVerify()
{
    std::lock_guard lock(m_backtestMutex);
    m_verifyStop.request_stop();
}

void EngineClient::exportAuditLog(const QString& path, api::LogFormat format)
{
    post([=, this] {
        if (!m_engine) {
            Q_EMIT requestFailed(noWorkspace());
            return;
        }
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            Q_EMIT requestFailed(tr("Cannot write %1: %2").arg(path, file.errorString()));
            return;
        }
        auto written = m_engine->exportAuditLog(
            format, 1, 0,
            [&](std::string_view chunk) -> Result<void> {
                if (file.write(chunk.data(), static_cast<qint64>(chunk.size())) != static_cast<qint64>(chunk.size()))
                    return fail(ErrorCode::StorageFailed, file.errorString().toStdString());
                return {};
            },
            {}, {});
        if (!written || !file.commit()) {
            Q_EMIT requestFailed(tr("Cannot write %1: %2").arg(path, written ? file.errorString()
                                                                            : QString::fromStdString(written.error().message)));
            return;
        }
        Q_EMIT auditExported(path, *written);
    });
}

} // namespace cs::ui
