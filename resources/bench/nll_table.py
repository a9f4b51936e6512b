"""Test NLL of each coupling type, with and without batch normalisation, on a few toy sets at
equal steps and several seeds: the table of issue 14's closing note (docs/building-blocks.md).

Python 3 standard library only. It drives the CLI jar: `dataset` writes one training and one test
CSV per set (the same files for every row, so rows differ only in the model), `entropy` gives the
set's H(p), and `train --data ... --test ...` runs one training at a time (never in parallel: the
machine's cores are shared). Each run's JSON result line is appended to a results file, so an
interrupted table resumes where it stopped; delete the file (or pass --fresh) to re-measure.

KL gap = test NLL - H(p): an estimate of KL(p||q) in nats. H(p) is the closed form where there is
one (checkerboard: log 32) and otherwise the `entropy` command's Monte-Carlo estimate with the
exact density (moons, 2spirals), whose standard error is printed beside it. The test NLL is on one
fixed test sample, so its sampling error (about std(-log q)/sqrt(n)) is common to every row.

Example (from the repository root, after `mvn -o -q -DskipTests package -Dflowexplorer.cds.skip=true`):
    python3 resources/bench/nll_table.py --steps 4000 --seeds 0,1,2
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--jar", default="app/target/flowexplorer.jar")
    p.add_argument("--java", default="java")
    p.add_argument("--datasets", default="moons,checkerboard,2spirals")
    p.add_argument("--couplings", default="affine,additive,spline")
    p.add_argument("--seeds", default="0,1,2", help="training seeds (initialisation and shuffling)")
    p.add_argument("--steps", type=int, default=4000)
    p.add_argument("--layers", type=int, default=8)
    p.add_argument("--hidden", default="64,64")
    p.add_argument("--batch", type=int, default=256)
    p.add_argument("--lr", default="0.001")
    p.add_argument("--n", type=int, default=8000, help="training points per set")
    p.add_argument("--test-n", type=int, default=4000, help="test points per set")
    p.add_argument("--data-seed", type=int, default=1001, help="seed of the training CSV; the test CSV uses +1")
    p.add_argument("--workdir", default="target/nll-table", help="CSVs and the results file go here")
    p.add_argument("--fresh", action="store_true", help="ignore results already in the workdir")
    return p.parse_args()


def run_json(cmd, want):
    """Runs a CLI command; returns its last JSON line whose "command" is `want`, or None (with the error)."""
    proc = subprocess.run(cmd, capture_output=True, text=True)
    result = None
    for line in proc.stdout.splitlines():
        line = line.strip()
        if line.startswith("{"):
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if obj.get("command") == want:
                result = obj
    if proc.returncode != 0 or result is None:
        err = (proc.stderr.strip().splitlines() or ["(no message)"])[-1]
        return None, "exit %d: %s" % (proc.returncode, err)
    return result, None


def make_data(args, java, name):
    paths = {}
    for part, n, seed in (("train", args.n, args.data_seed), ("test", args.test_n, args.data_seed + 1)):
        path = os.path.join(args.workdir, "%s-%s-n%d-s%d.csv" % (name, part, n, seed))
        if not os.path.exists(path):
            _, err = run_json(java + ["dataset", "--name", name, "--n", str(n), "--seed", str(seed),
                                      "--out", path], "dataset")
            if err:
                sys.exit("dataset %s: %s" % (name, err))
        paths[part] = path
    return paths


def entropy_of(java, name):
    e, err = run_json(java + ["entropy", "--dataset", name], "entropy")
    if err:
        return None
    closed = e["stderr_nats"] == 0.0 and "exact:" in e.get("method", "")
    return {"h": e["entropy_nats"], "se": e["stderr_nats"], "closed_form": closed}


def key_of(r):
    return (r["dataset"], r["coupling"], r["batchnorm"], r["seed"])


def load_done(path):
    done = {}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                if line.strip():
                    r = json.loads(line)
                    done[key_of(r)] = r
    return done


def mean_spread(values):
    """'mean ± sample std' over the seeds (n - 1 in the std), or why there is no number."""
    if not values:
        return "—"
    m = statistics.mean(values)
    s = statistics.stdev(values) if len(values) > 1 else 0.0
    return "%.3f ± %.3f" % (m, s)


def main():
    args = parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    java = [args.java, "-jar", args.jar]
    datasets = args.datasets.split(",")
    couplings = args.couplings.split(",")
    seeds = [int(s) for s in args.seeds.split(",")]
    config = {"steps": args.steps, "layers": args.layers, "hidden": args.hidden, "batch": args.batch,
              "lr": args.lr, "n": args.n, "test_n": args.test_n, "data_seed": args.data_seed}
    results_path = os.path.join(args.workdir, "results.jsonl")
    done = {} if args.fresh else load_done(results_path)
    done = {k: r for k, r in done.items() if r.get("config") == config}

    data = {name: make_data(args, java, name) for name in datasets}
    entropy = {name: entropy_of(java, name) for name in datasets}

    t0 = time.time()
    runs = [(d, c, bn, s) for d in datasets for c in couplings for bn in (False, True) for s in seeds]
    with open(results_path, "a") as out:
        for i, (d, c, bn, s) in enumerate(runs):
            if (d, c, bn, s) in done:
                continue
            cmd = java + ["train", "--data", data[d]["train"], "--test", data[d]["test"], "--coupling", c,
                          "--seed", str(s), "--steps", str(args.steps), "--layers", str(args.layers),
                          "--hidden", args.hidden, "--batch", str(args.batch), "--lr", args.lr]
            if bn:
                cmd.append("--batchnorm")
            res, err = run_json(cmd, "train")
            r = {"dataset": d, "coupling": c, "batchnorm": bn, "seed": s, "config": config,
                 "test_nll": res["test_nll"] if res else None, "train_nll": res["train_nll"] if res else None,
                 "wall_s": res["wall_s"] if res else None, "error": err}
            done[(d, c, bn, s)] = r
            out.write(json.dumps(r) + "\n")
            out.flush()
            print("[%d/%d %.0fs] %s %s%s seed %d: %s" % (i + 1, len(runs), time.time() - t0, d, c,
                  " +bn" if bn else "", s, err or "test NLL %.4f" % r["test_nll"]), file=sys.stderr)

    print_tables(args, config, datasets, couplings, seeds, done, entropy, time.time() - t0)


def cpu_name():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def table(heads, couplings, cell, datasets=None):
    """One markdown table: a row per coupling and batch norm, a column per data set (headed by `heads`)."""
    datasets = datasets or heads
    print("| coupling | batch norm | " + " | ".join(heads) + " |")
    print("|---|---|" + "---|" * len(heads))
    for c in couplings:
        for bn in (False, True):
            print("| %s | %s | " % (c, "yes" if bn else "no") + " | ".join(cell(d, c, bn) for d in datasets) + " |")


def print_tables(args, config, datasets, couplings, seeds, done, entropy, wall):
    def cell(d, c, bn, gap):
        vals = [done[(d, c, bn, s)]["test_nll"] for s in seeds
                if (d, c, bn, s) in done and done[(d, c, bn, s)]["test_nll"] is not None]
        failed = len(seeds) - len(vals)
        if gap:
            if entropy[d] is None:
                return "no H(p)"
            vals = [v - entropy[d]["h"] for v in vals]
        text = mean_spread(vals)
        return text + (" (%d failed)" % failed if failed else "")

    print("Config: %s; seeds %s; same train/test CSVs for every row; wall %.0f s for the runs made now"
          % (json.dumps(config), ",".join(map(str, seeds)), wall))
    print("Platform: %s, %s, %d cores" % (platform.platform(), cpu_name(), os.cpu_count()))
    print()
    print("Test NLL (nats, mean ± sample std over %d seeds; lower is better)" % len(seeds))
    print()
    table(datasets, couplings, lambda d, c, bn: cell(d, c, bn, False))
    print()
    print("KL gap = test NLL − H(p) (nats, mean ± sample std over the seeds)")
    print()
    heads = []
    for d in datasets:
        e = entropy[d]
        if e is None:
            heads.append("%s (no H(p))" % d)
        elif e["closed_form"]:
            heads.append("%s (H = %.4f, closed form)" % (d, e["h"]))
        else:
            heads.append("%s (H ≈ %.4f ± %.4f, Monte Carlo, no closed form)" % (d, e["h"], e["se"]))
    table(heads, couplings, lambda d, c, bn: cell(d, c, bn, True), datasets)

if __name__ == "__main__":
    main()
