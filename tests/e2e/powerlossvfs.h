#pragma once

// A power-loss simulator for SQLite, the way SQLite's own crash tests work (src/test6.c): a VFS
// shim over the real "unix" VFS, registered as the default VFS so that every connection in the
// process — QtSql's QSQLITE driver and the ledger's own sqlite3_open calls, which share Debian's
// system libsqlite3 — goes through it.
//
// What it models (see docs/ledger.md, "Power loss"):
//
// * Files. Every write and truncate reaches the real file at once (that is the page cache: the
//   program reads what it wrote), and is also remembered as NOT YET DURABLE until an xSync of
//   that file. The durable image of a file is its content as of its last xSync.
// * Directory entries. A directory entry (a file created, or unlinked) is durable only after an
//   fsync of its directory. The shim sees those because this file also interposes fsync() and
//   fdatasync() for the whole process: SQLite's own directory syncs (unixSync() syncs the folder
//   once after creating a -journal or -wal, unixDelete() with dirSync), and the application's
//   (syncPath() in app/ledger/database.cpp, writeFileDurably()). A directory fsync makes the
//   folder's current listing durable; every fsync of a directory is also logged, so a test can
//   audit who syncs what.
// * The cut. arm(n) schedules a power cut at the n-th mutating operation from now (a write, a
//   truncate, a sync, a delete, the creation of a file, a directory fsync) in the watched folder.
//   That operation and every later one fails (SQLITE_IOERR, EIO): the machine is dead. What was
//   on its way to the disk is then decided by reboot().
// * The reboot. With every connection closed, reboot() rebuilds each file of the watched folder
//   as the disk could hold it: its durable image, plus each write not yet synced (in the order
//   they were issued) either applied whole, dropped, or torn at 512-byte sector boundaries (only
//   some of its sectors reach the disk; the file's size does); how much of each file the page
//   cache had written back is drawn per file (a third each way, nearly all, all, or nearly
//   none). A file whose creation was never made durable by a directory fsync may vanish, and a
//   file unlinked since the last directory fsync may come back (as its durable image plus any of
//   its later writes). -shm files are deleted (shared memory does not survive a reboot). Then
//   everything on disk is durable again and the model starts afresh.
//
// SMARTPOS_POWER_APP_DIRSYNC=0: directory fsyncs made by anything but libsqlite3 are done but
// not credited, as if SmartPOS never synced a folder (shows what SQLite's own syncs cover).
//
// Not modelled here: files outside the watched folder (the key folder's anchor is modelled by the
// test itself), and tearing inside a 512-byte sector (sectors are written whole).

#include <QByteArray>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

namespace powerloss {

struct RebootStats {
    int files = 0;          // files of the watched folder rebuilt
    int writesApplied = 0;  // unsynced writes (and truncates) that reached the disk whole
    int writesDropped = 0;  // … that were lost
    int writesTorn = 0;     // … of which only some sectors reached the disk
    int entriesLost = 0;    // files created since the last directory fsync that vanished
    int entriesRevived = 0; // files unlinked since the last directory fsync that came back
    QStringList log;        // one line per file: what happened to it
};

// Registers the shim as SQLite's default VFS (once per process) and sets the folder to model.
// Everything in `dir` as it is now counts as durable.
void watch(const QString &dir);
// Also counts every fsync in `dir` (of its files and of itself) as a mutating operation, so a
// cut can fall on one (only its contents up to that fsync are then durable; nothing more of the
// key folder is modelled). Empty: stops.
void watchKeyFolder(const QString &dir);
// Stops modelling (files are passed through untouched); the shim stays registered.
void unwatch();

// A power cut at the `operations`-th mutating operation from now (1 = the next one).
void arm(qint64 operations);
void disarm();
bool isDead();
// For the test of the test: an xSync of a -wal succeeds but makes nothing durable (a disk whose
// flushes lie, or synchronous=OFF).
void setSyncsLie(bool lie);
// Mutating operations on the watched folder since watch().
qint64 operations();
// Files of the watched folder the shim holds open (must be 0 before reboot()).
int openFiles();

// Rebuilds the watched folder as a rebooted machine finds it (see above), then revives the
// machine: the model restarts with everything on disk durable.
RebootStats reboot(QRandomGenerator &random);

// Whether the directory entry of `fileName` in the watched folder is durable now.
bool entryIsDurable(const QString &fileName);

// Every directory fsync()ed or fdatasync()ed in this process since the last clear, in order
// (absolute paths).
QStringList directorySyncs();
void clearDirectorySyncs();

} // namespace powerloss
