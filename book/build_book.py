#!/usr/bin/env python3
"""Builds the course book: every notebook with its outputs as a static HTML page, an index, and links.

The pages are rendered from *executed* notebooks (outputs included, charts as PNG inside the page),
so the book reads without a kernel. Executed copies newer than their sources are reused; the others
are executed first through the course's notebook runner (real Jupyter, the optpar-java kernel).

    python3 book/build_book.py --root . --executed target/book-executed --out target/book
    python3 book/build_book.py --root . --executed target/notebooks --out target/book --quick

Output: OUT/index.html, one page per lesson (OUT/NN-topic.html), one per solutions notebook
(OUT/solutions/NN-topic-solutions.html), OUT/claims.html when a claims report exists, and
OUT/_static (the page scripts nbconvert links to, served from the book itself, never a CDN).
"""
import argparse
import datetime
import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

STATIC_JS = {"mathjax": "/usr/share/javascript/mathjax", "requirejs": "/usr/share/javascript/requirejs"}


def lessons_and_solutions(root: Path):
    nbdir = root / "notebooks"
    lessons = sorted(p for p in nbdir.glob("*.ipynb"))
    solutions = sorted(p for p in (nbdir / "solutions").glob("*.ipynb"))
    return lessons, solutions


def stale(source: Path, executed: Path) -> bool:
    return not executed.is_file() or executed.stat().st_mtime < source.stat().st_mtime


def execute_missing(root: Path, executed_dir: Path, sources, quick: bool, timeout_s: int):
    """Runs the notebook runner on the notebooks that have no fresh executed copy."""
    todo = [s for s in sources if stale(s, executed_dir / s.relative_to(root / "notebooks"))]
    if not todo:
        print(f"book: all {len(sources)} executed notebooks in {executed_dir} are newer than their sources: reused")
        return
    print(f"book: executing {len(todo)} notebook(s) ({'quick' if quick else 'full'} size) into {executed_dir}")
    env = dict(os.environ, OPTPAR_QUICK="1" if quick else "0")
    cmd = [sys.executable, str(root / "src/test/notebooks/run_notebooks.py"), "--kernel", "optpar-java",
           "--root", str(root), "--out", str(executed_dir)] + [str(s) for s in todo]
    # The runner bounds every notebook itself; this bound catches a runner that cannot.
    proc = subprocess.run(cmd, env=env, timeout=timeout_s)
    if proc.returncode != 0:
        # A failed notebook still has its outputs up to the failure: the page shows them, and says so.
        print("book: some notebooks failed (see above); their pages show the outputs they produced")


def readme_notebook_table(root: Path) -> str:
    """The README's notebook table (the rows between '## The notebooks' and the next heading), as HTML rows."""
    text = (root / "README.md").read_text(encoding="utf-8")
    m = re.search(r"^## The notebooks\n(.*?)(?=^## )", text, re.S | re.M)
    rows = []
    if m:
        for line in m.group(1).splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) == 2 and cells[0].startswith("`"):
                rows.append((cells[0].strip("`"), cells[1]))
    return rows


def inline_markdown(s: str) -> str:
    s = html.escape(s)
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", s)


NAV_CSS = """
<link rel="icon" href="data:,">
<style>
.optpar-nav{display:flex;justify-content:space-between;gap:1em;flex-wrap:wrap;font:15px/1.4 system-ui,sans-serif;
 padding:.6em 1em;margin:0 0 1em 0;background:#f3f5f8;border-bottom:1px solid #d0d7de}
.optpar-nav a{text-decoration:none;color:#0b57d0}
.optpar-nav .title{font-weight:600}
@media (max-width:600px){.optpar-nav{font-size:14px}.jp-Cell{padding:0 !important}}
</style>
"""


def nav(prev, up, nxt, extra=""):
    def link(target, label, rel):
        if not target:
            return f'<span class="{rel}"></span>'
        return f'<a class="{rel}" rel="{rel}" href="{html.escape(target[0])}">{label} {html.escape(target[1])}</a>'
    return (f'<nav class="optpar-nav">{link(prev, "&larr;", "prev")}'
            f'<a class="up" href="{html.escape(up)}">Contents</a>{extra}{link(nxt, "&rarr;", "next")}</nav>')


def render(executed: Path, out: Path, nav_html: str, static_prefix: str, title: str):
    import nbformat
    from nbconvert import HTMLExporter
    nb = nbformat.read(str(executed), as_version=4)
    exporter = HTMLExporter(template_name="lab")
    # Scripts come from the book's own _static folder, so a page served on 127.0.0.1 loads them.
    exporter.mathjax_url = f"{static_prefix}_static/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"
    exporter.require_js_url = f"{static_prefix}_static/requirejs/require.min.js"
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    body = re.sub(r"<title>.*?</title>", f"<title>{html.escape(title)} · optpar</title>", body, count=1, flags=re.S)
    body = body.replace("</head>", NAV_CSS + "</head>", 1)
    body = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + nav_html, body, count=1)
    body = body.replace("</body>", nav_html + "</body>", 1)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(body, encoding="utf-8")


def page_title(path: Path) -> str:
    return path.stem


def latest_claims(root: Path):
    reports = sorted((root / "benchmarks").glob("results-*/claims.md"))
    return reports[-1] if reports else None


def write_index(out: Path, root: Path, lessons, solutions, machine: str, quick: bool, claims: Path):
    table = readme_notebook_table(root)
    teaches = dict(table)
    sol_by_lesson = {s.stem.replace("-solutions", ""): s for s in solutions}
    rows = []
    for p in lessons:
        sol = sol_by_lesson.get(p.stem)
        sol_link = f'<a href="solutions/{html.escape(sol.stem)}.html">solutions</a>' if sol else ""
        rows.append(f'<tr><td><a href="{html.escape(p.stem)}.html">{html.escape(p.stem)}</a></td>'
                    f'<td>{inline_markdown(teaches.get(p.stem, ""))}</td><td>{sol_link}</td></tr>')
    claims_link = '<p><a href="claims.html">The claims report</a>: every verdict the notebooks printed, held or not.</p>' if claims else ""
    size = "quick mode (the tests' small sizes)" if quick else "full size"
    first = f"{lessons[0].stem}.html" if lessons else "index.html"
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>optpar · Your code is slow. Now what?</title>{NAV_CSS}
<style>body{{font:16px/1.5 system-ui,sans-serif;max-width:60em;margin:0 auto;padding:0 1em}}
table{{border-collapse:collapse;width:100%}}td,th{{border-bottom:1px solid #d0d7de;padding:.35em .5em;text-align:left;vertical-align:top}}</style>
</head><body>
<nav class="optpar-nav"><span class="prev"></span><span class="title">optpar</span><a class="next" rel="next" href="{first}">Start &rarr;</a></nav>
<h1>Your code is slow. Now what?</h1>
<p>An interactive course in Java notebooks on optimization and parallelization. Each page is a notebook
with the outputs it produced, measured at {size} on: <b>{html.escape(machine)}</b>, built {datetime.date.today().isoformat()}.
Your machine will give other numbers: run the notebooks yourself (<code>./course start</code>) to see them.</p>
<table><tr><th>notebook</th><th>what it teaches</th><th></th></tr>
{''.join(rows)}
</table>
{claims_link}
</body></html>
"""
    (out / "index.html").write_text(page, encoding="utf-8")


def write_claims(out: Path, claims: Path):
    from nbconvert.filters.markdown_mistune import markdown2html_mistune
    body = markdown2html_mistune(claims.read_text(encoding="utf-8"))
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Claims report · optpar</title>{NAV_CSS}
<style>body{{font:15px/1.45 system-ui,sans-serif;max-width:70em;margin:0 auto;padding:0 1em}}
table{{border-collapse:collapse}}td,th{{border-bottom:1px solid #d0d7de;padding:.3em .5em;text-align:left}}</style></head><body>
{nav(None, "index.html", None)}
{body}
</body></html>"""
    (out / "claims.html").write_text(page, encoding="utf-8")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=".")
    ap.add_argument("--executed", default="target/book-executed", help="folder of executed notebooks (reused when fresh)")
    ap.add_argument("--out", default="target/book")
    ap.add_argument("--quick", action="store_true", help="execute missing notebooks at quick-mode sizes")
    ap.add_argument("--machine", default="", help="the line naming the machine the outputs were measured on")
    ap.add_argument("--timeout", type=int, default=3 * 3600, help="bound on executing the missing notebooks (s)")
    args = ap.parse_args()

    root = Path(args.root).resolve()
    executed_dir = Path(args.executed).resolve()
    out = Path(args.out).resolve()
    lessons, solutions = lessons_and_solutions(root)
    if not lessons:
        sys.exit(f"book: no notebooks in {root / 'notebooks'}")
    execute_missing(root, executed_dir, lessons + solutions, args.quick, args.timeout)

    if out.exists():
        shutil.rmtree(out)
    (out / "_static").mkdir(parents=True)
    for name, src in STATIC_JS.items():
        if Path(src).is_dir():
            os.symlink(src, out / "_static" / name)   # 54 MB of MathJax: linked, not copied

    missing = [s for s in lessons + solutions if not (executed_dir / s.relative_to(root / "notebooks")).is_file()]
    if missing:
        sys.exit(f"book: no executed copy of {', '.join(m.name for m in missing)} in {executed_dir}")

    sol_by_lesson = {s.stem.replace("-solutions", ""): s for s in solutions}
    for i, p in enumerate(lessons):
        prev = (f"{lessons[i - 1].stem}.html", lessons[i - 1].stem) if i > 0 else None
        nxt = (f"{lessons[i + 1].stem}.html", lessons[i + 1].stem) if i + 1 < len(lessons) else None
        sol = sol_by_lesson.get(p.stem)
        extra = f'<a class="solutions" href="solutions/{html.escape(sol.stem)}.html">Solutions</a>' if sol else ""
        render(executed_dir / p.name, out / f"{p.stem}.html", nav(prev, "index.html", nxt, extra), "", p.stem)
    for i, s in enumerate(solutions):
        prev = (f"{solutions[i - 1].stem}.html", solutions[i - 1].stem) if i > 0 else None
        nxt = (f"{solutions[i + 1].stem}.html", solutions[i + 1].stem) if i + 1 < len(solutions) else None
        lesson = s.stem.replace("-solutions", "")
        extra = f'<a class="lesson" href="../{html.escape(lesson)}.html">Lesson</a>'
        render(executed_dir / "solutions" / s.name, out / "solutions" / f"{s.stem}.html",
               nav(prev, "../index.html", nxt, extra), "../", s.stem)

    claims = latest_claims(root)
    if claims:
        write_claims(out, claims)
    write_index(out, root, lessons, solutions, args.machine or "this machine", args.quick, claims)
    print(f"book: {len(lessons)} lessons and {len(solutions)} solutions in {out} (open {out / 'index.html'})")


if __name__ == "__main__":
    main()
