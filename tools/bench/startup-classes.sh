#!/bin/sh
# Regenerates src/main/resources/vmalab/startup-classes.txt: the classes the window loads from the jar up to its
# first frame, in load order (the Launcher's preload thread loads them while the toolkit starts).
# Needs a display (DISPLAY=:N, e.g. Xvfb) and target/vmalab.jar (./mvnw -q -o -DskipTests package).
set -e
cd "$(dirname "$0")/../.."
log=$(mktemp)
state=$(mktemp -d)
java -Xlog:class+load=info:file="$log" -Dvmalab.startup.report=true -Dvmalab.state.dir="$state" \
    -Dvmalab.startup.preload=false -jar target/vmalab.jar >/dev/null 2>&1 || true
grep 'source: file:.*vmalab.jar$' "$log" | awk '{print $2}' \
    | grep -v -e '^vmalab\.app\.Launcher$' -e '^vmalab\.app\.StartupReport$' -e '^vmalab\.app\.StartupPreload' \
    > src/main/resources/vmalab/startup-classes.txt
rm -rf "$log" "$state"
wc -l src/main/resources/vmalab/startup-classes.txt
