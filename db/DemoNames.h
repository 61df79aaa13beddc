// The demo data's name tables (DEMO DATA ONLY, see DemoData.h): Persian first names, male
// and female, and last names, most common first, each with its normalised form.
#pragma once

#include <QString>

#include <vector>

namespace branch::db::demo
{

struct NameEntry {
    QString text, norm;
};

// Most common first in each table: picks are skewed towards the start.
std::vector<NameEntry> maleFirstNames();
std::vector<NameEntry> femaleFirstNames();
std::vector<NameEntry> lastNames();

// The same name typed on an Arabic keyboard (ی → ي, ک → ك): what some people enter.
QString arabicKeyboard(QString s);

} // namespace branch::db::demo
