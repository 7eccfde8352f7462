// <andel-plan>: an embeddable view of a collaboration's published
// multi-year budget plan — what every member pays each year, why, and why
// it changed from the year before.
//
//   <script type="module" src="andel-plan.js"></script>
//   <andel-plan src="plan.json" lang="sv"></andel-plan>
//
// or, from a script, `element.plan = text` (the plan's TOML or JSON text).
//
// It loads andel's plan package from ./pkg-plan/ beside this file (the
// contents of wasm/pkg/plan: the full package's wrapper around a module with
// only the plan functions, or wasm/pkg/web, which has them all), lazily,
// when the first element starts:
// the calculator's page, which loads the smaller ./pkg/, never pays for it.
//
// Every figure and every sentence comes from andel's core (WebAssembly):
// `computedPlan` reads and computes a plan once, and that computed plan
// gives the table and its notes, a member's explanation, the change from
// the year before and the CSV, all with `lang` so the core writes them in
// Swedish or English: choosing a member or a year never reads the plan again. This file only lays the
// figures out, groups their digits and draws bars; it never computes money.
//
// Nothing from the plan (names, descriptions, notes, error messages) is
// ever inserted as HTML: the content is built with DOM calls and
// textContent. Nothing is thrown into the host page: a failure (the
// package, the plan's address, a bad plan) is shown inside the element.

/** andel's plan package, once loaded. A dynamic import, so a missing package is an error shown, not a blank page. */
let andel = null;
let loading = null;

/** Where the plan package is read from: ./pkg-plan/ beside this file. */
export const PACKAGE_URL = new URL("./pkg-plan/index.js", import.meta.url).href;

function loadPackage() {
  loading ??= import(PACKAGE_URL).then(async (pkg) => {
    await pkg.default();
    andel = pkg;
  });
  // A failed load is not cached: an element added later tries again.
  loading.catch(() => (loading = null));
  return loading;
}

const TEXT = {
  sv: {
    language: "Språk",
    loading: "Laddar planen …",
    loadFailed: (url) => `Planens beräkning kunde inte laddas från ${url}`,
    fetchFailed: (url) => `Planen kunde inte hämtas från ${url}`,
    noPlan: "Ingen plan angiven: ge elementet attributet src eller egenskapen plan.",
    badPlan: "Planen kan inte beräknas",
    code: "Felkod",
    where: "Plats",
    field: (p) => (p === "" ? "hela planen" : `fältet ${p}`),
    lineColumn: (l, c) => `rad ${l}, kolumn ${c}`,
    contributions: (cur) => `Bidrag per medlem och år (${cur})`,
    shares: "Andel av årets nettokostnad",
    member: "Medlem",
    total: "Totalt",
    gross: "Kostnader",
    funding: "Extern finansiering",
    net: "Att fördela (netto)",
    inKind: (cur) => `Insatser i form av arbete, värde (${cur})`,
    inKindNone: "Planen har inga insatser i form av arbete.",
    fundingTitle: "Extern finansiering",
    fundingNone: "Planen har ingen extern finansiering.",
    fundingName: "Finansiering",
    year: "År",
    amount: "Belopp",
    earmarked: "Öronmärkt för",
    allLines: "alla kostnader det året",
    notes: "Att känna till",
    explainTitle: "Varför betalar medlemmen detta?",
    pickMember: "Medlem",
    pickYear: "Budgetår",
    explanation: (name, year) => `${name}, ${year}`,
    changeTitle: (year) => (year === null ? "Förändring från föregående år" : `Förändring från ${year}`),
    firstYear: "Planens första år: det finns inget tidigare år att jämföra med.",
    chart: "Diagram: bidrag per år och medlem",
    chartDesc: "Staplade staplar, en per budgetår; varje färg är en medlem. Siffrorna finns i tabellen ovan.",
    csv: "Ladda ned tabellen (CSV)",
    print: "Skriv ut",
    currency: (s) => `${s} kr`,
  },
  en: {
    language: "Language",
    loading: "Loading the plan …",
    loadFailed: (url) => `The plan's calculation could not be loaded from ${url}`,
    fetchFailed: (url) => `The plan could not be fetched from ${url}`,
    noPlan: "No plan given: set the element's src attribute or its plan property.",
    badPlan: "The plan cannot be computed",
    code: "Error code",
    where: "Where",
    field: (p) => (p === "" ? "the whole plan" : `field ${p}`),
    lineColumn: (l, c) => `line ${l}, column ${c}`,
    contributions: (cur) => `Contribution per member and year (${cur})`,
    shares: "Share of the year's net cost",
    member: "Member",
    total: "Total",
    gross: "Costs",
    funding: "External funding",
    net: "Shared (net)",
    inKind: (cur) => `Contributions in kind, value (${cur})`,
    inKindNone: "The plan has no contributions in kind.",
    fundingTitle: "External funding",
    fundingNone: "The plan has no external funding.",
    fundingName: "Funding",
    year: "Year",
    amount: "Amount",
    earmarked: "Earmarked for",
    allLines: "every cost of that year",
    notes: "Good to know",
    explainTitle: "Why does the member pay this?",
    pickMember: "Member",
    pickYear: "Budget year",
    explanation: (name, year) => `${name}, ${year}`,
    changeTitle: (year) => (year === null ? "Change from the year before" : `Change from ${year}`),
    firstYear: "The plan's first year: there is no earlier year to compare with.",
    chart: "Chart: contribution per year and member",
    chartDesc: "Stacked bars, one per budget year; each colour is a member. The figures are in the table above.",
    csv: "Download the table (CSV)",
    print: "Print",
    currency: (s) => `SEK ${s}`,
  },
};

/**
 * Separators of a locale. Swedish groups with a narrow no-break space and
 * writes a decimal comma, as the core's Swedish sentences do, so the table
 * and the explanation look alike.
 */
const SEPARATORS = {
  sv: { group: "\u202f", decimal: ",", minus: "\u2212", percent: "\u00a0%" },
  en: { group: ",", decimal: ".", minus: "-", percent: "%" },
};

/**
 * Formats a decimal string from the core ("1234567.5", "-12") with the
 * locale's digit grouping and decimal separator. Works on the text only:
 * no float is involved.
 */
export function formatDecimal(text, lang) {
  const sep = SEPARATORS[lang] ?? SEPARATORS.sv;
  const negative = text.startsWith("-");
  const [int, frac] = (negative ? text.slice(1) : text).split(".");
  let grouped = "";
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) grouped += sep.group;
    grouped += int[i];
  }
  return (negative ? sep.minus : "") + grouped + (frac !== undefined ? sep.decimal + frac : "");
}

/** The format of a plan's text: JSON when it starts with `{`, TOML otherwise. */
export function formatOf(text) {
  return /^\s*\{/.test(text) ? "json" : "toml";
}

/** Creates an element with attributes and children (strings become text nodes, never HTML). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "className") el.className = v;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  el.append(...children.flat().filter((c) => c !== null && c !== undefined));
  return el;
}

const SVG = "http://www.w3.org/2000/svg";

/** UTF-8's byte order mark, written before the CSV download so Excel reads it as UTF-8. */
const CSV_BOM = "\ufeff";

function s(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Bar colours, distinguishable and at least 3:1 against white. */
const COLOURS = ["#0b4a8b", "#c25400", "#1b5e20", "#6a1b9a", "#8b0000", "#00695c", "#4e342e", "#283593"];

const STYLE = `
:host { display: block; font-family: system-ui, sans-serif; color: #1a1a1a; background: #fff;
  max-width: 64rem; line-height: 1.4; }
* { box-sizing: border-box; }
h2 { font-size: 1.3rem; margin: 0 0 .75rem; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 .5rem; }
.row { display: flex; flex-wrap: wrap; gap: .75rem 1.5rem; align-items: flex-end; margin-bottom: .75rem; }
label { font-weight: 600; display: block; }
select, button { font: inherit; color: #1a1a1a; }
select { border: 1px solid #595959; border-radius: 3px; padding: .25rem; background: #fff; }
button { border: 1px solid #0b4a8b; background: #fff; color: #0b4a8b; border-radius: 3px; padding: .3rem .7rem; cursor: pointer; }
:focus-visible { outline: 3px solid #c25400; outline-offset: 2px; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: .25rem 0 .75rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { text-align: left; padding: .25rem .4rem; border-bottom: 1px solid #d0d0d0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tfoot th, tfoot td { font-weight: 600; }
tbody tr.sum th, tbody tr.sum td { font-weight: 600; border-top: 2px solid #595959; }
.error { color: #b00020; border-left: 4px solid #b00020; background: #fff4f4; padding: .5rem 1rem; }
.error p { margin: .25rem 0; }
.explain { border-left: 4px solid #0b4a8b; padding: .25rem 1rem; background: #f5f8fc; }
.explain p { margin: .3rem 0; }
.causes { margin: .25rem 0; padding-left: 1.25rem; }
.notes { font-size: .95rem; }
.actions { display: flex; gap: 1rem; flex-wrap: wrap; margin: .5rem 0; }
svg text { font: 12px system-ui, sans-serif; fill: #1a1a1a; }
svg .axis { stroke: #1a1a1a; stroke-width: 1; }
svg .grid { stroke: #d0d0d0; stroke-width: 1; }
.legend { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; padding: 0; margin: .25rem 0; font-size: .9rem; }
.swatch { display: inline-block; width: .9rem; height: .9rem; margin-right: .3rem; vertical-align: -.1rem; }
.help { font-size: .9rem; color: #404040; margin: .25rem 0; }
@media print {
  :host { max-width: none; font-size: 10pt; }
  .no-print { display: none !important; }
  .scroll { overflow: visible; }
  table { page-break-inside: avoid; break-inside: avoid; }
  th, td { padding: .1rem .3rem; }
  .explain { background: none; }
  section.chart { break-inside: avoid; }
}
`;

/** The custom element. */
export class AndelPlan extends HTMLElement {
  static get observedAttributes() {
    return ["src", "lang"];
  }

  constructor() {
    super();
    this.attachShadow({ mode: "open" });
    this._lang = "sv";
    this._source = null; // { text, format }
    this._computed = null; // the core's computed plan (andel.computedPlan)
    this._result = null;
    this._document = null; // the plan as JSON (names of funding, in-kind descriptions)
    this._member = null;
    this._year = null;
    this._generation = 0;
  }

  connectedCallback() {
    if (this._started) return;
    this._started = true;
    // A `plan` set on the element before it was defined is an own property
    // hiding the setter: hand it to the setter.
    if (Object.hasOwn(this, "plan")) {
      const value = this.plan;
      delete this.plan;
      this.plan = value;
    }
    this._lang = (this.getAttribute("lang") ?? "sv").startsWith("en") ? "en" : "sv";
    this._status(this._t.loading);
    this._load();
  }

  attributeChangedCallback(name, before, after) {
    if (!this._started || before === after) return;
    if (name === "lang") this.lang = after;
    if (name === "src") this._load();
  }

  /** The plan's text (TOML or JSON) last given, or null. Setting it computes and shows that plan. */
  get plan() {
    return this._source?.text ?? null;
  }

  set plan(value) {
    // A plan object is accepted too, as JSON text.
    const text = typeof value === "string" ? value : JSON.stringify(value ?? null);
    this._planText = text;
    if (this._started) this._load();
  }

  /** The language, `sv` or `en`; setting it redraws in that language. */
  get lang() {
    return this._lang;
  }

  set lang(value) {
    const lang = String(value ?? "").startsWith("en") ? "en" : "sv";
    if (lang === this._lang) return;
    this._lang = lang;
    // Reflected, so the host's `lang` tells assistive technology the language of the content.
    if (this.getAttribute("lang") !== lang) this.setAttribute("lang", lang);
    if (this._result) {
      // The notes are the core's sentences too: computed again in the new language.
      try {
        this._result = this._computed.result({ lang });
      } catch (err) {
        console.error("andel-plan:", err);
      }
      this._show();
    } else if (this._lastError) this._showError(this._lastError);
  }

  /** The last plan result shown (the core's, figures as strings), or null. */
  get result() {
    return this._result;
  }

  get _t() {
    return TEXT[this._lang];
  }

  /** Loads the package and the plan (the property's text, else `src`), then shows it; every failure shown inside. */
  async _load() {
    const generation = ++this._generation;
    const current = () => generation === this._generation;
    try {
      await loadPackage();
    } catch (err) {
      if (current()) this._fatal(`${this._t.loadFailed(new URL("./pkg-plan/", import.meta.url).href)}: ${err?.message ?? err}`);
      return;
    }
    let source;
    try {
      source = await this._readSource();
    } catch (err) {
      if (current()) this._fatal(err.message);
      return;
    }
    if (!current()) return;
    if (source === null) {
      this._fatal(this._t.noPlan);
      return;
    }
    this._compute(source);
  }

  /** The plan's text and format: the `plan` property's, else fetched from `src`, else null. */
  async _readSource() {
    if (this._planText !== undefined) return { text: this._planText, format: formatOf(this._planText) };
    const src = this.getAttribute("src");
    if (!src) return null;
    const url = new URL(src, document.baseURI).href;
    let response;
    try {
      response = await fetch(url);
    } catch (err) {
      throw new Error(`${this._t.fetchFailed(url)}: ${err?.message ?? err}`);
    }
    if (!response.ok) throw new Error(`${this._t.fetchFailed(url)}: HTTP ${response.status}`);
    const text = await response.text();
    const format = /\.toml$/i.test(new URL(url).pathname) ? "toml" : formatOf(text);
    return { text, format };
  }

  /** Computes the plan in the core and shows it, or shows the core's located error. */
  _compute(source) {
    let computed = null;
    let result;
    let doc;
    try {
      computed = andel.computedPlan(source.text, { format: source.format });
      result = computed.result({ lang: this._lang });
      doc = JSON.parse(computed.toJson());
    } catch (err) {
      computed?.free();
      this._result = null;
      this._lastError = err;
      this._showError(err);
      this._announce();
      return;
    }
    this._computed?.free();
    this._computed = computed;
    this._source = source;
    this._result = result;
    this._document = doc;
    this._lastError = null;
    const ids = result.years[0]?.members.map((m) => m.id) ?? [];
    if (!ids.includes(this._member)) this._member = ids[0] ?? null;
    if (!result.years.some((y) => y.year === this._year)) this._year = result.years[0]?.year ?? null;
    this._show();
    this._announce();
  }

  _announce() {
    if (!this.hasAttribute("data-ready")) {
      this.setAttribute("data-ready", "");
      performance.mark?.("andel-plan-first-result");
    }
    this.dispatchEvent(new CustomEvent("andel-ready", { bubbles: true }));
  }

  _style() {
    return h("style", {}, STYLE);
  }

  _status(text) {
    this.shadowRoot.replaceChildren(this._style(), h("p", { role: "status" }, text));
  }

  /** A failure before any plan could be read (package, address, no plan). */
  _fatal(message) {
    this.shadowRoot.replaceChildren(this._style(), h("div", { className: "error", role: "alert" }, h("p", {}, message)));
    this.setAttribute("data-error", "");
    this._announce();
  }

  /** A bad plan: the core's code, the field's path, line and column, and its message. */
  _showError(err) {
    const t = this._t;
    const where = [];
    if (typeof err?.path === "string") where.push(t.field(err.path));
    if (Number.isInteger(err?.line) && Number.isInteger(err?.column)) where.push(t.lineColumn(err.line, err.column));
    const box = h(
      "div",
      { className: "error", role: "alert" },
      h("p", {}, h("strong", {}, t.badPlan)),
      h("p", {}, `${t.code}: `, h("code", { className: "code" }, String(err?.code ?? "error"))),
      where.length ? h("p", { className: "where" }, `${t.where}: ${where.join(", ")}`) : null,
      h("p", { className: "message" }, String(err?.message ?? err)),
    );
    this.shadowRoot.replaceChildren(this._style(), this._languagePicker(), box);
    this.setAttribute("data-error", "");
  }

  _languagePicker() {
    const select = h(
      "select",
      { id: "lang" },
      h("option", { value: "sv", selected: this._lang === "sv" }, "Svenska"),
      h("option", { value: "en", selected: this._lang === "en" }, "English"),
    );
    select.addEventListener("change", guard(() => (this.lang = select.value)));
    return h("div", { className: "row no-print" }, h("div", {}, h("label", { for: "lang" }, this._t.language), select));
  }

  /** Draws the whole element from the last result, in the current language. */
  _show() {
    const r = this._result;
    this.removeAttribute("data-error");
    const section = h(
      "section",
      { "aria-labelledby": "title" },
      h("h2", { id: "title" }, r.name),
      this._languagePicker(),
      this._contributionTable(),
      this._shareTable(),
      this._chart(),
      this._inKindTable(),
      this._fundingTable(),
      this._notes(),
      this._explainSection(),
      this._actions(),
    );
    this.shadowRoot.replaceChildren(this._style(), section);
    this._explain();
  }

  _money(text) {
    return this._t.currency(formatDecimal(text, this._lang));
  }

  _figure(text) {
    return formatDecimal(text, this._lang);
  }

  _percent(text) {
    return `${formatDecimal(text, this._lang)}${SEPARATORS[this._lang].percent}`;
  }

  /** A table with a caption, a header row of years and one row per entry, in a keyboard-scrollable region. */
  _yearTable(id, caption, first, rows, { total = false, foot = [] } = {}) {
    const years = this._result.years.map((y) => y.year);
    const head = h(
      "tr",
      {},
      h("th", { scope: "col" }, first),
      years.map((y) => h("th", { scope: "col", className: "num" }, String(y))),
      total ? h("th", { scope: "col", className: "num" }, this._t.total) : null,
    );
    const row = ([label, cells, sum], cls) =>
      h(
        "tr",
        { className: cls },
        h("th", { scope: "row" }, label),
        cells.map((c) => h("td", { className: "num" }, c)),
        total ? h("td", { className: "num" }, sum ?? "") : null,
      );
    const table = h(
      "table",
      { id },
      h("caption", { id: `${id}-caption` }, caption),
      h("thead", {}, head),
      h("tbody", {}, rows.map((r) => row(r)), foot.map((r) => row(r, "sum"))),
    );
    // A region that can take the focus, so a keyboard can scroll a wide table.
    return h("div", { className: "scroll", role: "region", tabindex: "0", "aria-labelledby": `${id}-caption` }, table);
  }

  _contributionTable() {
    const t = this._t;
    const r = this._result;
    const rows = r.totals.map((m, i) => [
      m.name,
      r.years.map((y) => this._figure(y.members[i].contribution)),
      this._figure(m.contribution),
    ]);
    const foot = [
      [t.gross, r.years.map((y) => this._figure(y.gross))],
      [t.funding, r.years.map((y) => this._figure(y.funding))],
      [t.net, r.years.map((y) => this._figure(y.net))],
    ];
    return this._yearTable("contributions", t.contributions(r.currency), t.member, rows, { total: true, foot });
  }

  _shareTable() {
    const t = this._t;
    const r = this._result;
    const rows = r.totals.map((m, i) => [m.name, r.years.map((y) => this._percent(y.members[i].share_percent))]);
    return this._yearTable("shares", t.shares, t.member, rows);
  }

  _inKindTable() {
    const t = this._t;
    const r = this._result;
    const givers = r.totals.map((m, i) => ({ m, i })).filter(({ m }) => m.in_kind !== "0");
    if (givers.length === 0) return h("p", { className: "help" }, t.inKindNone);
    const described = (id) =>
      (this._document?.in_kind ?? [])
        .filter((k) => k.member === id && k.description)
        .map((k) => k.description)
        .join("; ");
    const rows = givers.map(({ m, i }) => {
      const what = described(m.id);
      return [
        what ? `${m.name} (${what})` : m.name,
        r.years.map((y) => this._figure(y.members[i].in_kind)),
        this._figure(m.in_kind),
      ];
    });
    return this._yearTable("in-kind", t.inKind(r.currency), t.member, rows, { total: true });
  }

  _fundingTable() {
    const t = this._t;
    const funding = this._document?.funding ?? [];
    if (funding.length === 0) return h("p", { className: "help" }, t.fundingNone);
    const lineName = (id) => (this._document.costs ?? []).find((c) => c.id === id)?.name ?? id;
    const table = h(
      "table",
      { id: "funding" },
      h("caption", {}, t.fundingTitle),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, t.fundingName),
          h("th", { scope: "col", className: "num" }, t.year),
          h("th", { scope: "col", className: "num" }, t.amount),
          h("th", { scope: "col" }, t.earmarked),
        ),
      ),
      h(
        "tbody",
        {},
        funding.map((f) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, f.name),
            h("td", { className: "num" }, String(f.year)),
            h("td", { className: "num" }, this._money(String(f.amount))),
            h("td", {}, f.line ? lineName(f.line) : t.allLines),
          ),
        ),
      ),
    );
    return h("div", { className: "scroll" }, table);
  }

  _notes() {
    const notes = this._result.notes;
    if (notes.length === 0) return null;
    return h(
      "section",
      { className: "notes", "aria-labelledby": "notes-title" },
      h("h3", { id: "notes-title" }, this._t.notes),
      h("ul", {}, notes.map((n) => h("li", {}, n))),
    );
  }

  /** A stacked bar per year, a segment per member, with a y axis in the plan's currency. */
  _chart() {
    const t = this._t;
    const r = this._result;
    const width = 640;
    const height = 260;
    const left = 90;
    const bottom = 30;
    const top = 10;
    const plot = height - bottom - top;
    // Pixels are the one place a float is fine: the bars are drawn from the
    // core's figures, which are never computed here.
    const max = Math.max(1, ...r.years.map((y) => Number(y.net)));
    const step = niceStep(max / 4);
    const ticks = [];
    for (let v = 0; v <= max + step / 2; v += step) ticks.push(v);
    const scaleMax = ticks[ticks.length - 1] || 1;
    const y = (v) => top + plot - (v / scaleMax) * plot;
    const svg = s("svg", {
      viewBox: `0 0 ${width} ${height}`,
      width: "100%",
      role: "img",
      "aria-labelledby": "chart-title chart-desc",
    });
    svg.append(s("title", { id: "chart-title" }, t.chart), s("desc", { id: "chart-desc" }, t.chartDesc));
    for (const v of ticks) {
      svg.append(
        s("line", { class: "grid", x1: left, x2: width, y1: y(v), y2: y(v) }),
        s("text", { x: left - 6, y: y(v) + 4, "text-anchor": "end" }, this._figure(String(v))),
      );
    }
    const slot = (width - left) / r.years.length;
    r.years.forEach((year, i) => {
      const x = left + i * slot + slot * 0.2;
      let acc = 0;
      year.members.forEach((m, j) => {
        const v = Number(m.contribution);
        if (v <= 0) return;
        const rect = s("rect", {
          x,
          y: y(acc + v),
          width: slot * 0.6,
          height: Math.max(0, y(acc) - y(acc + v)),
          fill: COLOURS[j % COLOURS.length],
        });
        rect.append(s("title", {}, `${m.name} ${year.year}: ${this._money(m.contribution)}`));
        svg.append(rect);
        acc += v;
      });
      svg.append(s("text", { x: x + slot * 0.3, y: height - 10, "text-anchor": "middle" }, String(year.year)));
    });
    svg.append(
      s("line", { class: "axis", x1: left, x2: left, y1: top, y2: top + plot }),
      s("line", { class: "axis", x1: left, x2: width, y1: top + plot, y2: top + plot }),
      s("text", { x: 0, y: top + 10 }, r.currency),
    );
    const legend = h(
      "ul",
      { className: "legend", "aria-hidden": "true" },
      r.totals.map((m, j) =>
        h("li", {}, h("span", { className: "swatch", style: `background:${COLOURS[j % COLOURS.length]}` }), m.name),
      ),
    );
    return h("section", { className: "chart" }, h("h3", {}, t.chart), svg, legend);
  }

  _explainSection() {
    const t = this._t;
    const r = this._result;
    const member = h(
      "select",
      { id: "member" },
      r.totals.map((m) => h("option", { value: m.id, selected: m.id === this._member }, m.name)),
    );
    const year = h(
      "select",
      { id: "year" },
      r.years.map((y) => h("option", { value: String(y.year), selected: y.year === this._year }, String(y.year))),
    );
    member.addEventListener(
      "change",
      guard(() => {
        this._member = member.value;
        this._explain();
      }),
    );
    year.addEventListener(
      "change",
      guard(() => {
        this._year = Number(year.value);
        this._explain();
      }),
    );
    return h(
      "section",
      { "aria-labelledby": "explain-title" },
      h("h3", { id: "explain-title" }, t.explainTitle),
      h(
        "div",
        { className: "row no-print" },
        h("div", {}, h("label", { for: "member" }, t.pickMember), member),
        h("div", {}, h("label", { for: "year" }, t.pickYear), year),
      ),
      h("div", { id: "explanation", className: "explain", "aria-live": "polite" }),
    );
  }

  /** Shows the chosen member's explanation for the chosen year and why it changed, both written by the core. */
  _explain() {
    const t = this._t;
    const box = this.shadowRoot.getElementById("explanation");
    if (!box || !this._member) return;
    const name = this._result.totals.find((m) => m.id === this._member)?.name ?? this._member;
    const parts = [h("h4", { id: "explanation-title" }, t.explanation(name, this._year))];
    try {
      const why = this._computed.explain(this._member, this._year, { lang: this._lang });
      parts.push(h("div", { id: "how" }, why.lines.map((line) => h("p", {}, line))));
      const years = this._result.years.map((y) => y.year);
      const before = years[years.indexOf(this._year) - 1];
      if (before === undefined) {
        parts.push(h("h4", {}, t.changeTitle(null)));
        parts.push(h("p", { id: "why" }, t.firstYear));
      } else {
        parts.push(h("h4", {}, t.changeTitle(before)));
        const [change] = this._computed.whyChanged({ member: this._member, year: this._year, lang: this._lang });
        const [head, ...causes] = change.text.split("\n").filter((l) => l.trim() !== "");
        parts.push(
          h("div", { id: "why" }, h("p", {}, head), causes.length ? h("ul", { className: "causes" }, causes.map((c) => h("li", {}, c.trim()))) : null),
        );
      }
    } catch (err) {
      parts.push(h("p", { className: "error", role: "alert" }, `${err?.code ?? "error"}: ${err?.message ?? err}`));
    }
    box.replaceChildren(...parts);
  }

  _actions() {
    const t = this._t;
    const csv = h("button", { type: "button", id: "csv" }, t.csv);
    csv.addEventListener("click", guard(() => this._downloadCsv()));
    const print = h("button", { type: "button", id: "print" }, t.print);
    print.addEventListener("click", guard(() => globalThis.print?.()));
    return h("div", { className: "actions no-print" }, csv, print);
  }

  /**
   * The download's CSV text: the core's (the computed plan's `csv()`, as `planToCsv`, the same text as
   * `andel plan --format csv` and Python's `PlanResult.to_csv()`): a row per
   * member and year with the share, the contribution, each cost line and
   * the in-kind value, figures with a decimal point; text cells guarded
   * against spreadsheet formulas by the core. Empty before a plan is shown.
   */
  csv() {
    if (!this._result) return "";
    return this._computed.csv();
  }

  _downloadCsv() {
    // A byte order mark first: without it Excel reads a CSV file in the
    // system's legacy code page and shows "Ã¥" for "å".
    const blob = new Blob([CSV_BOM, this.csv()], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = h("a", { href: url, download: this._lang === "en" ? "contributions.csv" : "bidrag.csv" });
    this.shadowRoot.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
}

/** A round step for the chart's axis (1, 2 or 5 times a power of ten) at least `raw`. */
function niceStep(raw) {
  const power = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

/** Wraps an event handler so that nothing is thrown into the host page. */
function guard(fn) {
  return (...args) => {
    try {
      fn(...args);
    } catch (err) {
      console.error("andel-plan:", err);
    }
  };
}

if (globalThis.customElements && !customElements.get("andel-plan")) {
  customElements.define("andel-plan", AndelPlan);
}
