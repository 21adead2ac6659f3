# shellcheck shell=bash
# Salon as in production, minus the limits that would refuse a benchmark's load (issue 15): sourced by bench/http.sh,
# bench/ab.sh and bench/memory.sh, which pass these to the server with `env "${SALON_BENCH_SETTINGS[@]}" …`.
# shellcheck disable=SC2034
SALON_BENCH_SETTINGS=(
  ASPNETCORE_ENVIRONMENT=Benchmark
  Logging__LogLevel__Default=Warning
  PostingLimits__MinSecondsBetweenPosts=0 PostingLimits__NewMemberPeriod=00:00:00
  PostingLimits__NewMemberMaxTopics=1000000 PostingLimits__NewMemberMaxReplies=1000000
  RateLimits__Writes__PermitLimit=100000000 RateLimits__Writes__Window=00:00:01
  RateLimits__Screening__PermitLimit=100000000 RateLimits__Screening__Window=00:00:01
)

# The reply case's topics (bench/reply.lua reads them from WRK_TOPICS): the ids of the first 100 topics of $BOARD that
# take replies, comma-separated. reply_topics PORT TOKEN
reply_topics() {
  curl -fsS -H "Authorization: Bearer $2" "http://127.0.0.1:$1/api/boards/$BOARD/topics?limit=100" \
    | jq -r '[.items[] | select((.repliesWelcome != false) and (.isClosed != true) and (.status != "closed")) | .id] | join(",")'
}

# CPU ticks of one PostgreSQL cluster: the server listening on PORT (its command line says -p PORT, as scripts/pg-temp.sh
# starts it) and its children (the backends, which stay open in the servers' pools while wrk runs); other clusters on
# the machine are not counted. A backend that has exited counts too: the postmaster waited for it, so its CPU is in the
# postmaster's cutime/cstime (without them, backends closing during a measurement made it negative).
# postgres_cluster_ticks PORT
postgres_cluster_ticks() {
  local sum p postmaster try
  # The oldest process with the server's command line: a backend being forked has the same one for a moment, and once
  # process ids wrap it may have the lower id (taking the lowest id made a measurement's start or end about 0).
  for try in 1 2 3 4 5 6 7 8 9 10; do
    postmaster=$(pgrep -o -u postgres -f -- "-p $1( |$)" || true)
    [ -n "$postmaster" ] && break
    sleep 0.1
  done
  [ -n "$postmaster" ] || { echo "postgres_cluster_ticks: no PostgreSQL server on port $1" >&2; echo 0; return; }
  sum=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat" 2>/dev/null || echo 0)
  for p in $(pgrep -P "$postmaster" || true); do
    sum=$((sum + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$sum"
}
