"""Layout: the document model and a theme → every decision a reader of the outputs would see.

    lay_out(doc, theme, public=False) -> Layout

The layout decides once, for every writer: the cover's lines and their order, the contents
entries, the running header and footer, caption labels and their numbers, list labels, which
blocks start a new page, how key figures and cards group into rows, the SWOT order and colours,
and every tint of the theme's colours.  A writer turns a Layout into its format and decides
nothing a reader of two formats would see differ.

Modules: boxes (the vocabulary: one box kind per block kind, and the frame), blocks (one layout
function per block kind: LAYOUTS), frame (cover, contents, running lines), front (the opening
blocks of documents without a cover), casework (a saksframlegg's header, innstilling and
vedtak), signing (foreword and signatures), lists, palette, refs
(cross-references `[](#id)` given their generated labels 'mål 1.2', 'figur 3' before the blocks
are laid out), cite (citations `[@id]` written out as '(TØI, 2017)' and the reference list's
order), exempt (unntatt offentlighet: exempt content marked, or left out of a public build;
`State.public` says which audience a layout function lays out for).
"""

from __future__ import annotations

from plandoc.labels import labels, watermark
from plandoc.layout import boxes, cite, exempt, frame, meeting, refs, signing
from plandoc.layout.blocks import LAYOUTS, State, lay_out_blocks
from plandoc.layout.boxes import Box, Layout
from plandoc.layout.front import back_blocks, front_blocks
from plandoc.layout.lists import list_styles
from plandoc.layout.palette import palette
from plandoc.model import Document, Goal
from plandoc.style.theme import Theme

BOX_KINDS: tuple[type, ...] = boxes.Box.__args__    # what every writer must draw

__all__ = ["BOX_KINDS", "LAYOUTS", "Box", "Layout", "lay_out"]


def lay_out(doc: Document, theme: Theme, public: bool = False) -> Layout:
    """Lay out `doc` in `theme`; `public`: for the public, without exempt content (a document
    that says `audience: public` is always laid out so)."""
    meta, words = doc.meta, labels(doc.meta.language)
    public = meta.is_public(public)
    model_blocks = meeting.papers_last(exempt.opening(meta, words, public) + front_blocks(meta)
        + signing.first(exempt.screen(doc.blocks, words, public)) + back_blocks(meta), public)
    state = State(theme, words, list_styles(theme.bullet), language=meta.language,
                  goals=tuple(x for x in model_blocks if isinstance(x, Goal)),
                  chief_executive=meta.chief_executive, kind=meta.kind, public=public,
                  meeting=meta.meeting)
    model_blocks = refs.resolve(model_blocks, refs.labels_of(model_blocks, words))
    model_blocks = cite.resolve(model_blocks)
    blocks = lay_out_blocks(model_blocks, state)
    masthead = frame.masthead(meta, theme, words)
    return Layout(meta=meta, theme=theme, words=words, palette=palette(theme),
                  cover=exempt.cover(meta, words, frame.cover(meta, theme, words)),
                  masthead=masthead, contents=frame.contents(meta, theme, words, blocks),
                  running=exempt.running(meta, words, frame.running(meta, words, masthead)),
                  watermark=watermark(meta),
                  line_numbers=meta.line_numbers, lists=state.lists, targets=state.targets,
                  blocks=blocks)
