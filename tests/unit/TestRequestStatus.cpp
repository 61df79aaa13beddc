// A registration request's life (app/core/RequestStatus): the stored names, the moves
// between statuses and the order the central sync merges them in.
#include "app/core/RequestStatus.h"

#include <QSet>
#include <QTest>

using namespace branch;
using S = RequestStatus;

class TestRequestStatus : public QObject
{
    Q_OBJECT
private slots:
    void names_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("name");
        QTest::newRow("submitted") << int(S::Submitted) << QStringLiteral("submitted");
        QTest::newRow("activated") << int(S::Activated) << QStringLiteral("activated");
        QTest::newRow("branch") << int(S::BranchActivationRequired) << QStringLiteral("branch_activation_required");
        QTest::newRow("mismatch") << int(S::IdentityMismatch) << QStringLiteral("identity_mismatch");
        QTest::newRow("expired") << int(S::Expired) << QStringLiteral("expired");
        QTest::newRow("superseded") << int(S::Superseded) << QStringLiteral("superseded");
        QTest::newRow("rejected") << int(S::Rejected) << QStringLiteral("rejected");
    }

    // The names are what the databases and the JSON hold: they must not change.
    void names()
    {
        QFETCH(int, status);
        QFETCH(QString, name);
        QCOMPARE(statusName(S(status)), name);
        QCOMPARE(statusFromName(name), std::optional(S(status)));
        QVERIFY(!statusLabel(S(status)).isEmpty());
    }

    void everyStatusListedOnce()
    {
        const QList<S> &all = allStatuses();
        QCOMPARE(all.size(), 7);
        QSet<QString> names;
        for (S s : all)
            names.insert(statusName(s));
        QCOMPARE(names.size(), 7);
    }

    void unknownNamesRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("empty") << QString();
        QTest::newRow("capitalised") << QStringLiteral("Submitted");
        QTest::newRow("spaces") << QStringLiteral(" activated");
        QTest::newRow("label") << QStringLiteral("Active");
        QTest::newRow("dashes") << QStringLiteral("identity-mismatch");
        QTest::newRow("other table's") << QStringLiteral("queued");
    }

    void unknownNamesRefused()
    {
        QFETCH(QString, name);
        QCOMPARE(statusFromName(name), std::nullopt);
    }

    // Every pair: the listed moves and no other.
    void moves_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<bool>("allowed");
        const QSet<QPair<int, int>> allowed = {
            {int(S::Submitted), int(S::Activated)},
            {int(S::Submitted), int(S::BranchActivationRequired)},
            {int(S::Submitted), int(S::IdentityMismatch)},
            {int(S::Submitted), int(S::Expired)},
            {int(S::Submitted), int(S::Superseded)},
            {int(S::BranchActivationRequired), int(S::Activated)},
            {int(S::BranchActivationRequired), int(S::Rejected)},
            {int(S::IdentityMismatch), int(S::Activated)},
            {int(S::IdentityMismatch), int(S::Rejected)},
        };
        for (S a : allStatuses())
            for (S b : allStatuses())
                QTest::addRow("%s->%s", qPrintable(statusName(a)), qPrintable(statusName(b)))
                    << int(a) << int(b) << allowed.contains({int(a), int(b)});
    }

    void moves()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(bool, allowed);
        QCOMPARE(canMove(S(from), S(to)), allowed);
    }

    void finalStatuses_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("final");
        QTest::newRow("submitted") << int(S::Submitted) << false;
        QTest::newRow("branch") << int(S::BranchActivationRequired) << false;
        QTest::newRow("mismatch") << int(S::IdentityMismatch) << false;
        QTest::newRow("activated") << int(S::Activated) << true;
        QTest::newRow("expired") << int(S::Expired) << true;
        QTest::newRow("superseded") << int(S::Superseded) << true;
        QTest::newRow("rejected") << int(S::Rejected) << true;
    }

    void finalStatuses()
    {
        QFETCH(int, status);
        QFETCH(bool, final);
        QCOMPARE(isFinal(S(status)), final);
    }

    void mergeOrder_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("stage");
        QTest::newRow("submitted") << int(S::Submitted) << 0;
        QTest::newRow("branch") << int(S::BranchActivationRequired) << 1;
        QTest::newRow("mismatch") << int(S::IdentityMismatch) << 1;
        QTest::newRow("activated") << int(S::Activated) << 2;
        QTest::newRow("rejected") << int(S::Rejected) << 2;
        QTest::newRow("expired") << int(S::Expired) << 2;
        QTest::newRow("superseded") << int(S::Superseded) << 3;
    }

    void mergeOrder()
    {
        QFETCH(int, status);
        QFETCH(int, stage);
        QCOMPARE(mergeStage(S(status)), stage);
    }

    // The merge never undoes a move: every allowed move goes to a later stage, so that the
    // later status wins.
    void everyMoveGoesForward()
    {
        for (S a : allStatuses())
            for (S b : allStatuses())
                if (canMove(a, b))
                    QVERIFY2(mergeStage(b) > mergeStage(a),
                             qPrintable(statusName(a) + QStringLiteral(" -> ") + statusName(b)));
    }
};

QTEST_GUILESS_MAIN(TestRequestStatus)
#include "TestRequestStatus.moc"
