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


def _broken_copy(tmp_path, filename, mutate):
    data_dir = tmp_path / "data"
    shutil.copytree("kb/demo_content/data", data_dir)
    path = data_dir / filename
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    mutate(entries)
    path.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    return data_dir


@pytest.mark.parametrize(
    ("filename", "mutate", "expected"),
    [
        ("experiences.yaml", lambda e: e[3].update(region="atlantide"), "region"),
        ("experiences.yaml", lambda e: e[2].update(start_year=2016, end_year=2012), "end_year"),
        ("experiences.yaml", lambda e: e[1].pop("organisation"), "organisation"),
        ("jobs.yaml", lambda e: e[0].update(colour="bleu"), "colour"),
        ("workshops.yaml", lambda e: e[0].update(experiences=["inexistante"]), "inexistante"),
    ],
)
def test_broken_data_file_names_file_and_entry_and_writes_nothing(
    tmp_path, filename, mutate, expected
):
    data_dir = _broken_copy(tmp_path, filename, mutate)
    slug = yaml.safe_load((data_dir / filename).read_text(encoding="utf-8"))
    before = _counts()
    with pytest.raises(CommandError) as raised:
        _load(data_dir=str(data_dir))
    message = str(raised.value)
    assert filename in message
    assert expected in message
    assert any(entry["slug"] in message for entry in slug)
    assert _counts() == before


def test_unreadable_yaml_is_reported_with_its_file(tmp_path):
    data_dir = tmp_path / "data"
    shutil.copytree("kb/demo_content/data", data_dir)
    (data_dir / "themes.yaml").write_text("- slug: [unclosed\n", encoding="utf-8")
    with pytest.raises(CommandError, match="themes.yaml"):
        _load(data_dir=str(data_dir))
    assert Theme.objects.count() == 0
