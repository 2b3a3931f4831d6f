#!/bin/sh
# test-valgrind.sh CLI SRCDIR: pt97112-cli's commands under valgrind's memcheck, as TAP.
#
# Each command must run without a memory error and without a definite leak. valgrind's own
# failures exit 99, so they stay apart from the program's status (check and conformance exit 1
# when they find something, which is no memory error).
set -u

cli=$1
data=$2/data
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pt-valgrind-XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# GLib's slice allocator hides leaks from valgrind; plain malloc shows them.
export G_SLICE=always-malloc
export G_DEBUG=gc-friendly

printf '%s\n' \
  '{"id": "v1", "method": "cms", "blocks": [{"code": "97112", "minutes": 24}, {"code": "97110", "minutes": 23}]}' \
  '{"id": "v2", "method": "ama", "blocks": [{"code": "97530", "minutes": 38}]}' \
  'not json' \
  '{"id": "v4", "blocks": [{"code": "97112", "minutes": -3}]}' > "$tmp/visits.jsonl"

n=0
failed=0

# run NAME EXPECTED-STATUSES ARGS...
run() {
  name=$1
  want=$2
  shift 2
  n=$((n + 1))
  status=0
  valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99 \
    --log-file="$tmp/valgrind-$n.log" "$cli" "$@" > "$tmp/out-$n.txt" 2>&1 || status=$?
  case " $want " in
    *" $status "*)
      echo "ok $n - $name"
      ;;
    *)
      echo "not ok $n - $name (exit status $status, expected $want)"
      sed 's/^/# /' "$tmp/valgrind-$n.log"
      tail -n 5 "$tmp/out-$n.txt" | sed 's/^/# out: /'
      failed=$((failed + 1))
      ;;
  esac
}

echo "1..12"
run "allocate CODE=MINUTES" "0" allocate 97112=24 97110=23
run "allocate --json --method ama" "0" allocate --json --method ama 97112=20 97110=18 --untimed 97010
run "allocate --jsonl with a bad line" "0" allocate --jsonl "$tmp/visits.jsonl"
run "check a visit" "0 1" check "$data/checks/scenario-a.ptvisit.json"
run "check --json a visit" "0 1" check --json "$data/checks/scenario-b.ptvisit.json"
run "check a malformed visit" "2" check "$data/bad/visit-minutes-negative.json"
run "codes" "0" codes
run "codes --json QUERY" "0" codes --json balance
run "scenarios --json" "0" scenarios --json
run "conformance" "0" conformance "$data/allocation.json"
run "audit" "0 1" audit "$data/audit/claims.csv"
run "audit --json with bad rows" "0 1 2" audit --json "$data/audit/bad-rows.csv"

[ $failed -eq 0 ]
