"""The demo corpus: what `load_demo_content` creates, that it is idempotent, and how it fails."""

import shutil

import pytest
import yaml
from django.core.management import CommandError, call_command
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
    _load()
    assert WorkshopOutcomePage.objects.get(slug="atelier-pouvoir-d-agir").round is None


def test_unreadable_yaml_is_reported_with_its_file(tmp_path):
    data_dir = tmp_path / "data"
    shutil.copytree("kb/demo_content/data", data_dir)
    (data_dir / "themes.yaml").write_text("- slug: [unclosed\n", encoding="utf-8")
    with pytest.raises(CommandError, match="themes.yaml"):
        _load(data_dir=str(data_dir))
    assert Theme.objects.count() == 0
