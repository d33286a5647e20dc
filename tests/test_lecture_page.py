"""The lecture page (index.html) in a real browser: Debian's chromium driven by playwright.

The two tiny test chapters (tests/fixtures) are built once at -ql, the page is opened from
file:// (and once from a local static server) and used like a viewer would: play, chapters,
transcript clicks, deep links, search, keys. Skipped only where chromium or playwright is
missing (``apt-get install chromium``; ``pip install playwright``; never ``playwright install``).
"""

from __future__ import annotations

import functools
import http.server
import io
import json
import re
import shutil
import threading
from pathlib import Path

import pytest

from lecture import page as lecture_page
from lecture.build import build
from lecture.manifest import lecture_title, load
from tests.test_lecture_build import TINY, _copy_fixtures

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def lecture(tmp_path_factory):
    """The tiny lecture built once at -ql (with its slides and page): the output folder."""
    root = tmp_path_factory.mktemp("page")
    fx = _copy_fixtures(root / "fixtures")
    log = io.StringIO()
    spec = str(fx / TINY.name)
    result = build(load(spec), out=root / "out", quality="l", jobs=2, live=False, stream=log,
                   title=lecture_title(spec))
    assert result.exit_status == 0, log.getvalue()
    assert result.title == "A tiny lecture"  # the manifest's own title, not this lecture's
    assert result.page == "written", log.getvalue()
    return root / "out"


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="playwright is not installed (pip install playwright)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Tab:
    """One page, recording every request that left file:/data: and every console error."""

    def __init__(self, browser, url: str, allowed: tuple[str, ...] = ("file:", "data:")):
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.network: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: None if r.url.startswith(allowed)
                     else self.network.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error"
                     else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(url)
        self.page.wait_for_function("document.getElementById('video').readyState >= 1",
                                    timeout=15_000)

    def time(self) -> float:
        return self.page.evaluate("document.getElementById('video').currentTime")

    def wait_time(self, t: float, tol: float = 0.5) -> float:
        self.page.wait_for_function(
            f"Math.abs(document.getElementById('video').currentTime - {t}) <= {tol}",
            timeout=10_000)
        return self.time()

    def close(self) -> None:
        self.page.close()


@pytest.fixture
def tab(browser, lecture):
    tabs = []

    def open_(fragment: str = "", **kw) -> Tab:
        t = Tab(browser, (lecture / "index.html").as_uri() + fragment, **kw)
        tabs.append(t)
        return t

    yield open_
    for t in tabs:
        t.close()


def _chapters(out: Path) -> list[dict]:
    return json.loads((out / "chapters.json").read_text())


def _clips(out: Path) -> list[dict]:
    return json.loads((out / "clips" / "index.json").read_text())


# --- the files ----------------------------------------------------------------------------------


def test_page_small_and_offline(lecture):
    files = [lecture / "index.html", *(lecture / "index_assets").rglob("*")]
    size = sum(p.stat().st_size for p in files if p.is_file())
    assert size < 1_000_000, size
    thumbs = sorted(p.name for p in (lecture / "index_assets" / "thumbs").glob("*.jpg"))
    assert thumbs == [Path(c["file"]).stem + ".jpg" for c in _chapters(lecture)]
    for p in files:
        if p.suffix in (".html", ".js", ".css"):
            assert not re.search(r"""(src|href)=["']?(https?:)?//|url\(\s*["']?https?:""",
                                 p.read_text()), p


def test_rebuild_leaves_page_alone_and_no_slides_drops_links(lecture, tmp_path):
    work = lecture / ".work"
    before = (lecture / "index.html").stat().st_mtime_ns
    title = lecture_title(str(TINY))  # the build took the manifest's own title
    assert lecture_page.build_page(lecture, work, title) == "up to date"
    assert (lecture / "index.html").stat().st_mtime_ns == before
    html = (lecture / "index.html").read_text()
    assert html.count("slides/lecture.html") >= 1
    # Built with --no-slides (or the deck failed): the page has no slide links at all.
    copy = tmp_path / "out"
    shutil.copytree(lecture, copy, ignore=shutil.ignore_patterns("media"))
    assert lecture_page.build_page(copy, copy / ".work", title, slides=False) == "written"
    plain = (copy / "index.html").read_text()
    assert "slides/lecture.html" not in plain and '"slides": null' in plain


# --- in the browser -----------------------------------------------------------------------------


def test_loads_offline_and_plays(tab, lecture, tmp_path):
    t = tab()
    t.page.click("#play")  # a real click: the browser lets it start playing with sound
    t.page.wait_for_function("""() => { const v = document.getElementById('video');
                                        return v.readyState >= 2 && v.currentTime > 0.4; }""",
                             timeout=15_000)
    assert t.page.evaluate("!document.getElementById('video').paused")
    t.page.screenshot(path=str(tmp_path / "lecture-page.png"))
    assert (tmp_path / "lecture-page.png").stat().st_size > 10_000
    assert t.network == [] and t.errors == []


def test_chapter_track_matches_chapters_json(tab, lecture):
    t = tab()
    t.page.wait_for_function(
        "document.querySelector('track[kind=chapters]').readyState === 2", timeout=10_000)
    cues = t.page.evaluate("""() => [...document.querySelector('track[kind=chapters]').track.cues]
                              .map(c => [c.id, c.startTime, c.endTime, c.text])""")
    listed = _chapters(lecture)
    assert [c[0] for c in cues] == [c["slug"] for c in listed]
    assert [c[3] for c in cues] == [c["title"] for c in listed]
    assert [c[1] for c in cues] == pytest.approx([c["start"] for c in listed], abs=1e-3)
    assert [c[2] for c in cues] == pytest.approx([c["end"] for c in listed], abs=1e-3)
    # Captions: on by default, as many cues as lecture.vtt; the list shows every chapter.
    assert t.page.evaluate("document.querySelector('track[kind=captions]').track.mode") == \
        "showing"
    titles = t.page.locator("#chapter-list a.chapter .title").all_inner_texts()
    assert titles == [c["title"] for c in listed]
    assert t.errors == []


def test_click_on_sentence_seeks_there(tab, lecture):
    t = tab()
    sentences = t.page.locator("#lines a.cue")
    srt = (lecture / "lecture.srt").read_text()
    starts = [float(h) * 3600 + float(m) * 60 + float(s.replace(",", "."))
              for h, m, s in re.findall(r"^(\d+):(\d\d):(\d\d,\d+) -->", srt, re.M)]
    assert sentences.count() == len(starts)
    chapters = _chapters(lecture)
    for i in (len(starts) - 1, 1):
        sentences.nth(i).click()
        t.wait_time(starts[i])
        t.page.wait_for_function(
            f"document.querySelectorAll('#lines a.cue')[{i}].getAttribute('aria-current')"
            " === 'true'", timeout=5_000)
        # The chapter list and the address follow.
        ch = [c for c in chapters if c["start"] <= starts[i] + 1e-3][-1]
        current = t.page.locator("#chapter-list a[aria-current=true] .title").inner_text()
        assert current == ch["title"]
        assert t.page.evaluate("location.hash").startswith(f"#beat={ch['slug']}/")
    assert t.errors == []


@pytest.mark.parametrize("how", ["t", "beat-slug", "beat-number", "t-clock"])
def test_deep_link_opens_at_its_moment(tab, lecture, how):
    clip = _clips(lecture)[-1]  # the last beat of the last chapter
    fragment = {
        "t": "#t=4.2", "t-clock": "#t=0:04.2",
        "beat-slug": f"#beat={clip['chapter']}/{clip['beat']}",
        "beat-number": f"#beat={clip['chapter_number']}/{clip['number']}",
    }[how]
    want = 4.2 if how.startswith("t") else clip["lecture_start"]
    t = tab(fragment)
    assert t.wait_time(want, tol=0.1) == pytest.approx(want, abs=0.1)
    assert t.errors == []


def test_search_finds_and_jumps(tab, lecture):
    t = tab()
    box = t.page.locator("#search")
    box.fill("circle")
    visible = t.page.locator("#lines a.cue:visible")
    assert visible.count() == 1 and "circle" in visible.inner_text()
    assert "1 sentence" in t.page.locator("#found").inner_text()
    box.press("Enter")
    cue = next(c for c in _clips(lecture) if any("circle" in n for n in c["notes"]))
    t.wait_time(cue["lecture_start"])
    box.fill("no such words here")
    assert t.page.locator("#lines a.cue:visible").count() == 0
    box.press("Escape")
    assert t.page.locator("#lines a.cue:visible").count() == len(_clips(lecture))
    assert t.errors == []


def test_keys(tab, lecture):
    t = tab()
    starts = [c["start"] for c in _chapters(lecture)]
    t.page.locator("body").focus()
    t.page.keyboard.press("k")
    t.wait_time(starts[1], tol=0.05)
    t.page.keyboard.press("j")  # right at a chapter start: the previous chapter
    t.wait_time(starts[0], tol=0.05)
    t.page.keyboard.press("ArrowRight")
    t.wait_time(5.0, tol=0.05)
    t.page.focus("#video")  # focused video: the page's keys act once, not twice
    t.page.keyboard.press("ArrowLeft")
    t.wait_time(0.0, tol=0.05)
    mode = "document.querySelector('track[kind=captions]').track.mode"
    t.page.keyboard.press("c")
    assert t.page.evaluate(mode) == "hidden"
    assert t.page.get_attribute("#cc", "aria-pressed") == "false"
    t.page.keyboard.press("c")
    assert t.page.evaluate(mode) == "showing"
    t.page.keyboard.press("Space")
    t.page.wait_for_function("!document.getElementById('video').paused", timeout=5_000)
    t.page.keyboard.press("/")
    assert t.page.evaluate("document.activeElement.id") == "search"
    assert t.errors == []


def test_slide_links_open_that_beat(browser, tab, lecture):
    t = tab()
    links = t.page.locator("#lines h4 a[href*='slides/lecture.html']")
    clips = _clips(lecture)
    assert links.count() == len(clips)
    href = links.nth(len(clips) - 1).get_attribute("href")
    deck = browser.new_page()
    path, _, fragment = href.partition("#")
    deck.goto((lecture / path).as_uri() + "#" + fragment)
    deck.wait_for_function("window.Reveal && Reveal.isReady()", timeout=10_000)
    assert deck.evaluate("Reveal.getIndices().h") == len(clips) - 1
    deck.close()


def test_served_by_a_static_server(browser, lecture):
    class Ranges(http.server.SimpleHTTPRequestHandler):
        """Answers Range requests like any real static host (http.server does not; without
        them browsers cannot seek in the video)."""

        def send_head(self):
            path = Path(self.translate_path(self.path))
            m = re.fullmatch(r"bytes=(\d+)-(\d*)", self.headers.get("Range", ""))
            if not m or not path.is_file():
                return super().send_head()
            data = path.read_bytes()
            end = min(int(m[2]) if m[2] else len(data) - 1, len(data) - 1)
            body = data[int(m[1]):end + 1]
            self.send_response(206)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Range", f"bytes {m[1]}-{end}/{len(data)}")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Accept-Ranges", "bytes")
            self.end_headers()
            return io.BytesIO(body)

        def log_message(self, *args) -> None:
            pass

    handler = functools.partial(Ranges, directory=str(lecture))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        t = Tab(browser, base + "index.html#t=3.5", allowed=(base, "data:"))
        t.wait_time(3.5, tol=0.1)
        assert t.network == [] and t.errors == []
        t.close()
    finally:
        server.shutdown()
        server.server_close()
