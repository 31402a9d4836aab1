"""The page's stylesheet, from the layout's text styles and palette (one design in every format).

Each text style (plandoc.layout.styles) becomes the rule of the elements that carry that kind of
text, its size relative to the body's, its colour the palette's role (already darkened where the
brand colour is too light for text).  Then the page's own structure: a readable column, cards
in rows, the SWOT and tables, list markers from the layout's labels, the skip link, visible
focus, narrow screens down to 320 px and a clean printout.
"""

from __future__ import annotations

from plandoc.layout.styles import TextStyle, text_styles

BASE_PX = 17          # the body text on screen
SELECTORS = {
    "body": "body", "quote": "blockquote p", "caption": ".caption,caption",
    "source": ".source", "credit": ".credit", "reference": ".references li",
    "signature_place": ".signature-place", "signer": ".signer", "signer_title": ".signer-title",
    "table_text": "table.data td", "table_heading": "table.data thead th",
    "table_group": "table.data tr.group th", "toc_title": ".contents h2",
    "toc1": ".contents>ol>li>a", "toc2": ".contents ol ol>li>a",
    "toc3": ".contents ol ol ol>li>a",
    "key_figure": ".key-figures .value", "key_figure_label": ".key-figures .label",
    "goal": "li.goal>.goal-text", "subgoal": "li.subgoal>.goal-text",
    "goal_attributes": ".goal-attributes", "strategy_label": ".strategy-label",
    "strategy": ".strategies>li", "swot_title": ".swot th", "swot_group": ".swot-group",
    "swot_item": ".swot li", "slogan": ".callout .slogan-title", "slogan_text": ".callout .slogan-text",
    "tagline": ".taglines li", "panel_title": ".callout .panel-title",
    "panel_text": ".callout>p:not([class])",
    "value_word": ".values li", "program_time": ".program th.time",
    "program_part": ".program tr.part th", "program_item": ".program li",
    "cover_municipality": ".municipality", "cover_part": ".cover .part",
    "cover_title": ".cover h1", "cover_subtitle": ".cover .subtitle",
    "cover_period": ".cover .period", "cover_credit": ".cover-credit",
    "cover_band": ".band p", "cover_band_strong": ".band .organisation,.band .exempt",
    "part_label": ".part-label", "part_title": ".part-title",
    "h1": ".l1", "h2": ".l2", "h3": ".l3",
}
LARGE = {"cover_title", "part_title", "slogan", "key_figure", "h1"}   # shrink on a phone


def stylesheet(layout, faces: str) -> str:
    """The whole stylesheet: the fonts, the text styles, the structure."""
    theme, palette = layout.theme, layout.palette
    styles = text_styles(theme)
    body = theme.sizes.body
    rules = [faces, _variables(palette)]
    for name, selector in SELECTORS.items():
        rules.append(f"{selector}{{{_declarations(name, styles[name], body, palette)}}}")
    return "".join(rules) + STRUCTURE


def _variables(p) -> str:
    names = ("primary", "secondary", "text", "muted", "light", "rule", "band", "accent",
             "accent_text")
    values = ";".join(f"--{n.replace('_', '-')}:{getattr(p, n).hex}" for n in names)
    return f":root{{{values}}}"


def _declarations(name: str, s: TextStyle, body: float, palette) -> str:
    size = s.size / body * BASE_PX / 16          # rem: a label inside a title keeps its size
    size_css = f"{size:.4f}rem"
    if name in LARGE:
        size_css = f"clamp(1.6rem,{size * 2.2:.2f}vw + 0.9rem,{size:.3f}rem)"
    out = [f"font-size:{size_css}", f"line-height:{s.leading:.2f}",
           f"font-family:var(--{s.font}-font)",
           f"font-weight:{700 if s.bold else 400}", f"color:{getattr(palette, s.colour).hex}"]
    if s.italic:
        out.append("font-style:italic")
    if s.caps:
        out.append("text-transform:uppercase")
    if s.tracking:
        out.append(f"letter-spacing:{s.tracking / s.size:.3f}em")
    if s.align == "centre":
        out.append("text-align:center")
    return ";".join(out)


STRUCTURE = """
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#fff;overflow-wrap:break-word}
header,nav,main,.page-footer{max-width:46rem;margin-left:auto;margin-right:auto;padding-left:1.25rem;padding-right:1.25rem}
main{padding-bottom:3rem}
p{margin:0 0 .7em}
h1,h2,h3,h4,h5,h6{margin:1.6em 0 .5em}
a{color:var(--primary);text-underline-offset:.15em}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--accent-text);outline-offset:2px}
img,svg{max-width:100%;height:auto}
.skip{position:absolute;left:.5rem;top:-4rem;background:var(--primary);color:#fff;padding:.6rem 1rem;z-index:10}
.skip:focus{top:.5rem;color:#fff}
.draft{margin:0;padding:.4rem 1.25rem;background:var(--light);color:var(--text);font-weight:700;letter-spacing:.12em;text-align:center}
.cover{padding-top:1rem}
.cover-photo{display:block;width:100%;max-height:22rem;object-fit:cover}
.cover-credit{text-align:right}
.brand{display:flex;align-items:center;gap:1rem;margin:1.5rem 0}
.brand p{margin:0}
.emblem{height:4.5rem;width:auto}
.title-block{margin:2.5rem 0 1.5rem}
.title-block h1{margin:0 0 .3em}
.band{background:var(--primary);border-top:.4rem solid var(--accent);padding:1rem 1.25rem .6rem;margin:0 -1.25rem}
.band p{margin:0 0 .2em}
.masthead{border-bottom:3px solid var(--primary);padding-bottom:.6rem;margin-bottom:1.5rem}
.masthead .brand{margin:1rem 0 0}
.paper-kind{font-size:.8em;letter-spacing:.08em;color:var(--muted)}
.contents{margin-top:2rem;margin-bottom:2rem}
.contents ol{list-style:none;padding-left:0;margin:0}
.contents ol ol{padding-left:1.2rem}
.contents li{margin:.3em 0}
.contents a{text-decoration:none}
.contents a:hover,.contents a:focus{text-decoration:underline}
.number{margin-right:.15em}
.nw{white-space:nowrap}
blockquote{margin:0 0 .7em 1.6em;padding-left:.8em;border-left:3px solid var(--rule)}
ol.marked,ul.marked{padding-left:2.2em;margin:0 0 .8em}
.marked>li{margin:.25em 0}
.marked .marked{margin:.2em 0 0}
.marked>li::marker{content:attr(data-label) "\\2002";color:var(--primary);font-weight:700}
ul.marked>li::marker{font-weight:400}
li.changed{border-left:3px solid var(--text);padding-left:.4em}
ol.goals{padding-left:3.2em}
ol.goals>li{margin:1.2em 0 .8em}
ol.goals>li.subgoal{margin-left:1.8em}
ol.goals>li::marker{font-size:1.05em}
.goal-label{color:var(--primary)}
.goal-attributes,.strategy-label{margin-bottom:.3em}
ol.strategies{padding-left:1.8em}
.cards{list-style:none;padding:0;margin:1em 0 .4em;display:grid;gap:.6rem;grid-template-columns:repeat(var(--columns,3),minmax(0,1fr))}
.cards>li{background:var(--light);padding:1rem .6rem;text-align:center}
.key-figures .value{display:block}
.key-figures .label{display:block}
figure{margin:1.2em 0}
figcaption{margin-top:.4em}
figcaption .caption,figcaption .source{display:block}
.lead{font-weight:700}
.chart svg{display:block;width:100%;height:auto}
details.chart-data{margin:.4em 0}
details.chart-data summary{cursor:pointer;color:var(--primary);text-decoration:underline}
.table-wrap{overflow-x:auto;margin:1em 0}
table{border-collapse:collapse;width:100%}
caption{text-align:left;caption-side:top;margin-bottom:.4em}
table.data th,table.data td{padding:.35em .5em;text-align:left;vertical-align:top;border-bottom:1px solid var(--rule)}
table.data thead th{background:var(--primary)}
table.data tbody tr:nth-child(even) td{background:var(--band)}
table.data .num{text-align:right;font-variant-numeric:tabular-nums}
table.data .centre{text-align:center}
table.data tr.group th{text-align:left}
table.total tbody tr:last-child td{font-weight:700;border-top:2px solid var(--text)}
table.swot{table-layout:fixed;border-collapse:separate;border-spacing:6px;margin:1em -6px}
.swot th{color:#fff;text-align:left;padding:.4em .7em}
.swot td{vertical-align:top;padding:.2em .7em .8em}
.swot ul.marked{padding-left:1.2em}
.swot td,.swot th{overflow-wrap:anywhere;hyphens:auto}
.callout{margin:1.4em 0}
.callout.box{background:var(--fill);border-left:.35rem solid var(--bar);padding:1rem 1.2rem .6rem}
.callout.slogan{border-top:2px solid var(--bar);border-bottom:2px solid var(--bar);padding:1.2rem 0;text-align:center}
.taglines{list-style:none;padding:0;margin:.6em 0 0;display:flex;flex-wrap:wrap;justify-content:center;gap:.4em 1.5em}
.callout.values .cards>li{background:var(--fill)}
table.program{border-top:2px solid var(--primary)}
.program th,.program td{text-align:left;vertical-align:top;padding:.45em .5em;border-bottom:1px solid var(--rule)}
.program th.time{white-space:nowrap;width:7.5em}
.program tr.part th{background:var(--light)}
.program p{margin:0 0 .2em}
.program .speaker{font-style:italic}
.program ul.marked{padding-left:1.4em;margin:0}
.part-label{display:block}
.part-intro{font-size:1.05em}
.appendix-list,.references{list-style:none;padding:0}
.references li{padding-left:2em;text-indent:-2em;margin:0 0 .5em}
.signatures{margin:1.5em 0}
.slots{display:flex;flex-wrap:wrap;gap:1.5rem 3rem;margin-top:1rem}
.slot{min-width:12rem;border-top:1px solid var(--text);padding-top:.3rem;margin-top:2.5rem}
.slot p{margin:0}
.footnotes{margin-top:2.5rem;border-top:1px solid var(--rule);font-size:.9em}
.notes-title{font-size:1em}
.fnref{text-decoration:none;padding:0 .1em}
.chapter-head{padding-top:.8rem;padding-bottom:.6rem;border-bottom:3px solid var(--primary)}
.chapter-head .home{margin:0;font-weight:700}
.chapter-head a{text-decoration:none}
.pager{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.8rem;margin-top:2rem;margin-bottom:2rem;padding-top:1rem;padding-bottom:1rem;border-top:1px solid var(--rule)}
.pager a[rel=next]{margin-left:auto;text-align:right}
.page-footer{border-top:1px solid var(--rule);padding-top:.8rem;padding-bottom:2rem;color:var(--muted);font-size:.85em}
@media (max-width:40rem){
header,nav,main,.page-footer{padding-left:.9rem;padding-right:.9rem}
.band{margin:0 -.9rem;padding:1rem .9rem .6rem}
.cards{grid-template-columns:repeat(auto-fit,minmax(8.5rem,1fr))}
ol.goals{padding-left:2.6em}
.program th.time{width:auto;white-space:normal}
table.swot{border-spacing:3px;margin:1em -3px}
.swot th,.swot td{padding-left:.4em;padding-right:.4em}
}
@media print{
.skip,details.chart-data,.pager{display:none}
body{font-size:10.5pt}
header,nav,main,.page-footer{max-width:none;padding:0}
a{color:inherit;text-decoration:none}
h1,h2,h3,h4{break-after:avoid}
figure,tr,.cards>li,li.goal>.goal-text,.swot tbody{break-inside:avoid}
.swot tr:first-child{break-after:avoid}
.contents{break-after:page}
.cover{break-after:page}
*{print-color-adjust:exact;-webkit-print-color-adjust:exact}
}
@page{size:A4;margin:20mm 18mm}
"""
