"""The registration desk never takes away rights that a registration did not give, and decides
only on the status the moderator saw."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client

from kb.accounts.models import Profile

from .helpers import approved_user, mails_to, text

pytestmark = pytest.mark.django_db

KEPT_RIGHTS = "a des droits qu'une inscription ne donne pas"
STALE_PAGE = "Cette page de décision était incomplète"


@pytest.fixture
def moderator(django_user_model):
    return approved_user(django_user_model, "moderatrice", "Membres", "Modérateurs")


@pytest.fixture
def desk(moderator):
    client = Client()
    client.force_login(moderator)
    return client


def decide_path(user):
    return f"/admin/inscriptions/{Profile.objects.get(user=user).pk}/"


def refusal(**changes):
    return {
        "decision": "refuse",
        "message": "Hors périmètre.",
        "seen_status": "approved",
        **changes,
    }


def group_names(user):
    return set(user.groups.values_list("name", flat=True))


@pytest.mark.parametrize("whom", ["another moderator", "oneself", "an administrator"])
def test_the_desk_does_not_refuse_a_moderator_nor_an_administrator(
    whom, desk, moderator, django_user_model
):
    person = {
        "another moderator": lambda: approved_user(
            django_user_model, "collegue", "Membres", "Modérateurs"
        ),
        "oneself": lambda: moderator,
        "an administrator": lambda: approved_user(
            django_user_model, "admin", "Membres", superuser=True
        ),
    }[whom]()
    groups_before = group_names(person)
    path = decide_path(person)
    mail.outbox.clear()
    response = desk.post(path, refusal())

    assert response.status_code == 200
    html = text(response)
    assert "son inscription ne peut pas être refusée ici, et rien n'a été modifié ni envoyé" in html
    assert "Hors périmètre." in html  # what the moderator wrote is still there
    profile = Profile.objects.get(user=person)
    assert profile.status == Profile.Status.APPROVED and profile.decided_by is None
    assert group_names(person) == groups_before
    assert not mail.outbox
    colleague = Client()
    colleague.force_login(person)
    assert colleague.get("/admin/inscriptions/").status_code == 200  # still moderating


def test_the_decision_page_says_when_a_registration_cannot_be_refused(desk, django_user_model):
    colleague = approved_user(django_user_model, "collegue", "Membres", "Modérateurs")
    admin = approved_user(django_user_model, "admin", superuser=True)
    contributor = approved_user(django_user_model, "contributrice", "Membres", "Contributeurs")

    page = text(desk.get(decide_path(colleague)))
    assert "Collegue Test a des droits qu'une inscription ne donne pas (Modérateurs)" in page
    assert "Paramètres › Utilisateurs" in page
    assert "(administrateur)" in text(desk.get(decide_path(admin)))
    assert KEPT_RIGHTS not in text(desk.get(decide_path(contributor)))


def test_refusing_a_contributor_takes_back_the_member_and_contributor_groups(
    desk, django_user_model
):
    contributor = approved_user(django_user_model, "contributrice", "Membres", "Contributeurs")
    mail.outbox.clear()

    response = desk.post(decide_path(contributor), refusal(), follow=True)

    assert "L'inscription de Contributrice Test est refusée." in text(response)
    assert Profile.objects.get(user=contributor).status == Profile.Status.REFUSED
    assert group_names(contributor) == set()
    (sent,) = mails_to(contributor.email)
    assert "Hors périmètre." in sent.body


def test_a_person_made_moderator_while_the_refusal_is_sent_stays_moderator(
    desk, django_user_model, monkeypatch
):
    """The form checks the person's rights, then the decision is recorded under a lock: a
    moderator role given in between is checked again there."""
    person = approved_user(django_user_model, "nouvelle", "Membres")
    monkeypatch.setattr(
        "kb.accounts.forms.rights_beyond_registration",
        lambda user: person.groups.add(Group.objects.get(name="Modérateurs")) or [],
    )
    mail.outbox.clear()

    response = desk.post(decide_path(person), refusal(), follow=True)

    assert KEPT_RIGHTS in text(response)
    assert Profile.objects.get(user=person).status == Profile.Status.APPROVED
    assert group_names(person) == {"Membres", "Modérateurs"}
    assert not mail.outbox


def test_a_decision_form_without_the_status_it_was_made_on_changes_nothing(desk, django_user_model):
    """An old copy of the page, sent after another moderator approved the person: it neither
    overwrites their decision nor e-mails the person; sent again, it decides on what it shows."""
    person = approved_user(django_user_model, "nouvelle")
    path = decide_path(person)
    desk.post(path, {"decision": "approve", "message": "", "seen_status": "pending"})
    assert group_names(person) == {"Membres"}
    mail.outbox.clear()

    for stale in ({}, {"seen_status": "n'importe quoi"}):
        response = desk.post(path, {"decision": "refuse", "message": "Doublon de compte.", **stale})
        assert response.status_code == 200
        html = text(response)
        assert STALE_PAGE in html
        assert 'name="seen_status" value="approved"' in html
        assert "Doublon de compte." in html
        assert Profile.objects.get(user=person).status == Profile.Status.APPROVED
        assert group_names(person) == {"Membres"}
        assert not mail.outbox

    desk.post(
        path, {"decision": "refuse", "message": "Doublon de compte.", "seen_status": "approved"}
    )
    assert Profile.objects.get(user=person).status == Profile.Status.REFUSED
    assert len(mails_to(person.email)) == 1


def test_deciding_the_same_again_sends_nothing_and_says_so(desk, django_user_model):
    """Approving an approved registration (or refusing a refused one) would only e-mail the
    person the same decision twice."""
    person = approved_user(django_user_model, "nouvelle")
    path = decide_path(person)
    desk.post(path, {"decision": "approve", "message": "", "seen_status": "pending"})
    assert len(mails_to(person.email)) == 1
    decided_at = Profile.objects.get(user=person).decided_at

    response = desk.post(path, {"decision": "approve", "message": "", "seen_status": "approved"})
    assert response.status_code == 200
    assert "Cette inscription est déjà validée : rien à changer ni à envoyer." in text(response)
    assert len(mails_to(person.email)) == 1
    assert Profile.objects.get(user=person).decided_at == decided_at

    desk.post(path, refusal())
    response = desk.post(path, refusal(seen_status="refused", message="Encore."))
    assert "Cette inscription est déjà refusée : rien à changer ni à envoyer." in text(response)
    assert len(mails_to(person.email)) == 2
    assert Profile.objects.get(user=person).decision_message == "Hors périmètre."
