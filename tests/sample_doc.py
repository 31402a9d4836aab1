"""A hand-built document with every block kind, for writer tests that must not depend on the reader."""

from datetime import date
from pathlib import Path

from plandoc.model import (Callout, CaseRef, Chart, Document, Goal, Heading, Image, KeyFigure,
                           KeyFigures, ListBlock, ListItem, Meta, PageBreak, Paragraph, Series,
                           Span, Strategy, Swot, SwotGroup, SwotQuadrant, Table)

HERE = Path(__file__).parent


def t(text, **kw):
    """One span of inline text."""
    return (Span(text, **kw),)


def sample_document(image: Path | None = None) -> Document:
    """Every block kind once, with Norwegian letters and reportlab-looking markup in the text."""
    meta = Meta(title="Strategisk næringsplan", municipality="Testvik kommune",
                subtitle="Testvik kommunes strategiske næringsplan", part="Del 1",
                period="2021–2024", organisation="Testvik næringsselskap KF",
                author="Testvik næringsselskap KF", status="vedtatt", date=date(2021, 5, 12),
                adopted_by="kommunestyret", case="38/20",
                cases=(CaseRef("sak 109/17", "kommunestyret"),), subject="Næringspolitikk",
                keywords=("næringsplan", "Testvik"), style="default")
    blocks = [
        Heading(1, t("Om planen"), None, "h-1"),
        Paragraph((Span("Planen gjelder "), Span("2021–2024", bold=True), Span(" og er "),
                   Span("viktig", italic=True), Span(" for "),
                   Span("kommunen", href="https://www.vefsn.kommune.no"),
                   Span(". Tegn som <font> & <b> skal stå som tekst: æøå ÆØÅ."))),
        ListBlock((ListItem(t("Del 1: Strategisk næringsplan"),
                            (ListBlock((ListItem(t("Underpunkt")),)),)),
                   ListItem(t("Del 2: Naturbruksplan")))),
        ListBlock((ListItem(t("Steg 1: Visjon")), ListItem(t("Steg 2: Mål og tiltak"))),
                  ordered=True),
        Heading(2, t("Nøkkeltall"), None, "h-2"),
        KeyFigures((KeyFigure("13\u00a0278", t("Befolkning i 2020")),
                    KeyFigure("12\u00a0579", t("Befolkning i 2030")),
                    KeyFigure("11\u00a0888", t("Befolkning i 2050"))),
                   caption=t("Statistikk hentet fra SSB"), source="SSB"),
        Chart("bar", "Befolkning i Testvik", ("2020", "2030", "2050"),
              (Series("Befolkning", (13278, 12579, 11888)),),
              alt="Søylediagram: befolkningen går ned fra 13 278 i 2020 til 11 888 i 2050.",
              source="SSB", number=1),
        Heading(1, t("Mulighetsanalyse"), None, "h-3"),
        Swot(tuple(SwotQuadrant(kind, (SwotGroup(t("Beliggenhet"), (t(f"{kind} punkt én"),
                                                                   t(f"{kind} punkt to"))),))
                   for kind in ("strengths", "weaknesses", "opportunities", "threats"))),
        Callout("slogan", t("Energi i sentrum!"), (),
                (t("Slagkraft for næring"), t("Levende fellesskap"))),
        PageBreak(),
        Heading(1, t("Slagkraft for næringsutvikling"), "1", "h-4"),
        Paragraph(t("Det skal være enkelt å etablere seg i Testvik.")),
        Goal("1.1", t("Etableringer på næringsarealene."),
             (Strategy("a", t("Tilrettelegge næringsarealer.")),
              Strategy("b", t("Utarbeide markedsføringsmateriale.")))),
        Goal("1.2", t("Flere statlige arbeidsplasser."), (Strategy("a", t("Være en nettverksbygger.")),)),
        Heading(2, t("Handlingsplan"), "1.1", "h-5"),
        Table((t("Tiltak"), t("Ansvar"), t("Frist")),
              ((t("Etablere prosjektgruppe"), t("MON"), t("2022")),
               (t("Mulighetsanalyse"), t("MON"), t("2023"))),
              caption=t("Handlingsplan"), widths=(3, 1, 1), number=1),
        Callout("values", t("Verdier"), (t("Verdiene er grunnlaget for kulturen vår."),),
                (t("Handlekraftig"), t("Inkluderende"), t("Engasjert"), t("Kreativ"))),
        Callout("vision", t("Visjon"), (t("Testvik skal være en pådriver for vekst."),)),
    ]
    if image is not None:
        blocks.append(Image(image, alt="Kommunevåpen", caption=t("Kommunevåpenet"),
                            width_cm=4, number=2))
    return Document(meta, tuple(blocks), HERE / "sample.yaml")
