"""The moderators' registration desk: what a moderator needs to decide, and who can be promoted."""

import pytest
from allauth.account.models import EmailAddress

from kb.accounts.models import Profile
from tests.accounts.helpers import approved_user, text

pytestmark = pytest.mark.django_db


def test_a_registration_shows_its_date_and_whether_the_address_is_confirmed(
    moderator_client, django_user_model
):
    newcomer = approved_user(django_user_model, "nouvelle")
    EmailAddress.objects.filter(user=newcomer).update(verified=False)
    profile = Profile.objects.get(user=newcomer)

    html = text(moderator_client.get(f"/admin/inscriptions/{profile.pk}/"))

    assert "Date d'inscription" in html
    assert profile.created_at.strftime("%Y") in html
    assert "adresse pas encore confirmée" in html

    EmailAddress.objects.filter(user=newcomer).update(verified=True)
    assert "adresse pas encore confirmée" not in text(
        moderator_client.get(f"/admin/inscriptions/{profile.pk}/")
    )


def test_moderators_are_not_offered_the_contributor_role(moderator_client, django_user_model):
    colleague = approved_user(django_user_model, "collegue", "Membres", "Modérateurs")
    member = approved_user(django_user_model, "membre", "Membres")

    html = text(moderator_client.get("/admin/inscriptions/?statut=approved"))

    assert f"/admin/inscriptions/membre/{member.pk}/contributeur/" in html
    assert f"/admin/inscriptions/membre/{colleague.pk}/contributeur/" not in html
    row = html[html.index("Collegue Test") :].split("</tr>")[0]
    assert "Modérateur" in row
