// No cut-off column (issue 16 item 5): a table whose columns are sized to their content asks its
// splitter or dock for the width they take, so that at 1366x768 none is pushed out of view.
#pragma once

class QTableView;

namespace branch::ui
{

// Sets `table`'s minimum width to its frame, its vertical scroll bar and every shown column's
// content or heading, whichever is wider. Call after filling it.
void widenToColumns(QTableView *table);

} // namespace branch::ui
