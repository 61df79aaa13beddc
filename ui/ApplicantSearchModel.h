// The rows of the newest applicant search, as a read-only table. It holds at most
// `limit` rows (the search asks for no more), never a whole table.
#pragma once

#include "app/lifecycle/Counter.h"

#include <QAbstractTableModel>
#include <QList>

namespace branch::ui
{

class ApplicantSearchModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NationalCode, FirstName, LastName, Mobile, Status, ColumnCount };
    // The national code in ASCII digits, whatever is displayed.
    static constexpr int NationalCodeRole = Qt::UserRole + 1;

    explicit ApplicantSearchModel(QObject *parent = nullptr);

    int limit() const { return m_limit; }
    void setLimit(int limit);
    // Replaces the rows (keeps the first limit() of them, in the order given).
    void setRows(const QList<ApplicantRow> &rows);
    void clear();
    QString nationalCodeAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ApplicantRow> m_rows;
    int m_limit = 200;
};

} // namespace branch::ui
