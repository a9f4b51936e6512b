#!/bin/bash
# Thumbnails of the shipped lessons, drawn by the app's own CLI (train, dataset, render).
set -e
cd "$(dirname "$0")/../.."
mvn -o -q compile dependency:build-classpath -pl app -am -Dmdep.outputFile=/tmp/fe-cp.txt
CP=app/target/classes:model/target/classes:$(cat /tmp/fe-cp.txt)
FE="java -Dflowexplorer.vector=false -cp $CP org.flowexplorer.app.Launcher"
T=$(mktemp -d); mkdir -p $T
OUT=app/src/main/resources/org/flowexplorer/app/lessons
$FE dataset --name moons --n 2000 --noise 0.1 --seed 0 --out $T/moons.csv
$FE dataset --name checkerboard --n 4000 --noise 0 --seed 0 --out $T/checker.csv
$FE train --data $T/moons.csv --layers 4 --hidden 64,64 --lr 0.005 --steps 600 --out $T/coupling.zip
$FE render --model $T/coupling.zip --data $T/moons.csv --view layers --layer 1 --out $OUT/coupling-layer.png --width 360 --height 240
$FE train --data $T/moons.csv --layers 1 --hidden 64,64 --lr 0.005 --steps 600 --out $T/one.zip
$FE render --model $T/one.zip --data $T/moons.csv --view latent --out $OUT/alternate-masks.png --width 360 --height 240
$FE train --data $T/checker.csv --layers 8 --hidden 64,64 --coupling additive --lr 0.003 --steps 1000 --out $T/additive.zip
$FE render --model $T/additive.zip --data $T/checker.csv --view density --out $OUT/affine-vs-additive.png --width 360 --height 240
$FE train --data $T/moons.csv --layers 8 --hidden 64,64 --lr 0.05 --steps 400 --save-diverged --out $T/diverge.zip || true
$FE render --model $T/diverge.zip --view loss --out $OUT/training-diverges.png --width 360 --height 240
