#!/bin/sh
# Start-up of the SmartPOS GUI to its first screenshot, with 100k and with 1M products, timed
# with hyperfine; peak RSS with /usr/bin/time -v.
#
#   startup.sh BIN_DIR DATA_ROOT [TMP_ROOT]
#
# BIN_DIR holds smartpos and bench_catalogs; DATA_ROOT holds catalog-100k and catalog-1m (made
# by bench_catalogs when missing). Exit 77 (ctest: skipped) while smartpos is not built.
# Needs hyperfine and /usr/bin/time (Debian packages "hyperfine" and "time").
set -eu

BIN_DIR=${1:?usage: startup.sh BIN_DIR DATA_ROOT [TMP_ROOT]}
DATA_ROOT=${2:?usage: startup.sh BIN_DIR DATA_ROOT [TMP_ROOT]}
TMP_ROOT=${3:-${TMPDIR:-/tmp}}
RUNS=${SMARTPOS_STARTUP_RUNS:-20}
APP=${SMARTPOS_APP:-$BIN_DIR/smartpos}   # SMARTPOS_APP: time another build of the app

export QT_QPA_PLATFORM=offscreen

if [ ! -x "$APP" ]; then
    echo "bench_startup: $APP is not built yet; skipping." >&2
    exit 77
fi
for tool in hyperfine /usr/bin/time; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "bench_startup: $tool is missing (apt-get install hyperfine time)." >&2
        exit 1
    fi
done

# The generated catalogs (no-op when they are already there).
"$BIN_DIR/bench_catalogs" >/dev/null

mkdir -p "$TMP_ROOT"
WORK=$(mktemp -d "$TMP_ROOT/startup-XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM

# Private copies of the data directories: the app creates ledger.db and settings next to the
# catalog (and may migrate it), and the shared catalogs must stay as bench_catalogs made them.
for size in 100k 1m; do
    mkdir -p "$WORK/data-$size" "$WORK/shots-$size"
    cp "$DATA_ROOT/catalog-$size"/catalog.db* "$WORK/data-$size/"
    chmod 700 "$WORK/data-$size"
done

# One run each first, so a broken start-up fails loudly instead of being timed.
for size in 100k 1m; do
    if ! "$APP" --data-dir "$WORK/data-$size" --screenshot "$WORK/shots-$size" >"$WORK/first-$size.log" 2>&1; then
        echo "bench_startup: smartpos failed with $size products:" >&2
        cat "$WORK/first-$size.log" >&2
        exit 1
    fi
done
ls "$WORK/shots-1m" | sed 's/^/bench_startup: screenshot /'

echo "== start-up to screenshot and exit (hyperfine, $RUNS runs, 3 warm-ups) =="
hyperfine -N -w 3 -r "$RUNS" --style basic \
    --export-json "$WORK/startup.json" \
    -n "smartpos 100k products" "$APP --data-dir $WORK/data-100k --screenshot $WORK/shots-100k" \
    -n "smartpos 1M products" "$APP --data-dir $WORK/data-1m --screenshot $WORK/shots-1m"

# Medians (hyperfine's table shows the mean).
if command -v python3 >/dev/null 2>&1; then
    python3 - "$WORK/startup.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"median {r['median']*1000:7.1f} ms   min {r['min']*1000:7.1f} ms   max {r['max']*1000:7.1f} ms   {r['command']}")
PY
fi

echo "== peak RSS (/usr/bin/time -v) =="
for size in 100k 1m; do
    /usr/bin/time -v "$APP" --data-dir "$WORK/data-$size" --screenshot "$WORK/shots-$size" \
        >/dev/null 2>"$WORK/time-$size.log" || { cat "$WORK/time-$size.log" >&2; exit 1; }
    rss=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$WORK/time-$size.log")
    wall=$(sed -n 's/^[[:space:]]*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$WORK/time-$size.log")
    echo "peak RSS with $size products: $rss KiB ($((rss / 1024)) MiB), wall $wall"
done
