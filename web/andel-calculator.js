// <andel-calculator>: an embeddable calculator of what each member of a
// collaboration pays, by population, equally, by a blend of the two, or with
// fixed shares.
//
//   <script type="module" src="andel-calculator.js"></script>
//   <andel-calculator lang="sv"></andel-calculator>
//
// It loads andel's calculator build from ./pkg/ beside this file (the
// contents of wasm/pkg/calculator) and nothing else from the network.
//
// All money arithmetic happens in andel's core (WebAssembly): the form is
// turned into a budget (one year's total shared by one key, the smallest
// plan; docs/javascript.md) and `computeBudget` gives every contribution,
// share, the sum of the parts and the year's total. This file only reads
// the form's text, builds the budget, formats the figures and
// draws them. Nothing here is a float computation on money; the only
// arithmetic on numbers is the width of the bars in pixels.
//
// Nothing is ever thrown into the host page: every event handler catches,
// and a failure shows a message inside the element, keeping the last good
// result on screen.

/**
 * andel's calculator package, loaded by `loadPackage` when the first element
 * starts. A dynamic import, not a static one: when ./pkg/ is missing (the
 * package not built, or not copied beside this file) a static import would
 * fail the whole module before the element is defined, leaving a blank page;
 * this way the element says what went wrong.
 */
let andel = null;
let loading = null;

function loadPackage() {
  loading ??= import(new URL("./pkg/index.js", import.meta.url).href).then(async (pkg) => {
    await pkg.default();
    andel = pkg;
  });
  // A failed load is not cached: an element added later tries again.
  loading.catch(() => (loading = null));
  return loading;
}

/** The budget's year; the calculator shows none, so any year would do. */
const YEAR = 2021;

/** The rounding units offered, as decimal texts. */
const UNITS = ["0.01", "1", "100", "1000"];

/** The keys offered, by their names in the state and the URL. */
const KEYS = ["per_capita", "equal", "blend", "fixed_shares"];

/** The prefix of the calculator's state in a URL's fragment. */
const HASH_PREFIX = "#andel:";
/**
 * Most members a shared link may hold. The calculator draws a row and a bar
 * per member, so a link of 100 000 names would keep the page busy for
 * minutes; a longer link is refused with a message and the reference case is
 * shown. Sweden has 290 municipalities.
 */
export const MAX_LINK_MEMBERS = 1000;

const TEXT = {
  sv: {
    title: "Fördelningskalkylator",
    language: "Språk",
    total: "Total budget (kr)",
    unit: "Avrundning",
    units: { "0.01": "till öre", 1: "till hela kronor", 100: "till hundratal kronor", 1000: "till tusental kronor" },
    key: "Fördelningsnyckel",
    keys: {
      per_capita: "Efter invånarantal",
      equal: "Lika delar",
      blend: "Fast del + rörlig del",
      fixed_shares: "Fasta andelar",
    },
    fixedPart: "Fast del, lika för alla",
    variablePart: "resten efter invånarantal",
    members: "Medlemmar",
    member: "Medlem",
    memberN: (n) => `Medlem ${n}`,
    population: "Invånare",
    populationOf: (name) => `Invånare, ${name}`,
    nameOf: (n) => `Namn, medlem ${n}`,
    fixedShare: "Fast andel (%)",
    fixedShareOf: (name) => `Fast andel i procent, ${name}`,
    fixedShareHelp: "Medlemmar utan fast andel delar resten efter invånarantal.",
    share: "Andel",
    contribution: "Bidrag",
    remove: "Ta bort",
    removeOf: (name) => `Ta bort ${name}`,
    add: "Lägg till medlem",
    newMember: (n) => `Ny medlem ${n}`,
    chart: "Bidrag per medlem",
    sumOk: (sum, total) => `✓ Delarna summerar exakt till totalen: ${sum} = ${total}`,
    sumBad: (sum, total) => `✗ Delarna summerar till ${sum}, inte ${total}`,
    csv: "Ladda ned CSV",
    link: "Länk till dessa värden",
    loading: "Laddar beräkningen …",
    loadFailed: "Kalkylatorn kunde inte laddas",
    loadWhere: (url) => `Kalkylatorns paket läses från ${url}.`,
    stale: "Tabellen och diagrammet visar resultatet för de senaste giltiga värdena.",
    linkTooLong: (n, max) =>
      `Länken har ${n} medlemmar, fler än de ${max} som kalkylatorn visar. Referensfallet visas i stället.`,
    notNumber: "Skriv ett tal, till exempel 1 250 000.",
    notWhole: "Skriv ett heltal, till exempel 15 128.",
    needMember: "Minst en medlem behövs.",
    currency: (s) => `${s} kr`,
    codes: {
      negative_amount: "Får inte vara negativt.",
      nobody_to_pay: "Alla vikter är noll: det finns ingen att fördela kostnaden på.",
      not_multiple_of_unit: "Beloppet är inte jämnt delbart med avrundningen: välj en annan avrundning eller ändra beloppet.",
      missing_figure: "Invånarantal saknas.",
      invalid_key: "De fasta andelarna får tillsammans vara högst 100 %.",
    },
  },
  en: {
    title: "Cost-sharing calculator",
    language: "Language",
    total: "Total budget (SEK)",
    unit: "Rounding",
    units: { "0.01": "to öre (0.01)", 1: "to whole kronor", 100: "to hundreds of kronor", 1000: "to thousands of kronor" },
    key: "Allocation key",
    keys: {
      per_capita: "By population",
      equal: "Equal parts",
      blend: "Fixed part + variable part",
      fixed_shares: "Fixed shares",
    },
    fixedPart: "Fixed part, equal for all",
    variablePart: "the rest by population",
    members: "Members",
    member: "Member",
    memberN: (n) => `Member ${n}`,
    population: "Population",
    populationOf: (name) => `Population, ${name}`,
    nameOf: (n) => `Name, member ${n}`,
    fixedShare: "Fixed share (%)",
    fixedShareOf: (name) => `Fixed share in percent, ${name}`,
    fixedShareHelp: "Members without a fixed share split the rest by population.",
    share: "Share",
    contribution: "Contribution",
    remove: "Remove",
    removeOf: (name) => `Remove ${name}`,
    add: "Add member",
    newMember: (n) => `New member ${n}`,
    chart: "Contribution per member",
    sumOk: (sum, total) => `✓ The parts add up exactly to the total: ${sum} = ${total}`,
    sumBad: (sum, total) => `✗ The parts add up to ${sum}, not ${total}`,
    csv: "Download CSV",
    link: "Link to these inputs",
    loading: "Loading the calculation …",
    loadFailed: "The calculator could not be loaded",
    loadWhere: (url) => `Its package is read from ${url}.`,
    stale: "The table and the chart show the result for the last valid inputs.",
    linkTooLong: (n, max) =>
      `The link has ${n} members, more than the ${max} the calculator shows. The reference case is shown instead.`,
    notNumber: "Enter a number, for example 1,250,000.",
    notWhole: "Enter a whole number, for example 15,128.",
    needMember: "At least one member is needed.",
    currency: (s) => `SEK ${s}`,
    codes: {
      negative_amount: "Must not be negative.",
      nobody_to_pay: "Every weight is zero: there is nobody to share the cost.",
      not_multiple_of_unit: "The amount is not a whole multiple of the rounding unit: pick another rounding or change the amount.",
      missing_figure: "The population is missing.",
      invalid_key: "The fixed shares may add up to at most 100 %.",
    },
  },
};

/**
 * Separators of a locale, for formatting decimal strings by hand (never
 * through a float). Swedish groups with a narrow no-break space, as the
 * core's Swedish figures and <andel-plan> do.
 */
const SEPARATORS = {
  sv: { group: "\u202f", decimal: ",", minus: "\u2212", percent: "\u00a0%" },
  en: { group: ",", decimal: ".", minus: "-", percent: "%" },
};

/**
 * Formats a decimal string ("1234567.5", "-12") with the locale's digit
 * grouping and decimal separator. Works on the text: no float is involved.
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

/**
 * Reads a number as a person types it in the calculator's language, and
 * returns its plain decimal text ("1250000.5"), or null when it is not a
 * number. Swedish: spaces (also non-breaking ones) group digits, "," or "."
 * is the decimal separator. English: spaces or "," group digits (a comma
 * only before three digits), "." is the decimal separator. An optional
 * minus in both. Whether the number is allowed (negative, a multiple of the
 * unit) is the core's decision, not this function's.
 */
export function readNumber(text, lang = "sv", { whole = false } = {}) {
  let compact = String(text).replace(/[\s\u00a0\u202f]/g, "").replace("\u2212", "-");
  if (lang === "en") {
    if (/^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(compact)) compact = compact.replace(/,/g, "");
    else if (compact.includes(",")) return null;
  }
  const re = whole ? /^-?\d+$/ : /^-?\d+(?:[.,]\d+)?$/;
  if (!re.test(compact)) return null;
  return compact.replace(",", ".");
}

/** A percentage as text ("12.5") as the fraction of 1 it stands for ("0.125"), by moving the decimal point. */
function percentToFraction(decimal) {
  const negative = decimal.startsWith("-");
  const [int, frac = ""] = (negative ? decimal.slice(1) : decimal).split(".");
  const padded = int.padStart(3, "0");
  return `${negative ? "-" : ""}${padded.slice(0, -2)}.${padded.slice(-2)}${frac}`;
}

/**
 * The exact sum of decimal strings ("1250.5", "-3"), with BigInt and never a
 * float: the page's own check that the parts the core returned add up.
 */
function sumDecimals(values) {
  const places = Math.max(0, ...values.map((v) => (v.split(".")[1] ?? "").length));
  const scaled = (v) => {
    const [int, frac = ""] = v.replace("-", "").split(".");
    const units = BigInt(int + frac.padEnd(places, "0"));
    return v.startsWith("-") ? -units : units;
  };
  const sum = values.reduce((acc, v) => acc + scaled(v), 0n);
  const digits = (sum < 0n ? -sum : sum).toString().padStart(places + 1, "0");
  const int = digits.slice(0, digits.length - places);
  const frac = places > 0 ? `.${digits.slice(-places)}` : "";
  return `${sum < 0n ? "-" : ""}${int}${frac}`;
}

/** A decimal string with its sign turned. */
function negated(value) {
  return value.startsWith("-") ? value.slice(1) : `-${value}`;
}

/** Whether a decimal string is zero ("0", "-0.00"). */
function isZero(value) {
  return /^-?0(?:\.0*)?$/.test(value);
}

/** The budget key of the form's key choice. */
function budgetKey(state, fractions) {
  switch (state.key) {
    case "blend": {
      // The slider holds whole percents: the fixed part as an exact decimal text.
      const fixed = state.fixed;
      return { type: "blend", fixed: fixed === 100 ? "1" : `0.${String(fixed).padStart(2, "0")}` };
    }
    case "fixed_shares": {
      const shares = {};
      fractions.forEach((f, i) => {
        if (f !== null) shares[`m${i + 1}`] = f;
      });
      return { type: "fixed_shares", shares };
    }
    default:
      return { type: state.key === "equal" ? "equal" : "per_capita" };
  }
}

/**
 * The form's state as a budget, or the fields that are not numbers.
 * Returns `{ budget }` or `{ fieldErrors }` (field id → message key).
 */
export function buildBudget(state) {
  const fieldErrors = {};
  const total = readNumber(state.total, state.lang);
  if (total === null) fieldErrors.total = "notNumber";
  const fractions = [];
  const members = state.members.map((m, i) => {
    const member = { id: `m${i + 1}`, name: m.name.trim() || `#${i + 1}`, population: null };
    if (m.population.trim() !== "") {
      const pop = readNumber(m.population, state.lang, { whole: true });
      if (pop === null) fieldErrors[`population-${i}`] = "notWhole";
      else member.population = pop;
    }
    let fraction = null;
    if (state.key === "fixed_shares" && (m.share ?? "").trim() !== "") {
      const share = readNumber(m.share, state.lang);
      if (share === null) fieldErrors[`share-${i}`] = "notNumber";
      else fraction = percentToFraction(share);
    }
    fractions.push(fraction);
    return member;
  });
  if (state.members.length === 0) fieldErrors.members = "needMember";
  if (Object.keys(fieldErrors).length > 0) return { fieldErrors };
  return {
    budget: { year: YEAR, total, unit: state.unit, key: budgetKey(state, fractions), members },
  };
}

/** The field an error of the core belongs to, from its path in the budget. */
function fieldOfPath(path) {
  if (path === undefined || path === null) return "result";
  if (path === "total" || path === "unit") return "total";
  let m = /^members\[(\d+)\]/.exec(path);
  if (m) return `population-${m[1]}`;
  m = /^key\.shares\.m(\d+)/.exec(path);
  if (m) return `share-${Number(m[1]) - 1}`;
  if (path.startsWith("key")) return "key";
  if (path === "members") return "members";
  return "result";
}

/** The state as a URL fragment, `#andel:` and a query string. */
export function stateToHash(state) {
  const q = new URLSearchParams();
  q.set("lang", state.lang);
  q.set("total", state.total);
  q.set("unit", state.unit);
  q.set("key", state.key);
  q.set("fixed", String(state.fixed));
  for (const m of state.members) {
    q.append("name", m.name);
    q.append("pop", m.population);
    q.append("share", m.share ?? "");
  }
  return HASH_PREFIX + q.toString();
}

/**
 * The state in a URL fragment, or null when the fragment holds none (or a
 * broken one). A fragment of more than {@link MAX_LINK_MEMBERS} members is
 * refused: `{ tooManyMembers: n }`, nothing else read from it.
 */
export function stateFromHash(hash) {
  if (typeof hash !== "string" || !hash.startsWith(HASH_PREFIX)) return null;
  const q = new URLSearchParams(hash.slice(HASH_PREFIX.length));
  const names = q.getAll("name");
  if (names.length > MAX_LINK_MEMBERS) return { tooManyMembers: names.length };
  const pops = q.getAll("pop");
  const shares = q.getAll("share");
  const key = q.get("key");
  const unit = q.get("unit");
  const fixed = Number.parseInt(q.get("fixed") ?? "30", 10);
  return {
    lang: q.get("lang") === "en" ? "en" : "sv",
    total: q.get("total") ?? "",
    unit: UNITS.includes(unit) ? unit : "1",
    key: KEYS.includes(key) ? key : "per_capita",
    fixed: Number.isInteger(fixed) && fixed >= 0 && fixed <= 100 ? fixed : 30,
    members: names.map((name, i) => ({ name, population: pops[i] ?? "", share: shares[i] ?? "" })),
  };
}

/** The reference case (year one of examples/tillvaxtmotor.toml) as the calculator's state. */
function referenceState(lang) {
  const budget = andel.referenceBudget();
  return {
    lang,
    total: formatDecimal(budget.total, lang),
    unit: "1",
    key: "per_capita",
    fixed: 30,
    members: budget.members.map((m) => ({ name: m.name, population: formatDecimal(m.population, lang), share: "" })),
  };
}

/**
 * Put before the CSV download: without a byte order mark Excel reads a CSV
 * file in the system's legacy code page and shows "Ã¥" for "å".
 */
const CSV_BOM = "\ufeff";

const STYLE = `
:host { display: block; font-family: system-ui, sans-serif; color: #1a1a1a; background: #fff;
  max-width: 56rem; line-height: 1.4; }
* { box-sizing: border-box; }
h2 { font-size: 1.3rem; margin: 0 0 .75rem; }
.row { display: flex; flex-wrap: wrap; gap: .75rem 1.5rem; align-items: flex-start; margin-bottom: .75rem; }
label { font-weight: 600; display: block; }
input, select, button { font: inherit; color: #1a1a1a; }
input[type=text] { border: 1px solid #595959; border-radius: 3px; padding: .25rem .4rem; background: #fff; }
input[aria-invalid=true] { border: 2px solid #b00020; }
select { border: 1px solid #595959; border-radius: 3px; padding: .25rem; background: #fff; }
button { border: 1px solid #0b4a8b; background: #0b4a8b; color: #fff; border-radius: 3px; padding: .3rem .7rem; cursor: pointer; }
button.secondary { background: #fff; color: #0b4a8b; }
:focus-visible { outline: 3px solid #c25400; outline-offset: 2px; }
fieldset { border: 1px solid #8a8a8a; border-radius: 4px; padding: .5rem .75rem; margin: 0 0 .75rem; }
legend { font-weight: 600; padding: 0 .25rem; }
fieldset label { font-weight: normal; display: inline-flex; gap: .3rem; margin-right: 1rem; align-items: center; }
.error { color: #b00020; font-size: .9rem; display: block; min-height: 0; }
.error:empty { display: none; }
.notice { color: #b00020; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { text-align: left; padding: .25rem .4rem; border-bottom: 1px solid #d0d0d0; vertical-align: middle; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td input[type=text] { width: 100%; min-width: 6rem; }
td.pop input, td.fixed input { text-align: right; }
tfoot td { font-weight: 600; border-bottom: none; }
.check { font-weight: 600; margin: .5rem 0; }
.check.ok { color: #1b5e20; }
.check.bad { color: #b00020; }
.stale { color: #6b4100; }
.actions { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; margin-top: .5rem; }
a { color: #0b4a8b; }
svg text { font: 12px system-ui, sans-serif; fill: #1a1a1a; }
svg rect { fill: #0b4a8b; }
.hidden { display: none; }
.help { font-size: .9rem; color: #404040; margin: .25rem 0; }
`;

/** The custom element. */
export class AndelCalculator extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: "open" });
    this._state = null;
    this._result = null;
    this._budget = null;
    this._ready = false;
    /** The member count of a shared link refused as too long, or 0. */
    this._linkRefused = 0;
  }

  connectedCallback() {
    if (this._started) return;
    this._started = true;
    const lang = (this.getAttribute("lang") ?? "sv").startsWith("en") ? "en" : "sv";
    this.shadowRoot.innerHTML = `<style>${STYLE}</style><p role="status">${TEXT[lang].loading}</p>`;
    this._start(lang).catch((err) => this._fatal(lang, err));
  }

  async _start(lang) {
    await loadPackage();
    let fromUrl = this.hasAttribute("no-url-state") ? null : stateFromHash(globalThis.location?.hash);
    if (fromUrl?.tooManyMembers) {
      this._linkRefused = fromUrl.tooManyMembers;
      fromUrl = null;
    }
    this._state = fromUrl ?? referenceState(lang);
    this._build();
    this._recompute();
    this._ready = true;
    this.setAttribute("data-ready", "");
    performance.mark?.("andel-first-result");
    this.dispatchEvent(new CustomEvent("andel-ready", { bubbles: true }));
  }

  _fatal(lang, err) {
    const p = document.createElement("p");
    p.setAttribute("role", "alert");
    p.className = "error";
    p.textContent = `${TEXT[lang].loadFailed}: ${err?.message ?? err} ${TEXT[lang].loadWhere(new URL("./pkg/", import.meta.url).href)}`;
    this.shadowRoot.replaceChildren(Object.assign(document.createElement("style"), { textContent: STYLE }), p);
  }

  /** The last good result (the core's plan result for the budget), or null. */
  get result() {
    return this._result;
  }

  /** The inputs, as the URL fragment stores them. */
  get state() {
    return structuredClone(this._state);
  }

  get _t() {
    return TEXT[this._state.lang];
  }

  /** Builds the whole form from the state; called on load, on a language change and when members are added or removed. */
  _build() {
    const t = this._t;
    const s = this._state;
    const root = this.shadowRoot;
    const unitOptions = UNITS.map(
      (u) => `<option value="${u}"${u === s.unit ? " selected" : ""}>${t.units[u]}</option>`,
    ).join("");
    const keyRadios = KEYS.map(
      (k) =>
        `<label><input type="radio" name="key" value="${k}"${k === s.key ? " checked" : ""}>${t.keys[k]}</label>`,
    ).join("");
    root.innerHTML = `<style>${STYLE}</style>
<section aria-labelledby="title">
  <h2 id="title">${t.title}</h2>
  <div class="row">
    <div>
      <label for="total">${t.total}</label>
      <input type="text" id="total" inputmode="decimal" autocomplete="off" aria-describedby="total-error">
      <span class="error" id="total-error" aria-live="polite"></span>
    </div>
    <div>
      <label for="unit">${t.unit}</label>
      <select id="unit">${unitOptions}</select>
    </div>
    <div>
      <label for="lang">${t.language}</label>
      <select id="lang"><option value="sv"${s.lang === "sv" ? " selected" : ""}>Svenska</option><option value="en"${s.lang === "en" ? " selected" : ""}>English</option></select>
    </div>
  </div>
  <fieldset aria-describedby="key-error">
    <legend>${t.key}</legend>
    ${keyRadios}
    <div id="blend-row" class="${s.key === "blend" ? "" : "hidden"}">
      <label for="fixed">${t.fixedPart}: <output id="fixed-out" for="fixed"></output></label>
      <input type="range" id="fixed" min="0" max="100" step="1" value="${s.fixed}" aria-describedby="fixed-help">
      <span class="help" id="fixed-help"></span>
    </div>
    <p class="help ${s.key === "fixed_shares" ? "" : "hidden"}" id="fixed-shares-help">${t.fixedShareHelp}</p>
    <span class="error" id="key-error" aria-live="polite"></span>
  </fieldset>
  <table>
    <caption class="hidden">${t.members}</caption>
    <thead><tr>
      <th scope="col">${t.member}</th>
      <th scope="col" class="num">${t.population}</th>
      <th scope="col" class="num fixed-col ${s.key === "fixed_shares" ? "" : "hidden"}">${t.fixedShare}</th>
      <th scope="col" class="num">${t.share}</th>
      <th scope="col" class="num">${t.contribution}</th>
      <th scope="col"><span class="hidden">${t.remove}</span></th>
    </tr></thead>
    <tbody id="members"></tbody>
    <tfoot><tr><td>Σ</td><td></td><td class="fixed-col ${s.key === "fixed_shares" ? "" : "hidden"}"></td>
      <td class="num" id="sum-share"></td><td class="num" id="sum"></td><td></td></tr></tfoot>
  </table>
  <span class="error" id="members-error" aria-live="polite"></span>
  <button type="button" class="secondary" id="add">${t.add}</button>
  <p class="notice${this._linkRefused ? "" : " hidden"}" id="link-error" role="alert"></p>
  <p class="check" id="check" role="status" aria-live="polite"></p>
  <p class="error" id="result-error" aria-live="polite"></p>
  <p class="stale hidden" id="stale">${t.stale}</p>
  <figure style="margin:0">
    <figcaption class="hidden" id="chart-title">${t.chart}</figcaption>
    <svg id="chart" preserveAspectRatio="xMinYMin meet" role="img" aria-labelledby="chart-title" width="100%"></svg>
  </figure>
  <div class="actions">
    <button type="button" id="csv">${t.csv}</button>
    <a id="link" href="#">${t.link}</a>
  </div>
</section>`;
    if (this._linkRefused) root.getElementById("link-error").textContent = t.linkTooLong(this._linkRefused, MAX_LINK_MEMBERS);
    root.getElementById("total").value = s.total;
    const body = root.getElementById("members");
    s.members.forEach((m, i) => body.append(this._memberRow(m, i)));
    this._wire();
    this._updateBlendLabel();
  }

  _memberRow(m, i) {
    const t = this._t;
    const tr = document.createElement("tr");
    const name = m.name || t.memberN(i + 1);
    const fixedHidden = this._state.key === "fixed_shares" ? "" : " hidden";
    tr.innerHTML = `
<td><input type="text" class="name" aria-label="${escapeAttr(t.nameOf(i + 1))}"></td>
<td class="pop"><input type="text" class="population" id="population-${i}" inputmode="numeric" autocomplete="off"
  aria-label="${escapeAttr(t.populationOf(name))}" aria-describedby="population-${i}-error">
  <span class="error" id="population-${i}-error" aria-live="polite"></span></td>
<td class="fixed fixed-col${fixedHidden}"><input type="text" class="share" id="share-${i}" inputmode="decimal" autocomplete="off"
  aria-label="${escapeAttr(t.fixedShareOf(name))}" aria-describedby="share-${i}-error">
  <span class="error" id="share-${i}-error" aria-live="polite"></span></td>
<td class="num share-out"></td>
<td class="num contribution"></td>
<td><button type="button" class="secondary remove" aria-label="${escapeAttr(t.removeOf(name))}">${t.remove}</button></td>`;
    tr.querySelector(".name").value = m.name;
    tr.querySelector(".population").value = m.population;
    tr.querySelector(".share").value = m.share ?? "";
    return tr;
  }

  /** Names a row's fields after its member, so a screen reader says whose population it is. */
  _labelRow(tr, i) {
    const t = this._t;
    const name = this._state.members[i].name || t.memberN(i + 1);
    tr.querySelector(".population").setAttribute("aria-label", t.populationOf(name));
    tr.querySelector(".share").setAttribute("aria-label", t.fixedShareOf(name));
    tr.querySelector(".remove").setAttribute("aria-label", t.removeOf(name));
  }

  _wire() {
    const root = this.shadowRoot;
    const guard = (fn) => (event) => {
      try {
        fn(event);
      } catch (err) {
        this._showError("result", `${err?.message ?? err}`);
      }
    };
    root.getElementById("total").addEventListener(
      "input",
      guard((e) => {
        this._state.total = e.target.value;
        this._recompute();
      }),
    );
    root.getElementById("unit").addEventListener(
      "change",
      guard((e) => {
        this._state.unit = e.target.value;
        this._recompute();
      }),
    );
    root.getElementById("lang").addEventListener(
      "change",
      guard((e) => {
        const from = this._state.lang;
        const to = e.target.value === "en" ? "en" : "sv";
        // Numbers typed so far are rewritten in the new language's format
        // (only the text: a field that is not a number stays as typed).
        const again = (text, whole = false) => {
          const n = readNumber(text, from, { whole });
          return n === null || text.trim() === "" ? text : formatDecimal(n, to);
        };
        this._state.total = again(this._state.total);
        for (const m of this._state.members) {
          m.population = again(m.population, true);
          m.share = again(m.share ?? "");
        }
        this._state.lang = to;
        this._build();
        this._recompute();
        this.shadowRoot.getElementById("lang").focus();
      }),
    );
    for (const radio of root.querySelectorAll('input[name="key"]')) {
      radio.addEventListener(
        "change",
        guard((e) => {
          this._state.key = e.target.value;
          const shares = this._state.key === "fixed_shares";
          root.getElementById("blend-row").classList.toggle("hidden", this._state.key !== "blend");
          root.getElementById("fixed-shares-help").classList.toggle("hidden", !shares);
          for (const el of root.querySelectorAll(".fixed-col")) el.classList.toggle("hidden", !shares);
          this._recompute();
        }),
      );
    }
    root.getElementById("fixed").addEventListener(
      "input",
      guard((e) => {
        this._state.fixed = Number.parseInt(e.target.value, 10);
        this._updateBlendLabel();
        this._recompute();
      }),
    );
    const body = root.getElementById("members");
    body.addEventListener(
      "input",
      guard((e) => {
        const tr = e.target.closest("tr");
        const i = [...body.children].indexOf(tr);
        const m = this._state.members[i];
        if (!m) return;
        if (e.target.classList.contains("name")) {
          m.name = e.target.value;
          this._labelRow(tr, i);
        }
        if (e.target.classList.contains("population")) m.population = e.target.value;
        if (e.target.classList.contains("share")) m.share = e.target.value;
        this._recompute();
      }),
    );
    body.addEventListener(
      "click",
      guard((e) => {
        const button = e.target.closest("button.remove");
        if (!button) return;
        const i = [...body.children].indexOf(button.closest("tr"));
        this._state.members.splice(i, 1);
        this._rebuildMembers(Math.min(i, this._state.members.length - 1));
      }),
    );
    root.getElementById("add").addEventListener(
      "click",
      guard(() => {
        const n = this._state.members.length + 1;
        this._state.members.push({ name: this._t.newMember(n), population: "", share: "" });
        this._rebuildMembers(n - 1, "name");
      }),
    );
    root.getElementById("csv").addEventListener(
      "click",
      guard(() => this._downloadCsv()),
    );
  }

  /** Rebuilds the member rows after one was added or removed, and moves the focus to a sensible place. */
  _rebuildMembers(focusRow, focusField = "remove") {
    const body = this.shadowRoot.getElementById("members");
    body.replaceChildren(...this._state.members.map((m, i) => this._memberRow(m, i)));
    this._recompute();
    const row = body.children[focusRow];
    const target = row?.querySelector(`.${focusField}`) ?? this.shadowRoot.getElementById("add");
    target.focus();
  }

  _updateBlendLabel() {
    const root = this.shadowRoot;
    const t = this._t;
    const fixed = this._state.fixed;
    const pct = (n) => `${n}${SEPARATORS[this._state.lang].percent}`;
    root.getElementById("fixed-out").textContent = pct(fixed);
    root.getElementById("fixed").setAttribute("aria-valuetext", pct(fixed));
    root.getElementById("fixed-help").textContent = `${pct(100 - fixed)} ${t.variablePart}`;
  }

  _clearErrors() {
    for (const el of this.shadowRoot.querySelectorAll(".error")) el.textContent = "";
    for (const el of this.shadowRoot.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  }

  _showError(field, message) {
    const root = this.shadowRoot;
    const target = root.getElementById(`${field}-error`) ?? root.getElementById("result-error");
    target.textContent = message;
    root.getElementById(field)?.setAttribute("aria-invalid", "true");
    root.getElementById("stale").classList.toggle("hidden", this._result === null);
  }

  /** Reads the form, computes in the core and shows the result, or the messages and the last good result. */
  _recompute() {
    const root = this.shadowRoot;
    this._clearErrors();
    root.getElementById("link").href = this._linkHref();
    const built = buildBudget(this._state);
    if (built.fieldErrors) {
      for (const [field, key] of Object.entries(built.fieldErrors)) this._showError(field, this._t[key]);
      return;
    }
    let result;
    try {
      result = andel.computeBudget(built.budget);
    } catch (err) {
      this._showError(fieldOfPath(err?.path), this._t.codes[err?.code] ?? messageOf(err));
      return;
    }
    this._result = result;
    this._budget = built.budget;
    this._inputs = structuredClone(this._state);
    root.getElementById("stale").classList.add("hidden");
    this._show();
  }

  _linkHref() {
    const base = globalThis.location ? globalThis.location.href.split("#")[0] : "";
    return base + stateToHash(this._state);
  }

  _show() {
    const root = this.shadowRoot;
    const t = this._t;
    const lang = this._state.lang;
    const year = this._result.years[0];
    const money = (s) => t.currency(formatDecimal(s, lang));
    const percent = (s) => `${formatDecimal(s, lang)}${SEPARATORS[lang].percent}`;
    const rows = root.getElementById("members").children;
    year.members.forEach((m, i) => {
      const row = rows[i];
      if (!row) return;
      row.querySelector(".share-out").textContent = percent(m.share_percent);
      row.querySelector(".contribution").textContent = money(m.contribution);
    });
    // The members' contributions, added up here, against the net cost the
    // core shared. (The result's `total` is the sum of the years' net costs,
    // so comparing it with the net could never fail for one year.)
    const parts = sumDecimals(year.members.map((m) => m.contribution));
    root.getElementById("sum").textContent = money(parts);
    root.getElementById("sum-share").textContent = "";
    const check = root.getElementById("check");
    const ok = isZero(sumDecimals([parts, negated(year.net)]));
    check.className = `check ${ok ? "ok" : "bad"}`;
    check.textContent = (ok ? t.sumOk : t.sumBad)(money(parts), money(year.net));
    this._drawChart(year);
  }

  _drawChart(year) {
    const svg = this.shadowRoot.getElementById("chart");
    const lang = this._state.lang;
    const barHeight = 22;
    const gap = 6;
    const labelWidth = 150;
    const width = 600;
    const height = year.members.length * (barHeight + gap) + gap;
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    svg.setAttribute("height", String(height));
    const ns = "http://www.w3.org/2000/svg";
    svg.replaceChildren();
    // Bar lengths are pixels, the one place a float is fine: they are
    // proportional to share_percent (the core's exact share, rounded to 4
    // decimals for reading). The money itself is never computed here.
    const barSpace = width - labelWidth - 130;
    year.members.forEach((m, i) => {
      const y = gap + i * (barHeight + gap);
      const label = document.createElementNS(ns, "text");
      label.setAttribute("x", "0");
      label.setAttribute("y", String(y + barHeight * 0.7));
      label.textContent = m.name;
      const rect = document.createElementNS(ns, "rect");
      const w = Math.max(0, (Number(m.share_percent) / 100) * barSpace);
      rect.setAttribute("x", String(labelWidth));
      rect.setAttribute("y", String(y));
      rect.setAttribute("width", w.toFixed(1));
      rect.setAttribute("height", String(barHeight));
      const value = document.createElementNS(ns, "text");
      value.setAttribute("x", String(labelWidth + w + 6));
      value.setAttribute("y", String(y + barHeight * 0.7));
      value.textContent = this._t.currency(formatDecimal(m.contribution, lang));
      svg.append(label, rect, value);
    });
  }

  /**
   * The last good result as CSV text: the core's (`budgetToCsv`, the
   * columns of `planToCsv` and `andel plan --format csv`): a row per member
   * with the population, the exact share, the contribution and the in-kind
   * value, figures with a decimal point; text cells guarded against
   * spreadsheet formulas by the core. Empty before a result is shown.
   */
  csv() {
    if (!this._result) return "";
    return andel.budgetToCsv(this._budget);
  }

  _downloadCsv() {
    const blob = new Blob([CSV_BOM, this.csv()], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = this._state.lang === "en" ? "contributions.csv" : "bidrag.csv";
    this.shadowRoot.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
}

/** A core error's message, without the path it starts with (the field shows where). */
function messageOf(err) {
  const text = String(err?.message ?? err);
  if (err?.path) {
    const prefix = `${err.path}: `;
    if (text.startsWith(prefix)) return text.slice(prefix.length);
  }
  return text;
}

function escapeAttr(s) {
  return String(s).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

if (globalThis.customElements && !customElements.get("andel-calculator")) {
  customElements.define("andel-calculator", AndelCalculator);
}
