// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/approvals/VerdictDialog.h"

#include "core/domain/Clock.h"

#include "ui/approvals/ApprovalQueueModel.h"
#include "ui/common/MoneyFormat.h"
#include "ui/common/Secrets.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cs::ui {

namespace {

QString headline(const ApprovalRow& row, Verdict::Kind kind)
{
    const QString amount = QStringLiteral("<b style='white-space:nowrap'>%1 %2</b>").arg(formatAmount(row.amount).toHtmlEscaped(), row.asset.toHtmlEscaped());
    QString destination = row.destination.toHtmlEscaped();
    if (row.action == u"swap" && !row.venue.isEmpty())
        destination = VerdictDialog::tr("%1 on %2").arg(destination, row.venue.toHtmlEscaped());
    destination = QStringLiteral("<span style='white-space:nowrap'>%1</span>").arg(destination);
    const QString what = VerdictDialog::tr("%1's %2 of %3 to <b>%4</b>")
                             .arg(row.agent.toHtmlEscaped(), ApprovalQueueModel::actionText(row.action).toHtmlEscaped(), amount,
                                  destination);
    switch (kind) {
    case Verdict::Approve:
        return VerdictDialog::tr("Approve %1?").arg(what);
    case Verdict::Reject:
        return VerdictDialog::tr("Reject %1?").arg(what);
    case Verdict::Edit:
        return VerdictDialog::tr("Tighten and approve %1?").arg(what);
    }
    return what;
}

} // namespace

VerdictDialog::VerdictDialog(const ApprovalRow& row, Verdict::Kind kind, const QString& approver, bool passphraseRemembered,
                             int countdownMs, const Clock& clock, QWidget* parent)
    : QDialog(parent)
    , m_countdownLabel(new QLabel(this))
    , m_buttons(new QDialogButtonBox(this))
    , m_sign(m_buttons->addButton(tr("&Sign"), QDialogButtonBox::AcceptRole))
    , m_clock(clock)
    , m_shownAtMs(clock.now().msSinceEpoch)
    , m_countdownMs(countdownMs)
{
    setObjectName(QStringLiteral("verdictDialog"));
    m_verdict.intent = row.intent;
    m_verdict.approver = approver;
    m_verdict.kind = kind;
    m_verdict.shownSubject = QString::fromStdString(row.item.subjectSha256);
    setWindowTitle(kind == Verdict::Reject ? tr("Reject %1").arg(row.intent)
                   : kind == Verdict::Edit ? tr("Edit and approve %1").arg(row.intent)
                                           : tr("Approve %1").arg(row.intent));

    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(headline(row, kind), this);
    title->setObjectName(QStringLiteral("verdictHeadline"));
    title->setTextFormat(Qt::RichText);
    title->setWordWrap(true);
    QFont larger = title->font();
    larger.setPointSizeF(larger.pointSizeF() * 1.2);
    title->setFont(larger);
    layout->addWidget(title);
    if (!row.item.simulationOk && kind != Verdict::Reject) {
        auto* problem = new QLabel(tr("It cannot execute now (%1): an approval that completes the quorum fails it.")
                                       .arg(QString::fromStdString(row.item.simulationProblem)),
                                   this);
        problem->setWordWrap(true);
        problem->setStyleSheet(QStringLiteral("color: #b01c1c; font-weight: bold"));
        layout->addWidget(problem);
    }

    auto* form = new QFormLayout;
    auto* signer = new QLabel(approver, this);
    signer->setTextFormat(Qt::PlainText);
    form->addRow(tr("Signing as:"), signer);
    auto* subject = new QLabel(QStringLiteral("<tt>%1…</tt>").arg(m_verdict.shownSubject.left(24)), this);
    subject->setToolTip(m_verdict.shownSubject);
    form->addRow(tr("Subject:"), subject);

    if (kind == Verdict::Reject) {
        m_reason = new QLineEdit(this);
        m_reason->setObjectName(QStringLiteral("reasonEdit"));
        m_reason->setPlaceholderText(tr("Why (recorded in the audit log)"));
        form->addRow(tr("&Reason:"), m_reason);
        connect(m_reason, &QLineEdit::textChanged, this, &VerdictDialog::updateSignButton);
    }
    if (kind == Verdict::Edit) {
        m_originalAmount = row.amount;
        m_amount = new QLineEdit(row.amount, this);
        m_amount->setObjectName(QStringLiteral("amountEdit"));
        m_amount->setToolTip(tr("Lower only; the new version is simulated and decided again"));
        form->addRow(tr("&Amount (%1, lower only):").arg(row.asset), m_amount);
        connect(m_amount, &QLineEdit::textChanged, this, &VerdictDialog::updateSignButton);
        if (row.action == u"swap") {
            const auto& minOutMoney = row.item.proposal.action.minOut;
            const QString minOut = minOutMoney ? QString::fromStdString(minOutMoney->toString()) : QString();
            m_originalMinOut = minOut;
            m_minOut = new QLineEdit(minOut, this);
            m_minOut->setObjectName(QStringLiteral("minOutEdit"));
            form->addRow(tr("&Min out (%1, higher only):").arg(row.destination), m_minOut);
            connect(m_minOut, &QLineEdit::textChanged, this, &VerdictDialog::updateSignButton);
        }
    }
    if (passphraseRemembered) {
        auto* remembered = new QLabel(tr("Remembered for this session (Ctrl+L forgets it)"), this);
        form->addRow(tr("Passphrase:"), remembered);
    } else {
        m_passphrase = new QLineEdit(this);
        m_passphrase->setObjectName(QStringLiteral("passphraseEdit"));
        m_passphrase->setEchoMode(QLineEdit::Password);
        form->addRow(tr("&Passphrase of %1:").arg(approver), m_passphrase);
        m_remember = new QCheckBox(tr("Re&member it for this session (Ctrl+L forgets it)"), this);
        m_remember->setObjectName(QStringLiteral("rememberCheck"));
        form->addRow(QString(), m_remember);
        connect(m_passphrase, &QLineEdit::textChanged, this, &VerdictDialog::updateSignButton);
    }
    layout->addLayout(form);
    layout->addWidget(m_countdownLabel);

    // Enter means Sign wherever the focus is (never Cancel, even when it has the focus); Esc cancels.
    m_buttons->addButton(QDialogButtonBox::Cancel)->setAutoDefault(false);
    m_sign->setObjectName(QStringLiteral("signButton"));
    m_sign->setAutoDefault(false);
    m_sign->setDefault(true);
    m_sign->setEnabled(false);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (signingEnabled())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    if (m_reason != nullptr)
        m_reason->setFocus();
    else if (m_amount != nullptr) {
        m_amount->setFocus();
        m_amount->selectAll();
    } else if (m_passphrase != nullptr)
        m_passphrase->setFocus();

    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, &VerdictDialog::tick);
    m_timer.start();
    tick();
    setMinimumWidth(520);
}

VerdictDialog::~VerdictDialog()
{
    if (m_passphrase != nullptr)
        m_passphrase->clear();
}

void VerdictDialog::tick()
{
    const std::int64_t left = m_countdownMs - (m_clock.now().msSinceEpoch - m_shownAtMs);
    if (left <= 0) {
        m_timer.stop();
        m_countdownLabel->setText(tr("Check the amount and the destination, then sign with Enter."));
    } else {
        m_countdownLabel->setText(tr("Check the amount and the destination. Signing is possible in %1 s.")
                                      .arg(QLocale().toString(static_cast<double>(left) / 1000.0, 'f', 1)));
    }
    updateSignButton();
}

bool VerdictDialog::signingEnabled() const
{
    if (m_timer.isActive())
        return false;
    if (m_reason != nullptr && m_reason->text().trimmed().isEmpty())
        return false;
    if (m_passphrase != nullptr && m_passphrase->text().isEmpty())
        return false;
    if (m_amount != nullptr) {
        const Verdict edit = verdict();
        if (edit.amount.isEmpty() && edit.minOut.isEmpty())
            return false; // nothing changed yet
    }
    return true;
}

void VerdictDialog::updateSignButton()
{
    m_sign->setEnabled(signingEnabled());
}

Verdict VerdictDialog::verdict() const
{
    Verdict verdict = m_verdict;
    if (m_reason != nullptr)
        verdict.reason = m_reason->text().trimmed();
    // An edit names only what the approver changed.
    if (m_amount != nullptr && m_amount->text().trimmed() != m_originalAmount)
        verdict.amount = m_amount->text().trimmed();
    if (m_minOut != nullptr && m_minOut->text().trimmed() != m_originalMinOut)
        verdict.minOut = m_minOut->text().trimmed();
    return verdict;
}

std::shared_ptr<const SecretBytes> VerdictDialog::takePassphrase()
{
    return m_passphrase == nullptr ? nullptr : ui::takePassphrase(*m_passphrase);
}

bool VerdictDialog::rememberPassphrase() const
{
    return m_remember != nullptr && m_remember->isChecked();
}

} // namespace cs::ui
