#!/usr/bin/env python3
"""Recomputes the TIV totals of claims/reference/sipri-israel.json from the
SIPRI trade register extract and reports any fact that disagrees.

Usage: python3 scripts/check_sipri_reference.py ../shared/reference/sipri/trade_register_israel_1995-2025_generated_2026-02-12.csv
Exit status 0 when every TIV fact matches the register, 1 otherwise, 2 on I/O error.
"""

import csv
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = os.path.join(HERE, "..", "claims", "reference", "sipri-israel.json")


def register_totals(path):
    """{(recipient, delivery_year): TIV in millions} from the register CSV."""
    totals = {}
    with open(path, encoding="utf-8") as f:
        rows = [line.rstrip(";\n") for line in f]
    start = next(i for i, r in enumerate(rows) if r.startswith("SIPRI AT Database ID"))
    for rec in csv.DictReader(rows[start:]):
        if rec.get("Supplier") != "Israel":
            continue
        try:
            year = int(rec["Delivery year"])
            tiv = float(rec["TIV delivery values"] or 0)
        except (KeyError, ValueError):
            continue
        key = (rec["Recipient"], year)
        totals[key] = totals.get(key, 0.0) + tiv
    return totals


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        totals = register_totals(sys.argv[1])
        facts = json.load(open(REFERENCE, encoding="utf-8"))["facts"]
    except OSError as err:
        print(err, file=sys.stderr)
        return 2
    bad = 0
    for fact in facts:
        if fact.get("unit") != "TIV":
            continue
        y0 = int(fact["time"]["start"][:4])
        y1 = int(fact["time"]["end"][:4])
        want = sum(totals.get((fact["object"], y), 0.0) for y in range(y0, y1 + 1)) * 1e6
        got = fact["value"]["low"]
        ok = abs(want - got) < 1.0
        bad += not ok
        print(f"{'ok  ' if ok else 'DIFF'} {fact['id']:<36} reference {got:>14,.0f}  register {want:>14,.0f}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
