#!/usr/bin/env python3
"""Renders a JMH JSON result file as Markdown: plain and Kiln side by side, with the ratio.

Usage: python3 docs/tools/jmh_table.py jmh-result.json > tables.md
A benchmark method named plainX pairs with kilnX (plain/kiln pair with each other); the ratio
is plain/Kiln time, so above 1 means Kiln is faster. Errors are JMH's 99.9% intervals.
"""
import json
import sys
from collections import OrderedDict


def key_of(b):
    name = b["benchmark"].rsplit(".", 1)
    cls, meth = name[0].rsplit(".", 1)[1], name[1]
    params = ", ".join(f"{k}={v}" for k, v in sorted((b.get("params") or {}).items()))
    return cls, meth, params


def main(path):
    data = json.load(open(path))
    groups = OrderedDict()
    for b in data:
        cls, meth, params = key_of(b)
        m = b["primaryMetric"]
        groups.setdefault(cls, []).append((meth, params, m["score"], m["scoreError"], m["scoreUnit"], b["mode"]))
    for cls, rows in groups.items():
        print(f"#### {cls}\n")
        pairs = OrderedDict()
        singles = []
        for meth, params, score, err, unit, mode in rows:
            if meth.startswith("plain") or meth.startswith("kiln"):
                side = "plain" if meth.startswith("plain") else "kiln"
                case = meth[len(side):] or "-"
                pairs.setdefault((case, params), {})[side] = (score, err, unit)
            else:
                singles.append((meth, params, score, err, unit, mode))
        if pairs:
            print("| case | params | plain | Kiln | plain/Kiln |")
            print("|---|---|---:|---:|---:|")
            for (case, params), sides in pairs.items():
                p = sides.get("plain")
                k = sides.get("kiln")
                fmt = lambda s: f"{s[0]:.3f} ± {s[1]:.3f} {s[2]}" if s else "—"
                ratio = f"{p[0] / k[0]:.2f}×" if p and k and k[0] else "—"
                print(f"| {case} | {params or '—'} | {fmt(p)} | {fmt(k)} | {ratio} |")
            print()
        if singles:
            print("| benchmark | params | mode | score |")
            print("|---|---|---|---:|")
            for meth, params, score, err, unit, mode in singles:
                print(f"| {meth} | {params or '—'} | {mode} | {score:.3f} ± {err:.3f} {unit} |")
            print()


if __name__ == "__main__":
    main(sys.argv[1])
