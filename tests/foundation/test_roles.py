"""Roles: contributors submit, moderators publish; visitors never see drafts or contacts."""

import pytest
from django.urls import reverse
from wagtail.models import Workflow

pytestmark = pytest.mark.django_db

RESOURCE_PERSON = {
    "type": "resource_persons",
    "value": {
        "items": [
            {
                "name": "Alice Exemple",
                "role": "chargée de mission",
                "organisation": "Ville de Testville",
                "email": "alice.exemple@testville.example",
            }
        ]
    },
}


def test_groups_and_review_workflow_exist():
    from django.contrib.auth.models import Group

    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Membres",
        "Contributeurs",
        "Modérateurs",
    }
    workflow = Workflow.objects.get(name="Relecture")
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Modérateurs"]


def test_contributor_can_create_and_submit_but_not_publish(make_experience, make_user, client):
    contributor = make_user("camille", "Contributeurs")
    page = make_experience(publish=False, owner=contributor)
    permissions = page.permissions_for_user(contributor)
    assert permissions.can_edit()
    assert not permissions.can_publish()

    client.force_login(contributor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert client.get(edit_url).status_code == 200
    # Asking the editor to publish does not publish.
    client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    page.refresh_from_db()
    assert not page.live
    # Submitting starts the "Relecture" workflow.
    workflow_state = page.get_workflow().start(page, contributor)
    assert workflow_state.status == "in_progress"
    assert not page.live


def test_contributor_cannot_edit_someone_elses_page(make_experience, make_user, client):
    author = make_user("auteur", "Contributeurs")
    other = make_user("autre", "Contributeurs")
    page = make_experience(publish=False, owner=author)
    assert not page.permissions_for_user(other).can_edit()
    client.force_login(other)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code in (302, 403)


def test_moderator_approves_and_publishes(make_experience, make_user, client):
    contributor = make_user("camille", "Contributeurs")
    moderator = make_user("maud", "Modérateurs")
    page = make_experience(publish=False, owner=contributor)
    assert page.permissions_for_user(moderator).can_publish()

    workflow_state = page.get_workflow().start(page, contributor)
    task_state = workflow_state.current_task_state
    assert task_state.task.specific.user_can_access_editor(page, moderator)
    task_state.task.specific.on_action(task_state, moderator, "approve")
    page.refresh_from_db()
    assert page.live

    response = client.get(page.url)
    assert response.status_code == 200
    assert page.title in response.content.decode()


def test_anonymous_visitors_never_see_drafts(make_experience, client):
    draft = make_experience(publish=False, title="Brouillon confidentiel")
    published = make_experience(title="Expérience publiée")
    listing = client.get(published.get_parent().url).content.decode()
    assert "Expérience publiée" in listing
    assert "Brouillon confidentiel" not in listing
    assert client.get(f"/experiences/{draft.slug}/").status_code == 404
    assert "Brouillon confidentiel" not in client.get("/").content.decode()


def test_resource_persons_emails_are_for_signed_in_members_only(make_experience, make_user, client):
    page = make_experience(body=[RESOURCE_PERSON])
    anonymous_html = client.get(page.url).content.decode()
    assert "Alice Exemple" in anonymous_html
    assert "alice.exemple@testville.example" not in anonymous_html
    assert "réservées aux membres" in anonymous_html

    client.force_login(make_user("morgane", "Membres"))
    member_html = client.get(page.url).content.decode()
    assert "alice.exemple@testville.example" in member_html
