// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include "ui/mainwindow/NewWorkspaceDialog.h"

//! File > New Workspace: init's steps in one page, Create only when every one holds.
class NewWorkspaceDialogTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createOnlyWhenEveryStepHolds_data();
    void createOnlyWhenEveryStepHolds();
};

void NewWorkspaceDialogTest::createOnlyWhenEveryStepHolds_data()
{
    QTest::addColumn<QString>("folder"); // "new", "used" (a file in it) or ""
    QTest::addColumn<QStringList>("fields"); // engine, again, id, name, manager, again
    QTest::addColumn<QString>("problem");    // empty: Create is enabled
    const QStringList good{QStringLiteral("engine secret"), QStringLiteral("engine secret"), QStringLiteral("mara"),
                           QStringLiteral("Mara Okafor"), QStringLiteral("mara secret"), QStringLiteral("mara secret")};
    QTest::newRow("complete") << "new" << good << QString();
    QTest::newRow("no-folder") << "" << good << QStringLiteral("Choose the folder");
    QTest::newRow("folder-in-use") << "used" << good << QStringLiteral("must be empty");
    QStringList differ = good;
    differ[1] = QStringLiteral("engine secrte");
    QTest::newRow("engine-passphrases-differ") << "new" << differ << QStringLiteral("engine's two passphrases differ");
    QStringList badId = good;
    badId[2] = QStringLiteral("Mara O");
    QTest::newRow("bad-id") << "new" << badId << QStringLiteral("risk manager's id is lowercase");
    QStringList engineId = good;
    engineId[2] = QStringLiteral("engine");
    QTest::newRow("the-engine-id") << "new" << engineId << QStringLiteral("not “engine”");
    QStringList same = good;
    same[4] = same[5] = good[0];
    QTest::newRow("same-passphrase") << "new" << same << QStringLiteral("a passphrase of their own");
}

void NewWorkspaceDialogTest::createOnlyWhenEveryStepHolds()
{
    QFETCH(QString, folder);
    QFETCH(QStringList, fields);
    QFETCH(QString, problem);
    QTemporaryDir dir;
    QString path;
    if (folder == QLatin1String("new")) {
        path = dir.filePath(QStringLiteral("desk"));
    } else if (folder == QLatin1String("used")) {
        path = dir.path();
        QFile file(dir.filePath(QStringLiteral("notes.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    cs::ui::NewWorkspaceDialog dialog;
    dialog.findChild<QLineEdit*>(QStringLiteral("folder"))->setText(path);
    QList<QLineEdit*> secrets;
    for (QLineEdit* field : dialog.findChildren<QLineEdit*>()) {
        if (field->echoMode() == QLineEdit::Password)
            secrets << field;
    }
    QCOMPARE(secrets.size(), 4);
    secrets[0]->setText(fields[0]);
    secrets[1]->setText(fields[1]);
    dialog.findChild<QLineEdit*>(QStringLiteral("riskManager"))->setText(fields[2]);
    secrets[2]->setText(fields[4]);
    secrets[3]->setText(fields[5]);
    const QString shown = dialog.findChild<QLabel*>(QStringLiteral("problem"))->text();
    QCOMPARE(dialog.findChild<QPushButton*>(QStringLiteral("create"))->isEnabled(), problem.isEmpty());
    if (!problem.isEmpty())
        QVERIFY2(shown.contains(problem), qPrintable(shown));
    QCOMPARE(dialog.folder(), path);
    QCOMPARE(dialog.riskManager(), fields[2]);
    if (const QByteArray shots = qgetenv("CS_SCREENSHOT_DIR"); !shots.isEmpty() && problem.isEmpty()) {
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.grab().save(QString::fromLocal8Bit(shots) + QStringLiteral("/new-workspace.png")));
    }
    dialog.wipe();
    QVERIFY(secrets[0]->text().isEmpty() && secrets[2]->text().isEmpty());
}

QTEST_MAIN(NewWorkspaceDialogTest)
#include "NewWorkspaceDialogTest.moc"
