#!/usr/bin/env python3
"""Fit the link model of `rules/lexicon/link_model.toml` on a labelled set of stories.

    python3 scripts/fit_link_model.py --set ../shared/eval/news --bin target/release/claimcheck

For every story of the set, runs `claimcheck graph STORY` with CLAIMCHECK_DEBUG_LINK=1,
which prints every candidate pair of value claims with its features. A pair is positive
when its two claims cover the two sides of a gold contradiction or lookalike (both are
one fact told twice), negative otherwise. Pairs that a hard rule of `meaning.rs` never
links (score 0) are left out. For each facet a logistic regression (classes weighed
equally, L2) is fitted on all stories and, to say how well it carries to unseen stories,
once per story with that story held out (the held-out AUC is printed beside the AUC of
the scores the binary gave). The features are general (relatedness, overlap, names):
no word of any story enters the model. Prints the TOML tables to paste into the file.

Needs numpy.
"""
import argparse
import glob
import json
import os
import re
import subprocess

import numpy as np

FEATURES = [
    "heads", "predicates_same", "predicates_differ", "predicates_differ_near", "measure",
    "event", "heads_differ", "names_shared", "names_differ", "subjects_differ", "core",
]


def facet(f):
    for k in ("relation", "statement", "date", "quantity"):
        if re.search(k + ": true", f):
            return k
    return "duration"


def inputs(f):
    g = lambda k: re.search(k + r": ([^,}]+)", f).group(1).strip()
    b = lambda k: 1.0 if g(k) == "true" else 0.0
    pred, names = g("predicates"), g("names")
    return [
        b("heads"), float(pred == "Some(true)"), float(pred == "Some(false)"),
        float(pred == "Some(false)" and b("predicates_near") == 1.0),
        min(float(g("measure")) / 1.5, 1.0), min(float(g("event")), 1.0), b("heads_differ"),
        float(names == "Some(true)"), float(names == "Some(false)"), b("subjects_differ"),
        b("core"),
    ]


def pairs(story, binary):
    gold = json.load(open(os.path.join(story, "gold.json"), encoding="utf-8"))
    env = dict(os.environ, CLAIMCHECK_DEBUG_LINK="1")
    err = subprocess.run([binary, "graph", story, "--format", "json"], capture_output=True,
                         text=True, env=env).stderr

    def ranges(side):
        text = open(os.path.join(story, side["doc"] + ".txt"), encoding="utf-8").read().encode()
        out = []
        for q in side["quotes"]:
            i = text.find(q.encode())
            out.append((i, i + len(q.encode())))
        return out

    sides = [(c["a"]["doc"], ranges(c["a"]), c["b"]["doc"], ranges(c["b"]))
             for c in gold.get("contradictions", []) + gold.get("traps", [])]
    hit = lambda c, d, r: c[0] == d and any(c[1] < e and c[2] > s for s, e in r)
    rows = []
    for line in err.splitlines():
        if not line.startswith("link\t"):
            continue
        f = line.split("\t")
        x = (f[1].rsplit(".", 1)[0], int(f[2]), int(f[3]))
        y = (f[5].rsplit(".", 1)[0], int(f[6]), int(f[7]))
        if float(f[9]) == 0.0 or facet(f[10]) == "relation":
            continue
        label = any((hit(x, da, ra) and hit(y, db, rb)) or (hit(y, da, ra) and hit(x, db, rb))
                    for da, ra, db, rb in sides)
        rows.append((facet(f[10]), inputs(f[10]), float(label), float(f[9])))
    return rows


def fit(x, y, l2=1.0, steps=3000, rate=0.5):
    w, b = np.zeros(x.shape[1]), 0.0
    weight = np.where(y == 1, (len(y) - y.sum()) / max(y.sum(), 1), 1.0)
    weight = weight / weight.mean()
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        w -= rate * (x.T @ ((p - y) * weight) / len(y) + l2 * w / len(y))
        b -= rate * ((p - y) * weight).mean()
    return w, b


def auc(scores, y):
    pos, neg = scores[y == 1], scores[y == 0]
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    return float(np.mean([(p > n) + 0.5 * (p == n) for p in pos for n in neg]))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", required=True)
    ap.add_argument("--bin", required=True)
    args = ap.parse_args()
    by_story = {s: pairs(s, args.bin) for s in sorted(glob.glob(os.path.join(args.set, "*", "")))}
    for name in ("quantity", "date", "duration", "statement"):
        rows = [(s, r) for s, rs in by_story.items() for r in rs if r[0] == name]
        x = np.array([r[1] for _, r in rows])
        y = np.array([r[2] for _, r in rows])
        if len(rows) == 0 or y.sum() == 0:
            continue
        w, b = fit(x, y)
        held = []
        for s in by_story:
            train = np.array([t != s for t, _ in rows])
            if (~train).sum() == 0 or y[~train].sum() == 0:
                continue
            ws, bs = fit(x[train], y[train])
            held.append(auc(x[~train] @ ws + bs, y[~train]))
        given = auc(np.array([r[3] for _, r in rows]), y)
        print(f"# {name}: {len(rows)} pairs, {int(y.sum())} one fact; AUC held out by story "
              f"{np.nanmean(held):.3f}, of the binary's scores {given:.3f}")
        print(f"[{name}]")
        print(f"bias = {b:.2f}")
        for k, v in zip(FEATURES, w):
            print(f"{k} = {v:.2f}")
        print()


if __name__ == "__main__":
    main()
