// A table as wide as its columns (see TableColumns.h).
#include "TableColumns.h"

#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>

namespace branch::ui
{

void widenToColumns(QTableView *table)
{
    const QHeaderView *header = table->horizontalHeader();
    const QAbstractItemView *view = table; // sizeHintForColumn is public here
    int width = 2 * table->frameWidth() + table->verticalScrollBar()->sizeHint().width();
    if (!table->verticalHeader()->isHidden())
        width += table->verticalHeader()->width();
    for (int c = 0; c < header->count(); ++c)
        if (!table->isColumnHidden(c))
            width += qMax(header->sectionSizeHint(c), view->sizeHintForColumn(c));
    table->setMinimumWidth(width);
}

} // namespace branch::ui
