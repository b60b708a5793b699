#pragma once

// The plumbing of smartpos-admin: subcommands with their own --help, one way to name a bad value,
// one prefix for messages and one exit code per kind of ending. Commands call the libraries; they
// hold no rules of their own.

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace smartpos {

class AppData;
struct CsvImportOptions;
struct CsvImportReport;

namespace admin {

// Exit codes of every command.
enum Exit : int {
    Done = 0,
    Failed = 1, // the command was understood but could not be done; the message says why
    Usage = 2,  // the command line is wrong; nothing was done
};

struct Option {
    QString name;      // without the dashes
    QString valueName; // empty: a flag
    QString help;
    bool required = false;
};

struct Invocation;

struct Command {
    QStringList path;    // {"ledger", "verify"}
    QString synopsis;    // what follows the path in a usage line: "[--full]"
    QString summary;     // one line for the command lists
    QString description; // the paragraph of its --help
    QList<Option> options;
    QStringList arguments; // positional, all required: {"FILE.csv"}
    std::function<int(const Invocation &)> run;
};

// A parsed command line.
struct Invocation {
    const Command *command = nullptr;
    QString dataDir;
    QString keyDir; // as given; empty: SMARTPOS_KEY_DIR or the default for the data folder
    QHash<QString, QString> values;
    QStringList arguments;

    bool isSet(const QString &option) const { return values.contains(option); }
    QString value(const QString &option, const QString &fallback = {}) const
    {
        return values.value(option, fallback);
    }
    // The whole number given for --option within [min, max], `fallback` when it was not given.
    // False after printing "--option: “abc” is not a number between min and max".
    bool number(const QString &option, qint64 min, qint64 max, qint64 fallback, qint64 *out) const;
    // The key folder this invocation uses (KeyFolder::resolve).
    QString resolvedKeyDir() const;
};

// Messages: every line on stderr starts with "smartpos-admin: ".
void print(const QString &text);                                     // stdout, one line
int fail(const QString &message);                                    // stderr; returns Failed
int usage(const QString &message, const Command *command = nullptr); // stderr; returns Usage

// False after printing why, when the data folder does not exist or is a file.
bool checkDataDirExists(const QString &dir);

// Import commands ([--dry-run] [--encoding NAME] FILE.csv): their options; the options given
// (false after printing the usage message); how the summary line starts; its "new: …" and
// "updated: …" lines; and the refusal ("FILE line N: reason — nothing was imported."; returns
// Failed).
QList<Option> importOptions();
bool readImportOptions(const Invocation &invocation, CsvImportOptions *options);
QString importedWords(bool dryRun);
void printAddedAndUpdated(const CsvImportReport &report);
int importFailed(const QString &file, const CsvImportReport &report);

// Opens the data folder for a writing command: the lock (one writer per data folder), settings,
// catalog and ledger. False after printing why.
bool openForWriting(const Invocation &invocation, AppData &data);

// The built-in commands: catalog import / generate / count, ledger verify / no-sale / start-over.
QList<Command> libraryCommands();

// Parses `args` (without the program name) against `commands` and runs the one named.
int run(const QStringList &args, const QList<Command> &commands);

} // namespace admin
} // namespace smartpos
