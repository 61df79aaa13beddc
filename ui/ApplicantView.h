// The applicant view: one person's current request beside the civil-registry reference
// (fields that differ after normalisation highlighted, with a tooltip), the status, the
// history from the audit log and the SMS sent to them. Esc or Alt+Left returns to the
// search (closed()). It reads through the services (applicantCase), never SQL.
#pragma once

#include "app/lifecycle/ApplicantView.h"

#include <QScopedPointer>
#include <QWidget>

namespace Ui
{
class ApplicantView;
}

class QLabel;
class QTableWidget;
class QPushButton;

namespace branch::ui
{

class ApplicantView : public QWidget
{
    Q_OBJECT

public:
    explicit ApplicantView(Context &ctx, QWidget *parent = nullptr);
    ~ApplicantView() override;

    // Loads this person's case. On failure the view is left as it was and the failure's
    // message is returned (empty on success).
    QString showApplicant(const QString &nationalCode);
    // Shows a case already read (for previews and tests).
    void showCase(const ApplicantCase &c);

    const ApplicantCase &currentCase() const { return m_case; }
    // The field names (see differingFields) whose rows are highlighted on screen.
    QStringList highlightedFields() const;
    // The two value labels of an identity row ("first_name", ...): request, registry.
    QLabel *requestValue(const QString &field) const;
    QLabel *registryValue(const QString &field) const;
    QTableWidget *historyTable() const;
    QTableWidget *smsTable() const;
    QPushButton *backButton() const;

    // The readable, translated name of an audit action ("request.submit" → "Request submitted");
    // an unknown action is shown as stored.
    static QString actionLabel(const QString &action);

signals:
    // The clerk asked to return to the search (Esc, Alt+Left or the button).
    void closed();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Row {
        QString field;
        QLabel *name, *request, *registry;
    };
    void buildGrid();
    void alignValues();
    QString digits(const QString &s) const;
    QString dateText(const QDate &d) const;
    QString dateTimeText(const QDateTime &t) const;
    QString genderText(const QString &g) const;
    QString actorText(const QString &actor) const;
    QString smsStatusText(const QString &status) const;

    const QScopedPointer<Ui::ApplicantView> m_ui;
    Context &m_ctx;
    ApplicantCase m_case;
    QList<Row> m_rows;
    bool m_persianDigits = false;
};

} // namespace branch::ui
