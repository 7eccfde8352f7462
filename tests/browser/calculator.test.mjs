// Browser tests of <andel-calculator> (web/): Playwright driving Debian's
// headless Chromium against a local static server. Every expected figure is
// worked out in tests/browser/expected.mjs, not by andel.
//
//   node --test tests/browser/   (scripts/test-browser installs what it needs)
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, statSync } from "node:fs";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { launch } from "./browser.mjs";
import { blendShares, hamilton, kr, perCapitaShares, REFERENCE_MEMBERS, REFERENCE_TOTAL } from "./expected.mjs";
import { startServer } from "./server.mjs";

const ARTIFACTS = fileURLToPath(new URL("../../artifacts/browser/", import.meta.url));

let server;
let browser;

before(async () => {
  server = await startServer();
  // No try/catch: when Chromium cannot start, every test fails.
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Spaces of every kind as one ordinary space, so "1 250 000 kr" compares with what the page shows. */
const plain = (s) => s.replace(/[\s\u00a0\u202f]+/g, " ").trim();

/** A page with the calculator loaded; collects uncaught page errors, which must stay empty. */
async function openCalculator(url = server.url) {
  const page = await browser.context.newPage();
  const errors = [];
  page.on("pageerror", (err) => errors.push(err.message));
  await page.goto(url);
  await page.locator("andel-calculator[data-ready]").waitFor({ timeout: 15000 });
  const calc = page.locator("andel-calculator");
  return { page, calc, errors };
}

/** The table as [name, share, contribution] texts, spaces normalised. */
async function table(calc) {
  const rows = calc.locator("#members tr");
  const out = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    out.push([
      await row.locator(".name").inputValue(),
      plain(await row.locator(".share-out").textContent()),
      plain(await row.locator(".contribution").textContent()),
    ]);
  }
  return out;
}

/** The contributions shown, as BigInt kronor (read back from "82 757 kr"). */
async function shownUnits(calc) {
  return (await table(calc)).map(([, , c]) => BigInt(c.replace(/ kr$/, "").replace(/ /g, "")));
}

/** The element that has the focus, looking inside the calculator's shadow root. */
function focused(page) {
  return page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    const tr = a?.closest?.("tr");
    const row = tr ? [...tr.parentElement.children].indexOf(tr) : -1;
    return { id: a?.id ?? "", cls: a?.className ?? "", tag: a?.tagName ?? "", value: a?.value ?? "", row };
  });
}

test("the first render shows the reference case's figures and the exact-sum check", async () => {
  // Every request the page makes, to prove it needs nothing but its own files.
  const page0 = await browser.context.newPage();
  const requests = [];
  page0.on("request", (r) => requests.push(r.url()));
  await page0.goto(server.url);
  await page0.locator("andel-calculator[data-ready]").waitFor({ timeout: 15000 });
  assert.ok(requests.length >= 4, requests.join(" "));
  for (const url of requests) assert.ok(url.startsWith(server.url) || url.startsWith("data:"), url);
  await page0.close();

  const { page, calc, errors } = await openCalculator();
  const pops = REFERENCE_MEMBERS.map(([, p]) => p);
  const want = hamilton(REFERENCE_TOTAL, perCapitaShares(pops));
  // Worked out by hand as well: Halmstad 1 250 000 · 102 767 / 228 501 = 562 180.25…
  assert.equal(want[2], 562180n);
  const rows = await table(calc);
  assert.deepEqual(
    rows.map(([name, , c]) => [name, c]),
    REFERENCE_MEMBERS.map(([name], i) => [name, kr(want[i])]),
  );
  assert.equal(rows[2][1], "44,9744 %"); // 102767/228501 = 0.449743…
  assert.equal(plain(await calc.locator("#total").inputValue()), "1 250 000");
  assert.equal(plain(await calc.locator("#sum").textContent()), "1 250 000 kr");
  const check = plain(await calc.locator("#check").textContent());
  assert.match(check, /^✓ .*1 250 000 kr = 1 250 000 kr$/);
  assert.equal(await calc.locator("svg#chart rect").count(), 6);
  assert.deepEqual(errors, []);
  await page.close();
});

test("editing a population updates the table, and the parts still sum to the total", async () => {
  const { page, calc, errors } = await openCalculator();
  await calc.locator("#population-2").fill("110 000");
  const pops = REFERENCE_MEMBERS.map(([, p]) => p);
  pops[2] = 110000n;
  const want = hamilton(REFERENCE_TOTAL, perCapitaShares(pops));
  const got = await shownUnits(calc);
  assert.deepEqual(got, want);
  assert.equal(
    got.reduce((a, b) => a + b, 0n),
    REFERENCE_TOTAL,
  );
  assert.match(plain(await calc.locator("#check").textContent()), /^✓/);
  // Typing character by character updates as it goes.
  await calc.locator("#total").fill("");
  await calc.locator("#total").pressSequentially("1000");
  const small = hamilton(1000n, perCapitaShares(pops));
  assert.deepEqual(await shownUnits(calc), small);
  assert.equal(plain(await calc.locator("#sum").textContent()), "1 000 kr");
  assert.deepEqual(errors, []);
  await page.close();
});

test("changing the key: equal parts, a blend with its slider, fixed shares; and the rounding unit", async () => {
  const { page, calc, errors } = await openCalculator();
  const pops = REFERENCE_MEMBERS.map(([, p]) => p);

  await calc.getByLabel("Lika delar").check();
  // 1 250 000 / 6 = 208 333.33…: four get 208 333, and the two units left go
  // to the first two (equal remainders, equal amounts: the earlier member).
  assert.deepEqual(await shownUnits(calc), [208334n, 208334n, 208333n, 208333n, 208333n, 208333n]);

  await calc.getByLabel("Fast del + rörlig del").check();
  const slider = calc.locator("#fixed");
  assert.equal(await slider.inputValue(), "30");
  assert.deepEqual(await shownUnits(calc), hamilton(REFERENCE_TOTAL, blendShares(pops, 30)));
  await slider.fill("50");
  assert.match(plain(await calc.locator("#fixed-out").textContent()), /^50 %$/);
  assert.deepEqual(await shownUnits(calc), hamilton(REFERENCE_TOTAL, blendShares(pops, 50)));

  await calc.getByLabel("Fasta andelar").check();
  await calc.getByLabel("Fast andel i procent, Halmstad").fill("50");
  // Halmstad pays half; the other five share the other half by population.
  const others = pops.filter((_, i) => i !== 2);
  const rest = hamilton(REFERENCE_TOTAL / 2n, perCapitaShares(others));
  const want = [...rest.slice(0, 2), REFERENCE_TOTAL / 2n, ...rest.slice(2)];
  assert.deepEqual(await shownUnits(calc), want);

  await calc.getByLabel("Lika delar").check();
  await calc.locator("#unit").selectOption("1000");
  // 1 250 units of 1 000 kr over six: 208 each and two left over.
  assert.deepEqual(await shownUnits(calc), [209000n, 209000n, 208000n, 208000n, 208000n, 208000n]);
  assert.match(plain(await calc.locator("#check").textContent()), /^✓/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("bad input shows a message beside the field and keeps the last good result", async () => {
  const { page, calc, errors } = await openCalculator();
  const before = await table(calc);

  await calc.locator("#total").fill("12a3");
  assert.match(plain(await calc.locator("#total-error").textContent()), /Skriv ett tal/);
  assert.equal(await calc.locator("#total").getAttribute("aria-invalid"), "true");
  assert.deepEqual(await table(calc), before);
  assert.equal(await calc.locator("#stale").isVisible(), true);

  await calc.locator("#total").fill("1 250 000");
  assert.equal(plain(await calc.locator("#total-error").textContent()), "");
  assert.equal(await calc.locator("#stale").isVisible(), false);

  await calc.locator("#population-3").fill("-10815");
  assert.match(plain(await calc.locator("#population-3-error").textContent()), /negativ/);
  assert.equal(plain(await calc.locator("#total-error").textContent()), "");
  assert.deepEqual(await table(calc), before);

  await calc.locator("#population-3").fill("10815");
  for (let i = 0; i < 5; i++) await calc.locator(`#population-${i}`).fill("0");
  // Only Ljungby has a population left: it pays everything.
  const lastGood = await table(calc);
  assert.deepEqual(lastGood[5], ["Ljungby", "100,0000 %", "1 250 000 kr"]);
  await calc.locator("#population-5").fill("0");
  assert.match(plain(await calc.locator("#members-error").textContent()), /Alla vikter är noll/);
  assert.deepEqual(await table(calc), lastGood);

  await calc.locator("#population-0").fill("15128");
  await calc.locator("#total").fill("1 250 000,50");
  assert.match(plain(await calc.locator("#total-error").textContent()), /avrundningen/);

  // Fixed shares: over 100 % in all is refused beside the key, a negative one beside its field.
  await page.reload();
  await page.locator("andel-calculator[data-ready]").waitFor();
  await calc.getByLabel("Fasta andelar").check();
  await calc.getByLabel("Fast andel i procent, Båstad").fill("60");
  await calc.getByLabel("Fast andel i procent, Hylte").fill("50");
  assert.match(plain(await calc.locator("#key-error").textContent()), /högst 100 %/);
  await calc.getByLabel("Fast andel i procent, Hylte").fill("-5");
  assert.match(plain(await calc.locator("#share-3-error").textContent()), /negativ/);
  await calc.getByLabel("Fast andel i procent, Hylte").fill("");
  assert.equal(plain(await calc.locator("#key-error").textContent()), "");
  assert.equal((await shownUnits(calc))[0], 750000n); // 60 % of 1 250 000
  assert.match(plain(await calc.locator("#check").textContent()), /^✓/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the CSV download is the core's, with every member's population, exact share and contribution", async () => {
  const { page, calc, errors } = await openCalculator();
  const [download] = await Promise.all([page.waitForEvent("download"), calc.locator("#csv").click()]);
  assert.equal(download.suggestedFilename(), "bidrag.csv");
  const bytes = readFileSync(await download.path());
  // A UTF-8 byte order mark first, so that Excel reads "å" as "å".
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString("utf8");
  assert.equal(await calc.evaluate((el) => el.csv()), text);
  const lines = text.trimEnd().split("\n");
  const pops = REFERENCE_MEMBERS.map(([, p]) => p);
  const want = hamilton(REFERENCE_TOTAL, perCapitaShares(pops));
  const columns = lines[0].split(",");
  assert.deepEqual(columns.slice(0, 7), ["year", "member", "name", "population", "share", "share_percent", "contribution"]);
  assert.equal(columns.at(-1), "in_kind");
  assert.equal(lines.length, 1 + 6);
  const rows = lines.slice(1).map((l) => Object.fromEntries(l.split(",").map((v, j) => [columns[j], v])));
  rows.forEach((r, i) => {
    assert.equal(r.name, REFERENCE_MEMBERS[i][0]);
    assert.equal(r.population, String(pops[i]));
    // The exact share p/Σp in lowest terms: check n·Σp = p·d.
    const [n, d] = r.share.split("/").map(BigInt);
    assert.equal(n * 228501n, pops[i] * d);
    assert.equal(r.contribution, String(want[i]));
  });
  assert.equal(rows[0].share, "488/7371"); // 15128/228501, both divided by 31
  assert.equal(rows.reduce((sum, r) => sum + BigInt(r.contribution), 0n), BigInt(REFERENCE_TOTAL));
  assert.deepEqual(errors, []);
  await page.close();
});

test("the link restores the same inputs and figures (state in the URL)", async () => {
  const { page, calc, errors } = await openCalculator();
  await calc.locator("#total").fill("2 000 000");
  await calc.getByLabel("Fast del + rörlig del").check();
  await calc.locator("#fixed").fill("40");
  await calc.locator("#unit").selectOption("100");
  await calc.locator("#add").click();
  await calc.locator("#members tr").nth(6).locator(".name").fill("Markaryd, \"test\" & co");
  await calc.locator("#population-6").fill("10 500");
  const shown = await table(calc);
  const href = await calc.locator("#link").getAttribute("href");
  assert.ok(href.startsWith(server.url), href);
  assert.match(href, /#andel:/);

  const again = await openCalculator(href);
  assert.deepEqual(await table(again.calc), shown);
  assert.equal(await again.calc.locator("#total").inputValue(), "2 000 000");
  assert.equal(await again.calc.locator("#fixed").inputValue(), "40");
  assert.equal(await again.calc.locator("#unit").inputValue(), "100");
  assert.equal(await again.calc.getByLabel("Fast del + rörlig del").isChecked(), true);
  // And the figures are the right ones: 20 000 units of 100 kr, 40 % equal.
  const pops = [...REFERENCE_MEMBERS.map(([, p]) => p), 10500n];
  const want = hamilton(20000n, blendShares(pops, 40)).map((u) => u * 100n);
  assert.deepEqual(await shownUnits(again.calc), want);
  assert.deepEqual(errors, []);
  assert.deepEqual(again.errors, []);
  await page.close();
  await again.page.close();
});

test("keyboard only: reach every control with Tab, change the total, the key, add and remove a member", async () => {
  const { page, calc, errors } = await openCalculator();
  const kb = page.keyboard;
  const tabTo = async (match, { back = false, limit = 40 } = {}) => {
    for (let i = 0; i < limit; i++) {
      await kb.press(back ? "Shift+Tab" : "Tab");
      const f = await focused(page);
      if (match(f)) return f;
    }
    assert.fail("could not reach the control with Tab");
  };
  await tabTo((f) => f.id === "total");
  await kb.press("Control+A");
  await kb.type("600000");
  await tabTo((f) => f.tag === "INPUT" && f.value === "per_capita");
  await kb.press("ArrowRight"); // → equal parts
  assert.equal((await focused(page)).value, "equal");
  assert.deepEqual(await shownUnits(calc), Array(6).fill(100000n));

  await tabTo((f) => f.id === "add");
  await kb.press("Enter");
  // The focus moves to the new member's name.
  assert.match((await focused(page)).cls, /name/);
  await kb.press("Control+A");
  await kb.type("Markaryd");
  await kb.press("Tab");
  assert.equal((await focused(page)).id, "population-6");
  await kb.type("10500");
  // Seven equal parts of 600 000: 85 714.28…, so 85 715 to the first two… by remainders:
  // 600 000 = 7 · 85 714 + 2.
  assert.deepEqual(await shownUnits(calc), [85715n, 85715n, 85714n, 85714n, 85714n, 85714n, 85714n]);

  // Remove Hylte (the fourth row) with the keyboard.
  await tabTo((f) => f.cls.includes("remove") && f.row === 3, { back: true });
  await kb.press("Enter");
  assert.deepEqual(
    (await table(calc)).map(([n]) => n),
    ["Båstad", "Falkenberg", "Halmstad", "Laholm", "Ljungby", "Markaryd"],
  );
  assert.deepEqual(await shownUnits(calc), Array(6).fill(100000n));
  // The focus stays in the table (on the next row's remove button), not lost.
  assert.match((await focused(page)).cls, /remove/);

  // The slider, by keyboard: the blend key, then ArrowRight raises the fixed part by 1 %.
  await tabTo((f) => f.tag === "INPUT" && f.value === "equal", { back: true });
  await kb.press("ArrowRight");
  assert.equal(await calc.getByLabel("Fast del + rörlig del").isChecked(), true);
  await tabTo((f) => f.id === "fixed");
  await kb.press("ArrowRight");
  assert.equal(await calc.locator("#fixed").inputValue(), "31");
  assert.match(plain(await calc.locator("#check").textContent()), /^✓/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("English, with English number formats", async () => {
  const { page, calc, errors } = await openCalculator();
  await calc.locator("#lang").selectOption("en");
  // The inputs are rewritten in English digit groups, and still read right.
  assert.equal(await calc.locator("#total").inputValue(), "1,250,000");
  assert.equal(await calc.getByLabel("Population, Halmstad").inputValue(), "102,767");
  const rows = await table(calc);
  assert.equal(rows[2][2], "SEK 562,180");
  assert.equal(rows[2][1], "44.9744%");
  assert.match(plain(await calc.locator("#check").textContent()), /^✓ The parts add up exactly/);
  await calc.getByLabel("Population, Halmstad").fill("110,000");
  const pops = REFERENCE_MEMBERS.map(([, p]) => p);
  pops[2] = 110000n;
  const want = hamilton(REFERENCE_TOTAL, perCapitaShares(pops));
  assert.equal((await table(calc))[2][2], `SEK ${want[2].toLocaleString("en-US")}`);
  // "1,5" is not an English number (a comma groups three digits).
  await calc.locator("#total").fill("1,5");
  assert.match(plain(await calc.locator("#total-error").textContent()), /Enter a number/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a screenshot of the first render is kept as a test artifact", async () => {
  const { page, errors } = await openCalculator();
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = `${ARTIFACTS}calculator.png`;
  await page.screenshot({ path: file, fullPage: true });
  const bytes = readFileSync(file);
  assert.equal(bytes.subarray(1, 4).toString("latin1"), "PNG");
  assert.ok(statSync(file).size > 10000);
  assert.deepEqual(errors, []);
  await page.close();
});

test("accessible: every field is labelled, and text has at least 4.5:1 contrast", async () => {
  const { page, calc, errors } = await openCalculator();
  await calc.getByLabel("Fasta andelar").check();
  await calc.locator("#total").fill("x"); // an error message, to check its colour too
  const report = await page.evaluate(() => {
    const root = document.querySelector("andel-calculator").shadowRoot;
    const unlabelled = [];
    for (const el of root.querySelectorAll("input, select, button")) {
      const byFor = el.id && root.querySelector(`label[for="${el.id}"]`);
      const named = el.getAttribute("aria-label") || byFor || el.closest("label") || (el.tagName === "BUTTON" && el.textContent.trim());
      if (!named) unlabelled.push(el.outerHTML.slice(0, 80));
    }
    // WCAG relative luminance and contrast against the background (white unless set).
    const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el) => {
      for (let e = el; e; e = e.parentElement ?? e.getRootNode().host) {
        const bg = getComputedStyle(e).backgroundColor;
        if (bg && !bg.startsWith("rgba(0, 0, 0, 0)") && bg !== "transparent") return rgb(bg);
      }
      return [255, 255, 255];
    };
    const low = [];
    let checked = 0;
    for (const el of root.querySelectorAll("label, legend, th, td, button, p, span, output, a, h2, input[type=text], select")) {
      if (!el.textContent.trim() && !el.value) continue;
      if (el.offsetParent === null) continue;
      const fg = lum(rgb(getComputedStyle(el).color));
      const bg = lum(background(el));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      checked++;
      if (ratio < 4.5) low.push(`${el.tagName}#${el.id}.${el.className}: ${ratio.toFixed(2)}`);
    }
    return { unlabelled, low, checked };
  });
  assert.deepEqual(report.unlabelled, []);
  assert.deepEqual(report.low, []);
  assert.ok(report.checked > 30, `only ${report.checked} elements checked`);
  // A renamed member's fields follow the name.
  await calc.locator("#members tr").nth(0).locator(".name").fill("Båstads kommun");
  assert.equal(await calc.locator("#population-0").getAttribute("aria-label"), "Invånare, Båstads kommun");
  assert.deepEqual(errors, []);
  await page.close();
});

/** A shared link of `n` members, each with a population of 1 000 + i, named by `name`. */
function linkOf(n, name = (i) => `M${i}`) {
  const q = new URLSearchParams({ lang: "sv", total: "1000000", unit: "1", key: "per_capita", fixed: "30" });
  for (let i = 0; i < n; i++) {
    q.append("name", name(i));
    q.append("pop", String(1000 + i));
    q.append("share", "");
  }
  return `${server.url}#andel:${q}`;
}

test("a shared link of more than 1 000 members is refused with a message; 1 000 still work", async () => {
  const refused = await openCalculator(linkOf(1001));
  const message = refused.calc.locator("#link-error");
  assert.equal(await message.isVisible(), true);
  assert.match(plain(await message.textContent()), /1001 medlemmar, fler än de 1000/);
  // The reference case instead, never a part of the link.
  assert.equal(await refused.calc.locator("#members tr").count(), REFERENCE_MEMBERS.length);
  assert.deepEqual(refused.errors, []);
  await refused.page.close();

  const { page, calc, errors } = await openCalculator(linkOf(1000));
  assert.equal(await calc.locator("#link-error").isVisible(), false);
  assert.equal(await calc.locator("#members tr").count(), 1000);
  await calc.locator("#population-999").fill("0");
  await page.waitForFunction(() => {
    const root = document.querySelector("andel-calculator").shadowRoot;
    return root.querySelectorAll("#members tr")[999].querySelector(".contribution").textContent.trim() === "0 kr";
  });
  assert.deepEqual(errors, []);
  await page.close();
});

test("names from a shared link are text, never HTML", async () => {
  const hostile = `<img src=x onerror="window.__pwned=1"><b>Båstad</b>`;
  const formula = `=HYPERLINK("http://evil.example","B")`;
  const { page, calc, errors } = await openCalculator(linkOf(2, (i) => (i === 0 ? hostile : formula)));
  assert.equal(await calc.locator("#members tr").nth(0).locator(".name").inputValue(), hostile);
  const injected = await page.evaluate(() => {
    const root = document.querySelector("andel-calculator").shadowRoot;
    return { img: root.querySelectorAll("img").length, b: root.querySelectorAll("b").length, pwned: window.__pwned ?? 0 };
  });
  assert.deepEqual(injected, { img: 0, b: 0, pwned: 0 });
  // The CSV download writes the formula as text (OWASP: a leading ').
  const [download] = await Promise.all([page.waitForEvent("download"), calc.locator("#csv").click()]);
  const lines = readFileSync(await download.path(), "utf8").replace(/^\ufeff/, "").split("\n");
  // year,member,name,…: the name cell quoted, with its leading '.
  assert.ok(lines[2].includes(`,"'=HYPERLINK(""http://evil.example"",""B"")",`), lines[2]);
  assert.deepEqual(errors, []);
  await page.close();
});
