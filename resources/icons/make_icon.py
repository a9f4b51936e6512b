#!/usr/bin/env python3
"""Draws the app icon, flowexplorer.png (512 px) and flowexplorer.ico, with ImageMagick's convert.

    python3 resources/icons/make_icon.py

The motif is what the app shows: a grid bent by two coupling layers (each shifts one coordinate by a
function of the other), with points flowing along it from a two-moons shape (warm) to a round
Gaussian (cool). Plain Python for the coordinates; ImageMagick 6 or 7 draws them.
"""
import math
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
S = 512


def warp(x, y):
    """Two additive couplings: y += 0.22 sin(2.2 x), then x += 0.18 sin(2.4 y) (unit square coordinates)."""
    y = y + 0.11 * math.sin(2.2 * math.pi * x)
    x = x + 0.08 * math.sin(2.4 * math.pi * y)
    return x, y


def px(x, y):
    return 92 + 328 * x, 420 - 328 * y


def draws(primitives):
    """One -draw per primitive: ImageMagick cuts a long -draw text short (and @file is often forbidden by its policy)."""
    out = []
    for p in primitives:
        out += ["-draw", p]
    return out


def main():
    draw = []
    # the bent grid
    for k in range(7):
        t = k / 6
        for line in (lambda s: (t, s), lambda s: (s, t)):
            pts = [px(*warp(*line(i / 40))) for i in range(41)]
            draw.append("fill none stroke '#6f86b3' stroke-width 7 stroke-opacity 0.6 stroke-linecap round stroke-linejoin round "
                        "polyline " + " ".join("%.1f,%.1f" % p for p in pts))
    # points along a path from moon-like (left, warm) to round (right, cool)
    for i in range(26):
        a = i / 25
        x, y = warp(0.12 + 0.76 * a, 0.5 + 0.28 * math.sin(math.pi * (1.6 * a + 0.15)) * (1 - a))
        r = 19 - 6 * a
        red, green, blue = int(247 - 200 * a), int(140 + 70 * a), int(60 + 180 * a)
        cx, cy = px(x, y)
        draw.append("stroke none fill 'rgb(%d,%d,%d)' circle %.1f,%.1f %.1f,%.1f" % (red, green, blue, cx, cy, cx + r, cy))
    png = os.path.join(HERE, "flowexplorer.png")
    subprocess.run(["convert", "-size", "%dx%d" % (S, S), "gradient:#2a3752-#0f1420",
                    "(", "-size", "%dx%d" % (S, S), "xc:none", "-fill", "white", "-draw", "roundrectangle 8,8 503,503 96,96", ")",
                    "-compose", "DstIn", "-composite", "-compose", "Over",
                    *draws(draw), "-strip", png], check=True)
    subprocess.run(["convert", png, "-define", "icon:auto-resize=256,128,64,48,32,16",
                    os.path.join(HERE, "flowexplorer.ico")], check=True)
    print("wrote", png)


if __name__ == "__main__":
    main()
