#include "searchterms.h"

#include <QStringList>

namespace smartpos {

namespace {

bool isHan(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x3400 && u <= 0x9fff) || (u >= 0xf900 && u <= 0xfaff);
}

// Splits text into runs of Chinese characters and runs of everything else.
template <typename OnRun> void forEachRun(const QString &text, OnRun onRun)
{
    qsizetype start = 0;
    while (start < text.size()) {
        const bool han = isHan(text[start]);
        qsizetype end = start + 1;
        while (end < text.size() && isHan(text[end]) == han)
            ++end;
        onRun(QStringView(text).mid(start, end - start), han);
        start = end;
    }
}

} // namespace

QString searchTerms(const QString &nameZh, const QString &nameEn, const QString &sku)
{
    QString terms;
    const QString all = nameZh + u' ' + nameEn + u' ' + sku;
    forEachRun(all, [&](QStringView run, bool han) {
        terms += u' ';
        if (!han) {
            terms += run;
            return;
        }
        for (qsizetype i = 0; i < run.size(); ++i) {
            terms += run[i];
            terms += u' ';
            if (i + 1 < run.size()) {
                terms += run.mid(i, 2);
                terms += u' ';
            }
        }
    });
    return terms;
}

QString searchQuery(const QString &typed)
{
    QStringList tokens;
    forEachRun(typed, [&](QStringView run, bool han) {
        if (han) {
            if (run.size() == 1)
                tokens.append(run.toString());
            for (qsizetype i = 0; i + 1 < run.size(); ++i)
                tokens.append(run.mid(i, 2).toString());
            return;
        }
        // Latin text: every word is a prefix; punctuation separates words as unicode61 does.
        QString word;
        auto flush = [&] {
            if (!word.isEmpty())
                tokens.append(word + u'*');
            word.clear();
        };
        for (QChar c : run) {
            if (c.isLetterOrNumber())
                word += c.toLower();
            else
                flush();
        }
        flush();
    });
    for (QString &token : tokens) {
        const bool prefix = token.endsWith(u'*');
        if (prefix)
            token.chop(1);
        token = u'"' + token + u'"' + (prefix ? QStringLiteral("*") : QString());
    }
    return tokens.join(QStringLiteral(" AND "));
}

} // namespace smartpos
