"""FA-KES dev (`fakes-dev/`): 240 Syrian news articles with crowd-sourced labels of their main
event. polemos reads each article with its title and publication date; its lead event is scored:

- `governorate`: the lead event's admin1 in FA-KES's governorate labels (`GOVERNORATES`);
- `actor`: actor1 in FA-KES's perpetrator categories (`ACTOR_SIDES`; anything else "unknown");
- `cause`: the method in FA-KES's causes of death (`CAUSES`), or "shooting" for a battle one of
  whose reports says fighting;
- `nb_civilians`, `nb_children`, `nb_women`: exact, and within 10%.

The mappings translate polemos's vocabularies into FA-KES's label sets; they hold no
per-article answers.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from .common import Miss, SetReport, extract_timed, within_share

NAME = "fakes-dev"
FILE = Path("fakes-dev") / "fakes_dev.csv"

# FA-KES governorate labels -> polemos admin1 names ("damascus" includes its countryside).
GOVERNORATES = {
    "aleppo": {"Aleppo"},
    "damascus": {"Damascus", "Rural Damascus"},
    "idlib": {"Idlib"},
    "deir ezzor": {"Deir ez-Zor"},
    "raqqa": {"Raqqa"},
    "hasakeh": {"Hasakah"},
    "daraa": {"Daraa"},
    "homs": {"Homs"},
    "hama": {"Hama"},
    "lattakia": {"Latakia"},
    "tartous": {"Tartus"},
    "quneitra": {"Quneitra"},
    "sweida": {"As-Suwayda"},
}

# polemos actor names -> FA-KES perpetrator categories; anything else is "unknown".
ACTOR_SIDES = {
    "Syrian government forces": "syrian government or russian troops",
    "Russian forces": "syrian government or russian troops",
    "Iranian forces": "syrian government or russian troops",
    "Hezbollah": "syrian government or russian troops",
    "National Defence Forces": "syrian government or russian troops",
    "Islamic State": "the organization of the islamic state in iraq and the levant - isis",
    "US-led coalition": "international coalition forces",
    "US forces": "international coalition forces",
    "Turkish forces": "international coalition forces",
    "Syrian rebels": "armed opposition groups",
    "Turkish-backed rebels": "armed opposition groups",
    "Ahrar al-Sham": "armed opposition groups",
    "Jaish al-Islam": "armed opposition groups",
    "Faylaq al-Rahman": "armed opposition groups",
    "Jaish al-Fatah": "armed opposition groups",
    "Syrian Democratic Forces": "self administration forces",
    "Hayat Tahrir al-Sham": "al-nusra front",
    # The rest of polemos's armed_groups.tsv that fought in Syria, by the side FA-KES's
    # categories put them on (pro-government militias with the government and its allies;
    # al-Qaeda, whose Syrian branch al-Nusra was, with al-Nusra).
    **{
        name: "syrian government or russian troops"
        for name in (
            "Liwa al-Quds",
            "Fatemiyoun",
            "Zainabiyoun",
            "Liwa Abu al-Fadl al-Abbas",
            "Liwa al-Baqir",
            "Ba'ath Brigades",
            "Desert Hawks Brigade",
            "Shabiha",
            "Syrian Air Force Intelligence",
            "Syrian Military Intelligence",
            "5th Assault Corps",
            "Harakat al-Nujaba",
            "Kataib Hezbollah",
            "Asaib Ahl al-Haq",
            "Syrian Social Nationalist Party",
        )
    },
    **{
        name: "armed opposition groups"
        for name in (
            "Faylaq al-Sham",
            "Nour al-Din al-Zenki Movement",
            "National Front for Liberation",
            "Jaysh al-Izza",
            "Ahrar al-Sharqiya",
            "Hamza Division",
            "Sultan Murad Division",
            "Suleiman Shah Division",
            "Al-Mutasim Division",
            "Suqour al-Sham",
            "Liwa al-Tawhid",
            "Harakat Hazm",
            "Jaysh al-Mujahideen",
            "Jaysh al-Thuwar",
            "Southern Operations Room",
            "Maghawir al-Thawra",
        )
    },
    **{
        name: "al-nusra front"
        for name in ("Al-Qaeda", "Hurras al-Din", "Jund al-Aqsa", "Turkistan Islamic Party")
    },
}

# polemos methods -> FA-KES causes of death.
CAUSES = {
    "air strike": "shelling",
    "drone strike": "shelling",
    "barrel bomb": "shelling",
    "shelling": "shelling",
    "mortar": "shelling",
    "rocket": "shelling",
    "missile": "shelling",
    "car bomb": "explosion",
    "suicide bombing": "explosion",
    "IED": "explosion",
    "explosive": "explosion",
    "grenade": "explosion",
    "chemical": "chemical and toxic gases",
    "shooting": "shooting",
    "execution": "execution",
}

COUNTS = [
    ("nb_civilians", "civilians_killed"),
    ("nb_children", "children_killed"),
    ("nb_women", "women_killed"),
]


def cause_of(method: str | None, event_type: str | None, rules: list[str]) -> str:
    """FA-KES cause of an event from its method or, for battles, its reports' triggers.

    `rules` are the rules of every report merged into the event (its trigger mentions).
    """
    if method in CAUSES:
        return CAUSES[method]
    # A battle one of whose reports says fighting ("clashes", "battles", "fought") is an
    # exchange of fire; an "offensive", "attack" or "killed" alone says nothing of how.
    if event_type == "Battles" and any(
        rule.removeprefix("trigger:").startswith("clash.") for rule in rules
    ):
        return "shooting"
    return "unknown"


def governorate_of(admin1: str | None) -> str:
    for label, names in GOVERNORATES.items():
        if admin1 in names:
            return label
    return "none"


def score(data: Path, limit: int | None = None) -> SetReport | None:
    path = data / FILE
    if not path.exists():
        return None
    labels = pl.read_csv(path, infer_schema_length=0, encoding="utf8-lossy")
    if limit:
        labels = labels.head(limit)
    # unit_id is not unique in the published data: key rows by position instead.
    labels = labels.with_row_index("row").with_columns(pl.col("row").cast(pl.String))
    report = SetReport(NAME, f"{labels.height} Syrian articles, lead event against FA-KES labels")
    report.items = labels.height
    texts = labels.get_column("article_content").to_list()
    result = extract_timed(
        report,
        texts,
        id=labels.get_column("row").to_list(),
        published=labels.get_column("date").to_list(),
        title=labels.get_column("article_title").to_list(),
    )
    lead = result.events.filter(pl.col("is_lead"))
    reports = (
        result.mentions.filter(pl.col("kind") == "trigger")
        .group_by("event_id")
        .agg(pl.col("rule").alias("report_rules"))
    )
    lead = lead.join(reports, on="event_id", how="left")
    joined = labels.join(lead, left_on="row", right_on="doc_id", how="left")

    figures = {
        "governorate": report.figure("governorate", "governorate"),
        "actor": report.figure("actor", "perpetrator category"),
        "cause": report.figure("cause", "cause of death"),
    }
    for field, _ in COUNTS:
        name = field.removeprefix("nb_")
        figures[f"{field}_exact"] = report.figure(f"{field}_exact", f"{name} killed exact")
        figures[f"{field}_10pct"] = report.figure(f"{field}_10pct", f"{name} killed within 10%")
    confusions: dict[str, list[tuple[str, str]]] = {"governorate": [], "actor": [], "cause": []}

    for row in joined.iter_rows(named=True):
        predicted = {
            "governorate": governorate_of(row["admin1"]),
            "actor": ACTOR_SIDES.get(row["actor1"] or "", "unknown"),
            "cause": cause_of(
                row["method"], row["event_type"], row["report_rules"] or [row["rule"]]
            ),
        }
        gold = {
            "governorate": row["location"],
            "actor": row["actor"],
            "cause": row["cause_of_death"],
        }
        wrong = []
        for field, value in predicted.items():
            confusions[field].append((gold[field], value))
            figures[field].add(value == gold[field])
            if value != gold[field]:
                wrong.append(field)
        for field, column in COUNTS:
            label, got = int(row[field] or 0), int(row[column] or 0)
            for key, ok in (
                (f"{field}_exact", got == label),
                (f"{field}_10pct", within_share(got, label, 0.1)),
            ):
                figures[key].add(ok)
            if field == "nb_civilians" and got != label:
                wrong.append(f"{field} {got} vs {label}")
        if wrong:
            report.misses.append(
                Miss(
                    item=f"{row['unit_id']} (row {row['row']})",
                    wrong=[w.split()[0] for w in wrong],
                    gold=(
                        f"{gold['governorate']} / {gold['actor']} / {gold['cause']} / "
                        f"{row['nb_civilians']} civilians"
                    ),
                    got=(
                        f"{predicted['governorate']} ({row['admin1']}) / "
                        f"{predicted['actor']} ({row['actor1']}) / "
                        f"{predicted['cause']} ({row['method']}) / "
                        f"{row['civilians_killed'] or 0} civilians"
                    ),
                    text=row["article_title"] or "",
                    evidence=row["sentence_text"] or "(no lead event)",
                )
            )
    report.confusions = confusions
    return report
