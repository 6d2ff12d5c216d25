import type { Report } from "../core/report.js";
import { formatMinutes } from "../core/report.js";

/**
 * The report as one self-contained HTML page for managers: inline CSS and SVG charts, no scripts,
 * no external resources (a Content-Security-Policy forbids them), every text HTML-escaped.
 */
export function renderHtmlReport(report: Report, title: string): string {
  const fr = report.first_response;
  const sections = [
    `<h1>${esc(title)}</h1>`,
    `<p class="period">${esc(report.period.since)} — ${esc(report.period.until)}${report.account ? ` · @${esc(report.account)}` : ""}</p>`,
    `<section class="cards">${[
      card("posts", "Posts", String(report.volume.total)),
      card("answered", "Answered", String(fr.answered)),
      card("median", "Median first response", minutes(fr.median_minutes)),
      card("p90", "p90 first response", minutes(fr.p90_minutes)),
      card("within-target", "Within target", percent(fr.within_target_share)),
      card("within-ceiling", "Within ceiling", percent(fr.within_ceiling_share)),
      card("waiting", "Waiting now", String(report.open_queue.waiting)),
      card("breaches", "SLA breaches", String(report.breaches.count)),
      card("overdue", "Follow-ups overdue", String(report.followups.overdue)),
      card("cost", "Estimated API spend", `$${report.cost.usd.toFixed(2)}`),
    ].join("")}</section>`,
    `<h2>Posts by hour (${esc(report.hours_zone)} time)</h2>`,
    barsSvg(
      "chart-volume",
      report.hours.map((h) => ({ label: pad2(h.hour), value: h.posts, text: String(h.posts) })),
    ),
    `<h2>Median first response by hour (minutes)</h2>`,
    barsSvg(
      "chart-response",
      report.hours.map((h) => ({
        label: pad2(h.hour),
        value: h.median_minutes ?? 0,
        text: h.median_minutes === null ? "" : String(h.median_minutes),
      })),
    ),
    `<h2>Volume</h2>`,
    `<div class="row">${countTable("By status", report.volume.by_status)}${countTable("By label", report.volume.by_label)}${countTable("By language", report.volume.by_lang)}</div>`,
    `<h2>Open queue</h2>`,
    `<p>${report.open_queue.waiting} waiting, ${report.open_queue.breached} past the SLA.${
      report.open_queue.oldest
        ? ` Oldest: ${esc(report.open_queue.oldest.id)}, waiting ${esc(formatMinutes(report.open_queue.oldest.waited_minutes))}.`
        : ""
    }</p>`,
    casesTable("breach-cases", report.breaches.cases),
    `<h2>Follow-ups</h2>`,
    `<p>${report.followups.due_24h} due in the next 24 h, ${report.followups.overdue} overdue; ${report.followups.resolved_without_followup} of ${report.followups.resolved} cases resolved without a follow-up.</p>`,
    `<h2>Hashtags</h2>`,
    table(
      "hashtags",
      ["Hashtag", "Posts", "Authors", "Spreading"],
      report.hashtags.map((h) => [`#${h.tag}`, String(h.posts), String(h.authors), h.spreading ? "yes" : "no"]),
    ),
    `<h2>Trolls</h2>`,
    `<p>${report.trolls.total} posts labelled troll: ${report.trolls.ignored} ignored, ${report.trolls.answered} answered, ${report.trolls.waiting} waiting.</p>`,
    report.by
      ? `<h2>By ${esc(report.by.dimension)}</h2>${table(
          "by",
          [report.by.dimension, "Posts", "Answered", "Median", "p90", "Within target"],
          report.by.rows.map((r) => [
            r.key,
            String(r.posts),
            String(r.answered),
            minutes(r.median_minutes),
            minutes(r.p90_minutes),
            percent(r.within_target_share),
          ]),
        )}`
      : "",
    `<footer>Generated ${esc(report.generated_at)} by xtriage. Response times count business hours where configured.</footer>`,
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${sections.filter(Boolean).join("\n")}
</body>
</html>
`;
}

const STYLE = `
body{font:15px/1.4 system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#1d232a;padding:0 1rem}
h1{margin-bottom:.2rem}.period{color:#5b6570;margin-top:0}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.6rem}
.card{border:1px solid #d8dee4;border-radius:6px;padding:.6rem .8rem}
.card .value{font-size:1.5rem;font-weight:600}.card .name{color:#5b6570;font-size:.85rem}
table{border-collapse:collapse;margin:.5rem 1.5rem .5rem 0}td,th{padding:.2rem .6rem;border-bottom:1px solid #e5e9ed;text-align:left}
td.n,th.n{text-align:right}.row{display:flex;flex-wrap:wrap}
svg .bar{fill:#3572b0}svg text{font-size:10px;fill:#5b6570}
footer{margin-top:2rem;color:#5b6570;font-size:.8rem}`;

export function esc(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

function card(id: string, name: string, value: string): string {
  return `<div class="card" id="card-${id}"><div class="value">${esc(value)}</div><div class="name">${esc(name)}</div></div>`;
}

function minutes(m: number | null): string {
  return m === null ? "–" : formatMinutes(m);
}

function percent(share: number | null): string {
  return share === null ? "–" : `${Math.round(share * 1000) / 10}%`;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function table(id: string, heads: string[], rows: string[][]): string {
  if (rows.length === 0) return `<p id="${id}" class="empty">None.</p>`;
  const numeric = (s: string) => /^[$\d.,%–-]+[a-z%]*$/i.test(s);
  return `<table id="${id}"><thead><tr>${heads.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td${numeric(c) ? ' class="n"' : ""}>${esc(c)}</td>`).join("")}</tr>`)
    .join("")}</tbody></table>`;
}

function countTable(title: string, counts: Record<string, number>): string {
  const id = `volume-${title.split(" ").pop()?.toLowerCase() ?? "x"}`;
  return `<div><h3>${esc(title)}</h3>${table(
    id,
    ["", "Posts"],
    Object.entries(counts).map(([k, n]) => [k, String(n)]),
  )}</div>`;
}

function casesTable(id: string, cases: Report["breaches"]["cases"]): string {
  return `<h3>SLA breaches in the period</h3>${table(
    id,
    ["Case", "Posted", "Waited", "Status"],
    cases.map((c) => [c.id, c.created_at, formatMinutes(c.waited_minutes), c.answered ? "answered late" : c.status]),
  )}`;
}

/** A vertical bar chart as inline SVG: one bar per row, its value as a data attribute and a label. */
function barsSvg(id: string, rows: { label: string; value: number; text: string }[]): string {
  const barWidth = 24;
  const gap = 4;
  const height = 120;
  const max = Math.max(0, ...rows.map((r) => r.value));
  const width = rows.length * (barWidth + gap);
  const bars = rows
    .map((r, i) => {
      const h = max > 0 ? Math.round((r.value / max) * height) : 0;
      const x = i * (barWidth + gap);
      const y = 14 + height - h;
      return (
        `<g class="slot" data-label="${esc(r.label)}" data-value="${r.value}">` +
        `<rect class="bar" x="${x}" y="${y}" width="${barWidth}" height="${h}"><title>${esc(`${r.label}: ${r.text}`)}</title></rect>` +
        `<text x="${x + barWidth / 2}" y="${y - 2}" text-anchor="middle">${esc(r.text)}</text>` +
        `<text x="${x + barWidth / 2}" y="${height + 28}" text-anchor="middle">${esc(r.label)}</text></g>`
      );
    })
    .join("");
  return `<svg id="${id}" role="img" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + 34}" viewBox="0 0 ${width} ${height + 34}">${bars}</svg>`;
}
