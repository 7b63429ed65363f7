#!/bin/sh
# Start-up benchmark: time to the first painted frame of `java -jar target/vmalab.jar` (no arguments: the start
# page) against a bare JavaFX window (vmalab.bench.BareWindow, one label) from the same jar, the same JVM and
# the same flags. Both report with -Dvmalab.startup.report=true (ms since the JVM started, and the CPU time of
# all the process's threads to that frame, then they exit). Runs them in turn, A B A B …, after one warm-up
# pair, and prints each run, the medians and the ratios (CPU time is steadier than wall time on a busy machine).
#   DISPLAY=:91 tools/bench/startup.sh [RUNS]        (default 7; needs a display, e.g. Xvfb :91)
# Extra JVM flags for both: JAVA_FLAGS='-XX:TieredStopAtLevel=1' tools/bench/startup.sh
set -e
cd "$(dirname "$0")/../.."
runs=${1:-7}
[ -f target/vmalab.jar ] || ./mvnw -q -o -DskipTests package
mkdir -p target/bench-classes
javac -d target/bench-classes -cp target/vmalab.jar src/bench/java/vmalab/bench/BareWindow.java
state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT
frame() { # prints "FIRST-FRAME-MS CPU-MS" of one run of "$@"
    java $JAVA_FLAGS -Dvmalab.startup.report=true "$@" 2>/dev/null \
        | sed -n 's/^startup first-frame \([0-9]*\) ms$/\1/p; s/^startup cpu \([0-9]*\) ms$/\1/p' | tr '\n' ' '
}
app() { rm -rf "$state"/*; frame -Dvmalab.state.dir="$state" -jar target/vmalab.jar; }
bare() { frame -cp target/vmalab.jar:target/bench-classes 'vmalab.bench.BareWindow$Main'; }
app >/dev/null; bare >/dev/null
a=""; b=""; r=""; ca=""; cb=""; cr=""
i=0
while [ "$i" -lt "$runs" ]; do
    set -- $(app); x=$1; xc=$2
    set -- $(bare); y=$1; yc=$2
    echo "run $((i + 1)): app $x ms (cpu $xc ms), bare $y ms (cpu $yc ms)"
    a="$a $x"; b="$b $y"; r="$r $(echo "$x $y" | awk '{printf "%.3f", $1 / $2}')"
    ca="$ca $xc"; cb="$cb $yc"; cr="$cr $(echo "$xc $yc" | awk '{printf "%.3f", $1 / $2}')"
    i=$((i + 1))
done
median() { echo "$@" | tr ' ' '\n' | grep . | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
ma=$(median $a); mb=$(median $b); mr=$(median $r)
echo "median first frame: app $ma ms, bare $mb ms; ratio of medians $(echo "$ma $mb" | awk '{printf "%.2f", $1 / $2}'); median of pair ratios $mr (goal <= 1.5)"
echo "median CPU to the first frame: app $(median $ca) ms, bare $(median $cb) ms; median of pair ratios $(median $cr)"
