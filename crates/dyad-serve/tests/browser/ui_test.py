#!/usr/bin/env python3
"""Browser test of `dyad serve` in real Chromium (Debian's chromium + chromium-driver, driven
by Selenium; the driver path is given, so Selenium Manager never runs or downloads anything).

It codes the two seed articles and Reuters-21578 into a fresh database, starts `dyad serve --port 0`, then as a
user would: loads the overview, filters the events to the PRK -> RUS dyad, finds Kim Jong Un's
congratulation of Putin, opens it and checks the highlighted source, target and verb spans,
and checks that the dyad timeline draws one mark per period of /api/timeline. Screenshots go
to target/ui-screenshots/. Fails loudly when Chromium, the driver or ../shared is missing.

usage: ui_test.py DYAD_BINARY SHARED_DIR SCREENSHOT_DIR
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request

# Selenium Manager must never run (it would try to download a driver).
os.environ["SE_OFFLINE"] = "true"
CHROMIUM = "/usr/bin/chromium"
DRIVER = "/usr/bin/chromedriver"


def fail(msg):
    print(f"ui test: FAILED: {msg}", file=sys.stderr)
    sys.exit(1)


def check(cond, msg):
    if not cond:
        fail(msg)
    print(f"ui test: ok: {msg}")


def main():
    if len(sys.argv) != 4:
        fail(__doc__)
    dyad, shared, shots = sys.argv[1:]
    for path in (CHROMIUM, DRIVER):
        if not os.access(path, os.X_OK):
            fail(f"{path} is missing: apt-get install -y chromium chromium-driver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support import expected_conditions as EC
        from selenium.webdriver.support.ui import WebDriverWait
    except ImportError:
        fail("the Python selenium package is missing: python3 -m pip install selenium")
    seeds = [("000_d22c485f5553405d.txt", "2018-08-16"), ("001_97ff7f5491bc3784.txt", "2018-03-20")]
    for name, _ in seeds:
        if not os.path.exists(os.path.join(shared, "seeds", name)):
            fail(f"{shared}/seeds/{name} is missing")
    reuters = os.path.join(shared, "news", "reuters21578.jsonl")
    if not os.path.exists(reuters):
        fail(f"{reuters} is missing")
    os.makedirs(shots, exist_ok=True)

    work = tempfile.mkdtemp(prefix="dyad-ui-")
    db = os.path.join(work, "seeds.db")
    for name, date in seeds:
        subprocess.run([dyad, "code", "-q", "--db", db, "--date", date, os.path.join(shared, "seeds", name)],
                       check=True, stdout=subprocess.DEVNULL)
    # The seeds among 20,000 Reuters articles, as a new user would try it. (Exit 1 only says
    # some records were skipped: Reuters has records without text.)
    r = subprocess.run([dyad, "code", "-q", "--format", "none", "--threads", "2", "--db", db, reuters])
    if r.returncode not in (0, 1):
        fail(f"dyad code on {reuters} failed with exit status {r.returncode}")
    server = subprocess.Popen([dyad, "serve", "--db", db, "--port", "0"], stderr=subprocess.PIPE, text=True)
    driver = None
    try:
        line = server.stderr.readline()
        m = re.search(r"http://(127\.0\.0\.1:\d+)/", line)
        if not m:
            fail(f"dyad serve did not say where it listens: {line!r}")
        base = f"http://{m.group(1)}"

        opts = webdriver.ChromeOptions()
        opts.binary_location = CHROMIUM
        for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", "--window-size=1280,1000",
                     f"--user-data-dir={os.path.join(work, 'profile')}"]:
            opts.add_argument(flag)
        driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=opts)
        driver.set_page_load_timeout(30)

        # 1. The overview: totals, the events-over-time chart, the top dyads.
        driver.get(base + "/")
        check(driver.find_element(By.TAG_NAME, "h1").text == "Overview", "overview loads")
        periods = driver.find_elements(By.CSS_SELECTOR, "svg#timeline g.period")
        check(len(periods) > 0, f"overview chart has {len(periods)} period marks")
        check(len(driver.find_elements(By.CSS_SELECTOR, "table.dyads tbody tr")) > 0, "overview lists top dyads")
        driver.save_screenshot(os.path.join(shots, "overview.png"))

        # 2. Filter the events to the PRK -> RUS dyad with the form, as a user types it.
        driver.get(base + "/events")
        form = driver.find_element(By.CSS_SELECTOR, "form.filters")
        form.find_element(By.NAME, "source").send_keys("PRK")
        form.find_element(By.NAME, "target").send_keys("RUS")
        form.find_element(By.TAG_NAME, "button").click()
        WebDriverWait(driver, 15).until(EC.staleness_of(form))
        rows = driver.find_elements(By.CSS_SELECTOR, "table.events tbody tr")
        check(len(rows) > 0, f"PRK -> RUS filter lists {len(rows)} events")
        for r in rows:
            cells = r.find_elements(By.TAG_NAME, "td")
            if not (cells[1].text.startswith("PRK") and cells[3].text.startswith("RUS")):
                fail(f"a filtered row is not PRK -> RUS: {r.text!r}")
        driver.save_screenshot(os.path.join(shots, "events-prk-rus.png"))

        # 3. Kim Jong Un's congratulation of Putin: open it, see the evidence.
        target = [r for r in rows if "congratulated" in r.text and "Putin" in r.text]
        check(len(target) == 1, "the congratulation of Putin is in the list")
        target[0].find_element(By.CSS_SELECTOR, "td.snippet a").click()
        sentence = WebDriverWait(driver, 15).until(EC.presence_of_element_located((By.CSS_SELECTOR, "mark#sentence")))
        src = sentence.find_element(By.CSS_SELECTOR, "span.ev-source").text
        tgt = sentence.find_element(By.CSS_SELECTOR, "span.ev-target").text
        verb = sentence.find_element(By.CSS_SELECTOR, "span.ev-verb").text
        check("Kim Jong Un" in src, f"source span highlighted: {src!r}")
        check("Putin" in tgt, f"target span highlighted: {tgt!r}")
        check("congratulated" in verb, f"verb span highlighted: {verb!r}")
        why = driver.find_element(By.CSS_SELECTOR, "dl.why").text
        check("Verb pattern" in why, "the pattern that fired is shown")
        driver.save_screenshot(os.path.join(shots, "event-congratulation.png"))

        # 4. The dyad page: one chart mark per period of the API's series.
        crumbs = driver.find_element(By.CSS_SELECTOR, ".crumbs a[href^='/dyad']")
        crumbs.click()
        WebDriverWait(driver, 15).until(EC.staleness_of(crumbs))
        marks = driver.find_elements(By.CSS_SELECTOR, "svg#timeline g.period")
        with urllib.request.urlopen(base + "/api/timeline?source=PRKGOV&target=RUSGOV&by=month") as r:
            series = json.load(r)
        check(len(series) > 0 and len(marks) == len(series),
              f"dyad chart draws {len(marks)} marks for {len(series)} periods")
        labelled = [m.get_attribute("data-period") for m in marks]
        check(labelled == [p["period"] for p in series], "chart marks are the API's periods, in order")
        driver.save_screenshot(os.path.join(shots, "dyad-prkgov-rusgov.png"))

        # 5. By name, weekly; then an actor page.
        driver.get(base + "/dyad?source=Kim+Jong+Un&target=Putin&by=week")
        check("→" in driver.find_element(By.ID, "dyadtitle").text, "dyad chosen by names")
        driver.get(base + "/actors/PRKGOV")
        check(len(driver.find_elements(By.CSS_SELECTOR, "table tbody tr")) > 0, "actor page lists partners")
        driver.save_screenshot(os.path.join(shots, "actor-prkgov.png"))
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        server.wait(timeout=10)
    print("browser: 1 passed, 0 failed")


if __name__ == "__main__":
    main()
