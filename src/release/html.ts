/**
 * The report page: one self-contained HTML file (inline CSS and SVG, no script, no network) that a
 * researcher can read and send on. Only release/ knows about HTML.
 */
import type { Manifest } from "../pipeline/manifest.ts";
import type { Figure, Section } from "./figure.ts";
import type { Thresholds } from "./gate.ts";

export function escapeHtml(s: string): string {
  return s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

const CSS = `
:root { --ink:#1d2530; --muted:#5b6673; --line:#e3e7ec; --accent:#3b6ea8; --bg:#fbfcfd; }
* { box-sizing: border-box; }
body { margin:0; background:var(--bg); color:var(--ink); font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; }
main { max-width: 860px; margin: 0 auto; padding: 40px 28px 80px; }
header { border-bottom: 1px solid var(--line); margin-bottom: 28px; padding-bottom: 18px; }
h1 { font-size: 28px; margin: 0 0 6px; letter-spacing:-0.01em; }
h2 { font-size: 21px; margin: 44px 0 10px; padding-top: 8px; border-top: 1px solid var(--line); }
h3 { font-size: 16px; margin: 26px 0 6px; }
p, li { color: var(--ink); }
.sub { color: var(--muted); margin: 0; }
.summary { background:#fff; border:1px solid var(--line); border-left:4px solid var(--accent); border-radius:6px; padding:14px 20px; }
.summary li { margin: 4px 0; }
.kpis { display:grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap:12px; margin: 18px 0 16px; }
.kpi { background:#fff; border:1px solid var(--line); border-radius:6px; padding:10px 14px; }
.kpi b { display:block; font-size:22px; }
.kpi span { color:var(--muted); font-size:13px; }
figure { margin: 18px 0 26px; background:#fff; border:1px solid var(--line); border-radius:6px; padding:14px 18px 16px; }
figure h3 { margin: 0 0 10px; }
figure svg { max-width:100%; height:auto; }
figcaption { font-size:14px; color:var(--muted); margin-top:8px; }
figcaption b { color:var(--ink); }
details { margin-top:8px; font-size:13px; }
table { border-collapse: collapse; font-size: 13px; margin-top: 6px; }
th, td { border-bottom: 1px solid var(--line); padding: 3px 10px 3px 0; text-align:left; }
td.num { text-align:right; font-variant-numeric: tabular-nums; }
.note { font-size:13px; color:var(--muted); }
footer { margin-top: 50px; font-size: 12px; color: var(--muted); border-top:1px solid var(--line); padding-top:12px; }
`;

function table(figure: Figure): string {
  if (figure.rows.length === 0) return "";
  const cols = Object.keys(figure.rows[0] ?? {});
  const head = cols.map((c) => `<th>${escapeHtml(c)}</th>`).join("");
  const body = figure.rows
    .map(
      (r) =>
        `<tr>${cols
          .map((c) => {
            const v = r[c];
            return typeof v === "number"
              ? `<td class="num">${v}</td>`
              : `<td>${escapeHtml(String(v ?? ""))}</td>`;
          })
          .join("")}</tr>`,
    )
    .join("");
  return `<details><summary>Data (${figure.rows.length} rows; also figures/${escapeHtml(figure.id)}.csv)</summary><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></details>`;
}

function figureHtml(figure: Figure, svg: string | undefined, sectionTitle: string): string {
  const suppressed =
    figure.suppressed > 0
      ? ` ${figure.suppressed} categor${figure.suppressed === 1 ? "y is" : "ies are"} not shown on ${figure.suppressed === 1 ? "its" : "their"} own: under the privacy thresholds, or withheld so that no difference of released counts singles out fewer.`
      : "";
  const body =
    figure.rows.length === 0
      ? `<p class="note">Nothing to show: no category of this figure can be shown within the privacy thresholds (see below for how many are withheld).</p>`
      : (svg ?? "");
  return `<figure id="fig-${escapeHtml(figure.id)}">
${figure.title === sectionTitle ? "" : `<h3>${escapeHtml(figure.title)}</h3>`}
${body}
<figcaption><b>${escapeHtml(figure.caption)}</b> n = ${figure.n.toLocaleString("en")} conversations. ${escapeHtml(figure.method)}${escapeHtml(suppressed)}</figcaption>
${table(figure)}
</figure>`;
}

export interface ReportInput {
  title: string;
  manifest: Manifest;
  thresholds: Thresholds;
  sections: Section[];
  svgs: Map<string, string>;
  methods: string[];
  limitations: string[];
}

export function renderReportHtml(input: ReportInput): string {
  const { manifest: m, thresholds: t } = input;
  const summary = input.sections.flatMap((s) => s.summary);
  const kpis = [
    [m.counts.analysed.toLocaleString("en"), "conversations analysed"],
    [m.counts.has_user_ids ? m.counts.users.toLocaleString("en") : "n/a", "distinct users"],
    [m.counts.rejected.toLocaleString("en"), "records set aside"],
    [`${t.minUsers} / ${t.minConversations}`, "min users / conversations per released cell"],
  ];
  const sections = input.sections
    .map(
      (s) => `<section id="${escapeHtml(s.id)}">
<h2>${escapeHtml(s.title)}</h2>
${(s.intro ?? []).map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
${s.figures.map((f) => figureHtml(f, input.svgs.get(f.id), s.title)).join("\n")}
</section>`,
    )
    .join("\n");
  const formats = [...new Set(m.inputs.map((i) => i.format ?? "unknown"))].join(", ");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(input.title)}</h1>
<p class="sub">Made by convoscope ${escapeHtml(m.convoscope_version)} with the ${escapeHtml(m.engine)} engine, ${escapeHtml(m.finished_at || m.started_at).slice(0, 10)}. Aggregate results only: every number covers at least ${t.minUsers} distinct users and ${t.minConversations} conversations.</p>
</header>
<section id="summary">
<h2 style="border:0;margin-top:0">Summary</h2>
<div class="kpis">${kpis.map(([v, l]) => `<div class="kpi"><b>${escapeHtml(v ?? "")}</b><span>${escapeHtml(l ?? "")}</span></div>`).join("")}</div>
<ul class="summary">${summary.map((s) => `<li>${escapeHtml(s)}</li>`).join("\n")}</ul>
</section>
${sections}
<section id="methods">
<h2>Methods</h2>
${input.methods.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
<h3>Limitations</h3>
<ul>${input.limitations.map((p) => `<li>${escapeHtml(p)}</li>`).join("\n")}</ul>
</section>
<footer>Inputs: ${m.inputs.length} file${m.inputs.length === 1 ? "" : "s"} (${escapeHtml(formats)}). Study fingerprint ${escapeHtml(m.fingerprint.slice(0, 16))}. Input file names, ids and texts stay in the study's internal/ folder.</footer>
</main>
</body>
</html>
`;
}
