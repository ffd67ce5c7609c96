"""Real-browser fixtures: Debian's Chromium driven by Playwright, against pytest-django's live server.

The tests skip, saying why, when Chromium (apt package ``chromium``) or axe-core (``npm ci``) is
missing; with ``PRAXIS_REQUIRE_BROWSER=1`` (set by .ci/run) they fail instead, so that CI always
runs them. No request may leave the live server: every other host is blocked and recorded.
"""

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.db import connections

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("PRAXIS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ASSET_BUDGET = 200 * 1024  # bytes of CSS + JavaScript per page


SKIPPED_BECAUSE = []


def _unavailable(reason):
    if os.environ.get("PRAXIS_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (PRAXIS_REQUIRE_BROWSER=1: the browser tests must run)")
    SKIPPED_BECAUSE.append(reason)
    pytest.skip(reason)


def pytest_terminal_summary(terminalreporter):
    """Say plainly, at the end of the run, that the browser tests did not run, and why."""
    if SKIPPED_BECAUSE:
        terminalreporter.write_sep("=", "BROWSER TESTS SKIPPED", yellow=True, bold=True)
        terminalreporter.write_line(SKIPPED_BECAUSE[0])
        terminalreporter.write_line(
            "To run them: apt-get install chromium && npm ci (CI sets PRAXIS_REQUIRE_BROWSER=1)."
        )


def _missing():
    """Why the browser tests cannot run here, or None."""
    if not CHROMIUM.exists():
        return f"browser tests skipped: {CHROMIUM} is absent (apt-get install chromium to run them)"
    if not AXE_JS.exists():
        return "browser tests skipped: node_modules/axe-core is absent (run npm ci)"
    return None


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The slow browser tests first among the browser tests (pytest-django's order otherwise
    kept): as xdist hands the tests out to the workers that are free, both then finish at about
    the same time instead of one waiting for the other's last long journey."""
    places = [i for i, item in enumerate(items) if item.get_closest_marker("browser")]
    ordered = sorted(
        (items[i] for i in places), key=lambda item: not item.get_closest_marker("slow")
    )
    for place, item in zip(places, ordered, strict=True):
        items[place] = item


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Skip (or fail, in CI) before any fixture, such as the database or the demo corpus, runs."""
    if item.get_closest_marker("browser") and _missing():
        _unavailable(_missing())


@pytest.fixture(scope="package")
def browser(django_db_setup):
    if _missing():
        _unavailable(_missing())
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover
        _unavailable("browser tests skipped: the playwright Python package is not installed")
    # Playwright's sync API keeps an event loop running in this thread while the browser is open;
    # the ORM calls of the tests (and of the live server sharing an in-memory SQLite connection)
    # stay synchronous. Set only for the lifetime of this package's browser.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    # With an event loop running, Django hands this thread new connection objects (asgiref's
    # Local switches to context-local storage): give them the test database's serialized
    # contents, which serialized_rollback restores at the start of each test.
    serialized = {
        alias: getattr(connections[alias], "_test_serialized_contents", None)
        for alias in connections
    }
    playwright = sync_playwright().start()
    for alias, contents in serialized.items():
        if contents is not None:
            connections[alias]._test_serialized_contents = contents
    try:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    except Exception as exc:  # pragma: no cover — a broken Chromium install
        playwright.stop()
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        _unavailable(f"browser tests skipped: Chromium does not start ({exc})")
    yield browser
    browser.close()
    connections.close_all()  # the connections opened while the event loop ran
    playwright.stop()
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@dataclass
class Traffic:
    """Requests to other hosts, blocked and recorded for the whole browser context."""

    blocked: list = field(default_factory=list)


@pytest.fixture
def traffic():
    return Traffic()


def asset_sizes(page):
    """{url: bytes} of the stylesheets and scripts the current page loaded (Resource Timing).

    Decoded sizes: what the files weigh without compression, an upper bound of the transfer.
    """
    return page.evaluate(
        """() => {
            const sizes = {};
            for (const entry of performance.getEntriesByType('resource')) {
                const path = new URL(entry.name).pathname;
                if (entry.initiatorType === 'script' || /\\.(css|m?js)$/.test(path)
                    || (entry.initiatorType === 'link' && !/\\.(png|svg|ico|json)$/.test(path))) {
                    sizes[entry.name] = Math.max(entry.decodedBodySize, entry.transferSize);
                }
            }
            return sizes;
        }"""
    )


@pytest.fixture
def new_context(browser, traffic, live_server):
    """Open browser contexts (one per person) whose requests may not leave the live server.

    Keyword arguments go to Playwright's ``new_context`` (``java_script_enabled=False``…).
    """
    opened = []

    def open_context(**options):
        context = browser.new_context(
            **{
                "base_url": live_server.url,
                "locale": "fr-FR",
                "viewport": {"width": 1280, "height": 900},
                **options,
            }
        )
        context.set_default_timeout(15_000)

        def guard(route):
            host = urlsplit(route.request.url).hostname or ""
            if route.request.url.startswith(("data:", "blob:")) or host in LOCAL_HOSTS:
                route.continue_()
            else:
                traffic.blocked.append(route.request.url)
                route.abort()

        context.route("**/*", guard)
        opened.append(context)
        return context

    yield open_context
    for context in opened:
        context.close()
    assert traffic.blocked == [], f"requests to other hosts: {traffic.blocked}"


@pytest.fixture
def context(new_context):
    return new_context()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def demo_site(browser, live_server):
    """The 2014 demo corpus and the demo accounts, committed so that the live server sees them."""
    from kb.demo_content.accounts import ensure_demo_accounts

    call_command("load_demo_content", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    ensure_demo_accounts()  # created by the command only with DEBUG on
    return live_server


def run_axe(page):
    """axe-core's WCAG 2.1 A/AA violations on the current page, as readable strings."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {
                runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
            });
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
            }));
        }""",
        WCAG_TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {', '.join(v['targets'])}" for v in violations
    ]


def screenshot(page, name):
    """The whole page, for a person to look over. JPEG: Chromium encodes it twice as fast as PNG
    (some 70 screenshots a run)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"]
    page.screenshot(
        path=str(SCREENSHOTS / f"{name}-{width}.jpg"), type="jpeg", quality=80, full_page=True
    )


def tab_to(page, selector, max_presses=80):
    """Press Tab until the focus is on an element matching ``selector``; return that element.

    Fails when it is not reached: the element must be operable with the keyboard alone. Checks
    on the way that the focused element shows a visible focus indicator.
    """
    for _ in range(max_presses):
        page.keyboard.press("Tab")
        if page.evaluate(
            "(s) => !!document.activeElement && document.activeElement.matches(s)", selector
        ):
            assert_focus_visible(page)
            return page.locator(":focus")
    raise AssertionError(f"{selector!r} not reached with {max_presses} presses of Tab")


def assert_focus_visible(page):
    style = page.evaluate(
        """() => {
            const s = getComputedStyle(document.activeElement);
            return {outline: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow};
        }"""
    )
    visible = (style["outline"] != "none" and style["width"] >= 2) or style["shadow"] != "none"
    assert visible, f"no visible focus indicator on the focused element: {style}"
