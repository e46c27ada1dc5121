"""The HTML report's stylesheet: screen layout plus print rules (A4, a page per section).

Kept as a Python string so it ships inside the package with the code that inlines it.
"""

CSS = """\
:root { --ink: #212529; --muted: #606870; --accent: #1f3a5f; --line: #d5dbe1; --fill: #e4eaf1; }
* { box-sizing: border-box; }
body {
  margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem 4rem; color: var(--ink);
  font: 16px/1.55 IPAexGothic, "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", Meiryo,
    system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
h1, h2, h3, h4 { color: var(--accent); line-height: 1.25; }
h1 { font-size: 2.6rem; margin: 0; }
.cover { padding: 4rem 0 2rem; border-bottom: 2px solid var(--accent); }
.cover .town { font-size: 2rem; margin: .3rem 0; }
.cover .subtitle { color: var(--muted); font-size: 1.2rem; }
.cover .note { color: var(--muted); font-size: .9rem; }
h2 {
  font-size: 1.7rem; margin-top: 3rem; border-bottom: 1px solid var(--line);
  padding-bottom: .3rem;
}
h3 { font-size: 1.25rem; margin-top: 2rem; }
h4 { font-size: 1.05rem; margin-top: 1.5rem; }
.lead { font-size: 1.1rem; }
.note { color: var(--muted); font-size: .92rem; font-style: italic; }
.caption { font-weight: bold; color: var(--accent); margin: 1rem 0 .3rem; }
dl.facts {
  display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .5rem 0 1rem;
}
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; font-size: .9rem; }
th, td {
  text-align: left; vertical-align: top; padding: .35rem .5rem;
  border-bottom: 1px solid var(--line);
}
th { background: var(--fill); color: var(--accent); }
a { color: #1f5f99; overflow-wrap: anywhere; }
figure { margin: 1.5rem 0; }
figcaption { color: var(--muted); font-size: .95rem; }
.chart { width: 100%; min-height: 320px; }
nav.contents ol { columns: 2; }
footer {
  margin-top: 4rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line);
}
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  @page { size: A4; margin: 18mm 20mm; }
  .cover { min-height: 90vh; border: 0; }
  nav.contents { break-after: page; }
  main > section { break-before: page; }
  h2, h3, h4, .caption { break-after: avoid; }
  tr, figure, li { break-inside: avoid; }
  thead { display: table-header-group; }
  .modebar, .modebar-container { display: none !important; }
  a { color: inherit; }
}
"""
