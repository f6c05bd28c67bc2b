"""What the browser tests check on any page, shared by the tests of the built site and of a published
version: axe-core's violations, and the links and controls the keyboard does not reach."""

from __future__ import annotations

from conftest import ROOT

AXE = ROOT / "node_modules/axe-core/axe.min.js"  # pinned in package.json; `make test` runs `npm ci`


def axe(page) -> list[str]:
    """axe-core's violations on the page as it is now, one line each."""
    assert AXE.is_file(), "axe-core is missing: `npm ci` (make test runs it)"
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['help']}; first at {v['nodes'][0]['target']}: "
            f"{v['nodes'][0]['failureSummary'].splitlines()[-1].strip()}" for v in result["violations"]]


def _focusable(page) -> list[str]:
    """Every element a keyboard user should reach that is shown, each named by a stable key."""
    return page.evaluate("""() => [...document.querySelectorAll(
        'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
      .filter(e => !e.disabled && e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
      // Material's "back to top" shows only while the reader scrolls up (the Home key does its job)
      .filter(e => !e.classList.contains('md-top'))
      .map(e => window.__key(e))""")


KEY = """window.__key = e => {
  const path = []; for (let n = e; n && n !== document.body; n = n.parentElement) {
    path.unshift(n.tagName + ':' + [...n.parentElement.children].indexOf(n)); }
  return path.join('/'); }"""


def keyboard_misses(page) -> tuple[set[str], set[str]]:
    """(what the keyboard should reach, what Tab never reached) on the page as it is now."""
    page.evaluate(KEY)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    wanted = set(_focusable(page))
    reached: list[str] = []
    for _ in range(len(wanted) + 5):
        page.keyboard.press("Tab")
        key = page.evaluate("document.activeElement === document.body ? '' : window.__key(document.activeElement)")
        if key in reached:
            break
        reached.append(key)
    return wanted, wanted - set(reached)
