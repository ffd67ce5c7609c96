"""Tag curation: counts, near-duplicates, merge (re-tag, revisions, redirect), rename, delete."""

import pytest
from django.test import Client
from taggit.models import Tag
from wagtail.models import Revision

from kb.moderation.curation import near_duplicate_key
from practices.models import ExperienceIndexPage
from tests.accounts.helpers import approved_user, text

from .helpers import experience, sections

pytestmark = pytest.mark.django_db


@pytest.fixture
def tagged(db):
    index = sections()[ExperienceIndexPage]
    one = experience(index, title="Lille", slug="lille")
    one.tags.add("budgets participatifs")
    one.save_revision().publish()
    two = experience(index, title="Roubaix", slug="roubaix")
    two.tags.add("budgets participatifs", "Budget participatif")
    two.save_revision().publish()
    three = experience(index, title="Tourcoing", slug="tourcoing")
    three.tags.add("Budget participatif")
    three.save_revision().publish()
    # A live page whose newer draft also carries the tag.
    four = experience(index, title="Wattrelos", slug="wattrelos")
    four.tags.add("budgets participatifs")
    four.save_revision().publish()
    draft = four.get_latest_revision_as_object()
    draft.summary = "Nouvelle version en cours."
    draft.save_revision()
    Tag.objects.get_or_create(name="inutilisée", slug="inutilisee")
    return {
        "pages": [one, two, three, four],
        "source": Tag.objects.get(name="budgets participatifs"),
        "target": Tag.objects.get(name="Budget participatif"),
    }


def test_near_duplicates_ignore_accents_case_plural_and_hyphens():
    keys = {
        near_duplicate_key(name)
        for name in (
            "Budget participatif",
            "budgets participatifs",
            "budget-participatif",
            "Budgét Participatif",
        )
    }
    assert len(keys) == 1
    assert near_duplicate_key("jeunesse") != near_duplicate_key("budget participatif")


def test_tags_listed_by_use_with_duplicates_flagged(moderator_client, tagged):
    response = moderator_client.get("/admin/moderation/etiquettes/")
    assert response.status_code == 200
    html = text(response)
    assert html.index("budgets participatifs") < html.index("inutilisée")
    assert "⚠ Budget participatif" in html
    duplicates = text(moderator_client.get("/admin/moderation/etiquettes/?doublons=1"))
    assert "inutilisée" not in duplicates.split("<tbody>")[1]


def test_merge_retags_pages_records_revisions_and_redirects(moderator_client, tagged):
    source, target = tagged["source"], tagged["target"]
    old_url = f"/etiquettes/{source.slug}/"
    new_url = f"/etiquettes/{target.slug}/"
    revisions = Revision.objects.count()
    response = moderator_client.post(
        "/admin/moderation/etiquettes/fusionner/",
        {"source": source.pk, "target": target.pk, "confirm": "1"},
    )
    assert response.status_code == 302
    assert not Tag.objects.filter(pk=source.pk).exists()
    for page in tagged["pages"]:
        page = type(page).objects.get(pk=page.pk)
        assert [t.name for t in page.tags.all()] == ["Budget participatif"], page.title
        draft = page.get_latest_revision_as_object()
        assert [t.name for t in draft.tags.all()] == ["Budget participatif"], page.title
    assert Revision.objects.count() > revisions
    # Wattrelos's unpublished draft is still a draft, not published by the merge.
    wattrelos = type(tagged["pages"][3]).objects.get(pk=tagged["pages"][3].pk)
    assert wattrelos.has_unpublished_changes
    assert wattrelos.summary != "Nouvelle version en cours."

    anonymous = Client()
    redirect = anonymous.get(old_url)
    assert redirect.status_code == 301
    assert redirect["Location"].endswith(new_url)
    listing = text(anonymous.get(new_url))
    for title in ("Lille", "Roubaix", "Tourcoing", "Wattrelos"):
        assert title in listing


def test_a_page_restored_to_a_version_from_before_a_merge_keeps_the_merged_tag(
    moderator_client, tagged
):
    source, target = tagged["source"], tagged["target"]
    lille, roubaix = tagged["pages"][:2]
    before = {
        page.pk: Revision.page_revisions.filter(object_id=str(page.pk)).latest("pk")
        for page in (lille, roubaix)
    }

    moderator_client.post(
        "/admin/moderation/etiquettes/fusionner/",
        {"source": source.pk, "target": target.pk, "confirm": "1"},
    )

    for page in (lille, roubaix):  # Roubaix carried both tags: it keeps one
        revision = Revision.objects.get(pk=before[page.pk].pk)
        assert [t.name for t in revision.as_object().tags.all()] == ["Budget participatif"]
        form = moderator_client.get(f"/admin/pages/{page.pk}/revisions/{revision.pk}/revert/")
        assert form.status_code == 200
        assert "Budget participatif" in text(form), page.title


def test_merging_asks_for_confirmation_and_says_what_will_change(moderator_client, tagged):
    source, target = tagged["source"], tagged["target"]

    response = moderator_client.post(
        "/admin/moderation/etiquettes/fusionner/", {"source": source.pk, "target": target.pk}
    )

    assert response.status_code == 200
    html = text(response)
    assert "Fusionner « budgets participatifs » dans « Budget participatif »" in html
    assert "3 pages portant « budgets participatifs » recevront « Budget participatif »" in html
    assert "supprimée" in html and "redirigera" in html
    assert 'name="confirm"' in html
    assert Tag.objects.filter(pk=source.pk).exists()  # nothing done yet
    assert [t.name for t in tagged["pages"][0].tags.all()] == ["budgets participatifs"]


def test_the_merge_form_lists_tags_alphabetically(moderator_client, tagged):
    form = moderator_client.get("/admin/moderation/etiquettes/").context["merge_form"]

    names = [tag.name for tag in form.fields["source"].queryset]

    assert names == ["Budget participatif", "budgets participatifs", "inutilisée"]


def test_merge_into_itself_is_refused(moderator_client, tagged):
    source = tagged["source"]
    response = moderator_client.post(
        "/admin/moderation/etiquettes/fusionner/",
        {"source": source.pk, "target": source.pk},
        follow=True,
    )
    assert "ne peut pas être fusionnée avec elle-même" in text(response)
    assert Tag.objects.filter(pk=source.pk).exists()


def test_rename_redirects_the_old_address(moderator_client, tagged):
    target = tagged["target"]
    old_slug = target.slug
    response = moderator_client.post(
        f"/admin/moderation/etiquettes/{target.pk}/renommer/",
        {"name": "Budgets participatifs citoyens"},
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.name == "Budgets participatifs citoyens"
    redirect = Client().get(f"/etiquettes/{old_slug}/")
    assert redirect.status_code == 301
    assert redirect["Location"].endswith(f"/etiquettes/{target.slug}/")


def test_rename_onto_an_existing_name_is_refused(moderator_client, tagged):
    target = tagged["target"]
    response = moderator_client.post(
        f"/admin/moderation/etiquettes/{target.pk}/renommer/", {"name": "BUDGETS participatifs"}
    )
    assert response.status_code == 200
    assert "existe déjà : fusionnez plutôt" in text(response)
    target.refresh_from_db()
    assert target.name == "Budget participatif"


def test_only_unused_tags_can_be_deleted(moderator_client, tagged):
    unused = Tag.objects.get(name="inutilisée")
    moderator_client.post(f"/admin/moderation/etiquettes/{tagged['target'].pk}/supprimer/")
    assert Tag.objects.filter(pk=tagged["target"].pk).exists()
    moderator_client.post(f"/admin/moderation/etiquettes/{unused.pk}/supprimer/")
    assert not Tag.objects.filter(pk=unused.pk).exists()


@pytest.mark.parametrize("groups", [(), ("Membres",), ("Membres", "Contributeurs")])
def test_curation_is_for_moderators_only(django_user_model, tagged, groups):
    client = Client()
    client.force_login(approved_user(django_user_model, "quelquun", *groups))
    assert client.get("/admin/moderation/etiquettes/").status_code in (302, 403)
    assert client.get("/admin/moderation/relecture/").status_code in (302, 403)
    client.post(
        "/admin/moderation/etiquettes/fusionner/",
        {"source": tagged["source"].pk, "target": tagged["target"].pk},
    )
    assert Tag.objects.filter(pk=tagged["source"].pk).exists()


def test_bulk_edit_of_themes_and_tags(moderator_client, tagged):
    from .helpers import theme

    budget, youth = theme(), theme("Jeunesse", "jeunesse")
    one, two, _three, four = tagged["pages"]
    one.themes.add(youth)
    one.save_revision().publish()
    ids = f"id={one.pk}&id={two.pk}&id={four.pk}"
    url = f"/admin/bulk/wagtailcore/page/praxis_classification/?{ids}&next=/admin/pages/"
    confirm = moderator_client.get(url)
    assert confirm.status_code == 200
    assert "Thèmes à ajouter" in text(confirm)
    assert "une révision est enregistrée pour chacune" in text(confirm)
    assert one.title in text(confirm)
    section = one.get_parent()  # not a sheet: listed apart, not changed
    refused = moderator_client.get(f"{url}&id={section.pk}")
    assert "Ces pages ne peuvent pas être classées ainsi" in text(refused)
    response = moderator_client.post(
        url,
        {
            "add_themes": [budget.pk],
            "remove_themes": [youth.pk],
            "add_tags": "quartiers",
            "remove_tags": "budgets participatifs",
        },
    )
    assert response.status_code == 302
    for page in (one, two):
        page = type(page).objects.get(pk=page.pk)
        assert list(page.themes.all()) == [budget]
        assert "quartiers" in [t.name for t in page.tags.all()]
        assert "budgets participatifs" not in [t.name for t in page.tags.all()]
        assert not page.has_unpublished_changes
    # The page with a pending draft: draft updated, still unpublished, live tags updated too.
    four = type(four).objects.get(pk=four.pk)
    assert four.has_unpublished_changes
    draft = four.get_latest_revision_as_object()
    assert draft.summary == "Nouvelle version en cours."
    assert list(draft.themes.all()) == [budget]
    assert "quartiers" in [t.name for t in four.tags.all()]


def test_bulk_edit_needs_a_change(moderator_client, tagged):
    one = tagged["pages"][0]
    url = f"/admin/bulk/wagtailcore/page/praxis_classification/?id={one.pk}&next=/admin/pages/"
    response = moderator_client.post(url, {})
    assert response.status_code == 200
    assert "Choisissez au moins un thème ou une étiquette." in text(response)


def test_a_tag_used_only_in_a_draft_is_not_deleted(moderator_client, tagged):
    wattrelos = tagged["pages"][3]
    draft = wattrelos.get_latest_revision_as_object()
    draft.tags.add("projet en cours")
    draft.save_revision()
    only_in_draft = Tag.objects.get(name="projet en cours")
    response = moderator_client.post(
        f"/admin/moderation/etiquettes/{only_in_draft.pk}/supprimer/", follow=True
    )
    assert "Cette étiquette est utilisée" in text(response)
    assert Tag.objects.filter(pk=only_in_draft.pk).exists()
