#!/bin/sh
# The first import of a fresh JVM (issue 10, cold): starts tools/many-vmas (vm.max_map_count VMAs), captures it,
# then runs vmalab.bench.ColdImport RUNS times per case, each in a new JVM, and prints the medians of the first
# import beside its anchors from the same JVM: the bare read of the same files (done first) and the same import
# again, warm (median of 3 more). Cases: the window's capture and live paths (a 1920x1080 Workbench under
# Monocle, File > Open capture… / Open process…) with the app's import warm-up off, on with the import at once
# after the first frame, and on after a 3 s pause; the same model calls headless.
#   tools/bench/cold-import.sh [RUNS] [VMAS]       (defaults 5 and vm.max_map_count)
# COLD_CP=CLASSPATH runs another build's jar and bench classes (the jar, Monocle, the compiled bench);
# COLD_ONLY=PATTERN runs only the cases whose name matches (grep), e.g. COLD_ONLY='warm-up off'.
set -e
cd "$(dirname "$0")/../.."
runs=${1:-5}
vmas=${2:-0}
[ -f target/vmalab.jar ] || ./mvnw -q -DskipTests package
work=$(mktemp -d)
trap 'exec 9>&-; rm -rf "$work"' EXIT
if [ -z "$COLD_CP" ]; then
    ./mvnw -q -Pbench dependency:build-classpath -Dmdep.outputFile="$work/deps" -Dmdep.includeScope=test > /dev/null
    deps=$(cat "$work/deps")
    mkdir -p target/cold-classes
    javac -proc:none -d target/cold-classes -cp "target/vmalab.jar:$deps" -sourcepath src/bench/java \
        src/bench/java/vmalab/bench/ColdImport.java src/bench/java/vmalab/app/BenchImport.java
    mon=$(echo "$deps" | tr ':' '\n' | grep openjfx-monocle)
    COLD_CP="target/vmalab.jar:$mon:target/cold-classes"
fi
gcc -O2 -o "$work/many-vmas" tools/many-vmas/many-vmas.c
mkfifo "$work/in"
"$work/many-vmas" "$vmas" < "$work/in" > "$work/out" &
exec 9> "$work/in"
while ! grep -q ready "$work/out"; do sleep 0.1; done
pid=$(awk '{print $2}' "$work/out")
echo "many-vmas: pid $pid, $(awk '{print $3}' "$work/out") lines in /proc/$pid/maps"
java -jar target/vmalab.jar capture "$pid" "$work/capture" > /dev/null
median() { echo "$@" | tr ' ' '\n' | grep . | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
case_() { # NAME FLAGS... -- ARGS...
    name=$1; shift
    if [ -n "$COLD_ONLY" ] && ! echo "$name" | grep -q -- "$COLD_ONLY"; then return 0; fi
    flags=""; while [ "$1" != "--" ]; do flags="$flags $1"; shift; done; shift
    f=""; w=""; b=""; rf=""; rb=""; we=""; i=0
    while [ "$i" -lt "$runs" ]; do
        java -Xmx4g $flags -cp "$COLD_CP" vmalab.bench.ColdImport "$@" > "$work/run" 2>/dev/null
        f="$f $(awk '$2 == "first-ms" {print $3}' "$work/run")"
        w="$w $(awk '$2 == "warm-ms" {print $3}' "$work/run")"
        b="$b $(awk '$2 == "bare-read-ms" {print $3}' "$work/run")"
        rf="$rf $(awk '$2 == "first/warm" {print $3}' "$work/run")"
        rb="$rb $(awk '$2 == "first/bare-read" {print $3}' "$work/run")"
        we="$we $(awk '$2 == "warm-up-ended-ms" {print $3}' "$work/run")"
        i=$((i + 1))
    done
    printf '%-44s first %7.1f ms  warm %7.1f ms  bare read %6.1f ms  first/warm %5.2f  first/read %6.2f  (load %s)\n' \
        "$name" "$(median $f)" "$(median $w)" "$(median $b)" "$(median $rf)" "$(median $rb)" \
        "$(cut -d' ' -f1 /proc/loadavg)"
    echo "    first: $f"
    if [ -n "$(echo $we)" ]; then echo "    the app's warm-up ended (ms after the window was ready): $we"; fi
}
echo "medians of $runs fresh JVMs each (first import; warm = median of 3 more in the same JVM):"
case_ "window capture, warm-up off" -Dcold.window=true -Dvmalab.import.warmup=false -- capture "$work/capture"
case_ "window capture, warm-up off, after 3 s" -Dcold.window=true -Dvmalab.import.warmup=false -Dcold.pause=3000 -- capture "$work/capture"
case_ "window capture, warm-up on, at once" -Dcold.window=true -- capture "$work/capture"
case_ "window capture, warm-up on, after 3 s" -Dcold.window=true -Dcold.pause=3000 -- capture "$work/capture"
case_ "window live, warm-up off" -Dcold.window=true -Dvmalab.import.warmup=false -- live "$pid"
case_ "window live, warm-up on, after 3 s" -Dcold.window=true -Dcold.pause=3000 -- live "$pid"
case_ "headless capture (load, model, prepare)" -- capture "$work/capture"
case_ "headless live" -- live "$pid"
