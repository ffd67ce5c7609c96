"""The moderators' registration desk: what a moderator needs to decide, and who can be promoted."""

import pytest
from allauth.account.models import EmailAddress
from django.test import Client

from kb.accounts.models import Profile
from tests.accounts.helpers import approved_user, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(django_user_model):
    client = Client()
    client.force_login(approved_user(django_user_model, "moderatrice", "Membres", "Modérateurs"))
    return client


def test_a_registration_shows_its_date_and_whether_the_address_is_confirmed(
    desk, django_user_model
):
    newcomer = approved_user(django_user_model, "nouvelle")
    EmailAddress.objects.filter(user=newcomer).update(verified=False)
    profile = Profile.objects.get(user=newcomer)

    html = text(desk.get(f"/admin/inscriptions/{profile.pk}/"))

    assert "Date d'inscription" in html
    assert profile.created_at.strftime("%Y") in html
    assert "adresse pas encore confirmée" in html

    EmailAddress.objects.filter(user=newcomer).update(verified=True)
    assert "adresse pas encore confirmée" not in text(
        desk.get(f"/admin/inscriptions/{profile.pk}/")
    )


def test_moderators_are_not_offered_the_contributor_role(desk, django_user_model):
    colleague = approved_user(django_user_model, "collegue", "Membres", "Modérateurs")
    member = approved_user(django_user_model, "membre", "Membres")

    html = text(desk.get("/admin/inscriptions/?statut=approved"))

    assert f"/admin/inscriptions/membre/{member.pk}/contributeur/" in html
    assert f"/admin/inscriptions/membre/{colleague.pk}/contributeur/" not in html
    row = html[html.index("Collegue Test") :].split("</tr>")[0]
    assert "Modérateur" in row
