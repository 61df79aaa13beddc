// Question choosers that exclude each other's choice (see QuestionChoosers.h).
#include "QuestionChoosers.h"

#include "app/core/SecurityQuestions.h"

#include <QComboBox>
#include <QSignalBlocker>

namespace branch::ui
{

void offerDistinctQuestions(const QList<QComboBox *> &boxes)
{
    const QList<Question> catalogue = questionCatalogue();
    QStringList chosen;
    for (const QComboBox *box : boxes)
        chosen << box->currentData().toString();
    for (int row = 0; row < boxes.size(); ++row) {
        QComboBox *box = boxes.at(row);
        const QSignalBlocker blocker(box);
        box->clear();
        for (const Question &q : catalogue) {
            bool takenElsewhere = false;
            for (int other = 0; other < chosen.size(); ++other)
                takenElsewhere = takenElsewhere || (other != row && chosen.at(other) == q.id);
            if (!takenElsewhere)
                box->addItem(q.text, q.id);
        }
        // addItem made the first item current; put back the person's choice (or none).
        box->setCurrentIndex(chosen.at(row).isEmpty() ? -1 : box->findData(chosen.at(row)));
    }
}

QStringList offeredQuestionIds(const QComboBox *box)
{
    QStringList out;
    if (box)
        for (int i = 0; i < box->count(); ++i)
            out << box->itemData(i).toString();
    return out;
}

} // namespace branch::ui
