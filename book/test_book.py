#!/usr/bin/env python3
"""Reads every page of the course book in a real browser (headless Chromium) and fails on a broken one.

A page fails when it does not load, logs a console error, shows an image whose natural width is 0,
or has a previous/next/contents link that does not resolve to a page of the book. Screenshots of the
index and one lesson go to the output folder.

    python3 book/test_book.py target/book --screens target/book-test

The book is served on 127.0.0.1 (a random free port) for the test: pages load as a reader's browser
loads them, not from file:// (where Chromium blocks what a served page may load).
"""
import argparse
import functools
import http.server
import shutil
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urljoin, urlparse

# The flags that keep Chromium quiet on a machine with a closed network (no sync, no updates).
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--window-size=1200,1600"]
PAGE_SECONDS = 30


def serve(folder: Path):
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def browser(profile: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for f in CHROMIUM_FLAGS:
        opts.add_argument(f)
    opts.add_argument(f"--user-data-dir={profile}")
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(service=service, options=opts)
    driver.set_page_load_timeout(PAGE_SECONDS)
    driver.set_script_timeout(PAGE_SECONDS)
    return driver


def check_page(driver, base: str, rel: str, pages: set):
    """Returns the problems of one page."""
    problems = []
    url = urljoin(base, rel)
    try:
        driver.get(url)
    except Exception as e:
        return [f"did not load: {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"]
    state = driver.execute_script("return document.readyState")
    if state != "complete":
        problems.append(f"document not complete ({state})")
    if not driver.title:
        problems.append("has no title")
    # Wait for every image to decode, then look at its natural width.
    broken = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const imgs = Array.from(document.images);
        Promise.all(imgs.map(i => i.complete ? Promise.resolve() : new Promise(r => { i.onload = i.onerror = r; })))
          .then(() => done(imgs.map((img, k) => [k, img.naturalWidth, (img.src || '').slice(0, 60)])
                               .filter(x => x[1] === 0)));
    """)
    for k, _, src in broken:
        problems.append(f"image {k} has natural width 0 ({src})")
    for entry in driver.get_log("browser"):
        if entry.get("level") == "SEVERE":
            problems.append(f"console error: {entry.get('message', '')[:200]}")
    links = driver.execute_script("""
        return Array.from(document.querySelectorAll('nav.optpar-nav a')).map(a => [a.className, a.href]);
    """)
    for cls, href in links:
        path = urlparse(href).path.lstrip("/")
        if path not in pages:
            problems.append(f"{cls or 'nav'} link to {href} does not resolve to a page of the book")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("book", help="the built book (target/book)")
    ap.add_argument("--screens", default="target/book-test", help="where the screenshots go")
    args = ap.parse_args()
    book = Path(args.book).resolve()
    if not (book / "index.html").is_file():
        sys.exit(f"test_book: {book} has no index.html: build the book first (./course book)")
    pages = sorted(str(p.relative_to(book)) for p in book.rglob("*.html") if "_static" not in p.parts)
    screens = Path(args.screens).resolve()
    screens.mkdir(parents=True, exist_ok=True)
    server = serve(book)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    profile = Path(tempfile.mkdtemp(prefix="optpar-chromium-"))
    failed = 0
    driver = browser(profile)
    try:
        page_set = set(pages)
        for rel in pages:
            problems = check_page(driver, base, rel, page_set)
            if problems:
                failed += 1
                print(f"FAIL {rel}")
                for p in problems:
                    print(f"     {rel}: {p}")
            else:
                print(f"ok   {rel}")
        lessons = [p for p in pages if p != "index.html" and "/" not in p]
        for rel, name in [("index.html", "index.png")] + ([(lessons[min(1, len(lessons) - 1)], "lesson.png")] if lessons else []):
            driver.get(urljoin(base, rel))
            driver.save_screenshot(str(screens / name))
        print(f"screenshots in {screens}")
    finally:
        driver.quit()
        server.shutdown()
        shutil.rmtree(profile, ignore_errors=True)
    print(f"book pages: {len(pages) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
