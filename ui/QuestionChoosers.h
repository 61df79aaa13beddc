// The security-question choosers of a form (the registration wizard, the recovery at the
// branch): each offers the catalogue minus the questions chosen in the others, so the same
// question cannot be picked twice. The rule itself (three different questions, answers of
// the right length) stays branch::checkSecurityQuestions'.
#pragma once

#include <QList>
#include <QStringList>

class QComboBox;

namespace branch::ui
{

// Refills every chooser from the catalogue minus what the others show; each keeps its own
// choice (or none). Emits no signal of the boxes.
void offerDistinctQuestions(const QList<QComboBox *> &boxes);

// The question ids a chooser offers, in order.
QStringList offeredQuestionIds(const QComboBox *box);

} // namespace branch::ui
