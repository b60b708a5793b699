// Cloud sync on loopback, with the real smartpos-cloud processes and the till's SyncClient:
//   push    10,000 queued sales into the cloud (events/s), next to the same storage's own bulk
//           insert of the same rows in one transaction in the same run (the ratio; target ≥ 50 %),
//           on SQLite and on PostgreSQL (a throw-away cluster with its durable defaults);
//   pull    a 100k-product catalog change into a till while the UI thread rings up a sale every
//           5 ms: the pull's time (target ≤ 5 s) and the UI thread's longest stall (target < 16
//           ms);
//   tills   ten tills pushing 1,000 sales each at once into two cloud processes on one PostgreSQL
//           database (events/s).
// Without PostgreSQL installed its rows say so and are skipped.
#include "benchdata.h"
#include "cloudprocess.h"
#include "ledger/catalogstore.h"
#include "ledger/ledger.h"
#include "ledger/outbox.h"
#include "pgcluster.h"
#include "services/salesession.h"
#include "sync/syncclient.h"
#include "sync/syncconfig.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <thread>

using namespace smartpos;
using namespace smartpos::testing;
using namespace Qt::StringLiterals;

namespace {

const QDateTime saleTime(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);

void line(const QString &text)
{
    std::printf("%s\n", qPrintable(text));
    std::fflush(stdout);
}

// A till folder with `sales` one-line cash sales in its ledger (and outbox).
bool makeTill(const QString &data, const QString &keys, int sales)
{
    QDir().mkpath(data);
    Ledger ledger;
    if (!ledger.open(data, keys).ok())
        return false;
    for (int i = 1; i <= sales; ++i)
        if (!ledger.commitSale(colaSale(i, saleTime)).ok())
            return false;
    return true;
}

bool enrol(const CloudProcess &cloud, const QString &data, const QString &keys,
           const QString &store)
{
    QProcess admin;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"SMARTPOS_KEY_DIR"_s, keys);
    admin.setProcessEnvironment(environment);
    admin.start(
        QStringLiteral(SMARTPOS_BIN_DIR "/smartpos-admin"),
        {u"--data-dir"_s, data, u"enroll"_s, cloud.url().toString(), cloud.pairingCode(store)});
    admin.waitForFinished(60000);
    if (admin.exitCode() != 0)
        line(u"enroll: "_s + QString::fromUtf8(admin.readAllStandardError()));
    return admin.exitCode() == 0;
}

// SyncClient::runOnce on a thread of its own (as the till runs it): its summary.
sync::SyncSummary syncOnce(const QString &data, const QString &keys)
{
    sync::SyncSummary summary;
    std::thread worker([&] {
        const Result<std::optional<sync::SyncConfig>> config = sync::SyncConfig::load(keys);
        if (!config || !config->has_value()) {
            summary.error = u"not enrolled"_s;
            return;
        }
        SystemClock clock;
        sync::SyncClient client(data, **config, clock);
        if (Status opened = client.open(); !opened) {
            summary.error = opened.error().message;
            return;
        }
        summary = client.runOnce();
    });
    worker.join();
    return summary;
}

// The storage's own bulk insert of the events' rows (events and sales columns) in one
// transaction with a prepared statement: rows per second.
double bulkInsertRate(const QString &connection, const QList<OutboxEvent> &events)
{
    QSqlDatabase db = QSqlDatabase::database(connection);
    QSqlQuery query(db);
    query.exec(u"DROP TABLE IF EXISTS bulk_events"_s);
    query.exec(u"DROP TABLE IF EXISTS bulk_sales"_s);
    query.exec(u"CREATE TABLE bulk_events (event_id TEXT PRIMARY KEY, terminal_id TEXT NOT NULL, "
               "seq BIGINT NOT NULL, kind TEXT NOT NULL, version BIGINT NOT NULL, created_at TEXT "
               "NOT NULL, body TEXT NOT NULL, mac TEXT NOT NULL, received_at TEXT NOT NULL)"_s);
    query.exec(u"CREATE TABLE bulk_sales (event_id TEXT PRIMARY KEY, terminal_id TEXT NOT NULL, "
               "seq BIGINT NOT NULL, total_fen BIGINT NOT NULL, member_id TEXT, created_at TEXT "
               "NOT NULL)"_s);
    QElapsedTimer timer;
    timer.start();
    db.transaction();
    QSqlQuery event(db), sale(db);
    event.prepare(u"INSERT INTO bulk_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    sale.prepare(u"INSERT INTO bulk_sales VALUES (?, ?, ?, ?, ?, ?)"_s);
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    for (const OutboxEvent &e : events) {
        for (const QVariant &value :
             {QVariant(e.eventId), QVariant(u"T-1"_s), QVariant(e.seq), QVariant(e.kind),
              QVariant(e.version), QVariant(e.createdAt), QVariant(QString::fromUtf8(e.body)),
              QVariant(QString::fromLatin1(e.mac.toHex())), QVariant(now)})
            event.addBindValue(value);
        for (const QVariant &value : {QVariant(e.eventId), QVariant(u"T-1"_s), QVariant(e.seq),
                                      QVariant(qint64(300)), QVariant(), QVariant(e.createdAt)})
            sale.addBindValue(value);
        if (!event.exec() || !sale.exec())
            line(u"bulk insert: "_s + event.lastError().text() + sale.lastError().text());
    }
    db.commit();
    return events.size() / (timer.nsecsElapsed() / 1e9);
}

void push(const QString &backend, const QString &dbUrl, const QString &root)
{
    constexpr int sales = 10'000;
    const QString data = root + u"/push-till"_s, keys = root + u"/push-keys"_s;
    if (!makeTill(data, keys, sales))
        return line(u"push: cannot make the till"_s);
    CloudProcess cloud(root + u"/cloud-"_s + backend, dbUrl);
    QString why;
    if (!cloud.start(&why) || !enrol(cloud, data, keys, u"Bench"_s))
        return line(u"push: "_s + why);
    Outbox outbox;
    outbox.open(data);
    const QList<OutboxEvent> events = *outbox.nextBatch(sales);
    QElapsedTimer timer;
    timer.start();
    const sync::SyncSummary summary = syncOnce(data, keys);
    const double seconds = timer.nsecsElapsed() / 1e9;
    if (!summary.error.isEmpty() || summary.sent != sales)
        return line(u"push: "_s + summary.error);
    const double pushRate = sales / seconds;

    // The same rows into the same engine: SQLite in a file beside the cloud's, PostgreSQL in its
    // database.
    QSqlDatabase db;
    if (backend == u"sqlite") {
        db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"bulk"_s);
        db.setDatabaseName(root + u"/bulk.db"_s);
        db.open();
        QSqlQuery(db).exec(u"PRAGMA journal_mode=WAL"_s);
        QSqlQuery(db).exec(u"PRAGMA synchronous=FULL"_s);
    } else {
        const QUrl url(dbUrl);
        db = QSqlDatabase::addDatabase(u"QPSQL"_s, u"bulk"_s);
        db.setHostName(url.host());
        db.setPort(url.port());
        db.setUserName(url.userName());
        db.setDatabaseName(url.path().mid(1));
        db.open();
    }
    const double bulkRate = bulkInsertRate(u"bulk"_s, events);
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"bulk"_s);
    line(u"push %1: 10,000 sales in %2 s = %3 events/s; bulk insert %4 rows/s; ratio %5 %"_s
             .arg(backend, -10)
             .arg(seconds, 0, 'f', 2)
             .arg(pushRate, 0, 'f', 0)
             .arg(bulkRate, 0, 'f', 0)
             .arg(100 * pushRate / bulkRate, 0, 'f', 0));
}

void pull(const QString &root)
{
    constexpr qint64 products = 100'000;
    const QString csv = root + u"/catalog-100k.csv"_s;
    QString error;
    if (!CatalogStore::writeGeneratedCsv(products, csv, &error))
        return line(u"pull: "_s + error);
    CloudProcess cloud(root + u"/cloud-pull"_s, root + u"/cloud-pull/cloud.db"_s);
    QString why;
    if (!cloud.start(&why))
        return line(u"pull: "_s + why);
    const QString data = root + u"/pull-till"_s, keys = root + u"/pull-keys"_s;
    QDir().mkpath(data);
    CatalogStore catalog; // the UI thread's connection
    catalog.open(data);
    catalog.importCsv(QStringLiteral(SMARTPOS_SOURCE_DIR "/resources/demo-catalog.csv"));
    Ledger ledger;
    ledger.open(data, keys);
    if (!enrol(cloud, data, keys, u"Bench"_s))
        return;
    const CloudRun imported = cloud.admin({u"import-catalog"_s, csv});
    if (imported.exitCode != 0)
        return line(u"pull: "_s + imported.err);

    // The UI thread rings up a sale, a scan every 5 ms, while the sync thread pulls.
    ManualClock clock(saleTime);
    SaleSession session(catalog, ledger, clock, StoreRules());
    sync::SyncSummary summary;
    bool pulled = false;
    QElapsedTimer pullTimer, tick;
    pullTimer.start();
    std::thread worker([&] {
        summary = syncOnce(data, keys);
        pulled = true;
    });
    qint64 longestStallNs = 0, scans = 0;
    QTimer scanner;
    scanner.setInterval(5);
    tick.start();
    QObject::connect(&scanner, &QTimer::timeout, [&] {
        longestStallNs = qMax(longestStallNs, tick.nsecsElapsed() - 5'000'000);
        (void)session.scan(u"6928804995534"_s);
        ++scans;
        if (scans % 50 == 0)
            (void)session.cancelSale();
        tick.restart();
    });
    scanner.start();
    while (!pulled)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    worker.join();
    const double seconds = pullTimer.nsecsElapsed() / 1e9;
    scanner.stop();
    if (!summary.error.isEmpty() || summary.changes != products)
        return line(u"pull: "_s + summary.error + u" (%1 changes)"_s.arg(summary.changes));
    line(u"pull 100k products: %1 s; %2 scans meanwhile, longest UI stall %3 ms"_s
             .arg(seconds, 0, 'f', 2)
             .arg(scans)
             .arg(longestStallNs / 1e6, 0, 'f', 1));
}

void tenTills(const QString &dbUrl, const QString &root)
{
    constexpr int tills = 10, sales = 1000;
    CloudProcess first(root + u"/cloud-ten"_s, dbUrl), second(root + u"/cloud-ten"_s, dbUrl);
    QString why;
    if (!first.start(&why) || !second.start(&why))
        return line(u"ten tills: "_s + why);
    QStringList datas, keyDirs;
    for (int i = 0; i < tills; ++i) {
        datas << root + u"/till%1"_s.arg(i);
        keyDirs << root + u"/keys%1"_s.arg(i);
        if (!makeTill(datas[i], keyDirs[i], sales)
            || !enrol(i % 2 ? second : first, datas[i], keyDirs[i], u"Store %1"_s.arg(i)))
            return line(u"ten tills: cannot make till %1"_s.arg(i));
    }
    QElapsedTimer timer;
    timer.start();
    std::vector<std::thread> workers;
    std::vector<sync::SyncSummary> summaries(tills);
    for (int i = 0; i < tills; ++i)
        workers.emplace_back([&, i] { summaries[i] = syncOnce(datas[i], keyDirs[i]); });
    for (std::thread &worker : workers)
        worker.join();
    const double seconds = timer.nsecsElapsed() / 1e9;
    qint64 sent = 0;
    for (const sync::SyncSummary &summary : summaries) {
        sent += summary.sent;
        if (!summary.error.isEmpty())
            line(u"ten tills: "_s + summary.error);
    }
    line(u"ten tills → two cloud processes on PostgreSQL: %1 events in %2 s = %3 events/s"_s
             .arg(sent)
             .arg(seconds, 0, 'f', 2)
             .arg(sent / seconds, 0, 'f', 0));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir root(bench::scratchTemplate(u"sync"_s));
    push(u"sqlite"_s, root.filePath(u"cloud-sqlite/cloud.db"_s), root.path());
    PgCluster postgres;
    QString why;
    const bool hasPostgres = postgres.start(&why, /*durable=*/true);
    if (hasPostgres) {
        QTemporaryDir pgRoot(bench::scratchTemplate(u"sync-pg"_s));
        push(u"postgresql"_s, postgres.url(), pgRoot.path());
    } else {
        line(u"push postgresql: skipped ("_s + why + u")"_s);
    }
    pull(root.path());
    if (hasPostgres) {
        PgCluster fresh;
        if (fresh.start(&why, true))
            tenTills(fresh.url(), root.path());
    } else {
        line(u"ten tills: skipped (no PostgreSQL)"_s);
    }
    return 0;
}
