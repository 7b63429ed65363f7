#!/bin/sh
# Import at the scale Linux allows: starts tools/many-vmas (vm.max_map_count VMAs, 65,530 by default), checks
# that `vmalab import --pid PID --show pmap-x` prints what `pmap -x PID` prints, then times the two end to end,
# in turn, RUNS times each (median and ratio), and runs the in-process benchmark (ImportBench) on the same
# process and on a capture of it.
#   tools/bench/import.sh [RUNS] [VMAS]          (defaults 7 and vm.max_map_count)
set -e
cd "$(dirname "$0")/../.."
runs=${1:-7}
vmas=${2:-0}
[ -f target/vmalab.jar ] || ./mvnw -q -DskipTests package
work=$(mktemp -d)
trap 'exec 9>&-; rm -rf "$work"' EXIT
gcc -O2 -o "$work/many-vmas" tools/many-vmas/many-vmas.c
mkfifo "$work/in"
"$work/many-vmas" "$vmas" < "$work/in" > "$work/out" &
exec 9> "$work/in"
while ! grep -q ready "$work/out"; do sleep 0.1; done
pid=$(awk '{print $2}' "$work/out")
echo "many-vmas: pid $pid, $(awk '{print $3}' "$work/out") lines in /proc/$pid/maps"
pmap -x "$pid" > "$work/real"
java -jar target/vmalab.jar import --pid "$pid" --show pmap-x > "$work/ours"
if cmp -s "$work/real" "$work/ours"; then echo "output: identical to pmap -x"; else echo "output: DIFFERS from pmap -x"; fi
now() { date +%s%N; }
a=""; b=""
i=0
while [ "$i" -lt "$runs" ]; do
    t0=$(now); pmap -x "$pid" > /dev/null; t1=$(now)
    java -jar target/vmalab.jar import --pid "$pid" --show pmap-x > /dev/null; t2=$(now)
    x=$(( (t1 - t0) / 1000000 )); y=$(( (t2 - t1) / 1000000 ))
    echo "run $((i + 1)): pmap -x $x ms, vmalab import --pid $y ms"
    a="$a $x"; b="$b $y"
    i=$((i + 1))
done
median() { echo "$@" | tr ' ' '\n' | grep . | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
ma=$(median $a); mb=$(median $b)
echo "median: pmap -x $ma ms, vmalab import --pid --show pmap-x $mb ms, ratio $(echo "$mb $ma" | awk '{printf "%.2f", $1 / $2}') (goal: at most 2)"
java -jar target/vmalab.jar capture "$pid" "$work/capture" > /dev/null
java -cp target/vmalab.jar src/bench/java/vmalab/bench/ImportBench.java "$pid" "$work/capture" "$runs"
