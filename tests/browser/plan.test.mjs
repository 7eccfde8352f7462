// Browser tests of <andel-plan> (web/plan.html): Playwright driving Debian's
// headless Chromium against the same static server as `scripts/serve`.
// Expected figures are worked out here from the amounts written in
// examples/tillvaxtmotor.json (BigInt arithmetic) or taken from the shared
// error vectors (tests/vectors/plans/expected.json), never from andel.
//
//   node --test tests/browser/plan.test.mjs   (after scripts/build-wasm and npm ci --prefix tests/browser)
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { launch } from "./browser.mjs";
import { REFERENCE_MEMBERS } from "./expected.mjs";
import { MOUNTS, startServer } from "./server.mjs";

const ARTIFACTS = fileURLToPath(new URL("../../artifacts/browser/", import.meta.url));
const VECTORS = new URL("../vectors/plans/", import.meta.url);

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

/** Spaces of every kind as one ordinary space. */
const plain = (s) => s.replace(/[\s\u00a0\u202f]+/g, " ").trim();

/** A figure shown in the table ("1 250 000", "1,250,000", "−7 975") as a BigInt. */
const units = (s) => BigInt(plain(s).replace(/[ ,]/g, "").replace("\u2212", "-"));

/** The reference plan's years and amounts, as written in examples/tillvaxtmotor.json. */
const YEARS = [2021, 2022, 2023, 2024, 2025];
// 2021: projektledning 900 000 + arbetsdagar 150 000 + analys 600 000 (one-off),
// less the start grant of 400 000 earmarked for the analysis.
const NET_2021 = 900000n + 150000n + 600000n - 400000n;
// 2022: the two recurring lines indexed by 3 % (exact here, no rounding needed).
const NET_2022 = (900000n * 103n) / 100n + (150000n * 103n) / 100n;
// The university's time: 400 hours at 700 kr, every year.
const IN_KIND_YEAR = 400n * 700n;

/** The plan page, ready; collects uncaught page errors, which must stay empty. */
async function openPlan(url = `${server.url}plan.html`) {
  const page = await browser.context.newPage();
  const errors = [];
  page.on("pageerror", (err) => errors.push(err.message));
  await page.goto(url);
  await page.locator("andel-plan[data-ready]").waitFor({ timeout: 20000 });
  return { page, plan: page.locator("andel-plan"), errors };
}

/** A table's body as { header: [...], rows: [[th, td, td, …], …] }, texts as shown. */
async function readTable(plan, id) {
  return plan.locator(`#${id}`).evaluate((table) => ({
    header: [...table.tHead.rows[0].cells].map((c) => c.textContent),
    rows: [...table.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent)),
  }));
}

test("the table shows every member's contribution per year, adding up to each year's net", async () => {
  const { page, plan, errors } = await openPlan();
  const { header, rows } = await readTable(plan, "contributions");
  assert.deepEqual(header, ["Medlem", ...YEARS.map(String), "Totalt"]);
  const byName = new Map(rows.map((r) => [r[0], r.slice(1)]));
  const net = byName.get("Att fördela (netto)").slice(0, YEARS.length).map(units);
  assert.equal(net[0], NET_2021);
  assert.equal(net[1], NET_2022);
  assert.equal(plain(byName.get("Extern finansiering")[0]), "400 000");
  // Each year's contributions add up exactly to that year's net, and each
  // member's total is the sum of its years.
  const members = [...REFERENCE_MEMBERS.map(([name]) => name), "Högskolan i Halmstad"];
  for (let y = 0; y < YEARS.length; y++) {
    const sum = members.reduce((acc, name) => acc + units(byName.get(name)[y]), 0n);
    assert.equal(sum, net[y], `year ${YEARS[y]}`);
  }
  for (const name of members) {
    const cells = byName.get(name).map(units);
    assert.equal(cells.slice(0, YEARS.length).reduce((a, b) => a + b, 0n), cells[YEARS.length], name);
  }
  // 2021 by population of 31 December 2019: every contribution within one
  // krona of its exact share, |c·Σp − net·p| < Σp.
  const total = REFERENCE_MEMBERS.reduce((a, [, p]) => a + p, 0n);
  for (const [name, pop] of REFERENCE_MEMBERS) {
    const c = units(byName.get(name)[0]);
    const off = c * total - NET_2021 * pop;
    assert.ok((off < 0n ? -off : off) < total, `${name} 2021: ${c}`);
  }
  // The member who pays no cash, in the table with 0, and its time in kind.
  assert.equal(units(byName.get("Högskolan i Halmstad")[YEARS.length]), 0n);
  const inKind = await readTable(plan, "in-kind");
  assert.equal(inKind.rows.length, 1);
  assert.match(inKind.rows[0][0], /^Högskolan i Halmstad/);
  assert.deepEqual(inKind.rows[0].slice(1).map(units), [...YEARS.map(() => IN_KIND_YEAR), IN_KIND_YEAR * 5n]);
  // The funding from the plan, the notes from the core.
  const funding = await readTable(plan, "funding");
  assert.equal(plain(funding.rows[0][0]), "Startkapital, Tillväxtverket");
  assert.equal(plain(funding.rows[0][3]), "Kunskapsunderlag och analys");
  assert.ok((await plan.locator(".notes li").count()) > 0);
  // Shares: 2021's are the populations' shares of 31 December 2019, in
  // percent to 4 decimals (no tie: 239 501 does not divide the amounts).
  const shares = await readTable(plan, "shares");
  const hylte = shares.rows.find((r) => r[0] === "Hylte");
  const scaled = 10815n * 100n * 10000n;
  const rounded = scaled / total + (2n * (scaled % total) >= total ? 1n : 0n);
  assert.equal(plain(hylte[1]), `${rounded / 10000n},${String(rounded % 10000n).padStart(4, "0")} %`);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, "plan.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test("tables have captions and header cells; the controls have labels", async () => {
  const { page, plan, errors } = await openPlan();
  for (const id of ["contributions", "shares", "in-kind", "funding"]) {
    const info = await plan.locator(`#${id}`).evaluate((t) => ({
      caption: t.caption?.textContent ?? "",
      cols: [...t.tHead.querySelectorAll("th")].every((th) => th.getAttribute("scope") === "col"),
      rows: [...t.tBodies[0].rows].every((r) => r.cells[0].tagName === "TH" && r.cells[0].getAttribute("scope") === "row"),
    }));
    assert.ok(info.caption.length > 0, `${id} caption`);
    assert.ok(info.cols && info.rows, `${id} headers`);
  }
  for (const id of ["lang", "member", "year"]) {
    const label = await plan.locator(`label[for=${id}]`).textContent();
    assert.ok(label.trim().length > 0, id);
  }
  assert.equal(await page.getByRole("combobox", { name: "Medlem" }).count(), 1);
  assert.equal(await page.getByRole("combobox", { name: "Budgetår" }).count(), 1);
  assert.equal(await page.getByRole("table", { name: /Bidrag per medlem och år/ }).count(), 1);
  assert.equal(await page.getByRole("img", { name: /Diagram/ }).count(), 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the keyboard reaches every control, and arrow keys pick a member", async () => {
  const { page, plan, errors } = await openPlan();
  const seen = [];
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press("Tab");
    seen.push(
      await page.evaluate(() => {
        let a = document.activeElement;
        while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
        return a?.id || a?.getAttribute?.("aria-labelledby") || a?.tagName;
      }),
    );
  }
  for (const id of ["lang", "contributions-caption", "member", "year", "csv", "print"]) {
    assert.ok(seen.includes(id), `${id} not reached by Tab: ${seen.join(" ")}`);
  }
  await plan.locator("#member").focus();
  await page.keyboard.press("ArrowDown");
  assert.equal(await plan.locator("#member").inputValue(), "falkenberg");
  await plan.locator("#explanation h4").first().waitFor();
  assert.match(plain(await plan.locator("#explanation h4").first().textContent()), /^Falkenberg, 2021/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the picker shows the core's explanation and why the contribution changed", async () => {
  const { page, plan, errors } = await openPlan();
  const { rows } = await readTable(plan, "contributions");
  const hylte = rows.find((r) => r[0] === "Hylte").slice(1).map(units);
  await plan.locator("#member").selectOption("hylte");
  await plan.locator("#year").selectOption("2022");
  const how = plain(await plan.locator("#how").textContent());
  // The explanation names the population used (Hylte's SCB figure of
  // 31 December 2020 for 2022) and the contribution in the table.
  assert.match(how, /Hylte \(hylte\), budgetår 2022/);
  assert.match(how, /Befolkning: 10 649 per 2020-12-31/);
  const sv = (n) => plain(String(n).replace(/\B(?=(\d{3})+$)/g, " "));
  assert.ok(how.includes(`bidrag ${sv(hylte[1])} kr`), how);
  // Why: the change from 2021 is the difference of the two table cells; the
  // causes are listed and name the analysis line that ended.
  const why = plain(await plan.locator("#why").textContent());
  const less = hylte[0] - hylte[1];
  assert.ok(less > 0n);
  assert.ok(why.includes(`${sv(less)} kr mindre än 2021`), why);
  // Cause by cause: each item starts with its signed amount, and the
  // amounts add up to the change between the two table cells.
  const causes = (await plan.locator("#why li").allTextContents()).map(plain);
  assert.ok(causes.length >= 2, causes.join(" | "));
  const amounts = causes.map((c) => {
    const m = /^([+\-\u2212])(\d{1,3}(?: \d{3})*) kr /.exec(c);
    assert.ok(m, c);
    return (m[1] === "+" ? 1n : -1n) * BigInt(m[2].replace(/ /g, ""));
  });
  assert.equal(amounts.reduce((a, b) => a + b, 0n), hylte[1] - hylte[0]);
  assert.match(why, /Kunskapsunderlag och analys/);
  // The first year has nothing to compare with.
  await plan.locator("#year").selectOption("2021");
  assert.match(plain(await plan.locator("#why").textContent()), /första år/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("switching to English changes the labels, the number format and the explanation", async () => {
  const { page, plan, errors } = await openPlan();
  await plan.locator("#member").selectOption("hylte");
  await plan.locator("#year").selectOption("2022");
  await plan.locator("#lang").selectOption("en");
  const { header, rows } = await readTable(plan, "contributions");
  assert.deepEqual(header, ["Member", ...YEARS.map(String), "Total"]);
  const net = rows.find((r) => r[0] === "Shared (net)");
  assert.equal(net[1], "1,250,000");
  // The choice of member and year stays; the core's sentences are English.
  assert.equal(await plan.locator("#member").inputValue(), "hylte");
  assert.match(plain(await plan.locator("#how").textContent()), /Hylte \(hylte\), budget year 2022/);
  assert.match(plain(await plan.locator("#why").textContent()), /less than in 2021/);
  // The plan's notes are the core's, in English now (Ljungby's 2021 figure carried into 2022).
  const notesEn = plain(await plan.locator(".notes").textContent());
  assert.match(notesEn, /^Good to know/);
  assert.match(notesEn, /no population figure for 2020-12-31 for Ljungby/);
  // And back, by the attribute.
  await plan.evaluate((el) => el.setAttribute("lang", "sv"));
  assert.equal((await readTable(plan, "contributions")).header[0], "Medlem");
  const notesSv = plain(await plan.locator(".notes").textContent());
  assert.match(notesSv, /^Att känna till/);
  assert.match(notesSv, /befolkningstal per 2020-12-31 saknas för Ljungby/);
  assert.doesNotMatch(notesSv, /no population figure/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a bad plan shows the core's code, field path, line and column inside the element", async () => {
  const { page, plan, errors } = await openPlan();
  const expected = JSON.parse(readFileSync(new URL("expected.json", VECTORS), "utf8")).plans;
  // A misspelt field, a member that does not exist (JSON), a float where an
  // amount must be exact (a syntax error), and a figure missing only when
  // the plan is computed (placed in the text all the same).
  const files = ["error-unknown-field.toml", "error-json-unknown-member.json", "error-float-amount.toml", "carry-forward-off-missing-figure.toml"];
  for (const file of files) {
    const want = expected[file];
    const text = readFileSync(new URL(file, VECTORS), "utf8");
    await plan.evaluate((el, t) => (el.plan = t), text);
    await plan.locator(".error .code").waitFor();
    assert.equal(await plan.locator(".error .code").textContent(), want.error, file);
    const where = plain(await plan.locator(".error .where").textContent());
    assert.ok(where.includes(`fältet ${want.path}`), `${file}: ${where}`);
    assert.ok(where.includes(`rad ${want.line}, kolumn ${want.column}`), `${file}: ${where}`);
    assert.equal(await plan.locator("#contributions").count(), 0);
    assert.ok(plain(await plan.locator(".error .message").textContent()).length > 0, file);
  }
  // The error is said again in English when the language changes.
  const last = expected[files.at(-1)];
  await plan.locator("#lang").selectOption("en");
  const where = plain(await plan.locator(".error .where").textContent());
  assert.ok(where.includes(`field ${last.path}, line ${last.line}, column ${last.column}`), where);
  assert.equal(await plan.locator(".error .code").textContent(), last.error);
  await plan.locator("#lang").selectOption("sv");
  // Untrusted text is text: a member named like markup stays text.
  const hostile = readFileSync(new URL("../../examples/tillvaxtmotor.json", import.meta.url), "utf8").replace(
    '"name": "Hylte"',
    '"name": "<img src=x onerror=alert(1)>Hylte"',
  );
  await plan.evaluate((el, t) => (el.plan = t), hostile);
  await plan.locator("#contributions").waitFor();
  assert.equal(await plan.locator("img").count(), 0);
  assert.ok((await readTable(plan, "contributions")).rows.some((r) => r[0] === "<img src=x onerror=alert(1)>Hylte"));
  assert.deepEqual(errors, []);
  await page.close();
});

test("a missing plan file or a missing package is said inside the element", async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}plan.html`);
  await page.evaluate(() => {
    const el = document.createElement("andel-plan");
    el.id = "missing";
    el.setAttribute("src", "examples/nothing-here.json");
    document.body.append(el);
  });
  await page.locator("#missing[data-error]").waitFor({ timeout: 20000 });
  assert.match(plain(await page.locator("#missing .error").textContent()), /nothing-here\.json: HTTP 404/);
  await page.close();
  // Served without /pkg-plan/: the element names the address it loaded from.
  const bare = await startServer({ mounts: MOUNTS.filter(([prefix]) => prefix !== "/pkg-plan/") });
  try {
    const page2 = await browser.context.newPage();
    await page2.goto(`${bare.url}plan.html`);
    await page2.locator("andel-plan[data-error]").waitFor({ timeout: 20000 });
    assert.match(plain(await page2.locator("andel-plan .error").textContent()), /pkg-plan\//);
    await page2.close();
  } finally {
    await bare.close();
  }
});

test("printing hides the controls and keeps the tables and the explanation", async () => {
  const { page, plan, errors } = await openPlan();
  await page.emulateMedia({ media: "print" });
  assert.equal(await plan.locator("#member").isVisible(), false);
  assert.equal(await plan.locator("#csv").isVisible(), false);
  assert.equal(await plan.locator("#contributions").isVisible(), true);
  assert.equal(await plan.locator("#how").isVisible(), true);
  // Pages in the PDF: the report fits on one or two A4 pages (issue 16), in either language.
  for (const lang of ["sv", "en"]) {
    await plan.evaluate((el, l) => (el.lang = l), lang);
    const pdf = await page.pdf({ format: "A4" });
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 1 && pages <= 2, `${lang}: ${pages} pages`);
  }
  await plan.evaluate((el) => (el.lang = "sv"));
  await page.emulateMedia({ media: "screen" });
  assert.equal(await plan.locator("#member").isVisible(), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the CSV download is core's CSV, UTF-8 with a byte order mark, with the table's figures", async () => {
  const { page, plan, errors } = await openPlan();
  const { rows } = await readTable(plan, "contributions");
  const table = new Map(rows.map((r) => [r[0], r.slice(1, 1 + YEARS.length).map(units)]));
  const [download] = await Promise.all([page.waitForEvent("download"), plan.locator("#csv").click()]);
  assert.equal(download.suggestedFilename(), "bidrag.csv");
  const bytes = readFileSync(await download.path());
  // EF BB BF: UTF-8's byte order mark, which makes Excel read "Båstad" right.
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString("utf8");
  assert.ok(text.includes("Båstad"));
  const [header, ...lines] = text.trimEnd().split("\n");
  const columns = header.split(",");
  assert.deepEqual(columns.slice(0, 7), ["year", "member", "name", "population", "share", "share_percent", "contribution"]);
  assert.equal(columns.at(-1), "in_kind");
  // A row per member and year (no name of the reference plan needs quoting).
  assert.equal(lines.length, 7 * YEARS.length);
  const sums = new Map();
  for (const line of lines) {
    const cells = line.split(",");
    assert.equal(cells.length, columns.length, line);
    const year = Number(cells[0]);
    const contribution = BigInt(cells[6]);
    sums.set(year, (sums.get(year) ?? 0n) + contribution);
    // The same figure as the table's cell.
    assert.equal(contribution, table.get(cells[2])[YEARS.indexOf(year)], line);
  }
  assert.equal(sums.get(2021), NET_2021);
  assert.equal(sums.get(2022), NET_2022);
  // The university's time in kind, in its own column.
  const university = lines.find((l) => l.startsWith("2021,") && l.includes("Högskolan i Halmstad"));
  assert.equal(BigInt(university.split(",").at(-1)), IN_KIND_YEAR);
  // The element's csv() is the same text, without the mark.
  assert.equal(await plan.evaluate((el) => el.csv()), text);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the chart has a y axis with a round scale in the language's format, and each year's bar is its net", async () => {
  const { page, plan, errors } = await openPlan();
  const readChart = () =>
    plan.locator("section.chart svg").evaluate((svg) => {
      const lines = [...svg.querySelectorAll("line")].map((l) => ({
        axis: l.classList.contains("axis"),
        x1: +l.getAttribute("x1"),
        x2: +l.getAttribute("x2"),
        y1: +l.getAttribute("y1"),
        y2: +l.getAttribute("y2"),
      }));
      const texts = [...svg.querySelectorAll(":scope > text")].map((t) => ({
        text: t.textContent,
        x: +t.getAttribute("x"),
        y: +t.getAttribute("y"),
        anchor: t.getAttribute("text-anchor"),
      }));
      const bars = [...svg.querySelectorAll("rect")].map((r) => ({
        x: +r.getAttribute("x"),
        height: +r.getAttribute("height"),
        title: r.querySelector("title").textContent,
      }));
      return { lines, texts, bars };
    });
  const { lines, texts, bars } = await readChart();
  // Two axes: a vertical one (x1 = x2) and a horizontal one (y1 = y2).
  const axes = lines.filter((l) => l.axis);
  assert.equal(axes.length, 2);
  const yAxis = axes.find((l) => l.x1 === l.x2);
  const xAxis = axes.find((l) => l.y1 === l.y2);
  assert.ok(yAxis && xAxis);
  // The scale: tick labels right-aligned left of the y axis, from 0 in equal round steps.
  const ticks = texts.filter((t) => t.anchor === "end" && t.x < yAxis.x1);
  const values = ticks.map((t) => units(t.text));
  assert.ok(values.length >= 3, `${values.length} ticks`);
  assert.equal(values[0], 0n);
  const step = values[1] - values[0];
  values.forEach((v, i) => assert.equal(v, step * BigInt(i)));
  assert.match(String(step), /^[125]0*$/);
  // Tick labels grouped as in Swedish ("500 000"), and the largest net under the top tick.
  assert.ok(ticks.some((t) => /^\d{1,3}([\u202f ]\d{3})+$/.test(t.text)), ticks.map((t) => t.text).join("|"));
  assert.ok(values.at(-1) >= NET_2021);
  // Year labels under the x axis, one per year.
  const years = texts.filter((t) => t.anchor === "middle" && t.y > xAxis.y1).map((t) => Number(t.text));
  assert.deepEqual(years, YEARS);
  // Each bar segment is a member's contribution: a year's segments stack to
  // its net on the scale (a pixel of rounding allowed per segment).
  const pixelsPerUnit = (yAxis.y2 - yAxis.y1) / Number(values.at(-1));
  const bar2021 = bars.filter((b) => b.title.includes(" 2021:"));
  const height2021 = bar2021.reduce((a, b) => a + b.height, 0);
  assert.ok(Math.abs(height2021 - Number(NET_2021) * pixelsPerUnit) <= bar2021.length, `${height2021}`);
  assert.ok(bar2021.some((b) => /^Hylte 2021: \d/.test(b.title)));
  // In English the scale is grouped with commas.
  await plan.locator("#lang").selectOption("en");
  const en = await readChart();
  assert.ok(en.texts.some((t) => /^\d{1,3}(,\d{3})+$/.test(t.text)));
  assert.ok(en.bars.some((b) => /^Hylte 2021: SEK \d{1,3}(,\d{3})*$/.test(b.title)));
  assert.deepEqual(errors, []);
  await page.close();
});

test("no text from a plan is ever read as HTML: names, descriptions and errors stay text", async () => {
  const { page, plan, errors } = await openPlan();
  let dialogs = 0;
  page.on("dialog", async (d) => {
    dialogs++;
    await d.dismiss();
  });
  const markup = (tag) => `<img src=x onerror=alert('${tag}')><b>${tag}</b>`;
  const doc = JSON.parse(readFileSync(new URL("../../examples/tillvaxtmotor.json", import.meta.url), "utf8"));
  doc.name = markup("plan");
  doc.members[3].name = markup("member");
  doc.costs[2].name = markup("line");
  doc.funding[0].name = markup("funding");
  doc.in_kind[0].description = markup("inkind");
  await plan.evaluate((el, t) => (el.plan = t), JSON.stringify(doc));
  await plan.locator("#contributions").waitFor();
  await plan.locator("#member").selectOption("hylte");
  await plan.locator("#year").selectOption("2022");
  const shown = await plan.evaluate((el) => ({
    elements: el.shadowRoot.querySelectorAll("img, b, script").length,
    text: el.shadowRoot.textContent,
  }));
  assert.equal(shown.elements, 0);
  for (const tag of ["plan", "member", "funding", "inkind"]) assert.ok(shown.text.includes(markup(tag)), tag);
  // The explanation and the causes (from the core) name the line as text too.
  assert.ok((await plan.locator("#why").textContent()).includes(markup("line")));
  // An error message quoting the plan's text: a misspelt field named like markup.
  const bad = JSON.stringify({ ...doc, ["<img src=x onerror=alert('field')>"]: 1 });
  await plan.evaluate((el, t) => (el.plan = t), bad);
  await plan.locator(".error .code").waitFor();
  assert.equal(await plan.locator("img").count(), 0);
  assert.ok((await plan.locator(".error").textContent()).includes("<img src=x onerror=alert('field')>"));
  await page.waitForTimeout(200);
  assert.equal(dialogs, 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test("only the plan loads the plan package; the calculator's page never does", async () => {
  const requested = async (path, ready) => {
    const page = await browser.context.newPage();
    const urls = [];
    page.on("request", (r) => urls.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}${path}`);
    await page.locator(`${ready}[data-ready]`).waitFor({ timeout: 20000 });
    await page.close();
    return urls;
  };
  const calculator = await requested("", "andel-calculator");
  assert.ok(calculator.some((u) => u.startsWith("/pkg/")));
  assert.ok(!calculator.some((u) => u.startsWith("/pkg-plan/")), calculator.join(" "));
  const plan = await requested("plan.html", "andel-plan");
  assert.ok(plan.some((u) => u === "/pkg-plan/andel_wasm_bg.wasm"));
  assert.ok(!plan.some((u) => u.startsWith("/pkg/")), plan.join(" "));
});
