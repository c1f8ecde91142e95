/**
 * The page's whole stylesheet, inline so that the page needs no other request. Every colour
 * used for text has a contrast of at least 4.5:1 on its background, in both colour schemes.
 */
export const PAGE_STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1b1b;--muted:#545454;--rule:#d0d0d0;--grid:#e4e4e4;--line:#1d4f7c;--conflict:#b3261e;--focus:#b35c00;--panel:#f5f5f5}
@media (prefers-color-scheme:dark){:root{--bg:#121212;--fg:#ececec;--muted:#b8b8b8;--rule:#444;--grid:#2c2c2c;--line:#8cb8f2;--conflict:#ff8f85;--focus:#ffb74d;--panel:#1e1e1e}}
@media (prefers-reduced-motion:no-preference){html{scroll-behavior:smooth}.tooltip{transition:opacity .12s}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:52rem;padding:0 1rem 2rem;background:var(--bg);color:var(--fg);font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
a{color:var(--line);text-underline-offset:.15em}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.vh{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:-100vw}.skip:focus{left:1rem;top:.5rem;background:var(--bg);padding:.25rem .5rem}
header{border-bottom:1px solid var(--rule);padding:1rem 0}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 .25rem}
h2{font-size:1.2rem;margin:0 0 .5rem}
.muted,.legend,figcaption,.source{color:var(--muted)}
.legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0;font-size:.9rem}
.legend li{display:flex;align-items:center;gap:.35rem}
.series,.latest,.feeds{border-bottom:1px solid var(--rule);padding:1.25rem 0}
.current{margin:0}.figure{font-size:1.75rem;font-weight:700}
figure{margin:.75rem 0 0}
svg.chart{display:block;max-width:42rem;height:auto;overflow:visible}
.tick{fill:var(--muted);font-size:13px}
@media (max-width:36rem){.tick{font-size:18px}.tick.other{display:none}}
.grid{stroke:var(--grid)}.axis{stroke:var(--muted)}
.step{fill:none;stroke:var(--line);stroke-width:2}
.shape{stroke:var(--line);stroke-width:2}.filled{fill:var(--line)}.hollow{fill:var(--bg)}
.hit{fill:transparent;stroke:none}
.point{cursor:pointer;outline:none}
.point:focus-visible .hit,.point:hover .hit{stroke:var(--focus);stroke-width:3}
.conflict-line{stroke:var(--conflict);stroke-width:2;stroke-dasharray:4 3}
.conflict-label{fill:var(--conflict);font-weight:700;font-size:14px}
details{margin-top:.5rem}summary{cursor:pointer}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.9rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--rule)}
th[scope=row]{font-weight:400}
.number{text-align:right;white-space:nowrap}
.feeds th[scope=row]{overflow-wrap:anywhere}
.failing td{color:var(--conflict)}
.changes{padding-left:1.5rem}
.change{margin-bottom:1rem}.change p{margin:.15rem 0}
.change-type{font-weight:700}
[data-type=conflict] .change-type{color:var(--conflict)}
blockquote{margin:.25rem 0;padding-left:.75rem;border-left:3px solid var(--rule)}
footer{padding:1rem 0;font-size:.9rem;color:var(--muted)}
.tooltip{position:absolute;z-index:10;max-width:min(22rem,calc(100vw - 1rem));padding:.5rem .75rem;background:var(--panel);color:var(--fg);border:1px solid var(--muted);border-radius:.4rem;box-shadow:0 2px 8px rgb(0 0 0/.25);font-size:.9rem}
.tooltip p,.tooltip blockquote{margin:.2rem 0}
.tip-value{font-weight:700}
`;
