#!/usr/bin/env python3
"""Turns the verdicts the notebooks appended to OPTPAR_CLAIMS_FILE into the claims report.

    python3 claims_report.py RAW.csv OUTDIR [--times TIMES.csv] [--label TEXT]

RAW.csv has one row per verdict, as optpar.measure.Claim writes it:
notebook, claim, measured, outcome (held / not here / quick mode), mode (full / quick).
TIMES.csv (optional) has one row per notebook run: notebook, seconds, ok / failed.
OUTDIR gets claims.csv (notebook, claim, measured, outcome) and claims.md (the table, the held
percentage per notebook and in all, and the machine it ran on).
"""
import argparse
import csv
import datetime
import os
import platform
import sys
from collections import OrderedDict
from pathlib import Path


def machine():
    model = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, host {platform.node()}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("raw")
    ap.add_argument("outdir")
    ap.add_argument("--times", help="notebook,seconds,status rows (run_notebooks.py with OPTPAR_TIMES_FILE)")
    ap.add_argument("--label", default="", help="a line saying what this report covers (e.g. a partial run)")
    args = ap.parse_args()
    raw = Path(args.raw)
    if not raw.is_file():
        sys.exit(f"claims_report: '{raw}' is not a file: run the notebooks with OPTPAR_CLAIMS_FILE set first")
    rows = []
    with raw.open(newline="", encoding="utf-8") as f:
        for r in csv.reader(f):
            if len(r) < 4:
                continue
            rows.append({"notebook": r[0], "claim": r[1], "measured": r[2], "outcome": r[3],
                         "mode": r[4] if len(r) > 4 else ""})
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "claims.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["notebook", "claim", "measured", "outcome"])
        for r in rows:
            w.writerow([r["notebook"], r["claim"], r["measured"], r["outcome"]])

    by_nb = OrderedDict()
    for r in rows:
        by_nb.setdefault(r["notebook"] or "(unnamed)", []).append(r)
    times = {}
    if args.times and Path(args.times).is_file():
        with open(args.times, newline="", encoding="utf-8") as f:
            for r in csv.reader(f):
                if len(r) >= 2:
                    times[r[0]] = (r[1], r[2] if len(r) > 2 else "")
    for nb in times:                 # a notebook without verdicts (or that failed) still gets its row
        by_nb.setdefault(nb, [])
    held = sum(r["outcome"] == "held" for r in rows)
    modes = sorted({r["mode"] for r in rows if r["mode"]})
    pct = 100.0 * held / len(rows) if rows else 0.0
    md = ["# Claims report", ""]
    if args.label:
        md += [f"**{args.label}**", ""]
    md += [f"Run on {datetime.date.today().isoformat()}: {machine()}; mode: {', '.join(modes) or 'unknown'}.",
           "", f"**{held} of {len(rows)} claims held ({pct:.0f}%).** Each claim that did not hold says why in its "
           "notebook (the verdict line gives the reason it may not hold on some machines).", "",
           "| notebook | claims | held | run time |", "|---|---|---|---|"]
    for nb, rs in by_nb.items():
        h = sum(r["outcome"] == "held" for r in rs)
        share = f"{h} ({100.0 * h / len(rs):.0f}%)" if rs else "-"
        t = ""
        if nb in times:
            secs, status = times[nb]
            t = f"{int(secs) // 60} min {int(secs) % 60:02d} s" + (" (failed)" if status == "failed" else "")
        md.append(f"| {nb} | {len(rs)} | {share} | {t} |")
    md += ["", "| notebook | claim | measured | outcome |", "|---|---|---|---|"]
    for r in rows:
        cells = [r["notebook"], r["claim"], r["measured"], r["outcome"]]
        md.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    (out / "claims.md").write_text("\n".join(md) + "\n", encoding="utf-8")
    print(f"claims: {held} of {len(rows)} held ({pct:.0f}%); report in {out / 'claims.md'} and {out / 'claims.csv'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
