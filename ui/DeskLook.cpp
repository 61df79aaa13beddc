// The desk's look (see DeskLook.h).
#include "DeskLook.h"

#include "Bidi.h"
#include "DeskFont.h"

#include <QApplication>
#include <QProxyStyle>

namespace branch::ui
{

namespace
{
class DeskStyle : public QProxyStyle
{
public:
    using QProxyStyle::QProxyStyle;

    int styleHint(StyleHint hint, const QStyleOption *option, const QWidget *widget,
                  QStyleHintReturn *returnData) const override
    {
        if (hint == SH_DialogButtonBox_ButtonsHaveIcons)
            return 0;
        return QProxyStyle::styleHint(hint, option, widget, returnData);
    }
};
} // namespace

void applyDeskStyle(QApplication &app)
{
    static const char kApplied[] = "branchdesk_deskStyle";
    if (app.property(kApplied).toBool())
        return;
    app.setProperty(kApplied, true);
    QApplication::setStyle(new DeskStyle); // the application owns it; the base is Qt's default
}

void applyDeskLook(QApplication &app)
{
    applyDeskStyle(app);
    applyDeskFont();
    installLeadingSideAlignment(app);
}

} // namespace branch::ui
