// A 5-line cash sale committed through Ledger::commitSale (WAL, synchronous=FULL, the entry's MAC
// and the anchor write included), next to the floor: a bare SQLite transaction through the
// sqlite3 C API writing the same rows (journal entry, sale, 5 lines, 1 tender, outbox event,
// print job) into a database with the same schema, also WAL + synchronous=FULL, in the same
// directory. The bare path gets its payload and MAC precomputed outside the timed region; ours
// computes them inside commitSale, as it must. A third variant times the bare path plus that
// payload work, so the gap splits into "building the journal entry" and "the rest". Runs
// alternate (ours, bare, bare+payload) x 5. Median, p99 and the ratios are printed at the end
// (target: ours/bare ≤ 1.1). It also prints the ledger bytes per sale (target ≤ 1.5 KB).
#include "benchdata.h"
#include "ledger/catalogstore.h"
#include "ledger/keyfolder.h"
#include "ledger/ledger.h"
#include "ledger/salerecord.h"
#include "services/salesession.h"

#include <QCoreApplication>
#include <QDir>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <memory>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace {

constexpr int commitsPerRun = 2000;
constexpr int runs = 5;

std::vector<double> oursNs;
std::vector<double> sessionNs;
std::vector<double> bareNs;
std::vector<double> barePayloadNs;

Sale sampleSale()
{
    struct Item {
        const char *sku, *code, *zh, *en;
        qint64 qty, price;
    };
    static const Item items[] = {
        {"DR0001", "6928804995534", "可口可乐 330ml 罐装", "Coca-Cola Can 330ml", 2, 300},
        {"SN0012", "6924743915763", "乐事 薯片 原味 70g", "Lay's Classic 70g", 1, 750},
        {"DA0003", "6907992500133", "伊利 纯牛奶 250ml", "Yili Whole Milk 250ml", 3, 350},
        {"IN0007", "6920152400777", "康师傅 红烧牛肉面", "Master Kong Beef Noodles", 1, 450},
        {"DL0020", "6903244370899", "心相印 纸巾 10包", "Hearttex Tissues 10 packs", 1, 990},
    };
    Sale sale;
    for (const Item &i : items) {
        SaleLine line;
        line.sku = QString::fromUtf8(i.sku);
        line.code = QString::fromUtf8(i.code);
        line.nameZh = QString::fromUtf8(i.zh);
        line.nameEn = QString::fromUtf8(i.en);
        line.quantity = i.qty;
        line.unitPrice = Money::fromFen(i.price);
        line.total = Money::fromFen(i.price * i.qty);
        line.taxRateBp = 1300;
        sale.lines.append(line);
        sale.total += line.total;
    }
    sale.tax = taxIncluded(sale.total, 1300);
    const Money received = Money::fromFen((sale.total.fen + 4999) / 5000 * 5000);
    sale.tenders.append(*cashTender(sale.total, received));
    return sale;
}

struct Ours {
    QTemporaryDir dir{bench::scratchTemplate(QStringLiteral("commit-ours"))};
    Ledger ledger;
};

// The size of a ledger's live pages divided by its sales.
double bytesPerSale(Ledger &ledger)
{
    QSqlQuery q(ledger.database().connection());
    q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    const auto number = [&q](const QString &sql) {
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : 0;
    };
    const qint64 pages = number(QStringLiteral("PRAGMA page_count"))
                         - number(QStringLiteral("PRAGMA freelist_count"));
    const qint64 sales = number(QStringLiteral("SELECT count(*) FROM sales"));
    return sales ? double(pages * number(QStringLiteral("PRAGMA page_size"))) / double(sales) : 0;
}
std::unique_ptr<Ours> ours;

void BM_CommitLedger(benchmark::State &state)
{
    if (!ours) {
        ours = std::make_unique<Ours>();
        const Status opened = ours->ledger.open(ours->dir.path(), ours->dir.filePath(u"keys"_s));
        if (!opened) {
            state.SkipWithError(qPrintable(opened.error().message));
            ours.reset();
            return;
        }
    }
    Sale sale = sampleSale();
    std::vector<double> mine;
    for (auto _ : state) {
        sale.createdAt = QDateTime::currentDateTimeUtc();
        const auto t0 = std::chrono::steady_clock::now();
        const Result<qint64> result = ours->ledger.commitSale(sale);
        const auto t1 = std::chrono::steady_clock::now();
        if (!result) {
            state.SkipWithError(qPrintable(result.error().message));
            break;
        }
        const double ns = std::chrono::duration<double, std::nano>(t1 - t0).count();
        state.SetIterationTime(ns / 1e9);
        mine.push_back(ns);
    }
    oursNs.insert(oursNs.end(), mine.begin(), mine.end());
    state.counters["p50_us"] = bench::percentileNs(mine, 50) / 1000;
    state.counters["p99_us"] = bench::percentileNs(mine, 99) / 1000;
}

// A whole sale as the cashier rings it up: five scans (catalog lookups, cart, pricing), open the
// payment, cash, commit, next sale. This is what `smartpos-admin simulate` does per sale.
struct Session {
    QTemporaryDir dir{bench::scratchTemplate(QStringLiteral("commit-session"))};
    CatalogStore catalog;
    Ledger ledger;
    SystemClock clock;
    std::unique_ptr<SaleSession> session;
    QStringList codes;
};
std::unique_ptr<Session> session;

void BM_SaleThroughSession(benchmark::State &state)
{
    if (!session) {
        session = std::make_unique<Session>();
        QString error;
        Status opened = session->ledger.open(session->dir.path(), session->dir.filePath(u"keys"_s));
        if (opened)
            opened = session->catalog.open(session->dir.path());
        if (!opened || !session->catalog.generate(1000, &error)) {
            state.SkipWithError(qPrintable(opened ? error : opened.error().message));
            session.reset();
            return;
        }
        session->codes = session->catalog.someCodes(5);
        session->session = std::make_unique<SaleSession>(session->catalog, session->ledger,
                                                         session->clock, StoreRules());
    }
    SaleSession &till = *session->session;
    std::vector<double> mine;
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        for (const QString &code : std::as_const(session->codes))
            (void)till.scan(code);
        (void)till.beginTender();
        const Status paid = till.payCash(Money::fromYuan(1000));
        till.startNextSale();
        const auto t1 = std::chrono::steady_clock::now();
        if (!paid) {
            state.SkipWithError(qPrintable(paid.error().message));
            break;
        }
        const double ns = std::chrono::duration<double, std::nano>(t1 - t0).count();
        state.SetIterationTime(ns / 1e9);
        mine.push_back(ns);
    }
    sessionNs.insert(sessionNs.end(), mine.begin(), mine.end());
    state.counters["p50_us"] = bench::percentileNs(mine, 50) / 1000;
    state.counters["p99_us"] = bench::percentileNs(mine, 99) / 1000;
}

// --- the floor: raw sqlite3 -----------------------------------------------------------------

struct Bare {
    QTemporaryDir dir{bench::scratchTemplate(QStringLiteral("commit-bare"))};
    sqlite3 *db = nullptr;
    sqlite3_stmt *begin = nullptr, *commit = nullptr, *sale = nullptr, *line = nullptr,
                 *tender = nullptr, *journal = nullptr, *outbox = nullptr, *printJob = nullptr;
    qint64 seq = 0;
    QByteArray headMac = QByteArray(32, '\0');
    EntryMac mac{QByteArray(KeyFolder::keyBytes, 'k')};
    ~Bare()
    {
        for (sqlite3_stmt *s : {begin, commit, sale, line, tender, journal, outbox, printJob})
            sqlite3_finalize(s);
        sqlite3_close(db);
    }
};
std::unique_ptr<Bare> bare;

bool exec(sqlite3 *db, const char *sql, QString *error)
{
    char *message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    *error = QString::fromUtf8(message ? message : "?") + QStringLiteral(" in ")
             + QString::fromUtf8(sql);
    sqlite3_free(message);
    return false;
}

bool prepare(sqlite3 *db, const char *sql, sqlite3_stmt **stmt, QString *error)
{
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, nullptr) == SQLITE_OK)
        return true;
    *error = QString::fromUtf8(sqlite3_errmsg(db));
    return false;
}

// The schema is copied from a ledger the application created, so both sides write the same
// tables, indexes and triggers.
bool openBare(Bare &b, QString *error)
{
    QTemporaryDir schemaDir(bench::scratchTemplate(QStringLiteral("commit-schema")));
    QStringList schema;
    QByteArray pageSize;
    {
        Ledger reference;
        if (const Status opened = reference.open(schemaDir.path(), schemaDir.filePath(u"keys"_s));
            !opened) {
            *error = opened.error().message;
            return false;
        }
        QSqlQuery q(reference.database().connection());
        if (!q.exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL "
                                   "AND name NOT LIKE 'sqlite_%' ORDER BY rowid"))) {
            *error = q.lastError().text();
            return false;
        }
        while (q.next())
            schema.append(q.value(0).toString());
        q.exec(QStringLiteral("PRAGMA page_size"));
        q.next();
        pageSize = "PRAGMA page_size=" + q.value(0).toByteArray();
    }
    const QByteArray path =
        QFile::encodeName(QDir(b.dir.path()).filePath(QStringLiteral("bare.db")));
    if (sqlite3_open_v2(path.constData(), &b.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        nullptr)
        != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(b.db));
        return false;
    }
    if (!exec(b.db, pageSize.constData(), error) || !exec(b.db, "PRAGMA journal_mode=WAL", error)
        || !exec(b.db, "PRAGMA synchronous=FULL", error)
        || !exec(b.db, "PRAGMA foreign_keys=ON", error) || !exec(b.db, "BEGIN", error))
        return false;
    for (const QString &statement : schema)
        if (!exec(b.db, statement.toUtf8().constData(), error))
            return false;
    return exec(b.db, "COMMIT", error) && prepare(b.db, "BEGIN IMMEDIATE", &b.begin, error)
           && prepare(b.db, "COMMIT", &b.commit, error)
           && prepare(b.db, "INSERT INTO sales (seq, total_fen, tax_fen) VALUES (?, ?, ?)", &b.sale,
                      error)
           && prepare(b.db,
                      "INSERT INTO sale_lines (seq, line_no, sku, quantity, weighed, "
                      "unit_price_fen, total_fen, tax_rate_bp) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                      &b.line, error)
           && prepare(b.db,
                      "INSERT INTO tenders (seq, tender_no, kind, amount_fen, received_fen, "
                      "change_fen, reference) VALUES (?, ?, ?, ?, ?, ?, ?)",
                      &b.tender, error)
           && prepare(
               b.db,
               "INSERT INTO journal (seq, kind, version, created_at, payload, prev_mac, mac) "
               "VALUES (?, 'sale', 2, ?, ?, ?, ?)",
               &b.journal, error)
           && prepare(b.db, "INSERT INTO outbox (seq) VALUES (?)", &b.outbox, error)
           && prepare(b.db,
                      "INSERT INTO print_jobs (seq, kind, created_at) VALUES (?, 'receipt', ?)",
                      &b.printJob, error);
}

struct BareRow { // everything precomputed, as UTF-8
    QByteArray at, payload, mac;
    struct Line {
        QByteArray sku;
    };
    std::vector<Line> lines;
};

bool step(sqlite3_stmt *s)
{
    const int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE;
}

void text(sqlite3_stmt *s, int i, const QByteArray &v)
{
    sqlite3_bind_text(s, i, v.constData(), int(v.size()), SQLITE_STATIC);
}

bool bareCommit(Bare &b, const Sale &sale, const BareRow &r)
{
    if (!step(b.begin))
        return false;
    const qint64 seq = b.seq + 1;
    sqlite3_bind_int64(b.journal, 1, seq);
    text(b.journal, 2, r.at);
    sqlite3_bind_blob(b.journal, 3, r.payload.constData(), int(r.payload.size()), SQLITE_STATIC);
    sqlite3_bind_blob(b.journal, 4, b.headMac.constData(), int(b.headMac.size()), SQLITE_STATIC);
    sqlite3_bind_blob(b.journal, 5, r.mac.constData(), int(r.mac.size()), SQLITE_STATIC);
    bool ok = step(b.journal);
    sqlite3_bind_int64(b.sale, 1, seq);
    sqlite3_bind_int64(b.sale, 2, sale.total.fen);
    sqlite3_bind_int64(b.sale, 3, sale.tax.fen);
    ok = ok && step(b.sale);
    for (qsizetype i = 0; ok && i < sale.lines.size(); ++i) {
        const SaleLine &l = sale.lines[i];
        sqlite3_bind_int64(b.line, 1, seq);
        sqlite3_bind_int64(b.line, 2, i + 1);
        text(b.line, 3, r.lines[size_t(i)].sku);
        sqlite3_bind_int64(b.line, 4, l.quantity);
        sqlite3_bind_int(b.line, 5, l.weighed ? 1 : 0);
        sqlite3_bind_int64(b.line, 6, l.unitPrice.fen);
        sqlite3_bind_int64(b.line, 7, l.total.fen);
        sqlite3_bind_int(b.line, 8, l.taxRateBp);
        ok = step(b.line);
    }
    int number = 0;
    for (const Tender &t : sale.tenders) {
        if (!ok)
            break;
        sqlite3_bind_int64(b.tender, 1, seq);
        sqlite3_bind_int64(b.tender, 2, ++number);
        sqlite3_bind_text(b.tender, 3, "cash", 4, SQLITE_STATIC);
        sqlite3_bind_int64(b.tender, 4, t.amount.fen);
        sqlite3_bind_int64(b.tender, 5, t.received.fen);
        sqlite3_bind_int64(b.tender, 6, t.change.fen);
        sqlite3_bind_text(b.tender, 7, "", 0, SQLITE_STATIC);
        ok = step(b.tender);
    }
    if (ok) {
        sqlite3_bind_int64(b.outbox, 1, seq);
        ok = step(b.outbox);
    }
    if (ok) {
        sqlite3_bind_int64(b.printJob, 1, seq);
        text(b.printJob, 2, r.at);
        ok = step(b.printJob);
    }
    if (!ok || !step(b.commit)) {
        sqlite3_exec(b.db, "ROLLBACK", nullptr, nullptr, nullptr);
        return false;
    }
    b.seq = seq;
    b.headMac = r.mac;
    return true;
}

// range(0) == 1: the journal payload and its MAC are computed inside the timed region too, as
// commitSale must; the difference to ours is then the statement plumbing and the anchor.
void BM_CommitBareSqlite(benchmark::State &state)
{
    const bool timePayload = state.range(0) == 1;
    if (!bare) {
        bare = std::make_unique<Bare>();
        QString error;
        if (!openBare(*bare, &error)) {
            state.SkipWithError(qPrintable(error));
            bare.reset();
            return;
        }
    }
    Sale sale = sampleSale();
    const QByteArray terminal = QUuid::createUuid().toString(QUuid::WithoutBraces).toUtf8();
    BareRow row;
    for (const SaleLine &l : sale.lines)
        row.lines.push_back({l.sku.toUtf8()});
    std::vector<double> mine;
    for (auto _ : state) {
        sale.createdAt = QDateTime::currentDateTimeUtc();
        const auto prepareRow = [&] {
            const qint64 seq = bare->seq + 1;
            row.at = sale.createdAt.toString(Qt::ISODateWithMs).toUtf8();
            row.payload = encodeSale(sale);
            row.mac = bare->mac.compute(
                {bare->headMac,
                 terminal + '\n' + QByteArray::number(seq) + "\nsale\n2\n" + row.at + '\n',
                 row.payload});
        };
        if (!timePayload)
            prepareRow();
        const auto t0 = std::chrono::steady_clock::now();
        if (timePayload)
            prepareRow();
        const bool ok = bareCommit(*bare, sale, row);
        const auto t1 = std::chrono::steady_clock::now();
        if (!ok) {
            state.SkipWithError(sqlite3_errmsg(bare->db));
            break;
        }
        const double ns = std::chrono::duration<double, std::nano>(t1 - t0).count();
        state.SetIterationTime(ns / 1e9);
        mine.push_back(ns);
    }
    auto &all = timePayload ? barePayloadNs : bareNs;
    all.insert(all.end(), mine.begin(), mine.end());
    state.counters["p50_us"] = bench::percentileNs(mine, 50) / 1000;
    state.counters["p99_us"] = bench::percentileNs(mine, 99) / 1000;
}

double canonicalMedianUs()
{
    const Sale sale = [] {
        Sale s = sampleSale();
        s.createdAt = QDateTime::currentDateTimeUtc();
        return s;
    }();
    std::vector<double> ns;
    for (int i = 0; i < 20000; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        const QByteArray payload = encodeSale(sale);
        const auto t1 = std::chrono::steady_clock::now();
        benchmark::DoNotOptimize(payload.size());
        ns.push_back(std::chrono::duration<double, std::nano>(t1 - t0).count());
    }
    return bench::percentileNs(ns, 50) / 1000;
}

// Alternating runs, so drift of the disk or the host hits both sides alike.
void registerAll()
{
    for (int run = 1; run <= runs; ++run) {
        benchmark::RegisterBenchmark(
            QStringLiteral("BM_CommitLedger/run:%1").arg(run).toUtf8().constData(), BM_CommitLedger)
            ->Iterations(commitsPerRun)
            ->UseManualTime()
            ->Unit(benchmark::kMicrosecond);
        benchmark::RegisterBenchmark(
            QStringLiteral("BM_SaleThroughSession/run:%1").arg(run).toUtf8().constData(),
            BM_SaleThroughSession)
            ->Iterations(commitsPerRun / 4)
            ->UseManualTime()
            ->Unit(benchmark::kMicrosecond);
        benchmark::RegisterBenchmark(
            QStringLiteral("BM_CommitBareSqlite/run:%1").arg(run).toUtf8().constData(),
            BM_CommitBareSqlite)
            ->Arg(0)
            ->Iterations(commitsPerRun)
            ->UseManualTime()
            ->Unit(benchmark::kMicrosecond);
        benchmark::RegisterBenchmark(
            QStringLiteral("BM_CommitBareSqlitePlusPayload/run:%1").arg(run).toUtf8().constData(),
            BM_CommitBareSqlite)
            ->Arg(1)
            ->Iterations(commitsPerRun)
            ->UseManualTime()
            ->Unit(benchmark::kMicrosecond);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    benchmark::Initialize(&argc, argv);
    QCoreApplication app(argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    registerAll();
    benchmark::RunSpecifiedBenchmarks();

    std::printf("\nsale commit (5 lines, 1 tender, journal, outbox, print job), WAL + "
                "synchronous=FULL, %s:\n",
                SMARTPOS_BENCH_TMP_DIR);
    std::printf("%-28s %8s %10s %10s %10s %10s\n", "", "commits", "median_us", "p90_us", "p99_us",
                "max_us");
    const auto row = [](const char *name, std::vector<double> &s) {
        if (s.empty())
            return 0.0;
        const double p50 = bench::percentileNs(s, 50) / 1000;
        std::printf("%-28s %8zu %10.1f %10.1f %10.1f %10.1f\n", name, s.size(), p50,
                    bench::percentileNs(s, 90) / 1000, bench::percentileNs(s, 99) / 1000,
                    s.back() / 1000);
        return p50;
    };
    const double a = row("Ledger::commitSale", oursNs);
    const double b = row("bare sqlite3 C API", bareNs);
    const double c = row("bare + payload/MAC timed", barePayloadNs);
    const double d = row("whole sale via SaleSession", sessionNs);
    if (a > 0 && b > 0)
        std::printf("ratio of medians ours/bare: %.2fx (target <= 1.10x): %s\n", a / b,
                    a / b <= 1.1 ? "met" : "MISSED");
    if (a > 0 && c > 0)
        std::printf("ratio of medians ours/(bare + payload/MAC): %.2fx (statement plumbing and "
                    "the anchor write alone)\n",
                    a / c);
    if (d > 0 && b > 0)
        std::printf("ratio of medians whole sale (5 scans, pricing, commit)/bare: %.2fx (target "
                    "<= 1.50x): %s\n",
                    d / b, d / b <= 1.5 ? "met" : "MISSED");
    std::printf("encodeSale of this sale (JSON payload, computed on every commit): "
                "median %.1f us\n",
                canonicalMedianUs());
    if (ours)
        std::printf("ledger bytes per 5-line sale: %.0f (target <= 1536)\n",
                    bytesPerSale(ours->ledger));
    ours.reset();
    session.reset();
    bare.reset();
    benchmark::Shutdown();
    return 0;
}
