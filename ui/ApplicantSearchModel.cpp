// The rows of the newest applicant search (see ApplicantSearchModel.h).
#include "ApplicantSearchModel.h"

#include "app/core/Digits.h"
#include "app/core/Language.h"
#include "app/core/PersianText.h"
#include "app/core/RequestStatus.h"

namespace branch::ui
{

namespace
{
// Numbers are read in the interface's digits; the data stays ASCII.
QString shownNumber(const QString &s)
{
    return language() == QLatin1String("fa") ? toPersianDigits(s) : s;
}
} // namespace

ApplicantSearchModel::ApplicantSearchModel(QObject *parent) : QAbstractTableModel(parent) {}

void ApplicantSearchModel::setLimit(int limit)
{
    m_limit = qMax(1, limit);
    if (m_rows.size() > m_limit)
        setRows(m_rows);
}

void ApplicantSearchModel::setRows(const QList<ApplicantRow> &rows)
{
    beginResetModel();
    m_rows = rows.mid(0, m_limit);
    endResetModel();
}

void ApplicantSearchModel::clear()
{
    setRows({});
}

QString ApplicantSearchModel::nationalCodeAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).nationalCode : QString();
}

int ApplicantSearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ApplicantSearchModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ApplicantSearchModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ApplicantRow &r = m_rows.at(index.row());
    if (role == NationalCodeRole)
        return r.nationalCode;
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case NationalCode:
            return shownNumber(r.nationalCode);
        case FirstName:
            return persianLetterForms(r.firstName);
        case LastName:
            return persianLetterForms(r.lastName);
        case Mobile:
            return shownNumber(r.mobile);
        case Status:
            return statusLabel(r.status);
        default:
            return {};
        }
    }
    return {};
}

QVariant ApplicantSearchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NationalCode:
        return tr("National code");
    case FirstName:
        return tr("First name");
    case LastName:
        return tr("Last name");
    case Mobile:
        return tr("Mobile");
    case Status:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace branch::ui
