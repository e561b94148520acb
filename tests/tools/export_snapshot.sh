#!/usr/bin/env bash
# Ingest fixed inputs and export every kind, to check that a refactor changes no output:
#
#   tests/tools/export_snapshot.sh OUTDIR [SET...]     # SET: seeds polnear timebank reuters (default: all)
#   diff -r BEFORE AFTER                               # byte-identical, or what changed
#
# Run from the project's root with ../shared beside it. SINORUS_CLI overrides the command
# (e.g. "python -m tui.cli" from another checkout).
set -euo pipefail
out="$1"; shift
sets=("${@:-seeds polnear timebank reuters}"); sets=(${sets[*]})
shared="${SHARED:-../shared}"
cli="${SINORUS_CLI:-sinorus-tui}"
mkdir -p "$out/in"
for s in "${sets[@]}"; do
  case "$s" in
    seeds) src=seeds/ ;;
    polnear) python3 "$shared/eval/make_input.py" polnear "$shared/corpora/polnear/dev" "$out/in/polnear.jsonl" >/dev/null
             src="$out/in/polnear.jsonl" ;;
    timebank) python3 "$shared/eval/make_input.py" timeml "$shared/corpora/timebank" "$out/in/timebank.jsonl" >/dev/null
              src="$out/in/timebank.jsonl" ;;
    reuters) head -n 2000 "$shared/corpora/reuters21578.jsonl" >"$out/in/reuters.jsonl"; src="$out/in/reuters.jsonl" ;;
    *) echo "unknown set: $s" >&2; exit 2 ;;
  esac
  db="$out/$s.db"; rm -f "$db" "$db-wal" "$db-shm"
  $cli ingest --db "$db" "$src" >"$out/$s.log" 2>&1
  mkdir -p "$out/$s"
  for k in articles entities mentions quotes timeline; do
    for f in jsonl csv; do $cli export "$k" --db "$db" --format "$f" -o "$out/$s/$k.$f"; done
  done
  rm -f "$db" "$db-wal" "$db-shm"
  echo "$s: $(wc -l <"$out/$s/quotes.jsonl") quotes, $(wc -l <"$out/$s/timeline.jsonl") timeline rows"
done
