// A scriptable HTTP/1.1 SMS gateway for the tests, in the test process: it listens on
// 127.0.0.1 in a thread of its own (so that a test may block on a branchctl child while it
// answers), records every request (headers, body, idempotency key) and answers each one as
// the script says: a status, no answer at all (hang), two answers, a closed connection, a
// truncated answer, or an answer naming another idempotency key. Minimal parsing: a request
// line, headers, a Content-Length body; one request per connection.
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QMutexLocker>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QUrl>
#include <QWaitCondition>

#include <deque>
#include <memory>

namespace smstest
{

class FakeSmsGateway
{
public:
    struct Step {
        enum Mode {
            Answer,   // one answer with `status`
            Hang,     // read the request, never answer, keep the connection open
            Twice,    // the same answer twice on the connection, then close
            Close,    // read the request, close without a word
            Partial,  // a status line and headers promising more body than is sent, then close
            WrongKey, // 200 naming another idempotency key
        };
        Mode mode = Answer;
        int status = 200;
        QByteArray extraHeaders; // "Retry-After: 120\r\n"
    };
    struct Request {
        QByteArray method, path, body;
        QHash<QByteArray, QByteArray> headers; // names in lower case
        QString key() const { return QString::fromUtf8(headers.value("idempotency-key")); }
        QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    };

    FakeSmsGateway()
    {
        m_context = new QObject;
        m_context->moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(
            m_context,
            [this] {
                m_server = new QTcpServer;
                QObject::connect(m_server, &QTcpServer::newConnection, m_server, [this] {
                    while (QTcpSocket *s = m_server->nextPendingConnection())
                        serve(s);
                });
                m_listening = m_server->listen(QHostAddress::LocalHost, 0);
                m_port = m_server->serverPort();
            },
            Qt::BlockingQueuedConnection);
    }

    ~FakeSmsGateway()
    {
        QMetaObject::invokeMethod(
            m_context, [this] { delete m_server; }, Qt::BlockingQueuedConnection); // its sockets with it
        m_thread.quit();
        m_thread.wait();
        delete m_context;
    }

    bool isListening() const { return m_listening; }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/v1/sms").arg(m_port)); }

    // Steps for the next requests, in arrival order; after them, `fallback` (200 by default).
    void script(const QList<Step> &steps)
    {
        QMutexLocker lock(&m_mutex);
        m_script.assign(steps.begin(), steps.end());
    }
    void setFallback(const Step &s)
    {
        QMutexLocker lock(&m_mutex);
        m_fallback = s;
    }

    QList<Request> requests() const
    {
        QMutexLocker lock(&m_mutex);
        return m_requests;
    }
    QStringList keys() const
    {
        QStringList out;
        for (const auto &r : requests())
            out << r.key();
        return out;
    }
    void clear()
    {
        QMutexLocker lock(&m_mutex);
        m_requests.clear();
    }

    // Blocks until `n` requests have arrived (true) or `timeoutMs` passed (false).
    bool waitForRequests(int n, int timeoutMs)
    {
        QMutexLocker lock(&m_mutex);
        QDeadlineTimer deadline(timeoutMs);
        while (m_requests.size() < n)
            if (!m_arrived.wait(&m_mutex, deadline))
                return m_requests.size() >= n;
        return true;
    }

    static QByteArray response(int status, const QByteArray &body, const QByteArray &extraHeaders = {})
    {
        return "HTTP/1.1 " + QByteArray::number(status) + " Status\r\nContent-Type: application/json\r\n" +
               extraHeaders + "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" +
               body;
    }

private:
    struct Connection {
        QByteArray buffer;
        bool done = false;
    };

    void serve(QTcpSocket *s)
    {
        auto c = std::make_shared<Connection>();
        QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
        QObject::connect(s, &QTcpSocket::readyRead, s, [this, s, c] {
            c->buffer += s->readAll();
            if (c->done)
                return;
            const qsizetype end = c->buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            Request r;
            const QList<QByteArray> lines = c->buffer.left(end).split('\n');
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            r.method = first.value(0);
            r.path = first.value(1);
            for (int i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines.at(i).indexOf(':');
                if (colon > 0)
                    r.headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
            }
            const qsizetype length = r.headers.value("content-length").toLongLong();
            if (c->buffer.size() < end + 4 + length)
                return;
            r.body = c->buffer.mid(end + 4, length);
            c->done = true;
            Step step;
            {
                QMutexLocker lock(&m_mutex);
                if (!m_script.empty()) {
                    step = m_script.front();
                    m_script.pop_front();
                } else {
                    step = m_fallback;
                }
                m_requests << r;
                m_arrived.wakeAll();
            }
            answer(s, r, step);
        });
    }

    void answer(QTcpSocket *s, const Request &r, const Step &step)
    {
        const QByteArray okBody =
            QJsonDocument(QJsonObject{{QStringLiteral("id"), QStringLiteral("gw-%1").arg(++m_ids)},
                                      {QStringLiteral("idempotency_key"), r.key()}})
                .toJson(QJsonDocument::Compact);
        switch (step.mode) {
        case Step::Hang:
            return;
        case Step::Close:
            s->disconnectFromHost();
            return;
        case Step::Partial:
            s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"id\":");
            s->flush();
            s->disconnectFromHost();
            return;
        case Step::WrongKey:
            s->write(response(200, QJsonDocument(QJsonObject{{QStringLiteral("id"), QStringLiteral("gw-x")},
                                                             {QStringLiteral("idempotency_key"),
                                                              QStringLiteral("00000000-0000-0000-0000-000000000000")}})
                                       .toJson(QJsonDocument::Compact)));
            s->disconnectFromHost();
            return;
        case Step::Twice: {
            const QByteArray one = response(step.status, okBody, step.extraHeaders);
            s->write(one + one);
            s->disconnectFromHost();
            return;
        }
        case Step::Answer:
            s->write(response(step.status, step.status < 300 ? okBody : QByteArray("{\"error\":\"scripted\"}"),
                              step.extraHeaders));
            s->disconnectFromHost();
            return;
        }
    }

    QThread m_thread;
    QObject *m_context = nullptr;
    QTcpServer *m_server = nullptr; // lives in m_thread
    bool m_listening = false;
    quint16 m_port = 0;
    int m_ids = 0; // m_thread only

    mutable QMutex m_mutex;
    QWaitCondition m_arrived;
    std::deque<Step> m_script;
    Step m_fallback;
    QList<Request> m_requests;
};

// A port nothing listens on: bound, then released.
inline quint16 closedPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    const quint16 port = s.serverPort();
    s.close();
    return port;
}

} // namespace smstest
