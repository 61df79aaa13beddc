// A supervisor's proposal on one identity-mismatch case (the review queue): for a
// correction, the identity fields as read on the documents (prefilled from the request);
// for a send-back or a rejection, the reason. Submitting asks for confirmation, then calls
// proposeReview; the proposal waits for another supervisor's approval. Built in code: its
// fields depend on the kind of decision.
#pragma once

#include "app/lifecycle/Review.h"

#include <QDialog>
#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace branch::ui
{

class ReviewProposalDialog : public QDialog
{
    Q_OBJECT

public:
    ReviewProposalDialog(Context &ctx, const StaffSession &staff, const ReviewCase &c, ReviewKind kind,
                         QWidget *parent = nullptr);

    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }
    ReviewKind kind() const { return m_kind; }
    QLineEdit *firstNameField() const { return m_firstName; }
    QLineEdit *lastNameField() const { return m_lastName; }
    QLineEdit *birthCertField() const { return m_birthCert; }
    QLineEdit *birthDateField() const { return m_birthDate; }
    QComboBox *genderField() const { return m_gender; }
    QPlainTextEdit *reasonField() const { return m_reason; }
    QPushButton *submitButton() const { return m_submit; }
    QString message() const;
    // The stored proposal, once accepted.
    QString proposalId() const { return m_proposalId; }

public slots:
    void submit();

private:
    Context &m_ctx;
    const StaffSession m_staff;
    const ReviewCase m_case;
    const ReviewKind m_kind;
    std::function<QDateTime()> m_now;
    QLineEdit *m_firstName = nullptr;
    QLineEdit *m_lastName = nullptr;
    QLineEdit *m_birthCert = nullptr;
    QLineEdit *m_birthDate = nullptr;
    QComboBox *m_gender = nullptr;
    QPlainTextEdit *m_reason = nullptr;
    QPushButton *m_submit = nullptr;
    QLabel *m_message = nullptr;
    QString m_proposalId;
};

} // namespace branch::ui
