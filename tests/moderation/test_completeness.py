"""Completeness: each sheet shows which recommended fields are filled; moderators filter/sort."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.models import Page

from kb.moderation.completeness import completeness, latest_completeness
from practices.models import ExperienceIndexPage, JobDescriptionPage
from tests.accounts.helpers import approved_user, text

from ..opendata.builders import make_page
from .helpers import experience, sections, theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(db):
    index = sections()[ExperienceIndexPage]
    bare = experience(index, title="Fiche maigre", slug="maigre")
    rich = experience(
        index,
        title="Fiche riche",
        slug="riche",
        department="59",
        publics="Habitants",
        methods=["participatory_budget"],
        level="concertation",
        body=[
            ("section", {"kind": "context", "heading": "", "text": "<p>Contexte</p>", "items": []}),
            ("section", {"kind": "difficulties", "heading": "", "text": "<p>D</p>", "items": []}),
            (
                "section",
                {"kind": "recommendations", "heading": "", "text": "<p>R</p>", "items": []},
            ),
            ("resource_persons", {"items": [{"name": "Camille", "email": ""}]}),
        ],
    )
    rich.themes.add(theme())
    rich.tags.add("budget participatif")
    rich.save_revision().publish()
    return bare, rich


def test_completeness_lists_missing_recommended_fields(pages):
    bare, rich = pages
    bare_result, rich_result = completeness(bare), completeness(rich)
    assert bare_result.percent < rich_result.percent
    assert "personnes ressources" in bare_result.missing
    assert "thèmes" in bare_result.missing
    assert rich_result.missing == ["documents"]
    assert rich_result.percent == 92


def test_public_sheet_shows_its_completeness(pages):
    html = text(Client().get(pages[1].url))
    assert "Fiche complète à 92 %" in html
    assert "Il manque" not in html  # the list is for moderators


def test_moderators_filter_and_sort_by_completeness(pages, django_user_model):
    client = Client()
    client.force_login(approved_user(django_user_model, "moderateur", "Membres", "Modérateurs"))
    html = text(client.get("/admin/moderation/completude/"))
    assert html.index("Fiche maigre") < html.index("Fiche riche")
    html = text(client.get("/admin/moderation/completude/?tri=desc"))
    assert html.index("Fiche riche") < html.index("Fiche maigre")
    html = text(client.get("/admin/moderation/completude/?moins_de=50&type=experience"))
    assert "Fiche maigre" in html
    assert "Fiche riche" not in html
    assert client.get("/admin/moderation/completude/?moins_de=abc").status_code == 200


def test_completeness_desk_is_for_moderators(pages, django_user_model):
    client = Client()
    client.force_login(approved_user(django_user_model, "contrib", "Membres", "Contributeurs"))
    assert client.get("/admin/moderation/completude/").status_code in (302, 403)


def test_my_contributions_show_completeness(pages, django_user_model):
    user = approved_user(django_user_model, "contrib", "Membres", "Contributeurs")
    bare = pages[0]
    bare.owner = user
    bare.save()
    client = Client()
    client.force_login(user)
    html = text(client.get("/contribuer/mes-contributions/"))
    assert f"{completeness(bare).percent} %" in html
    assert "personnes ressources" in html


def test_completeness_of_latest_versions_read_together_is_wagtails(pages, settings, tmp_path):
    """« Mes contributions » restores the latest versions of its sheets all at once: each one's
    completeness is the one of ``get_latest_revision_as_object()``, also when a theme, a tag or
    the PDF that a draft had was deleted since."""
    settings.MEDIA_ROOT = tmp_path
    bare, rich = pages
    new_version = rich.get_latest_revision_as_object()
    new_version.department = ""
    new_version.themes = []
    new_version.tags.set(["nouvelle étiquette"])
    new_version.save_revision()
    draft = experience(sections()[ExperienceIndexPage], title="Brouillon", publish=False)
    draft.themes = [theme()]
    draft.save_revision()
    pdf = get_document_model().objects.create(
        title="Fiche en PDF", file=ContentFile(b"%PDF-1.4", name="fiche.pdf")
    )
    gone = theme("Disparu", "disparu")
    job = make_page(
        JobDescriptionPage, "Poste", publish=False, document=pdf, themes=[gone], tags=["supprimée"]
    )
    pdf.delete()
    gone.delete()
    Tag.objects.filter(name="supprimée").delete()

    sheets = list(
        Page.objects.filter(pk__in=[bare.pk, rich.pk, draft.pk, job.pk])
        .order_by("pk")
        .specific()
        .select_related("latest_revision", for_specific_subqueries=True)
    )
    wagtails = [completeness(sheet.get_latest_revision_as_object()) for sheet in sheets]
    together = latest_completeness(sheets)
    assert [(c.filled, c.missing) for c in together] == [(c.filled, c.missing) for c in wagtails]
    assert {"thèmes", "étiquettes", "fiche de poste en PDF"} <= set(together[-1].missing)
    assert "département" in together[1].missing and "étiquettes" in together[1].filled
