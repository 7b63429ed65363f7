#!/bin/sh
# Records the import tests' fixtures: a capture of each test program (vmalab capture) and what this machine's
# procps pmap printed for it at the same moment (DIR.pmap, DIR.pmap-d, DIR.pmap-x).
#   tools/test-programs/record.sh [OUT]        (default src/test/resources/real/capture)
# VMALAB names the command (default: java -jar target/vmalab.jar).
set -e
cd "$(dirname "$0")/../.."
out=${1:-src/test/resources/real/capture}
vmalab=${VMALAB:-java -jar target/vmalab.jar}
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
gcc -O2 -o "$bin/hello" tools/test-programs/hello.c
gcc -O2 -static -o "$bin/hello-static" tools/test-programs/hello.c
gcc -O2 -o "$bin/many-vmas" tools/many-vmas/many-vmas.c
mkdir -p "$out"

record() { # NAME PID
    rm -rf "$out/$1"
    $vmalab capture "$2" "$out/$1"
    pmap "$2" > "$out/$1.pmap"
    pmap -d "$2" > "$out/$1.pmap-d"
    pmap -x "$2" > "$out/$1.pmap-x"
}

run() { # NAME COMMAND…: starts it on a FIFO, waits for "ready PID", records it, ends it
    name=$1; shift
    mkfifo "$bin/in-$name"
    "$@" < "$bin/in-$name" > "$bin/out-$name" &
    exec 9> "$bin/in-$name"
    while ! grep -q ready "$bin/out-$name"; do sleep 0.05; done
    record "$name" "$(awk '{print $2}' "$bin/out-$name")"
    exec 9>&-
    wait
}

run hello "$bin/hello"
run hello-static "$bin/hello-static"
run thousands "$bin/many-vmas" 3000
# a zombie: a child that exited and that its parent (this sleep's shell) has not reaped
sh -c 'sleep 0 & exec sleep 3' &
parent=$!
sleep 0.5
zombie=$(ps -o pid= --ppid "$parent" | tr -d ' ')
record zombie "$zombie"
wait "$parent" || true
# a kernel thread: kthreadd
record kthread 2
