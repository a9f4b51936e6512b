#!/usr/bin/env bash
# Screenshots of the Flow Explorer window at projector and monitor sizes (issue 15, for the README).
#
#   resources/screenshots/take.sh [WIDTHxHEIGHT ...]      default: 1024x768 1280x800 1920x1080
#
# For each size: starts its own Xvfb of that size (no window manager: the window fills the screen),
# launches the app, drives it with xdotool and saves under resources/screenshots/:
#   <W>x<H>-1-before.png        the window once the model is ready, before training
#   <W>x<H>-2-trained.png       after TRAIN_SECONDS of training (density on)
#   <W>x<H>-3-presentation.png  presentation mode (F5: no control panel, 18 px text)
#   <W>x<H>-4-enlarged.png      the data plot enlarged (double-click on its title strip)
#   <W>x<H>-5-dark.png          the dark theme (-Dflowexplorer.theme=dark), trained DARK_SECONDS
#
# Builds nothing: with app/target/flowexplorer.jar and app/target/lib/ (mvn package) it runs the jar,
# otherwise `mvn -o -q javafx:run` (which compiles nothing new after `mvn -o -q -pl app -am compile`).
#
# Environment: DISPLAY_NUM (Xvfb display, default 99), TRAIN_SECONDS (20), DARK_SECONDS (10),
# READY_TIMEOUT (seconds to wait for the model to be ready, default 400: Maven and the first model
# build are slow on a loaded machine; the app's "[measure] model ready" line tells when),
# PLAY_AT ("x,y" of the toolbar's Play button, default 322,19), SETTLE (seconds for the window to
# follow a key or click, default 6: a loaded machine lags), OUT (output folder).
# Needs: Xvfb, xdotool, ImageMagick's import.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="${OUT:-$ROOT/resources/screenshots}"
DISPLAY_NUM="${DISPLAY_NUM:-99}"
TRAIN_SECONDS="${TRAIN_SECONDS:-20}"
DARK_SECONDS="${DARK_SECONDS:-10}"
READY_TIMEOUT="${READY_TIMEOUT:-400}"
PLAY_AT="${PLAY_AT:-322,19}"
SETTLE="${SETTLE:-6}"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1024x768 1280x800 1920x1080)
for tool in Xvfb xdotool import; do
    command -v "$tool" >/dev/null || { echo "take.sh: $tool is not installed" >&2; exit 1; }
done
mkdir -p "$OUT"
export DISPLAY=":$DISPLAY_NUM"
XVFB_PID=""
APP_PID=""

stop_app() {
    if [ -n "$APP_PID" ]; then
        kill -- "-$APP_PID" 2>/dev/null || kill "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
        APP_PID=""
    fi
}
stop_all() {
    stop_app
    if [ -n "$XVFB_PID" ]; then
        kill "$XVFB_PID" 2>/dev/null || true
        wait "$XVFB_PID" 2>/dev/null || true
        XVFB_PID=""
    fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# Starts the app with extra -D options ($@) in a process group of its own. The options go in
# JAVA_TOOL_OPTIONS: javafx:run forks its java without Maven's -D options, and so does a relaunch.
launch() {
    local jar="$ROOT/app/target/flowexplorer.jar"
    export JAVA_TOOL_OPTIONS="$*"
    if [ -f "$jar" ] && [ -d "$ROOT/app/target/lib" ]; then
        setsid java -jar "$jar" >"$OUT/.take-app.log" 2>&1 &
    else
        (cd "$ROOT" && exec setsid mvn -o -q javafx:run >"$OUT/.take-app.log" 2>&1) &
    fi
    APP_PID=$!
    unset JAVA_TOOL_OPTIONS
}

# Waits until the app reports its model ready (flowexplorer.measureFps logs it) and focuses its window.
wait_ready() {
    local waited=0
    until grep -q "model ready" "$OUT/.take-app.log" 2>/dev/null; do
        sleep 2
        waited=$((waited + 2))
        [ "$waited" -lt "$READY_TIMEOUT" ] || { echo "take.sh: model not ready after ${READY_TIMEOUT}s" >&2; exit 1; }
    done
    sleep 4 # the first frames with the model
    focus_window
}

# Gives the main window (not a tooltip's) the keyboard.
focus_window() {
    local wid
    wid="$(timeout 120 xdotool search --sync --onlyvisible --name 'Flow Explorer' | head -1)" || true
    [ -n "$wid" ] || { echo "take.sh: no Flow Explorer window (see $OUT/.take-app.log)" >&2; exit 1; }
    timeout 5 xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowfocus "$wid" || true
}

shot() {
    import -window root "$OUT/$1.png"
    echo "  $OUT/$1.png"
}

for size in "${SIZES[@]}"; do
    w="${size%x*}"
    h="${size#*x}"
    echo "== $size"
    Xvfb "$DISPLAY" -screen 0 "${w}x${h}x24" -nolisten tcp >/dev/null 2>&1 &
    XVFB_PID=$!
    sleep 2
    # measureFps: the app logs when its model is ready (and measures the frame rate once, harmlessly)
    common=(-Dflowexplorer.width="$w" -Dflowexplorer.height="$h" -Dflowexplorer.density=true
        -Dflowexplorer.measureFps=2)
    light=(-Dflowexplorer.theme=light) # the dark run below is remembered in the preferences

    launch "${common[@]}" "${light[@]}"
    wait_ready
    shot "$size-1-before"
    xdotool mousemove "${PLAY_AT%,*}" "${PLAY_AT#*,}" click 1
    sleep "$TRAIN_SECONDS"
    shot "$size-2-trained"
    # keys go to the window under the pointer: point at the data plot (no tooltip window there)
    xdotool mousemove 450 250
    focus_window
    xdotool key F5
    sleep "$SETTLE"
    shot "$size-3-presentation"
    focus_window
    xdotool key F5
    sleep "$SETTLE"
    # the data plot's title strip: just right of the control column, under the tab headers
    xdotool mousemove 450 92 click --repeat 2 --delay 80 1
    sleep "$SETTLE"
    shot "$size-4-enlarged"
    focus_window
    xdotool key Escape
    stop_app

    launch "${common[@]}" -Dflowexplorer.theme=dark
    wait_ready
    xdotool mousemove "${PLAY_AT%,*}" "${PLAY_AT#*,}" click 1
    sleep "$DARK_SECONDS"
    shot "$size-5-dark"
    stop_all
done
