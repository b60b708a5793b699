#include "syntheticcatalog.h"

#include "catalogcsv.h"
#include "core/barcode.h"
#include "csv.h"

#include <QCoreApplication>
#include <QSaveFile>
#include <QTextStream>

#include <iterator>
#include <utility>

namespace smartpos {

SyntheticProduct syntheticProduct(qint64 index)
{
    struct Kind {
        const char16_t *zh;
        const char *en;
        const char *category;
    };
    static const Kind kinds[] = {
        {u"矿泉水", "Mineral Water", "drinks"},
        {u"绿茶", "Green Tea", "drinks"},
        {u"可乐", "Cola", "drinks"},
        {u"牛肉面", "Beef Noodles", "instant"},
        {u"薯片", "Potato Chips", "snacks"},
        {u"饼干", "Biscuits", "snacks"},
        {u"酸奶", "Yogurt", "dairy"},
        {u"纯牛奶", "Whole Milk", "dairy"},
        {u"洗发水", "Shampoo", "daily"},
        {u"纸巾", "Tissues", "daily"},
        {u"巧克力", "Chocolate", "snacks"},
        {u"面包", "Bread", "bakery"},
        {u"速冻水饺", "Frozen Dumplings", "frozen"},
        {u"啤酒", "Beer", "alcohol"},
    };
    static const std::pair<const char16_t *, const char *> brands[] = {
        {u"康师傅", "Master Kong"}, {u"统一", "Uni-President"}, {u"农夫", "Nongfu"},
        {u"伊利", "Yili"},          {u"蒙牛", "Mengniu"},       {u"乐事", "Lay's"},
        {u"奥利奥", "Oreo"},        {u"青岛", "Tsingtao"},      {u"德芙", "Dove"},
        {u"心相印", "Hearttex"},    {u"思念", "Synear"},        {u"桃李", "Taoli"},
    };
    const qint64 kindCount = std::ssize(kinds);
    const qint64 brandCount = std::ssize(brands);
    const Kind &kind = kinds[index % kindCount];
    const auto &brand = brands[(index / kindCount) % brandCount];
    const qint64 variant = index / (kindCount * brandCount);
    SyntheticProduct synthetic;
    Product &p = synthetic.product;
    p.sku = QStringLiteral("G%1").arg(index, 8, 10, QLatin1Char('0'));
    p.nameZh = QStringLiteral("%1%2 %3号")
                   .arg(QString::fromUtf16(brand.first), QString::fromUtf16(kind.zh))
                   .arg(variant);
    p.nameEn = QStringLiteral("%1 %2 No.%3")
                   .arg(QLatin1String(brand.second), QLatin1String(kind.en))
                   .arg(variant);
    p.category = QLatin1String(kind.category);
    p.price = Money::fromFen(100 + (index * 7919) % 4900);
    p.taxRateBp = 1300;
    const QString body = QStringLiteral("69%1").arg(index, 10, 10, QLatin1Char('0'));
    synthetic.code = body + QString::number(checkDigitFor(body));
    return synthetic;
}

bool writeSyntheticCatalogCsv(qint64 count, const QString &csvPath, QString *error)
{
    QSaveFile file(csvPath);
    const auto failed = [&] {
        // Translated with the catalog's other messages, under CatalogStore's name.
        *error = QCoreApplication::translate("smartpos::CatalogStore", "cannot write %1: %2")
                     .arg(csvPath, file.errorString());
        return false;
    };
    if (!file.open(QIODevice::WriteOnly))
        return failed();
    QTextStream out(&file);
    out << catalogCsvHeader() << '\n';
    for (qint64 i = 0; i < count; ++i) {
        const SyntheticProduct synthetic = syntheticProduct(i);
        const Product &p = synthetic.product;
        out << p.sku << ',' << synthetic.code << ',' << csvField(p.nameZh) << ','
            << csvField(p.nameEn) << ',' << p.category << ',' << p.price.fen << ',' << p.taxRateBp
            << ",unit,\n";
    }
    out.flush();
    if (!file.commit())
        return failed();
    return true;
}

} // namespace smartpos
