// A push's rows as the JSON array the central's branchdesk_push_rows reads
// (db::jsonArrayOfRows, written straight to text): for every kind of value, valid JSON
// that Qt's parser reads back to the objects objectFromRow makes (keys in the table's order,
// where Qt's writer sorts them).
#include "db/CentralRows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>

using namespace branch::db;
using namespace branch::db::rows;
using namespace Qt::StringLiterals;

class TestPushJson : public QObject
{
    Q_OBJECT

private slots:
    void sameAsQtJson_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << u"ok"_s;
        QTest::newRow("empty") << QString();
        QTest::newRow("persian") << u"شماره همراه شما تغییر کرد. ی ك ۰۹۱۲"_s;
        QTest::newRow("quote and backslash") << u"a \"quoted\" c:\\path\\"_s;
        QTest::newRow("newline tab return") << u"line1\nline2\tx\r"_s;
        QTest::newRow("control characters") << QString::fromUtf16(u"\x01\x08\x0c\x1f end");
        QTest::newRow("zero-width joiner and RLM") << QString::fromUtf16(u"نیم\u200cفاصله \u200f");
        QTest::newRow("emoji (surrogate pair)") << QString::fromUtf16(u"\U0001F600");
        QTest::newRow("JSON-looking text") << u"{\"id\": [1, 2]}"_s;
        QTest::newRow("slash and unicode escapes as text") << u"</script> \\u0041"_s;
    }

    void sameAsQtJson()
    {
        QFETCH(QString, text);
        const TableShape *t = shapeOf(u"sms_messages"_s);
        QVERIFY(t);
        Row a(t->columns.size()), b(t->columns.size());
        for (int i = 0; i < t->columns.size(); ++i) {
            a[i] = textValue(text);
            b[i] = textValue(t->columns.at(i));
        }
        a[t->version] = integerValue(7);
        b[t->version] = integerValue(-12);
        // A NULL and an absent column (an older branch's row).
        const int sentAt = int(t->columns.indexOf(u"sent_at"_s));
        QVERIFY(sentAt >= 0);
        a[sentAt] = PushValue{QString(), PushValue::Null};
        b[sentAt] = PushValue{};
        const QString written = jsonArrayOfRows(*t, {&a, &b});

        QJsonArray expected{objectFromRow(*t, a), objectFromRow(*t, b)};
        // One line, no raw control character (a row per line would break nothing, but a raw
        // one is not JSON).
        QVERIFY(std::none_of(written.cbegin(), written.cend(), [](QChar c) { return c.unicode() < 0x20; }));
        QJsonParseError error;
        const QJsonDocument back = QJsonDocument::fromJson(written.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(back.array(), expected);
        QCOMPARE(back.array().at(0).toObject().value(u"text"_s).toString(), text);
        QVERIFY(back.array().at(0).toObject().value(u"sent_at"_s).isNull());
        QVERIFY(!back.array().at(1).toObject().contains(u"sent_at"_s));
    }

    void noRowsIsAnEmptyArray() { QCOMPARE(jsonArrayOfRows(*shapeOf(u"accounts"_s), {}), u"[]"_s); }
};

QTEST_GUILESS_MAIN(TestPushJson)
#include "TestPushJson.moc"
