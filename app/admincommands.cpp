#include "admincommands.h"

#include "ledger/catalogstore.h"
#include "ledger/datadirlock.h"
#include "ledger/keyfolder.h"
#include "ledger/ledger.h"
#include "services/appdata.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <pwd.h>
#include <unistd.h>

namespace smartpos::admin {

namespace {

const QString program = QStringLiteral("smartpos-admin");

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QString quoted(const QString &text)
{
    return QStringLiteral("“%1”").arg(text);
}

const QList<Option> &globalOptions()
{
    static const QList<Option> options = {
        {QStringLiteral("data-dir"), QStringLiteral("DIR"),
         QStringLiteral("the data folder (default: %1)").arg(defaultDataDir())},
        {QStringLiteral("key-dir"), QStringLiteral("DIR"),
         QStringLiteral("the terminal's key folder: its journal key and anchor (default: "
                        "$SMARTPOS_KEY_DIR, else ~/.config/SmartPOS/terminals/<id of the data "
                        "folder>)")},
    };
    return options;
}

QString globalSynopsis()
{
    return QStringLiteral("%1 [--data-dir DIR] [--key-dir DIR]").arg(program);
}

QString commandLine(const Command &command)
{
    QString line = command.path.join(u' ');
    if (!command.synopsis.isEmpty())
        line += u' ' + command.synopsis;
    return line;
}

QString usageLine(const Command &command)
{
    return QStringLiteral("usage: %1 %2").arg(globalSynopsis(), commandLine(command));
}

// "  ledger verify [--full]      check the journal…" for each command whose path starts with
// `group` (all when empty).
QString commandList(const QList<Command> &commands, const QString &group = {})
{
    qsizetype width = 0;
    for (const Command &c : commands)
        if (group.isEmpty() || c.path.first() == group)
            width = qMax(width, commandLine(c).size());
    QString text;
    for (const Command &c : commands)
        if (group.isEmpty() || c.path.first() == group)
            text += QStringLiteral("  %1  %2\n").arg(commandLine(c), -int(width)).arg(c.summary);
    return text;
}

QString optionHead(const Option &o)
{
    if (o.name == u"help")
        return QStringLiteral("-h, --help");
    return o.valueName.isEmpty() ? QStringLiteral("--%1").arg(o.name)
                                 : QStringLiteral("--%1 %2").arg(o.name, o.valueName);
}

const Option helpOption{QStringLiteral("help"), {}, QStringLiteral("this help")};

// One option a line, the help texts aligned at `width` (at least the widest head).
QString optionList(const QList<Option> &options, qsizetype width = 0)
{
    for (const Option &o : options)
        width = qMax(width, optionHead(o).size());
    QString text;
    for (const Option &o : options)
        text += QStringLiteral("  %1  %2\n").arg(optionHead(o), -int(width)).arg(o.help);
    return text;
}

const QString exitCodes = QStringLiteral(
    "Exit status: 0 done, 1 failed (the message on stderr says why), 2 wrong usage (nothing was "
    "done).\n");

QString programHelp(const QList<Command> &commands)
{
    return QStringLiteral("usage: %1 COMMAND [OPTIONS]\n\n"
                          "SmartPOS maintenance: the catalog, the members, the ledger, devices and test "
                          "sales, through the same libraries as the till.\n\n"
                          "Commands:\n%2\n"
                          "Global options (before or after the command):\n%3\n"
                          "Commands that write (catalog import and generate, members import, ledger "
                          "no-sale, accept-restore and start-over, simulate) lock the data folder: one "
                          "writer at a time.\n%4")
        .arg(globalSynopsis(), commandList(commands),
             optionList(globalOptions()
                        + QList<Option>{{QStringLiteral("help"),
                                         {},
                                         QStringLiteral("this help; after a command, that "
                                                        "command's help")}}),
             exitCodes);
}

QString groupHelp(const QList<Command> &commands, const QString &group)
{
    return QStringLiteral("usage: %1 %2 COMMAND [OPTIONS]\n\nCommands:\n%3\n"
                          "%4 %2 COMMAND --help describes one.\n")
        .arg(globalSynopsis(), group, commandList(commands, group), program);
}

QString commandHelp(const Command &command)
{
    QString text =
        usageLine(command) + QStringLiteral("\n\n") + command.description + QStringLiteral("\n");
    const QList<Option> global = globalOptions() + QList<Option>{helpOption};
    qsizetype width = 0;
    for (const Option &o : command.options + global)
        width = qMax(width, optionHead(o).size());
    if (!command.options.isEmpty())
        text += QStringLiteral("\nOptions:\n") + optionList(command.options, width);
    text += QStringLiteral("\nGlobal options:\n") + optionList(global, width) + QStringLiteral("\n")
            + exitCodes;
    return text;
}

// ---------------------------------------------------------------------------------------------
// Commands

void printImportReport(const ImportReport &report, bool dryRun)
{
    print(QStringLiteral("%1 %2 products: %3 new, %4 updated, %5 unchanged, %6 codes moved")
              .arg(importedWords(dryRun))
              .arg(report.products)
              .arg(report.added.size())
              .arg(report.updated.size())
              .arg(report.unchanged)
              .arg(report.moves.size()));
    printAddedAndUpdated(report);
    for (const CodeMove &move : report.moves)
        print(QStringLiteral("moved %1 %2: %3 → %4")
                  .arg(move.isPlu ? QStringLiteral("PLU") : QStringLiteral("barcode"), move.code,
                       move.fromSku, move.toSku));
}

int catalogImport(const Invocation &invocation)
{
    const QString file = invocation.arguments.first();
    ImportOptions options;
    if (!readImportOptions(invocation, &options))
        return Usage;
    AppData data;
    if (!openForWriting(invocation, data))
        return Failed;
    options.rules = data.config.rules;
    const ImportReport report = data.catalog.importCsv(file, options);
    if (!report.ok)
        return importFailed(file, report);
    printImportReport(report, options.dryRun);
    return Done;
}

int catalogGenerate(const Invocation &invocation)
{
    qint64 count = 0;
    if (!invocation.number(QStringLiteral("count"), 1, 100'000'000, 0, &count))
        return Usage;
    QString error;
    QElapsedTimer timer;
    timer.start();
    const QString csv = invocation.value(QStringLiteral("csv"));
    if (!csv.isEmpty()) {
        // Only a file: the data folder is not opened.
        if (!CatalogStore::writeGeneratedCsv(count, csv, &error))
            return fail(error);
    } else {
        AppData data;
        if (!openForWriting(invocation, data))
            return Failed;
        if (!data.catalog.generate(count, &error))
            return fail(error);
    }
    print(QStringLiteral("generated %1 products in %2 ms").arg(count).arg(timer.elapsed()));
    return Done;
}

int catalogCount(const Invocation &invocation)
{
    // Reads catalog.db only: no lock, no key, works while the till runs.
    if (!checkDataDirExists(invocation.dataDir))
        return Failed;
    if (!QFileInfo::exists(QDir(invocation.dataDir).filePath(CatalogStore::fileName()))) {
        print(QStringLiteral("0"));
        return Done;
    }
    CatalogStore catalog;
    if (const Status opened = catalog.open(invocation.dataDir); !opened)
        return fail(opened.error().message);
    print(QString::number(catalog.count()));
    return Done;
}

int ledgerVerify(const Invocation &invocation)
{
    // Read-only all the way: no lock, no catalog, nothing created or changed.
    if (!checkDataDirExists(invocation.dataDir))
        return Failed;
    Ledger ledger;
    if (const Status opened = ledger.openReadOnly(invocation.dataDir, invocation.resolvedKeyDir());
        !opened)
        return fail(opened.error().message);
    const VerifyResult result = ledger.verify(invocation.isSet(QStringLiteral("full")));
    if (!result.ok) {
        print(result.firstBadSeq > 0 ? QStringLiteral("FAILED at sequence number %1: %2")
                                           .arg(result.firstBadSeq)
                                           .arg(result.reason)
                                     : QStringLiteral("FAILED: %1").arg(result.reason));
        return Failed;
    }
    print(QStringLiteral("OK %1 entries").arg(result.entries));
    return Done;
}

int ledgerNoSale(const Invocation &invocation)
{
    AppData data;
    if (!openForWriting(invocation, data))
        return Failed;
    const Result<qint64> seq = data.ledger.commitNoSale(data.clock.nowUtc());
    if (!seq)
        return fail(seq.error().message);
    print(QStringLiteral("recorded a no-sale as entry %1").arg(*seq));
    return Done;
}

// Who runs start-over, for the audit line: the account, and whom $USER or sudo name if others.
QString operatorName()
{
    QString name;
    if (const passwd *account = ::getpwuid(::getuid()))
        name = QString::fromLocal8Bit(account->pw_name);
    const QString user = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = user.isEmpty() ? QStringLiteral("uid %1").arg(::getuid()) : user;
    else if (!user.isEmpty() && user != name)
        name += QStringLiteral(" (USER=%1)").arg(user);
    const QString sudo = qEnvironmentVariable("SUDO_USER");
    if (!sudo.isEmpty() && sudo != name)
        name += QStringLiteral(" (sudo by %1)").arg(sudo);
    return name;
}

int ledgerAcceptRestore(const Invocation &invocation)
{
    const QString reason = invocation.value(QStringLiteral("reason")).trimmed();
    if (reason.isEmpty())
        return usage(QStringLiteral("--reason: say why entries are given up (it goes to the audit "
                                    "log)"),
                     invocation.command);
    if (!checkDataDirExists(invocation.dataDir))
        return Failed;
    DataDirLock lock;
    if (const Status locked = lock.acquire(invocation.dataDir); !locked)
        return fail(locked.error().message);
    Ledger ledger;
    if (const Status opened = ledger.openReadOnly(invocation.dataDir, invocation.resolvedKeyDir());
        !opened)
        return fail(opened.error().message);
    // Only a ledger that is whole under this terminal's key may become the new head.
    const VerifyResult result = ledger.verify(true, Ledger::AnchorCheck::Skip);
    if (!result.ok)
        return fail(QStringLiteral("The ledger does not verify (%1 at entry %2), so it cannot be "
                                   "accepted. Nothing was changed.")
                        .arg(result.reason)
                        .arg(result.firstBadSeq));
    const auto previous = ledger.keys().readAnchor();
    if (const Status accepted = ledger.keys().acceptHead(ledger.head(), reason, operatorName());
        !accepted)
        return fail(accepted.error().message);
    print(QStringLiteral("accepted %1 entries; the anchor said %2")
              .arg(result.entries)
              .arg(previous ? QString::number(previous->seq) : QStringLiteral("nothing")));
    if (previous && previous->seq > result.entries)
        print(QStringLiteral("entries %1 to %2 are given up (recorded in %3)")
                  .arg(result.entries + 1)
                  .arg(previous->seq)
                  .arg(QDir(ledger.keys().path()).filePath(QStringLiteral("audit.log"))));
    return Done;
}

int ledgerStartOver(const Invocation &invocation)
{
    const QString reason = invocation.value(QStringLiteral("reason")).trimmed();
    if (reason.isEmpty())
        return usage(QStringLiteral("--reason: say why the ledger starts over (it goes to the "
                                    "audit log)"),
                     invocation.command);
    const QString dataDir = invocation.dataDir;
    if (!checkDataDirExists(dataDir))
        return Failed;
    DataDirLock lock;
    if (const Status locked = lock.acquire(dataDir); !locked)
        return fail(locked.error().message);

    // 1. The ledger moves aside with its -wal and -shm (a stale -wal must never meet a new
    //    ledger.db); nothing is deleted.
    const QString ledgerPath = QDir(dataDir).filePath(Ledger::fileName());
    const QString stamp =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmssZ"));
    QString retiredLedger = QStringLiteral("%1.retired-%2").arg(ledgerPath, stamp);
    for (int n = 2; QFileInfo::exists(retiredLedger)
                    || QFileInfo::exists(retiredLedger + QStringLiteral("-wal"));
         ++n)
        retiredLedger = QStringLiteral("%1.retired-%2-%3").arg(ledgerPath, stamp).arg(n);
    QStringList moved;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        const QString from = ledgerPath + suffix;
        if (!QFileInfo::exists(from))
            continue;
        if (!QFile::rename(from, retiredLedger + suffix))
            return fail(QStringLiteral("Cannot move %1 to %2; nothing else was changed. Check that "
                                       "the data folder is writable.%3")
                            .arg(from, retiredLedger + suffix,
                                 moved.isEmpty() ? QString()
                                                 : QStringLiteral(" (already moved: %1)")
                                                       .arg(moved.join(QStringLiteral(", ")))));
        moved.append(from);
        print(QStringLiteral("moved %1 to %2").arg(from, retiredLedger + suffix));
    }
    if (moved.isEmpty())
        print(QStringLiteral("there was no %1").arg(ledgerPath));

    // 2. The key and the anchor retire, with a line in the key folder's audit.log.
    const QString keyDir = invocation.resolvedKeyDir();
    KeyFolder keys;
    // Loads the key when it is readable, so the audit line names the anchor's head; a damaged
    // key is retired all the same.
    (void)keys.open(keyDir, true);
    const QString audited = QStringLiteral("%1 [%2]").arg(
        reason, moved.isEmpty() ? QStringLiteral("there was no ledger.db")
                                : QStringLiteral("%1 moved to %2*")
                                      .arg(moved.join(QStringLiteral(", ")), retiredLedger));
    if (const Status retired = keys.retire(audited, operatorName()); !retired)
        return fail(retired.error().message
                    + (moved.isEmpty()
                           ? QString()
                           : QStringLiteral(" The ledger was already moved to %1; run start-over "
                                            "again once the key folder is writable.")
                                 .arg(retiredLedger)));
    QStringList retiredFolders = QDir(QDir(keyDir).filePath(QStringLiteral("retired")))
                                     .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    print(QStringLiteral("retired the terminal key and anchor of %1%2")
              .arg(keyDir, retiredFolders.isEmpty()
                               ? QString()
                               : QStringLiteral(" to %1/retired/%2")
                                     .arg(QDir::cleanPath(keyDir), retiredFolders.last())));
    print(QStringLiteral("recorded in %1").arg(QDir(keyDir).filePath(QStringLiteral("audit.log"))));
    print(QStringLiteral("The next start makes a new key, anchor and ledger (from entry 1)."));
    return Done;
}

} // namespace

// ---------------------------------------------------------------------------------------------

bool checkDataDirExists(const QString &dir)
{
    const QFileInfo info(dir);
    if (!info.exists()) {
        fail(QStringLiteral("The data folder %1 does not exist.").arg(dir));
        return false;
    }
    if (!info.isDir()) {
        fail(QStringLiteral("The data folder %1 is a file, not a folder.").arg(dir));
        return false;
    }
    return true;
}

namespace {

// "A01, A02, A03 and 12 more": a summary line stays readable for an import of 100 000 rows.
QString someOf(const QStringList &ids)
{
    constexpr qsizetype shown = 10;
    QString text = ids.first(std::min(shown, ids.size())).join(QStringLiteral(", "));
    if (ids.size() > shown)
        text += QStringLiteral(" and %1 more").arg(ids.size() - shown);
    return text;
}

} // namespace

bool readImportOptions(const Invocation &invocation, CsvImportOptions *options)
{
    options->dryRun = invocation.isSet(QStringLiteral("dry-run"));
    const QString encoding = invocation.value(QStringLiteral("encoding"), QStringLiteral("utf-8"));
    const auto known = textEncodingFromName(encoding);
    if (!known) {
        usage(QStringLiteral("--encoding: “%1” is not utf-8 or gb18030 (gbk)").arg(encoding),
              invocation.command);
        return false;
    }
    options->encoding = *known;
    return true;
}

QList<Option> importOptions()
{
    return {{QStringLiteral("dry-run"),
             {},
             QStringLiteral("check the file and print the summary; change nothing")},
            {QStringLiteral("encoding"), QStringLiteral("NAME"),
             QStringLiteral("utf-8 (default, with or without BOM) or gb18030 (also gbk: what Excel "
                            "saves as CSV on Chinese Windows)")}};
}

QString importedWords(bool dryRun)
{
    return dryRun ? QStringLiteral("dry run, nothing changed: would import")
                  : QStringLiteral("imported");
}

void printAddedAndUpdated(const CsvImportReport &report)
{
    if (!report.added.isEmpty())
        print(QStringLiteral("new: ") + someOf(report.added));
    if (!report.updated.isEmpty())
        print(QStringLiteral("updated: ") + someOf(report.updated));
}

int importFailed(const QString &file, const CsvImportReport &report)
{
    return fail(report.line
                    ? QStringLiteral("%1 line %2: %3 — nothing was imported.")
                          .arg(file, QString::number(report.line), report.reason)
                    : QStringLiteral("%1: %2 — nothing was imported.").arg(file, report.reason));
}

bool Invocation::number(const QString &option, qint64 min, qint64 max, qint64 fallback,
                        qint64 *out) const
{
    if (!isSet(option)) {
        *out = fallback;
        return true;
    }
    const QString text = value(option);
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    if (!ok || n < min || n > max || text.trimmed() != text) {
        usage(QStringLiteral("--%1: %2 is not a number between %3 and %4")
                  .arg(option, quoted(text), QString::number(min), QString::number(max)),
              command);
        return false;
    }
    *out = n;
    return true;
}

QString Invocation::resolvedKeyDir() const
{
    return KeyFolder::resolve(keyDir, dataDir);
}

void print(const QString &text)
{
    out() << text << Qt::endl;
}

int fail(const QString &message)
{
    err() << program << ": " << message << Qt::endl;
    return Failed;
}

int usage(const QString &message, const Command *command)
{
    err() << program << ": " << message << u'\n'
          << (command ? usageLine(*command) + QStringLiteral(" (more: --help)")
                      : QStringLiteral("usage: %1 COMMAND (more: %2 --help)")
                            .arg(globalSynopsis(), program))
          << Qt::endl;
    return Usage;
}

bool openForWriting(const Invocation &invocation, AppData &data)
{
    const Status opened = data.open(invocation.dataDir, invocation.keyDir);
    if (!opened)
        fail(opened.error().message);
    return opened.ok();
}

QList<Command> libraryCommands()
{
    return {
        {{QStringLiteral("catalog"), QStringLiteral("import")},
         QStringLiteral("[--dry-run] [--encoding utf-8|gb18030] FILE.csv"),
         QStringLiteral("import or update products; a bad row rejects the whole file"),
         QStringLiteral("Adds new SKUs and updates existing ones from FILE.csv (RFC 4180, the "
                        "header of docs/operations.md) in one transaction, then lists the new, "
                        "updated and unchanged products and every barcode or PLU that moved.\n"
                        "The first bad row (its line number and the reason) rejects the whole "
                        "file and changes nothing. A barcode or PLU that another product has "
                        "moves only when the file lists that product too."),
         importOptions(),
         {QStringLiteral("FILE.csv")},
         catalogImport},
        {{QStringLiteral("catalog"), QStringLiteral("generate")},
         QStringLiteral("--count N [--csv FILE]"),
         QStringLiteral("replace the catalog with N synthetic products (or write them as CSV)"),
         QStringLiteral("Replaces the catalog with N synthetic products (for benchmarks and load "
                        "tests), or with --csv only writes them to FILE in the import format."),
         {{QStringLiteral("count"), QStringLiteral("N"),
           QStringLiteral("products to generate (1 to 100000000)"), true},
          {QStringLiteral("csv"), QStringLiteral("FILE"),
           QStringLiteral("write a CSV file instead; the data folder is not touched")}},
         {},
         catalogGenerate},
        {{QStringLiteral("catalog"), QStringLiteral("count")},
         {},
         QStringLiteral("the number of products"),
         QStringLiteral("Prints the number of products in catalog.db (0 when there is none). Reads "
                        "only: no lock, so it works while the till runs."),
         {},
         {},
         catalogCount},
        {{QStringLiteral("ledger"), QStringLiteral("verify")},
         QStringLiteral("[--full]"),
         QStringLiteral("check the journal; exit 1 names the first bad entry"),
         QStringLiteral(
             "Checks every journal entry against the terminal key, the chain, its payload and "
             "rows, the outbox and the print queue, and the anchor; and the file itself (SQLite's "
             "quick_check).\nPrints \"OK <n> entries\" (exit 0), or \"FAILED at sequence number "
             "<n>: <reason>\" (\"FAILED: <reason>\" when the file as a whole is at fault; exit "
             "1).\nOpens the ledger read-only: no lock, no catalog, changes nothing (in a folder "
             "it may write, SQLite may leave an empty ledger.db-wal and -shm); works on read-only "
             "files and folders and while the till runs. Needs the terminal's key folder."),
         {{QStringLiteral("full"),
           {},
           QStringLiteral("SQLite's integrity_check instead of quick_check (slower: reads every "
                          "index)")}},
         {},
         ledgerVerify},
        {{QStringLiteral("ledger"), QStringLiteral("no-sale")},
         {},
         QStringLiteral("record one no-sale (drawer opened without a sale)"),
         QStringLiteral("Records one no_sale journal entry (with its outbox event and print job), "
                        "as the till does when the drawer opens without a sale."),
         {},
         {},
         ledgerNoSale},
        {{QStringLiteral("ledger"), QStringLiteral("accept-restore")},
         QStringLiteral("--reason TEXT"),
         QStringLiteral("go on from a ledger restored from a backup (audited)"),
         QStringLiteral(
             "After ledger.db was restored from a backup that is older than the terminal's "
             "anchor, SmartPOS refuses to start (entries are missing). When the operator accepts "
             "that loss: checks the ledger in full against the terminal key (everything but the "
             "anchor), then sets the anchor to its last entry and appends a line (time, user, "
             "old and new head, reason) to <key folder>/audit.log. A ledger that does not verify "
             "is refused and nothing changes. The entries given up exist only in the cloud (once "
             "synced) or in a newer backup."),
         {{QStringLiteral("reason"), QStringLiteral("TEXT"),
           QStringLiteral("why (recorded in audit.log)"), true}},
         {},
         ledgerAcceptRestore},
        {{QStringLiteral("ledger"), QStringLiteral("start-over")},
         QStringLiteral("--reason TEXT"),
         QStringLiteral("after a ledger was lost: retire it, its key and anchor (audited)"),
         QStringLiteral(
             "The audited way to start over after ledger.db was lost or cannot be used (SmartPOS "
             "refuses to sell on a ledger that is missing, truncated or not under its key).\n"
             "With the data folder locked: moves ledger.db (and its -wal and -shm) aside to "
             "ledger.db.retired-<UTC time>, moves the terminal key and anchor to "
             "<key folder>/retired/<time>/ and appends a line (time, user, reason, old head) to "
             "<key folder>/audit.log. Nothing is deleted.\n"
             "The next start makes a new key, anchor and ledger, from entry 1. Restoring a "
             "backup of ledger.db is better when there is one: see docs/operations.md."),
         {{QStringLiteral("reason"), QStringLiteral("TEXT"),
           QStringLiteral("why (recorded in audit.log)"), true}},
         {},
         ledgerStartOver},
    };
}

int run(const QStringList &args, const QList<Command> &commands)
{
    Invocation invocation;
    invocation.dataDir = defaultDataDir();
    QString group;
    const Command *command = nullptr;
    bool optionsEnded = false;
    QStringList given;

    auto findOption = [&](const QString &name) -> const Option * {
        for (const Option &o : globalOptions())
            if (o.name == name)
                return &o;
        if (command)
            for (const Option &o : command->options)
                if (o.name == name)
                    return &o;
        return nullptr;
    };

    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        if (!optionsEnded && arg == u"--") {
            optionsEnded = true;
            continue;
        }
        if (!optionsEnded && arg.startsWith(u'-') && arg.size() > 1) {
            if (arg == u"-h" || arg == u"--help") {
                out() << (command           ? commandHelp(*command)
                          : group.isEmpty() ? programHelp(commands)
                                            : groupHelp(commands, group));
                out().flush();
                return Done;
            }
            if (!arg.startsWith(u"--"))
                return usage(QStringLiteral("unknown option %1").arg(quoted(arg)), command);
            QString name = arg.mid(2);
            QString value;
            const qsizetype equals = name.indexOf(u'=');
            const bool inlineValue = equals >= 0;
            if (inlineValue) {
                value = name.mid(equals + 1);
                name.truncate(equals);
            }
            const Option *option = findOption(name);
            if (!option)
                return usage(
                    command || !group.isEmpty()
                        ? QStringLiteral("unknown option %1")
                              .arg(quoted(QStringLiteral("--") + name))
                        : QStringLiteral("unknown option %1 (command options go after the command)")
                              .arg(quoted(QStringLiteral("--") + name)),
                    command);
            if (given.contains(name))
                return usage(QStringLiteral("--%1 is given twice").arg(name), command);
            given.append(name);
            if (option->valueName.isEmpty()) {
                if (inlineValue)
                    return usage(QStringLiteral("--%1 takes no value").arg(name), command);
            } else if (!inlineValue) {
                if (i + 1 >= args.size() || args[i + 1].startsWith(u"--"))
                    return usage(
                        QStringLiteral("--%1 needs a value (%2)").arg(name, option->valueName),
                        command);
                value = args[++i];
            }
            if (name == u"data-dir") {
                if (value.isEmpty())
                    return usage(QStringLiteral("--data-dir: the folder name is empty"), command);
                invocation.dataDir = value;
            } else if (name == u"key-dir") {
                invocation.keyDir = value; // empty: SMARTPOS_KEY_DIR or the default
            } else {
                invocation.values.insert(name, value);
            }
            continue;
        }
        // A word: the command, or one of its arguments.
        if (command) {
            if (invocation.arguments.size() < command->arguments.size()) {
                invocation.arguments.append(arg);
                continue;
            }
            return usage(QStringLiteral("unexpected %1").arg(quoted(arg)), command);
        }
        const QStringList path = group.isEmpty() ? QStringList{arg} : QStringList{group, arg};
        for (const Command &c : commands)
            if (c.path == path)
                command = &c;
        if (command)
            continue;
        if (group.isEmpty()) {
            bool isGroup = false;
            for (const Command &c : commands)
                isGroup = isGroup || (c.path.size() > 1 && c.path.first() == arg);
            if (isGroup) {
                group = arg;
                continue;
            }
            err() << program << ": unknown command " << quoted(arg) << "; the commands are:\n"
                  << commandList(commands);
            err().flush();
            return Usage;
        }
        err() << program << ": unknown " << group << " command " << quoted(arg) << "; the " << group
              << " commands are:\n"
              << commandList(commands, group);
        err().flush();
        return Usage;
    }

    if (!command) {
        if (group.isEmpty()) {
            err() << program << ": which command? The commands are:\n"
                  << commandList(commands) << program << " --help describes them.\n";
        } else {
            err() << program << ": " << group << " needs a command:\n"
                  << commandList(commands, group) << program << " " << group
                  << " COMMAND --help describes one.\n";
        }
        err().flush();
        return Usage;
    }
    if (invocation.arguments.size() < command->arguments.size())
        return usage(QStringLiteral("%1 needs %2")
                         .arg(command->path.join(u' '),
                              command->arguments.mid(invocation.arguments.size()).join(u' ')),
                     command);
    for (const Option &o : command->options)
        if (o.required && !invocation.isSet(o.name))
            return usage(QStringLiteral("%1 needs --%2 %3")
                             .arg(command->path.join(u' '), o.name, o.valueName),
                         command);
    invocation.command = command;
    return command->run(invocation);
}

} // namespace smartpos::admin
