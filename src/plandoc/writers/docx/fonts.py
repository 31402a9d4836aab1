"""The style's fonts travel inside the DOCX, where that is needed and allowed.

A family the style names as a Word font (Arial, Calibri … with metric-compatible files for the
PDF, plandoc.style.fontpairs) is on every PC and is not embedded.  Any other family whose files
are that font (DejaVu Sans in the default style) is embedded face by face, subset to the
characters the document uses plus the Latin letters and punctuation a Norwegian editor types,
so the file stays small and the text can still be edited — unless the font's OS/2 fsType forbids
embedding (bit 1) or subsetting (bit 8: then the whole face goes in).  A family that is not its
files' font is left alone: plandoc.style warns about it.
"""

from __future__ import annotations

from plandoc.style.assets import family_name, font_facts
from plandoc.style.fontpairs import same_font, word_font
from plandoc.style.subset import TYPED
from plandoc.writers.docx.ooxml.fonttable import embed_font, used_characters
from plandoc.writers.docx.ooxml.settings import embed_fonts

RESTRICTED, NO_SUBSET = 0x0002, 0x0100


def embed_style_fonts(word, theme, cache=None) -> None:
    """Embed the faces of the body and heading families that need it (see the module);
    `cache`: the folder subsets are kept in."""
    chars = None                 # read from the text once a face travels (Arial never does)
    done = set()
    for family in (theme.fonts.body, theme.fonts.heading):
        for face, file in zip(("regular", "bold", "italic", "bold_italic"), family.files):
            if (family.family, face) in done or not travels(family.family, file):
                continue
            done.add((family.family, face))
            if chars is None:       # TYPED: so text typed later in Word has its glyphs
                chars = used_characters(word) | TYPED
            data, subsetted = face_bytes(file, chars, cache)
            embed_font(word, family.family, face, data, subsetted)
    if done:
        embed_fonts(word, subset=True)


def travels(family: str, file) -> bool:
    """The face must go into the file: not a Word font, its files are that font, and its
    licence allows embedding."""
    if word_font(family) or not same_font(family, family_name(file, "")):
        return False
    facts = font_facts(file)
    return facts is not None and not facts.fs_type & RESTRICTED


def face_bytes(file, chars: set[int], cache=None) -> tuple[bytes, bool]:
    """The face subset to `chars` (True), or whole where its licence forbids subsetting;
    subsets kept in `cache` (plandoc.style.subset)."""
    if font_facts(file).fs_type & NO_SUBSET:
        return file.read_bytes(), False
    from plandoc.style.subset import subset
    return subset(file, chars, cache), True
