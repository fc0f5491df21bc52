# Summarises pg-waits.txt (bench/ingest's 50 ms samples of the service's database sessions) against the SOS probe's
# per-press figures:
#   awk -F'|' -f summary.awk pg-waits.txt FS='\t' sos-city.json.samples.tsv
# pg-waits.txt: epoch_ms|pid|wait_event_type|wait_event|transaction_age_ms|query
# samples.tsv:  press id, press epoch ms, press -> alertRaised ms
#
# A commit "held by the WAL" is a run of samples of one session in COMMIT, waiting on WAL I/O (WALSync: the flush;
# WALInitWrite/WALInitSync: a new segment being zero-filled; WALWrite: the write itself) within one transaction.
# Its length is from the first to the last sample, so it is at least that long. Every other session committing at
# that time waits behind it (LWLock WALWrite).
FILENAME == ARGV[1] {
    if ($6 !~ /^COMMIT/ || $3 != "IO" || $4 !~ /^WAL/) next
    kind = ($4 ~ /^WALInit/) ? "WALInit" : $4
    t = $1 + 0
    io[++n] = t
    if (($2 in last) && t - last[$2] < 80 && $5 + 0 >= age[$2]) {
        span[$2] += t - last[$2]
    } else {
        held($2)
        span[$2] = 0
        what[$2] = kind
    }
    if (kind == "WALInit") what[$2] = kind
    last[$2] = t
    age[$2] = $5 + 0
    next
}
{
    presses++
    if ($3 + 0 <= 50) next
    slow++
    from = $2 + 0; to = from + $3
    for (i = 1; i <= n; i++) if (io[i] >= from && io[i] <= to) { overlapped++; break }
}
function held(pid) {
    if (span[pid] >= 50) { count[what[pid]]++; total++ }
    if (span[pid] >= 100) long[what[pid]]++
}
END {
    for (p in span) held(p)
    printf "commits held >= 50 ms by the WAL: %d", total + 0
    sep = " ("
    for (k in count) { printf "%s%s %d, of them >= 100 ms %d", sep, k, count[k], long[k] + 0; sep = "; " }
    printf "%s\n", (total > 0 ? ")" : "")
    printf "SOS presses over 50 ms: %d of %d; during %d of them a commit sat in WAL I/O\n", slow + 0, presses + 0, overlapped + 0
}
