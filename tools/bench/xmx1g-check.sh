#!/bin/sh
# Does a 1,000,000-page touch fit in -Xmx1g? Builds the jar (unless it is there) and runs
# `java -Xmx1g -jar target/vmalab.jar run` on src/test/resources/bench/touch-1m.vlab; prints PASS or FAIL and the
# time. Usage: tools/bench/xmx1g-check.sh [SCENARIO]   (from the repository root)
set -u
scenario=${1:-src/test/resources/bench/touch-1m.vlab}
if [ ! -f target/vmalab.jar ]; then
    ./mvnw -q -o -DskipTests package || exit 2
fi
start=$(date +%s.%N)
java -Xmx1g -jar target/vmalab.jar run "$scenario" >/dev/null 2>target/xmx1g-check.err
status=$?
end=$(date +%s.%N)
seconds=$(awk "BEGIN { printf \"%.1f\", $end - $start }")
if [ $status -eq 0 ]; then
    echo "xmx1g PASS seconds=$seconds scenario=$scenario"
else
    echo "xmx1g FAIL exit=$status seconds=$seconds scenario=$scenario: $(grep -m1 -o 'OutOfMemoryError.*' target/xmx1g-check.err || tail -n 1 target/xmx1g-check.err)"
    exit 1
fi
