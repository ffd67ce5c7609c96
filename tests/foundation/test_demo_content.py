"""The demo corpus: what `load_demo_content` creates, that it is idempotent, and how it fails."""

import io
import re
import shutil
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Page, Revision

from practices.models import (
    CharterPage,
    EventPage,
    ExperiencePage,
    JobDescriptionPage,
    Theme,
    WorkshopOutcomePage,
)
from practices.models.base import practice_page_models

pytestmark = pytest.mark.django_db


def _load(**kwargs):
    call_command("load_demo_content", verbosity=0, stdout=open("/dev/null", "w"), **kwargs)  # noqa: SIM115


def _counts():
    return {
        "pages": Page.objects.count(),
        "live": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "themes": Theme.objects.count(),
        **{model.__name__: model.objects.count() for model in practice_page_models()},
    }


def test_demo_corpus_has_the_2014_rencontres():
    _load()
    assert EventPage.objects.live().count() == 1
    assert WorkshopOutcomePage.objects.live().count() == 9
    assert ExperiencePage.objects.live().count() >= 17
    assert CharterPage.objects.live().count() >= 2
    assert JobDescriptionPage.objects.live().count() >= 8
    assert Theme.objects.count() == 9
    for model in practice_page_models():
        assert not model.objects.not_live().exists(), model

    event = EventPage.objects.get()
    assert event.place == "Halle aux Sucres, Lille"
    assert (event.start_date.isoformat(), event.end_date.isoformat()) == (
        "2014-11-18",
        "2014-11-19",
    )
    assert all(job.status == "example" for job in JobDescriptionPage.objects.all())
    lycees = ExperiencePage.objects.get(title__icontains="budget participatif des lycées")
    assert lycees.workshops.count() == 1


def test_second_load_changes_and_duplicates_nothing():
    _load()
    before = _counts()
    _load()
    assert _counts() == before


def test_the_command_reports_in_french_what_it_created_and_left_unchanged():
    first, second = io.StringIO(), io.StringIO()
    call_command("load_demo_content", stdout=first)
    call_command("load_demo_content", stdout=second)
    experiences = ExperiencePage.objects.count()
    assert f"Fiches d'expérience — créations : {experiences}, mises à jour : 0" in first.getvalue()
    assert (
        "Fiches d'expérience — créations : 0, mises à jour : 0, sans changement : "
        f"{experiences}" in second.getvalue()
    )
    assert "Thèmes — créations : 0, mises à jour : 0, sans changement : 9" in second.getvalue()


def test_load_ends_by_rebuilding_the_search_index_even_when_nothing_changed(client):
    _load()
    call_command("search_index", "clear", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert client.get("/api/search/", {"q": "Sevran"}).json()["count"] == 0
    _load()
    assert client.get("/api/search/", {"q": "Sevran"}).json()["count"] >= 2


def test_the_admin_finds_the_loaded_pages_and_where_they_are_used(client, make_user):
    """Wagtail's admin search and its "usage" listings (reference index) know the loaded pages,
    though the loader updates them once at the end of its transaction, not on every save."""
    _load()
    client.force_login(make_user("maud", "Modérateurs", is_superuser=True))
    lycees = ExperiencePage.objects.get(title__icontains="budget participatif des lycées")
    found = client.get(reverse("wagtailadmin_pages:search"), {"q": "lycées"}).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[lycees.pk]) in found

    usage = client.get(reverse("wagtailadmin_pages:usage", args=[lycees.pk])).content.decode()
    assert lycees.workshops.get().title in usage
    theme = lycees.themes.first()
    theme_usage = reverse("wagtailsnippets_practices_theme:usage", args=[theme.pk])
    assert lycees.title in client.get(theme_usage).content.decode()


def _edited_copy(tmp_path, filename, mutate, name="data"):
    data_dir = tmp_path / name
    shutil.copytree("kb/demo_content/data", data_dir)
    path = data_dir / filename
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    mutate(entries)
    path.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    return data_dir


def _entry(entries, slug):
    return next(entry for entry in entries if entry["slug"] == slug)


BROKEN_ENTRIES = [
    ("experiences.yaml", lambda e: e[3].update(region="atlantide"), "region"),
    ("experiences.yaml", lambda e: e[2].update(start_year=2016, end_year=2012), "end_year"),
    ("experiences.yaml", lambda e: e[1].pop("organisation"), "organisation"),
    ("jobs.yaml", lambda e: e[0].update(colour="bleu"), "colour"),
    ("workshops.yaml", lambda e: e[0].update(experiences=["inexistante"]), "inexistante"),
    (
        "workshops.yaml",
        lambda e: e[4].update(themes=["astrologie"]),
        "thème inconnu : 'astrologie'",
    ),
    ("charters.yaml", lambda e: e[0].pop("kind"), "kind : Ce champ ne peut pas être vide"),
    ("event.yaml", lambda e: e.update(start_date="2014-13-45"), "start_date : Le format de date"),
    ("jobs.yaml", lambda e: e[2].update(date="12/01/2015"), "date : Le format de date"),
    (
        "event.yaml",
        lambda e: e["programme"][1].update(date="2014-11-31"),
        "programme, n° 2 : date : Saisissez une date valide.",
    ),
    (
        "event.yaml",
        lambda e: e["programme"][0].update(time="25:15"),
        "programme, n° 1 : time : Saisissez une heure valide.",
    ),
    ("charters.yaml", lambda e: e[1].update(body="du texte"), "body : une liste de blocs"),
    (
        "workshops.yaml",
        lambda e: e[2]["body"].insert(1, "un paragraphe"),
        "body, n° 2 : un bloc est une table",
    ),
    (
        "workshops.yaml",
        lambda e: e[3]["body"][1].update(kind="conclusion"),
        "body, n° 2, kind : Sélectionnez un choix valide. conclusion",
    ),
    (
        "experiences.yaml",
        lambda e: _entry(e, "comites-de-quartier-sevran").update(workshop="atelier-fantome"),
        "workshop : restitution d'atelier introuvable : 'atelier-fantome'",
    ),
    (
        "experiences.yaml",
        lambda e: _entry(e, "comites-de-quartier-sevran").update(workshop="atelier-numerique"),
        "« atelier-numerique » ne liste pas cette page",
    ),
]


@pytest.mark.parametrize(("filename", "mutate", "expected"), BROKEN_ENTRIES)
def test_broken_data_file_names_file_and_entry_in_french_and_writes_nothing(
    tmp_path, filename, mutate, expected
):
    data_dir = _edited_copy(tmp_path, filename, mutate)
    entries = yaml.safe_load((data_dir / filename).read_text(encoding="utf-8"))
    before = _counts()
    with pytest.raises(CommandError) as raised:
        _load(data_dir=str(data_dir))
    message = str(raised.value)
    assert filename in message
    assert "entrée «" in message
    assert expected in message
    assert any(entry["slug"] in message for entry in entries if isinstance(entries, list)) or (
        isinstance(entries, dict) and entries["slug"] in message
    )
    assert _counts() == before


def test_broken_data_file_leaves_an_already_loaded_corpus_as_it_was(tmp_path):
    """Pages written before the broken entry is reached are rolled back with it."""
    _load()
    before = _counts()

    def retitle_and_break(entries):
        entries[0]["title"] = "Titre modifié"
        entries[-1]["themes"] = ["astrologie"]

    # experiences.yaml is read before workshops.yaml: break the last experience, retitle the first.
    data_dir = _edited_copy(tmp_path, "experiences.yaml", retitle_and_break)
    with pytest.raises(CommandError):
        _load(data_dir=str(data_dir))
    assert _counts() == before
    assert not ExperiencePage.objects.filter(title="Titre modifié").exists()


def test_editing_a_data_file_updates_the_page_on_the_next_load(tmp_path):
    _load()
    before = _counts()
    data_dir = _edited_copy(
        tmp_path, "workshops.yaml", lambda e: e[0].update(title="Pouvoir d’agir, nouveau titre")
    )
    _load(data_dir=str(data_dir))
    workshop = WorkshopOutcomePage.objects.get(slug="atelier-pouvoir-d-agir")
    assert workshop.title == "Pouvoir d’agir, nouveau titre"
    assert workshop.live and not workshop.has_unpublished_changes
    after = _counts()
    assert after.pop("revisions") == before.pop("revisions") + 1
    assert after == before


def test_a_field_removed_from_an_entry_is_cleared_on_the_next_load(tmp_path):
    with_round = _edited_copy(tmp_path, "workshops.yaml", lambda e: e[0].update(round=2), "round")
    _load(data_dir=str(with_round))
    assert WorkshopOutcomePage.objects.get(slug="atelier-pouvoir-d-agir").round == 2
    without_round = _edited_copy(tmp_path, "workshops.yaml", lambda e: e[0].pop("round", None))
    _load(data_dir=str(without_round))
    assert WorkshopOutcomePage.objects.get(slug="atelier-pouvoir-d-agir").round is None


def test_unreadable_yaml_is_reported_with_its_file(tmp_path):
    data_dir = tmp_path / "data"
    shutil.copytree("kb/demo_content/data", data_dir)
    (data_dir / "themes.yaml").write_text("- slug: [unclosed\n", encoding="utf-8")
    with pytest.raises(CommandError, match="themes.yaml"):
        _load(data_dir=str(data_dir))
    assert Theme.objects.count() == 0


# -- fidelity to the synthesis of the Rencontres --------------------------------------------------

DATA_DIR = Path("kb/demo_content/data")
SYNTHESIS = Path("kb/demo_content/source/rencontres-2014-synthese.txt")
ANONYMOUS = {"", "Participant·e"}


def _plain(text):
    """Text compared with the synthesis: same apostrophes and ellipses, no quotation marks."""
    text = text.replace("’", "'").replace("…", "...")
    return " ".join(re.sub(r"[“”«»\"*]", " ", text).split())


def _entries(filename):
    data = yaml.safe_load((DATA_DIR / filename).read_text(encoding="utf-8"))
    return data if isinstance(data, list) else [data]


def _blocks(entry, block_type):
    return [block for block in entry.get("body", []) if block["type"] == block_type]


def _quotations(entry):
    return [item for block in _blocks(entry, "quotations") for item in block["items"]]


@pytest.fixture(scope="module")
def synthesis():
    return _plain(SYNTHESIS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def workshop_sections(synthesis):
    """Each workshop's part of the synthesis, from its heading to the next one."""
    end = synthesis.rindex("III. Enseignements, suites")
    starts = {
        entry["slug"]: synthesis.rindex(_plain(entry["question"]), 0, end)
        for entry in _entries("workshops.yaml")
    }
    bounds = sorted(starts.values()) + [end]
    return {
        slug: synthesis[start : bounds[bounds.index(start) + 1]] for slug, start in starts.items()
    }


def _all_quotations():
    for filename in ("event.yaml", "workshops.yaml", "experiences.yaml", "charters.yaml"):
        for entry in _entries(filename):
            for quotation in _quotations(entry):
                yield pytest.param(
                    filename, entry, quotation, id=f"{entry['slug']}:{quotation['text'][:30]}"
                )


@pytest.mark.parametrize(("filename", "entry", "quotation"), list(_all_quotations()))
def test_every_quotation_is_verbatim_and_attributed_as_in_the_synthesis(
    synthesis, workshop_sections, filename, entry, quotation
):
    text = _plain(quotation["text"])
    assert text in synthesis, "not verbatim"
    author = quotation.get("author", "")
    position = synthesis.index(text)
    following = re.match(r"[ .]*\(([^)]+)\)", synthesis[position + len(text) :])
    if following:
        assert author == following.group(1), "attributed to someone else"
    else:
        assert author in ANONYMOUS or author in synthesis[max(0, position - 300) : position]
    workshop = entry["slug"] if filename == "workshops.yaml" else entry.get("workshop")
    if workshop:
        assert text in workshop_sections[workshop], "said in another workshop"


def test_each_workshop_is_one_of_the_synthesis_with_its_experiences(workshop_sections):
    experiences = {entry["slug"]: entry for entry in _entries("experiences.yaml")}
    workshops = _entries("workshops.yaml")
    assert len(workshops) == len(workshop_sections) == 9
    for workshop in workshops:
        section = workshop_sections[workshop["slug"]]
        presented = section[: section.index("Synthèse collective")]
        # The synthesis does not say in which round each workshop was held.
        assert "round" not in workshop, workshop["slug"]
        for slug in workshop["experiences"]:
            assert experiences[slug]["workshop"] == workshop["slug"]
            for person in _blocks(experiences[slug], "resource_persons")[0]["items"]:
                first, _, last = person["name"].rpartition(" ")
                assert person["name"] in presented or f"{first[0]}. {last}" in presented, (
                    f"{person['name']} did not present {slug} in {workshop['slug']}"
                )
    linked = {slug for workshop in workshops for slug in workshop["experiences"]}
    video = {slug for slug, entry in experiences.items() if "workshop" not in entry}
    assert linked | video == set(experiences)
    assert {experiences[slug]["title"] for slug in video} == {
        "« Il faut que la vie change... » : des groupes citoyens avec les allocataires du RSA",
        "Les budgets participatifs : expériences internationales",
    }


def test_programme_speakers_took_part_as_the_synthesis_says(synthesis):
    (event,) = _entries("event.yaml")
    times = [(str(item["date"]), item["time"]) for item in event["programme"]]
    assert times == [
        ("2014-11-18", "14:15"),
        ("2014-11-18", "14:30"),
        ("2014-11-18", "16:30"),
        ("2014-11-18", "18:15"),
        ("2014-11-18", "20:00"),
        ("2014-11-19", "09:00"),
        ("2014-11-19", "11:00"),
        ("2014-11-19", "14:00"),
        ("2014-11-19", "14:45"),
        ("2014-11-19", "15:45"),
    ]
    round_table = event["programme"][8]["speakers"]
    for name in ("Luc Picot", "Marion Roth", "Pascal Nicolle", "Sylvain Saudo", "Boris Petroff"):
        assert name in round_table
        assert name in synthesis


def test_summaries_are_written_in_our_own_words(synthesis):
    """No summary copies ten words in a row from the synthesis."""
    words = re.findall(r"[\w'-]+", synthesis.lower())
    copied = {tuple(words[i : i + 10]) for i in range(len(words) - 9)}
    for filename in ("event.yaml", "workshops.yaml", "experiences.yaml", "charters.yaml"):
        for entry in _entries(filename):
            summary = re.findall(r"[\w'-]+", _plain(entry["summary"]).lower())
            runs = {tuple(summary[i : i + 10]) for i in range(len(summary) - 9)}
            assert not runs & copied, entry["slug"]


def test_job_descriptions_are_marked_as_examples():
    for entry in _entries("jobs.yaml"):
        assert entry["status"] == "example"
        assert entry["title"].endswith("(exemple)")
        assert entry["summary"].startswith("Fiche de poste d’exemple")
        assert "fictif" in entry["employer"] or "fictive" in entry["employer"]


def test_words_between_guillemets_in_summaries_are_those_of_the_synthesis(synthesis):
    folded = re.sub(r"\s*[-—–]\s*", "-", synthesis.lower())
    for filename in ("event.yaml", "workshops.yaml", "experiences.yaml", "charters.yaml"):
        for entry in _entries(filename):
            for quoted in re.findall(r"«\s*(.+?)\s*»", entry["summary"]):
                assert re.sub(r"\s*[-—–]\s*", "-", _plain(quoted).lower()) in folded, entry["slug"]
