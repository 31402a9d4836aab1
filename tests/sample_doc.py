"""A hand-built document with every block kind and every optional field, for writer and layout
tests that must not depend on the reader.  tests/test_registry.py checks that it stays complete.
"""

from datetime import date
from pathlib import Path

from plandoc.model import (ActionPlan, ActionRow, Appendix, AppendixList, CaseItem, CaseList,
                           Exemption, Foreword, Indicator, CaseFacts, CaseStep, Decision, Point,
                           Recommendation,
                           Signatures, Signer,
                           IndicatorOverview, Measurement,
                           Callout, CaseRef, Chart, Document, Goal, Heading, Image, KeyFigure,
                           KeyFigures, ListBlock, ListItem, Meta, PageBreak, Paragraph, PartTitle,
                           Program, ProgramItem, ProgramPart, Reference, References, Series, Span,
                           Strategy, StrategyList, Swot, SwotGroup, SwotQuadrant, Table,
                           TableGroup)

HERE = Path(__file__).parent
IMAGE = HERE / "data" / "vaapen.png"


def t(text, **kw):
    """One span of inline text."""
    return (Span(text, **kw),)


def sample_meta() -> Meta:
    """A plan with every cover and footer field filled in."""
    return Meta(title="Strategisk næringsplan", municipality="Testvik kommune",
                subtitle="Testvik kommunes strategiske næringsplan", part="Del 1",
                period="2021–2024", organisation="Testvik næringsselskap KF",
                author="Testvik næringsselskap KF", status="vedtatt", date=date(2021, 5, 12),
                adopted_by="kommunestyret", case="38/20", archive_case="20/1234",
                cases=(CaseRef("sak 109/17", "kommunestyret"),), version="2", replaces="1",
                subject="Næringspolitikk", keywords=("næringsplan", "Testvik"),
                style="default")


def _lists() -> list:
    nested = ListBlock((ListItem(t("Underpunkt"),
                                 (ListBlock((ListItem(t("Under-underpunkt")),)),)),))
    return [
        ListBlock((ListItem(t("Del 1: Strategisk næringsplan"), (nested,)),
                   ListItem(t("Del 2: Naturbruksplan")))),
        ListBlock((ListItem(t("Steg 1: Visjon"),
                            (ListBlock((ListItem(t("Delsteg")), ListItem(t("Neste delsteg"))),
                                       ordered=True),)),
                   ListItem(t("Steg 2: Mål og tiltak"))), ordered=True),
        ListBlock((ListItem(t("Femte punkt")),
                   ListItem(t("Sjette punkt"), exempt=Exemption("offl. § 13"))), ordered=True,
                  start=5),
    ]


def _figures(image: Path) -> list:
    return [
        KeyFigures((KeyFigure("13\u00a0278", t("Befolkning i 2020")),
                    KeyFigure("12\u00a0579", t("Befolkning i 2030")),
                    KeyFigure("11\u00a0888", t("Befolkning i 2050")),
                    KeyFigure("1\u00a0850", t("Bedrifter")),
                    KeyFigure("64\u00a0%", t("Sysselsatte"))),
                   caption=t("Statistikk hentet fra SSB"), source="SSB"),
        Chart("bar", "Befolkning i Testvik", ("2020", "2030", "2050"),
              (Series("Befolkning", (13278, 12579, 11888)),),
              alt="Søylediagram: befolkningen går ned fra 13 278 i 2020 til 11 888 i 2050.",
              source="SSB", x_label="År", y_label="Innbyggere", id="befolkning",
              orientation="vertical"),
        Chart("line", "Arbeidsplasser", ("2019", "2020", "2021"),
              (Series("Privat", (4100, 4050, 4200)), Series("Offentlig", (2300, 2350, 2400))),
              alt="Linjediagram: private og offentlige arbeidsplasser 2019–2021.", labels=True),
        Image(image, alt="Kommunevåpen", caption=t("Kommunevåpenet"), width_cm=4, id="våpen",
              credit="Foto: Testvik kommune"),
        Image(image, alt="Kommunevåpenet uten bildetekst", width_cm=2),
    ]


def _plan_blocks() -> list:
    quadrant = lambda kind: SwotQuadrant(kind, (SwotGroup(  # noqa: E731
        t("Beliggenhet"), (t(f"{kind} punkt én"), t(f"{kind} punkt to"))),))
    return [
        Heading(1, t("Mulighetsanalyse"), None, "h-3"),
        Swot(tuple(quadrant(k) for k in ("strengths", "weaknesses", "opportunities", "threats")),
             caption=t("Mulighetsanalyse for Testvik")),
        Callout("slogan", t("Energi i sentrum!"), (t("Slagordet samler planen."),),
                (t("Slagkraft for næring"), t("Levende fellesskap"))),
        PageBreak(),
        Heading(1, t("Slagkraft for næringsutvikling"), "1", "h-4", kind="focus_area",
                id="slagkraft"),
        Paragraph(t("Det skal være enkelt å etablere seg i Testvik.")),
        Goal("1.1", t("Etableringer på næringsarealene."),
             (Strategy("a", t("Tilrettelegge næringsarealer.")),
              Strategy("b", t("Utarbeide markedsføringsmateriale.")))),
        Goal("1.2", t("Flere statlige arbeidsplasser."),
             (Strategy("a", t("Være en nettverksbygger.")),), id="mål-statlige"),
        Goal("1.3", t("Et mål uten strategier.")),
        Goal("1.4", t("Et mål med indikatorer."), id="mål-indikator", deadline="innen 2026",
             responsible="Kommunedirektøren", status="pågår",
             indicators=(Indicator(t("Andel sysselsatte"), Measurement("15 %", 2026),
                                   Measurement("12,5 %", 2022), "SSB/KOSTRA",
                                   "KOSTRA-gruppe 13", "årlig"),
                         Indicator(t("Nye bedrifter"), Measurement("40", 2026)))),
        StrategyList((Strategy("a", t("Samarbeide med næringslivet.")),), "Strategier"),
        Goal("1.4.1", t("Et delmål."), level=2, label="Delmål", strategies_label="Tiltak",
             strategies=(Strategy("a", t("Et tiltak.")),)),
        Heading(2, t("Handlingsplan"), "1.1", "h-5"),
        Table((t("Tiltak"), t("Ansvar"), t("Frist")),
              ((t("Etablere prosjektgruppe"), t("MON"), t("2022")),
               (t("Mulighetsanalyse"), t("MON"), t("2023"))),
              caption=t("Handlingsplan"), widths=(3, 1, 1), id="handlingsplan"),
        Table((t("Område"), t("Budsjett"), t("Endring")),
              (TableGroup(t("Oppvekst")),
               (t("Barnehage"), t("350 000 kr"), t("12,5 %")),
               TableGroup(t("Helse")),
               (t("Sykehjem"), t("1 234 567 kr"), t("-2,5 %"))),
              caption=t("Budsjett"), align=("left", "right", "center")),
        Table((t("Underskrift"), t("Dato")), ((t("Ordfører"), t("12. mai 2021")),),
              landscape=True),
        Heading(3, t("Oppfølging"), "1.1.1", "h-6"),
        Callout("values", t("Verdier"), (t("Verdiene er grunnlaget for kulturen vår."),),
                (t("Handlekraftig"), t("Inkluderende"), t("Engasjert"), t("Kreativ"),
                 t("Modig"))),
        Callout("vision", t("Visjon"), (t("Testvik skal være en pådriver for vekst."),),
                (t("for næringslivet"), t("for innbyggerne"))),
        Callout("note", t("Merk"), (t("Tallene er foreløpige."),), (t("Kilde: SSB"),)),
        Callout("recommendation", t("Forslag til vedtak"),
                (t("Kommunestyret vedtar planen."), t("Planen rulleres etter to år."))),
        IndicatorOverview(t("Indikatorer")),
        ActionPlan((ActionRow(t("Kartlegge næringsarealer"), "mål-indikator", "Næringssjefen",
                              "2025", "350 000 kr", "planlagt"),
                    ActionRow(t("Lage markedsplan"), "mål-statlige", cost="1,5 mill. kr",
                              status="venter")),
                   t("Handlingsplan for næring"), True),
    ]


def _vedtak_blocks() -> list:
    """A saksframlegg's header, an innstilling with points, two bodies' vedtak."""
    steps = (CaseStep("Formannskapet", "10/25", date(2025, 2, 1)), CaseStep("Kommunestyret"))
    points = (Point(1, t("Planen sendes på høring.")),
              Point(2, t("Innspill hentes fra:"), (t("næringslivet"), t("ungdomsrådet")),
                    (t("i møter"), t("skriftlig"))))
    return [
        CaseFacts((("Saksbehandler", "Kari Nordmann"), ("Arkiv", "FE-140")), steps),
        Recommendation(points, (t("Kommunedirektøren tilrår:"),), t("Forslag til vedtak")),
        Decision(steps[0], (t("Innstillingen ble lagt fram."),), unanimous=True, points=points),
        Decision(steps[1], (t("Forslag om endring av punkt 1."),), (20, 7),
                 points=(Point(1, t("Planen sendes på høring straks."), changed=True),
                         points[1]), paragraphs=(t("Kommunedirektøren tilrår:"),)),
    ]


def _case_blocks() -> list:
    return [
        Paragraph((Span("Se også "), Span("", href="#mål-statlige", ref=True), Span(" i "),
                   Span("", href="#slagkraft", ref=True), Span(", "),
                   Span("", href="#befolkning", ref=True), Span(", "),
                   Span("", href="#våpen", ref=True), Span(" og "),
                   Span("", href="#handlingsplan", ref=True), Span("."))),
        PartTitle("Del 2", t("Naturbruksplan"), "part-2", t("Natur og friluftsliv")),
        Program((ProgramItem(t("Velkommen"), "18.00", t("ordfører Paul Asphaug"),
                             (t("Kaffe"), t("Presentasjonsrunde"))),
                 ProgramPart(t("Del 1: Muligheter"),
                             (ProgramItem(t("Dialog om vekst"), None, t("prosessleder"),
                                          (t("Muligheter"), t("Utfordringer"))),
                              ProgramItem(t("Oppsummering")))),
                 ProgramItem(t("Gruppearbeid"), "20.00", end="20.45",
                             questions=(t("Hva er Hemnes' fortrinn?"), t("Hva bør vi satse på?"))),
                 ProgramItem(t("Avslutning"), "21.00")), title=t("Program")),
        Paragraph((Span("Tallene "), Span("", cite=(("@ssb2023", "tabell 07459"),
                                                    ("@tøi2017", "")),),
                   Span(" er nye."))),
        References((Reference("tøi2017", "Transportøkonomisk institutt", "2017",
                              "Godstransport i Norge", "TØI"),
                    Reference("ssb2023", "Statistisk sentralbyrå", "2023", "Befolkning", "SSB",
                              "Statistikkbanken", "https://www.ssb.no/statbank/table/07459",
                              date(2024, 3, 12), t("Tall per 1. januar")))),
        Foreword((Paragraph(t("Takk til alle som har bidratt.")),), t("Forord"),
                 Signatures((Signer("Kari Nordmann", "Ordfører"),), "Testvik", date(2021, 5, 12))),
        Signatures((Signer("Kari Nordmann", "Ordfører"), Signer("Per Hansen")), "Testvik",
                   date(2021, 5, 13)),
        PartTitle("", t("Vedlegg")),
        Heading(2, t("Vedlegg uten innholdsliste"), None, "h-7", in_toc=False,
                exempt=Exemption("offl. § 13", "Vedlegg")),
        Paragraph((Span("Se "), Span("kapittelet om planen", href="#h-1"), Span("."))),
        Appendix("1", t("Kartgrunnlag"), "h-8", "kart"),
        Heading(2, t("Kilder"), "V1.1", "h-9"),
        Paragraph((Span("Kartene i "), Span("", href="#kart", ref=True),
                   Span(" er fra Kartverket."))),
        AppendixList(t("Vedlegg til planen")),
    ]


def _case_list() -> CaseList:
    """A minutes' saksliste: an exempt case, its behandling and vedtak, its papers included."""
    case = Meta(title="Kjøp av eiendom", municipality="Testvik kommune", kind="saksframlegg",
                archive_case="25/00188-2", exempt=Exemption("offl. § 23", "Eiendomssak"),
                proceedings=(CaseStep("Formannskapet", "22/25", date(2025, 3, 13)),))
    return CaseList((CaseItem(case, "22/25", (Paragraph(t("Enstemmig vedtatt.")),),
                              (Paragraph(t("Kjøpet godkjennes.")),),
                              (Paragraph(t("Eiendommen ligger ved skolen.")),)),),
                    include_cases=True)


def sample_document(image: Path | None = None) -> Document:
    """Every block kind, with Norwegian letters and reportlab-looking markup in the text."""
    blocks = [
        Heading(1, t("Om planen"), None, "h-1"),
        Paragraph((Span("Planen gjelder "), Span("2021–2024", bold=True), Span(" og er "),
                   Span("viktig", italic=True), Span(" for "),
                   Span("kommunen", href="https://www.vefsn.kommune.no"),
                   Span(". Tegn som <font> & <b> skal stå som tekst: æøå ÆØÅ."),
                   Span("", note=(Span("Kilde: "), Span("SSB", bold=True), Span(" 2024."))))),
        Paragraph(t("Kommunen skal være et godt sted å bo."), quote=True,
                  exempt=Exemption("offl. § 13")),
        *_lists(),
        Heading(2, t("Nøkkeltall"), None, "h-2"),
        *_figures(image or IMAGE),
        *_plan_blocks(),
        *_case_blocks(),
    ]
    return Document(sample_meta(), tuple(blocks), HERE / "sample.yaml")


def case_document() -> Document:
    """A saksframlegg's own kinds: letterhead, header and saksgang, innstilling, vedtak; and a
    meeting's saksliste."""
    meta = Meta(title="Sak", municipality="Testvik kommune", kind="saksframlegg", toc=False)
    return Document(meta, tuple(_vedtak_blocks()) + (_case_list(),), HERE / "sak.yaml")
