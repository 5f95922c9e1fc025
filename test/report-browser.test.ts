/**
 * The report as a reader meets it: opened in headless Chromium, it renders every figure, makes no
 * network request at all, and fits a laptop-width window without horizontal scrolling.
 * Skipped where Debian's chromium is not installed (.ci/run installs it).
 */
import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { runStudy } from "../src/pipeline/study.ts";
import { chatLine, tempDir } from "./helpers.ts";

const CHROMIUM = "/usr/bin/chromium";

test("the report renders offline in a browser", {
  skip: !existsSync(CHROMIUM) && "chromium not installed",
}, async () => {
  const { chromium } = await import("playwright-core");
  const dir = tempDir();
  const lines: string[] = [];
  for (let i = 0; i < 300; i++) {
    const turns: [string, string][] = [];
    for (let t = 0; t < 1 + (i % 8); t++)
      turns.push([`I feel stressed about work, message ${t}`, "That sounds hard. What would help?"]);
    lines.push(chatLine(`c${i}`, `u${i % 30}`, turns));
  }
  writeFileSync(join(dir, "c.jsonl"), `${lines.join("\n")}\n`);
  const out = join(dir, "study");
  await runStudy({ inputs: [join(dir, "c.jsonl")], out });

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    const url = pathToFileURL(join(out, "release", "report.html")).href;
    await page.goto(url);
    assert.deepEqual(
      requests.filter((r) => r !== url),
      [],
      "the report loads nothing beyond itself",
    );
    assert.deepEqual(errors, []);
    const figures = await page.locator("figure").count();
    const svgs = await page.locator("figure svg").count();
    assert.ok(figures >= 1);
    assert.equal(
      svgs,
      await page.locator("figure:not(:has(p.note))").count(),
      "every figure with data has its chart",
    );
    // Runs in the page, where the DOM exists; typed loosely since this project compiles without DOM types.
    const overflow = await page.evaluate("document.documentElement.scrollWidth > window.innerWidth");
    assert.equal(overflow, false, "no horizontal scrolling at 1280 px");
    await page.screenshot({ path: join(dir, "report.png"), fullPage: true });
  } finally {
    await browser.close();
  }
});
