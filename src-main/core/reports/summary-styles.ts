/**
 * The summary page's stylesheet, inlined into the page: the CSP allows no external resources, and the
 * file must stay readable when mailed or archived on its own. Designed for screen first and for A4
 * print (to PDF) second; colours are kept in print because the banner and status pills carry meaning.
 */
export const SUMMARY_CSS = `
:root {
  --text: #1f2328;
  --muted: #59636e;
  --border: #d1d9e0;
  --subtle: #f6f8fa;
  --ok: #1a7f37;
  --ok-bg: #dafbe1;
  --ok-border: #aceebb;
  --warn: #9a6700;
  --warn-bg: #fff8c5;
  --warn-border: #eac54f;
  --bad: #cf222e;
  --bad-bg: #ffebe9;
  --bad-border: #ffcecb;
  --info: #0969da;
  --neutral-bg: #eff2f5;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0;
  background: #eef1f4;
  color: var(--text);
  font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif;
}
.page {
  max-width: 900px;
  margin: 24px auto;
  padding: 32px 40px 28px;
  background: #fff;
  border: 1px solid var(--border);
  border-radius: 8px;
  box-shadow: 0 1px 3px rgba(31, 35, 40, 0.08);
}
header.top {
  display: flex;
  justify-content: space-between;
  align-items: flex-end;
  gap: 16px;
  padding-bottom: 12px;
  border-bottom: 2px solid var(--text);
}
h1 { margin: 0; font-size: 26px; line-height: 1.2; letter-spacing: -0.01em; }
.subtitle { margin: 4px 0 0; color: var(--muted); font-size: 13px; }
.top-meta { text-align: right; color: var(--muted); font-size: 12px; white-space: nowrap; }
.top-meta strong { color: var(--text); font-weight: 600; }
h2 {
  margin: 0 0 8px;
  font-size: 13px;
  text-transform: uppercase;
  letter-spacing: 0.06em;
  color: var(--muted);
}
section { margin-top: 20px; break-inside: avoid; page-break-inside: avoid; }
.mono, code { font-family: 'DejaVu Sans Mono', ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
.muted { color: var(--muted); }
.small { font-size: 12px; }
.wrap { overflow-wrap: anywhere; word-break: break-word; }

.banner {
  display: flex;
  gap: 14px;
  align-items: flex-start;
  margin-top: 18px;
  padding: 14px 18px;
  border: 1px solid;
  border-left-width: 6px;
  border-radius: 6px;
}
.banner svg { flex: none; width: 28px; height: 28px; margin-top: 1px; }
.banner h2 { margin: 0; font-size: 18px; letter-spacing: 0; text-transform: none; color: inherit; }
.banner p { margin: 3px 0 0; color: var(--text); }
.banner .error { margin-top: 6px; padding: 6px 8px; background: rgba(255, 255, 255, 0.6); border-radius: 4px; }
.tone-ok { background: var(--ok-bg); border-color: var(--ok-border); border-left-color: var(--ok); color: var(--ok); }
.tone-warn { background: var(--warn-bg); border-color: var(--warn-border); border-left-color: var(--warn); color: var(--warn); }
.tone-bad { background: var(--bad-bg); border-color: var(--bad-border); border-left-color: var(--bad); color: var(--bad); }

.kpis { display: grid; grid-template-columns: repeat(6, 1fr); gap: 10px; }
.kpi { padding: 10px 12px; border: 1px solid var(--border); border-radius: 6px; background: var(--subtle); min-width: 0; }
.kpi .label { font-size: 11px; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); }
.kpi .value { margin-top: 2px; font-size: 18px; font-weight: 650; font-variant-numeric: tabular-nums; white-space: nowrap; }
.kpi .unit { margin-left: 3px; font-size: 0.68em; font-weight: 600; }
.kpi .note { font-size: 11px; color: var(--muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.kpi.ok .value { color: var(--ok); }
.kpi.bad .value { color: var(--bad); }

.grid-2 { display: grid; grid-template-columns: 1fr 1fr; gap: 20px; margin-top: 16px; break-inside: avoid; page-break-inside: avoid; }
.grid-2 > section { margin-top: 0; }
.card { border: 1px solid var(--border); border-radius: 6px; padding: 10px 14px; }
.card h3 { margin: 0 0 6px; font-size: 14px; }

dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 3px 14px; margin: 0; }
dl.fields dt { color: var(--muted); }
dl.fields dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
dl.fields.run { grid-template-columns: max-content 1fr max-content 1fr; }

table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { padding: 5px 8px; text-align: left; vertical-align: baseline; border-bottom: 1px solid var(--border); }
th { font-size: 12px; font-weight: 600; color: var(--muted); background: var(--subtle); border-bottom-color: #c4ccd4; }
td { overflow-wrap: anywhere; word-break: break-word; }
tbody tr:last-child td { border-bottom: 0; }
.table-box { border: 1px solid var(--border); border-radius: 6px; overflow: hidden; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.more { margin: 6px 2px 0; color: var(--muted); font-size: 12px; }

.dot { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
.c-verified-md5 { background: var(--ok); }
.c-verified-recorded { background: #4ac26b; }
.c-mismatched { background: #d4a72c; }
.c-missing { background: var(--bad); }
.stack { display: flex; height: 10px; margin: 0 0 10px; border-radius: 5px; overflow: hidden; background: var(--neutral-bg); }
.stack span { display: block; height: 100%; min-width: 3px; }

.pill {
  display: inline-block;
  padding: 1px 9px;
  border-radius: 999px;
  font-size: 12px;
  font-weight: 600;
  white-space: nowrap;
  border: 1px solid;
}
.pill.ok { color: var(--ok); background: var(--ok-bg); border-color: var(--ok-border); }
.pill.bad { color: var(--bad); background: var(--bad-bg); border-color: var(--bad-border); }
.pill.na { color: var(--muted); background: var(--neutral-bg); border-color: var(--border); }

.options { columns: 2; column-gap: 28px; margin: 0; }
.options div { display: flex; justify-content: space-between; gap: 12px; padding: 3px 0; border-bottom: 1px dotted var(--border); break-inside: avoid; }
.options dt { color: var(--muted); }
.options dd { margin: 0; text-align: right; font-weight: 500; min-width: 0; overflow-wrap: anywhere; }

a { color: var(--info); text-decoration: none; }
footer { margin-top: 24px; padding-top: 10px; border-top: 1px solid var(--border); color: var(--muted); font-size: 11px; }

@page { size: A4; margin: 12mm 12mm 14mm; }
@media print {
  body { background: #fff; font-size: 8.5pt; line-height: 1.35; }
  .page { max-width: none; margin: 0; padding: 0; border: 0; border-radius: 0; box-shadow: none; }
  section { margin-top: 12px; }
  .grid-2 { margin-top: 12px; gap: 12px; }
  h1 { font-size: 18pt; }
  h2 { font-size: 8pt; margin-bottom: 5px; }
  .subtitle, .top-meta, .small, .more, th, .kpi .note, .pill { font-size: 7.5pt; }
  .kpi .label { font-size: 7pt; }
  .kpis { gap: 6px; }
  .kpi { padding: 6px 8px; }
  .kpi .value { font-size: 12pt; }
  .banner { margin-top: 10px; padding: 8px 12px; }
  .banner svg { width: 22px; height: 22px; }
  .banner h2 { font-size: 12pt; }
  .card { padding: 6px 10px; }
  .card h3 { font-size: 9pt; margin-bottom: 3px; }
  th, td { padding: 2px 6px; }
  a { color: inherit; }
  footer { margin-top: 14px; font-size: 7pt; }
}
@media screen and (max-width: 720px) {
  .page { margin: 0; padding: 20px 16px; border-radius: 0; }
  .kpis { grid-template-columns: repeat(3, 1fr); }
  .grid-2 { grid-template-columns: 1fr; }
  dl.fields.run { grid-template-columns: max-content 1fr; }
  .options { columns: 1; }
}
`
