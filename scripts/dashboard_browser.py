"""Drives headless Chromium (Debian's) through the dashboard; called by scripts/dashboard-test.sh.

Checks that the counts the overview shows equal `klimatnav gaps --format json`, makes a live
gap event happen with `klimatnav node` (a CURVE client of the hub), waits for the open page to
show it without a reload, stops the hub and waits for the "Live" badge to turn off, restarts
it and waits for the badge to turn on again without a reload, and writes screenshots of the
main views.
"""
import argparse
import collections
import json
import os
import signal
import subprocess
import sys
import time

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

LIVE_GAP = "governance-gap:hydrogen-infrastructure:national"
failures = []


def check(condition, message):
    print(("ok    " if condition else "FAIL  ") + message)
    if not condition:
        failures.append(message)


def db_gaps(args):
    out = subprocess.run([args.klimatnav, "gaps", "--db", args.db, "--format", "json"], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def shown_counts(driver):
    counts = {}
    for element in driver.find_elements(By.CSS_SELECTOR, "[data-count]"):
        counts[element.get_attribute("data-count")] = int(element.text)
    return counts


def expected_counts(gaps):
    by_kind = collections.Counter(gap["kind"] for gap in gaps)
    return by_kind, len(gaps)


def running(pid):
    """Whether process `pid` still runs (a zombie its parent has not reaped yet does not)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def screenshot(driver, url, path, width=1280):
    driver.set_window_size(width, 700)  # so a short page is measured short
    driver.get(url)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
    height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 2600)")
    driver.set_window_size(width, max(700, height + 160))  # + the window's own chrome
    driver.save_screenshot(path)
    print("wrote " + path)


# axe-core's rule tags for WCAG 2.0 and 2.1, levels A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Every page of the dashboard (the seed database); each is checked in Swedish and English.
AXE_PAGES = ["/", "/goals", "/gaps", "/gaps?kind=ambition-gap", "/barriers", "/parties", "/parties/stockholm",
             "/parties/stuns", "/counties", "/revisions", "/tillganglighet", "/accessibility"]


def load(driver, url):
    driver.get(url)
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")


def axe_violations(driver):
    """axe-core (shipped by axe-selenium-python) on the loaded page: its WCAG 2.x A/AA results."""
    Axe(driver).inject()
    driver.set_script_timeout(120)
    results = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        # The tags this axe-core knows (3.1.1 has no wcag21a; its 2.1 AA rules are tagged wcag21aa).
        "var known = {}; axe.getRules().forEach(function (r) { r.tags.forEach(function (t) { known[t] = true; }); });"
        "axe.run(document, {runOnly: {type: 'tag', values: %s.filter(function (t) { return known[t]; })}})"
        ".then(done, function (e) { done({error: String(e)}); });"
        % json.dumps(AXE_TAGS))
    return results


def axe_check(driver, url):
    """Zero WCAG 2.1 A/AA violations on the page at `url`."""
    load(driver, url)
    results = axe_violations(driver)
    if "error" in results:
        check(False, f"axe ran on {url}: {results['error']}")
        return
    violations = results["violations"]
    details = "; ".join(f"{v['id']} x{len(v['nodes'])} e.g. {v['nodes'][0]['target']}: {v['help']}" for v in violations)
    check(not violations, f"axe: {url} has no WCAG 2.1 A/AA violations ({len(results['passes'])} rules pass)"
          + (": " + details if details else ""))


def keyboard_check(driver, url):
    """The first Tab reaches the skip link, which shows a visible focus ring and leads to <main>."""
    load(driver, url)
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    active = driver.switch_to.active_element
    check(active.get_attribute("class") == "skip", f"{url}: the first Tab reaches the skip link")
    style = driver.execute_script("var s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth, s.left];")
    check(style[0] != "none" and style[1] not in ("0px", ""), f"{url}: the focused skip link has a visible outline ({style})")
    check(not style[2].startswith("-"), f"{url}: the focused skip link is on screen (left {style[2]})")
    active.send_keys(Keys.ENTER)
    check(driver.execute_script("return document.activeElement.id") == "main", f"{url}: Enter on the skip link moves the focus to <main>")


def sverige_checks(driver, base, screenshots):
    """The national overview, one county and one municipality of the `run sverige` database."""
    screenshot(driver, base + "/counties?lang=sv", screenshots + "/counties-sv.png")
    rows = driver.find_elements(By.CSS_SELECTOR, "#county-table tbody tr[data-county]")
    check(len(rows) == 21, f"the national overview lists the 21 counties ({len(rows)})")
    tiles = driver.find_elements(By.CSS_SELECTOR, "svg.county-map g.county")
    check(len(tiles) == 21, f"the tile map shows the 21 counties ({len(tiles)})")
    county = "/parties/vastra-gotalands-lan"
    screenshot(driver, base + county + "?lang=sv", screenshots + "/county-sv.png")
    members = driver.find_elements(By.CSS_SELECTOR, "table.members tr[data-party]")
    check(len(members) == 49, f"Västra Götalands län lists its 49 municipalities ({len(members)})")
    check(driver.find_elements(By.CSS_SELECTOR, "table.members tr[data-party='goteborg']"), "Göteborg is among them")
    check(driver.find_elements(By.CSS_SELECTOR, "p.county-summary"), "the county page says how many are on track")
    charts = driver.find_elements(By.CSS_SELECTOR, "svg.emissions")
    check(len(charts) == 1, "the county page has the chart of its members' emissions")
    municipality = "/parties/goteborg"
    screenshot(driver, base + municipality + "?lang=en", screenshots + "/municipality-goteborg-en.png")
    chart = driver.find_elements(By.CSS_SELECTOR, "svg.emissions[data-party='goteborg']")
    check(len(chart) == 1, "Göteborg's page has its emissions chart")
    if chart:
        svg = chart[0]
        sectors = svg.find_elements(By.CSS_SELECTOR, "path.sector")
        check(len(sectors) >= 5, f"the chart stacks the sectors ({len(sectors)})")
        check(len(svg.find_elements(By.CSS_SELECTOR, "path.path")) >= 2, "the chart draws the goal's path and the Carbon Law")
        labelled = svg.get_attribute("aria-labelledby").split()
        check(all(driver.find_elements(By.ID, i) for i in labelled) and len(labelled) == 2, "the chart is labelled by its <title> and <desc>")
        check(svg.get_attribute("role") == "img", "the chart has role img")
        check(svg.rect["height"] > 200, f"the chart is drawn ({svg.rect})")
    check(len(driver.find_elements(By.CSS_SELECTOR, "#chart-goteborg-table tbody tr")) >= 10, "the chart's numbers are in a table")
    check(driver.find_elements(By.CSS_SELECTOR, "table.paces tr[data-goal]"), "Göteborg's goals are held against its emissions")
    for path in ["/counties", county, municipality]:
        for lang in ("sv", "en"):
            axe_check(driver, f"{base}{path}?lang={lang}")


def main():
    parser = argparse.ArgumentParser()
    for name in ["url", "klimatnav", "db", "router", "live-playbook", "scenario-url", "screenshots",
                 "node-key", "hub-key", "hub-pid", "hub-command", "hub-log", "sverige-url"]:
        parser.add_argument("--" + name, required=True)
    parser.add_argument("--reports", nargs=2, required=True, help="the seed's report folder and the sverige report's (Swedish)")
    args = parser.parse_args()
    restarted = None

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900", "--lang=en"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        before = db_gaps(args)
        by_kind, total = expected_counts(before)
        driver.get(args.url + "/?lang=en")
        WebDriverWait(driver, 15).until(lambda d: "on" in d.find_element(By.ID, "live-status").get_attribute("class").split())
        check(True, "the page's live feed connected (EventSource open)")
        counts = shown_counts(driver)
        check(counts.get("open") == total, f"open gaps shown {counts.get('open')} == database {total}")
        for kind, count in sorted(counts.items()):
            if kind in ("open", "resolved"):
                continue
            check(count == by_kind.get(kind, 0), f"{kind} shown {count} == database {by_kind.get(kind, 0)}")
        check(set(by_kind) <= set(counts), "every kind in the database has a count on the page")
        check(any(gap["id"] == LIVE_GAP for gap in before), f"{LIVE_GAP} is open before the live event")

        # A marker that a reload would erase.
        driver.execute_script("window.__noReload = 'still here';")
        node = subprocess.run(
            [args.klimatnav, "node", "--party", "energimyndigheten", "--connect", args.router, "--playbook", args.live_playbook,
             "--key", args.node_key, "--hub-key", args.hub_key, "--timeout", "30"],
            capture_output=True, text=True)
        print(node.stdout.strip())
        check(node.returncode == 0, "klimatnav node sent the live playbook (exit 0)")
        after = db_gaps(args)
        check(all(gap["id"] != LIVE_GAP for gap in after), f"{LIVE_GAP} is resolved in the database")
        try:
            WebDriverWait(driver, 20).until(
                lambda d: d.find_elements(By.CSS_SELECTOR, f'#live-list li[data-gap="{LIVE_GAP}"][data-change="resolved"]'))
            check(True, "the live event appeared in the page's list")
        except Exception:
            check(False, "the live event appeared in the page's list within 20 s")
        _, total_after = expected_counts(after)
        try:
            WebDriverWait(driver, 10).until(lambda d: shown_counts(d).get("open") == total_after)
        except Exception:
            pass
        counts = shown_counts(driver)
        check(counts.get("open") == total_after, f"open gaps shown after the event {counts.get('open')} == database {total_after}")
        by_kind_after, _ = expected_counts(after)
        check(counts.get("governance-gap") == by_kind_after.get("governance-gap", 0), "the governance-gap count followed")
        check(driver.execute_script("return window.__noReload") == "still here", "the page was not reloaded")
        driver.set_window_size(1280, 1100)
        driver.save_screenshot(args.screenshots + "/overview-live.png")
        print("wrote " + args.screenshots + "/overview-live.png")

        # The hub goes away: the badge turns off; it comes back on the same ports: on again.
        def badge():
            return driver.find_element(By.ID, "live-status").get_attribute("class").split()
        os.kill(int(args.hub_pid), signal.SIGTERM)
        try:
            WebDriverWait(driver, 20).until(lambda d: "off" in badge())
            check(True, "the Live badge shows disconnected when the hub stops")
        except Exception:
            check(False, "the Live badge shows disconnected within 20 s of the hub stopping")
        for _ in range(300):  # until the old hub has exited
            if not running(args.hub_pid):
                break
            time.sleep(0.1)
        with open(args.hub_log, "w") as log:
            restarted = subprocess.Popen(args.hub_command, shell=True, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            WebDriverWait(driver, 30).until(lambda d: "on" in badge())
            check(True, "the Live badge shows connected again after the hub restarts, without a reload")
        except Exception:
            check(False, "the Live badge shows connected within 30 s of the hub restarting")
        check(driver.execute_script("return window.__noReload") == "still here", "the page was still not reloaded")

        # The live page of the gaps list marks the row of a gap that changes.
        driver.get(args.url + "/gaps?lang=en")
        check(len(driver.find_elements(By.CSS_SELECTOR, "#gap-rows tr[id^='gap-']")) == total_after, "the gaps page lists every open gap")

        pages = [
            ("/?lang=sv", "overview-sv.png"),
            ("/goals?lang=en", "goals.png"),
            ("/gaps?lang=en&kind=ambition-gap", "gaps-filtered.png"),
            ("/gaps?lang=sv", "gaps-sv.png"),
            ("/barriers?lang=en", "barriers.png"),
            ("/parties/stockholm?lang=en", "party-stockholm.png"),
            ("/revisions?lang=en", "revisions.png"),
        ]
        for path, name in pages:
            screenshot(driver, args.url + path, args.screenshots + "/" + name)
            check("Klimatnav" in driver.title, f"{path} renders")

        # Accessibility: axe-core finds a known fault (a page with no language and an unlabelled
        # select), then finds none on every page in both languages; the keyboard reaches the content.
        load(driver, "data:text/html,<title>t</title><select><option>a</option></select>")
        found = {v["id"] for v in axe_violations(driver).get("violations", [])}
        check({"html-has-lang", "label"} <= found, f"axe reports the faults of a broken page ({sorted(found)})")
        for path in AXE_PAGES:
            for lang in ("sv", "en"):
                axe_check(driver, args.url + path + ("&" if "?" in path else "?") + "lang=" + lang)
        keyboard_check(driver, args.url + "/gaps?lang=sv")
        load(driver, args.url + "/?lang=sv")
        check(driver.find_element(By.ID, "statement-link").get_attribute("href").endswith("/tillganglighet?lang=sv"),
              "the footer links to the accessibility statement")
        sverige_checks(driver, args.sverige_url, args.screenshots)
        seed, sverige = args.reports
        for name in ["klimatnav-report.sv.html", "klimatnav-report.en.html", "parties/stockholm.sv.html", "parties/stuns.en.html",
                     "tillganglighet.html", "accessibility.html"]:
            axe_check(driver, "file://" + os.path.join(seed, name))
        for name in ["parties/goteborg.sv.html", "parties/vastra-gotalands-lan.sv.html"]:
            axe_check(driver, "file://" + os.path.join(sverige, name))
        check(driver.find_elements(By.CSS_SELECTOR, "svg.emissions desc"), "the report's county page has its chart with a description")

        # The contract revisions of the illustrative scenario and what changed from 2021 to 2022.
        screenshot(driver, args.scenario_url + "/revisions?lang=sv&from=2021&to=2022", args.screenshots + "/revisions-diff-sv.png")
        check(len(driver.find_elements(By.CSS_SELECTOR, "#revision-table tr[data-revision]")) == 2, "the scenario's two revisions are listed")
        check(len(driver.find_elements(By.CSS_SELECTOR, "#diff li[data-code]")) > 0, "the diff 2021 -> 2022 lists changes")
    finally:
        driver.quit()
        if restarted is not None and restarted.poll() is None:
            os.killpg(restarted.pid, signal.SIGTERM)  # the shell and the hub it started
            restarted.wait()
    passed = "passed" if not failures else "FAILED"
    print(f"dashboard browser test {passed}: {len(failures)} failure(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
