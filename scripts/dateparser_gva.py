#!/usr/bin/env python3
"""Reference point for claimcheck's date evaluation on GVA news (issue 3).

For every article of gva_dev.jsonl, runs dateparser's ``search_dates`` with
RELATIVE_BASE = the article's publication date (``dct``) and English only, and
counts the articles in which some found date falls exactly on the incident's
``date``. Prints one JSON object on stdout:

    {"tool": "dateparser", "version": "...", "articles": N, "hits": H,
     "articles_with_dates": D, "seconds": S}

Exit status: 0 on success, 3 when dateparser is not installed (so the caller
can report "skipped"), 2 on an I/O error.

Usage: python3 scripts/dateparser_gva.py ../shared/eval/gva/gva_dev.jsonl
Install: python3 -m venv target/eval-venv && target/eval-venv/bin/pip install dateparser
"""

import datetime as dt
import json
import sys
import time
import warnings


def incident_date(text):
    for fmt in ("%B %d, %Y", "%Y-%m-%d", "%b %d, %Y"):
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            pass
    return None


def main():
    if len(sys.argv) != 2:
        print("usage: dateparser_gva.py GVA_JSONL", file=sys.stderr)
        return 2
    try:
        import dateparser
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser is not installed", file=sys.stderr)
        return 3
    warnings.simplefilter("ignore")
    try:
        lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
    except OSError as err:
        print(f"{sys.argv[1]}: {err}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    articles = hits = with_dates = 0
    for line in lines:
        if not line.strip():
            continue
        incident = json.loads(line)
        want = incident_date(incident.get("date", ""))
        for art in incident.get("articles", []):
            articles += 1
            dct = art.get("dct")
            base = dt.datetime.strptime(dct, "%Y-%m-%d") if dct else None
            settings = {"RELATIVE_BASE": base} if base else {}
            try:
                found = search_dates(
                    art.get("content", ""), languages=["en"], settings=settings
                ) or []
            except Exception:  # dateparser raises on some odd inputs
                found = []
            if found:
                with_dates += 1
            if want and any(d.date() == want for _, d in found):
                hits += 1
    print(
        json.dumps(
            {
                "tool": "dateparser",
                "version": getattr(dateparser, "__version__", "?"),
                "articles": articles,
                "hits": hits,
                "articles_with_dates": with_dates,
                "seconds": round(time.perf_counter() - started, 2),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
