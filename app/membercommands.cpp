#include "membercommands.h"

#include "core/clock.h"
#include "ledger/datadirlock.h"
#include "ledger/memberstore.h"

#include <QDir>
#include <QFileInfo>

namespace smartpos::admin {

namespace {

// Opens members.db for reading when it exists. False after printing why when it cannot be
// opened; `exists` false (and nothing printed) when there is none yet.
bool openIfExists(const Invocation &invocation, MemberStore &store, bool *exists)
{
    if (!checkDataDirExists(invocation.dataDir))
        return false;
    *exists = QFileInfo::exists(QDir(invocation.dataDir).filePath(MemberStore::fileName()));
    if (!*exists)
        return true;
    const Status opened = store.open(invocation.dataDir);
    if (!opened)
        fail(opened.error().message);
    return opened.ok();
}

int membersImport(const Invocation &invocation)
{
    const QString file = invocation.arguments.first();
    MemberImportOptions options;
    if (!readImportOptions(invocation, &options))
        return Usage;
    options.pointsAsOf = SystemClock().nowUtc(); // the file is the chain's balances as of now
    // Only members.db, but under the data folder's lock: one writing process per folder.
    QString error;
    if (!prepareDataDir(invocation.dataDir, &error))
        return fail(error);
    DataDirLock lock;
    if (const Status locked = lock.acquire(invocation.dataDir); !locked)
        return fail(locked.error().message);
    MemberStore store;
    if (const Status opened = store.open(invocation.dataDir); !opened)
        return fail(opened.error().message);
    const MemberImportReport report = store.importCsv(file, options);
    if (!report.ok)
        return importFailed(file, report);
    print(QStringLiteral("%1 %2 members: %3 new, %4 updated, %5 unchanged")
              .arg(importedWords(options.dryRun))
              .arg(report.members)
              .arg(report.added.size())
              .arg(report.updated.size())
              .arg(report.unchanged));
    printAddedAndUpdated(report);
    return Done;
}

int membersCount(const Invocation &invocation)
{
    MemberStore store;
    bool exists = false;
    if (!openIfExists(invocation, store, &exists))
        return Failed;
    const Result<qint64> count = exists ? store.count() : Result<qint64>(0);
    if (!count)
        return fail(count.error().message);
    print(QString::number(*count));
    return Done;
}

int membersFind(const Invocation &invocation)
{
    const QString wanted = invocation.arguments.first();
    MemberStore store;
    bool exists = false;
    if (!openIfExists(invocation, store, &exists))
        return Failed;
    if (!exists)
        return fail(QStringLiteral("No members yet: %1 does not exist (members import FILE.csv).")
                        .arg(QDir(invocation.dataDir).filePath(MemberStore::fileName())));
    // A phone number first: an 11-digit member id would read as one too.
    Result<std::optional<Member>> found = store.lookupByPhone(wanted);
    if (found && !*found)
        found = store.lookupById(wanted);
    if (!found)
        return fail(found.error().message);
    if (!*found)
        return fail(QStringLiteral("No member has the id or phone number “%1”.").arg(wanted));
    const Member &m = **found;
    const QString none = QStringLiteral("-");
    print(QStringLiteral("member %1").arg(m.id));
    print(QStringLiteral("phone %1")
              .arg(invocation.isSet(QStringLiteral("full-phone")) ? m.phone : m.maskedPhone()));
    print(QStringLiteral("name %1").arg(m.name.isEmpty() ? none : m.name));
    print(QStringLiteral("tier %1").arg(m.tier));
    print(QStringLiteral("points %1").arg(m.points));
    print(QStringLiteral("birthday %1").arg(m.birthday.isEmpty() ? none : m.birthday));
    print(QStringLiteral("consent %1")
              .arg(m.consent.isValid() ? m.consent.toString(Qt::ISODate) : none));
    return Done;
}

} // namespace

QList<Command> memberCommands()
{
    return {
        {{QStringLiteral("members"), QStringLiteral("import")},
         QStringLiteral("[--dry-run] [--encoding utf-8|gb18030] FILE.csv"),
         QStringLiteral("import or update members; a bad row rejects the whole file"),
         QStringLiteral("Adds new member ids and updates known ones from FILE.csv (the header and "
                        "rules of docs/operations.md, \"Members\") in one transaction, then "
                        "lists the new, updated and unchanged members. Members the file does not "
                        "list stay.\nThe first bad row (its line number and the reason) rejects "
                        "the whole file and changes nothing."),
         importOptions(),
         {QStringLiteral("FILE.csv")},
         membersImport},
        {{QStringLiteral("members"), QStringLiteral("count")},
         {},
         QStringLiteral("the number of members"),
         QStringLiteral("Prints the number of members in members.db (0 when there is none). "
                        "Reads only: no lock, so it works while the till runs."),
         {},
         {},
         membersCount},
        {{QStringLiteral("members"), QStringLiteral("find")},
         QStringLiteral("[--full-phone] ID-OR-PHONE"),
         QStringLiteral("show one member, by member id or phone number"),
         QStringLiteral("Prints the member with this phone number (any spelling: 138 0013 8000, "
                        "+86-138-0013-8000) or member id, the phone masked (138****8000) unless "
                        "--full-phone. Exit 1 when there is no such member. Reads only."),
         {{QStringLiteral("full-phone"), {}, QStringLiteral("print the whole phone number")}},
         {QStringLiteral("ID-OR-PHONE")},
         membersFind},
    };
}

} // namespace smartpos::admin
