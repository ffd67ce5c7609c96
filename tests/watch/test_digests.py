"""Watch: follow a theme/tag/search, daily or weekly digests (idempotent), one-click unsubscribe."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from taggit.models import Tag

from kb.watch.models import Digest, Subscription
from practices.models import ExperiencePage, JobDescriptionPage

from ..opendata.builders import make_page, make_theme, restrict_to_members

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(django_user_model):
    members, _created = Group.objects.get_or_create(name="Membres")

    def make(name, approved=True):
        user = django_user_model.objects.create_user(
            username=name, email=f"{name}@example.org", password="motdepasse-test"
        )
        if approved:
            user.groups.add(members)
        return user

    return {
        "alice": make("alice"),
        "bruno": make("bruno"),
        "chloe": make("chloe"),
        "pending": make("pending", approved=False),
    }


def _subscribe(user, **fields):
    fields.setdefault("created_at", timezone.now() - datetime.timedelta(days=1))
    return Subscription.objects.create(user=user, **fields)


def _sent_titles(message):
    return re.findall(r"^- (.+)$", message.body, re.M)


def test_digest_once_per_subscriber_with_exactly_the_new_matching_items(users, client):
    budget = make_theme("Budget participatif", "budget")
    old = make_page(ExperiencePage, "Publiée avant l'abonnement", themes=[budget])
    ExperiencePage.objects.filter(pk=old.pk).update(
        first_published_at=timezone.now() - datetime.timedelta(days=3)
    )
    jeunesse = Tag.objects.create(name="jeunesse", slug="jeunesse")
    _subscribe(users["alice"], kind="theme", theme=budget, frequency="daily")
    _subscribe(users["alice"], kind="tag", tag=jeunesse, frequency="weekly")
    _subscribe(users["bruno"], kind="tag", tag=jeunesse, frequency="daily")
    _subscribe(users["chloe"], kind="search", query="q=quartier", frequency="daily")

    make_page(ExperiencePage, "Budget de Lille", themes=[budget])
    make_page(JobDescriptionPage, "Poste jeunesse", tags=["jeunesse"])
    make_page(ExperiencePage, "Sans rapport")
    make_page(ExperiencePage, "Brouillon du budget", themes=[budget], publish=False)
    members = make_page(ExperiencePage, "Budget réservé", themes=[budget], tags=["jeunesse"])
    restrict_to_members(members)

    call_command("send_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("send_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115 - same day

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert len(mail.outbox) == 2, [m.to for m in mail.outbox]
    assert set(by_recipient) == {"alice@example.org", "bruno@example.org"}  # chloe: nothing new
    alice = by_recipient["alice@example.org"]
    assert _sent_titles(alice) == ["Budget de Lille", "Poste jeunesse"]
    assert "Thème : Budget participatif" in alice.body and "Étiquette : jeunesse" in alice.body
    assert alice.subject == "[Praxis] Votre veille : 2 nouvelles pages"
    assert _sent_titles(by_recipient["bruno@example.org"]) == ["Poste jeunesse"]
    assert "List-Unsubscribe" in alice.extra_headers
    html = alice.alternatives[0][0]
    assert "Budget de Lille" in html and "Budget réservé" not in html
    assert Digest.objects.count() == 3  # chloe's day is recorded too, without an e-mail


def test_next_day_sends_only_what_is_new_and_weekly_waits_a_week(users):
    budget = make_theme("Budget participatif", "budget")
    _subscribe(users["alice"], kind="theme", theme=budget, frequency="daily")
    _subscribe(users["bruno"], kind="theme", theme=budget, frequency="weekly")
    make_page(ExperiencePage, "Première", themes=[budget])
    now = timezone.now()
    call_command("send_digests", now=now.isoformat(), stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 2

    second = make_page(ExperiencePage, "Deuxième", themes=[budget])
    tomorrow = now + datetime.timedelta(days=1)
    ExperiencePage.objects.filter(pk=second.pk).update(
        first_published_at=now + datetime.timedelta(hours=1)
    )
    mail.outbox.clear()
    call_command("send_digests", now=tomorrow.isoformat(), stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [m.to[0] for m in mail.outbox] == ["alice@example.org"]  # weekly: not yet
    assert _sent_titles(mail.outbox[0]) == ["Deuxième"]

    mail.outbox.clear()
    in_a_week = now + datetime.timedelta(days=7)
    call_command("send_digests", now=in_a_week.isoformat(), stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [m.to[0] for m in mail.outbox] == ["bruno@example.org"]  # alice: nothing new
    assert _sent_titles(mail.outbox[0]) == ["Deuxième"]


def test_saved_search_digest(users, django_capture_on_commit_callbacks):
    _subscribe(users["chloe"], kind="search", query="q=quartier", frequency="daily")
    with django_capture_on_commit_callbacks(execute=True):  # search/ indexes on commit
        make_page(ExperiencePage, "Conseils de quartier de Rennes")
        make_page(ExperiencePage, "Budget participatif")
        restrict_to_members(make_page(ExperiencePage, "Quartier réservé"))
    call_command("send_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1
    assert _sent_titles(mail.outbox[0]) == ["Conseils de quartier de Rennes"]


def test_unsubscribe_link_works_without_log_in(users, client):
    budget = make_theme("Budget participatif", "budget")
    _subscribe(users["alice"], kind="theme", theme=budget, frequency="daily")
    make_page(ExperiencePage, "Budget de Lille", themes=[budget])
    call_command("send_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    link = re.search(r"Ne plus suivre \(.*\) : (\S+)", mail.outbox[0].body).group(1)
    path = link.split("://", 1)[1].split("/", 1)[1]
    # Opening the link (as a mail scanner would) only asks.
    response = client.get("/" + path)
    assert response.status_code == 200
    assert "Ne plus recevoir la lettre de veille" in response.content.decode()
    assert f'<form method="post" action="/{path}">' in response.content.decode()
    assert Subscription.objects.count() == 1
    response = client.post("/" + path)
    assert response.status_code == 200
    assert "vous ne recevrez plus la lettre de veille" in response.content.decode()
    assert not Subscription.objects.exists()
    again = client.get("/" + path)
    assert again.status_code == 404
    assert "pas valide ou a déjà été utilisé" in again.content.decode()
    assert client.get("/veille/desabonnement/faux-jeton/").status_code == 404


def test_one_click_post_unsubscribe(users, client):
    budget = make_theme("Budget participatif", "budget")
    subscription = _subscribe(users["alice"], kind="theme", theme=budget)
    response = client.post(subscription.unsubscribe_path(), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscription.objects.exists()


def test_members_follow_a_theme_tag_or_search_and_manage(users, client):
    budget = make_theme("Budget participatif", "budget")
    Tag.objects.create(name="jeunesse", slug="jeunesse")
    anonymous = client.get("/themes/budget/").content.decode()
    assert "Connectez-vous pour suivre" in anonymous
    assert client.post("/veille/suivre/", {"kind": "theme", "target": "budget"}).status_code == 302
    assert not Subscription.objects.exists()

    client.force_login(users["alice"])
    page = client.get("/themes/budget/").content.decode()
    assert 'action="/veille/suivre/"' in page
    for kind, target in (("theme", "budget"), ("tag", "jeunesse"), ("search", "q=quartier&page=2")):
        response = client.post(
            "/veille/suivre/",
            {"kind": kind, "target": target, "frequency": "daily", "next": "/themes/budget/"},
        )
        assert response.status_code == 302 and response["Location"] == "/themes/budget/"
    subscriptions = {s.kind: s for s in Subscription.objects.filter(user=users["alice"])}
    assert subscriptions["theme"].theme == budget
    assert subscriptions["tag"].tag.slug == "jeunesse"
    assert subscriptions["search"].query == "q=quartier"
    client.post("/veille/suivre/", {"kind": "theme", "target": "budget", "frequency": "weekly"})
    assert Subscription.objects.filter(user=users["alice"]).count() == 3  # no duplicate
    subscriptions["theme"].refresh_from_db()
    assert subscriptions["theme"].frequency == "weekly"

    response = client.post(
        "/veille/suivre/", {"kind": "theme", "target": "inconnu", "frequency": "daily"}, follow=True
    )
    assert "Ce thème n&#x27;existe pas." in response.content.decode()

    manage = client.get("/veille/").content.decode()
    assert "Thème : Budget participatif" in manage and "Recherche : « quartier »" in manage
    client.post(f"/veille/abonnements/{subscriptions['tag'].pk}/", {"frequency": "weekly"})
    subscriptions["tag"].refresh_from_db()
    assert subscriptions["tag"].frequency == "weekly"
    client.post(f"/veille/abonnements/{subscriptions['tag'].pk}/", {"delete": "1"})
    assert not Subscription.objects.filter(pk=subscriptions["tag"].pk).exists()
    # someone else's subscription cannot be touched
    client.force_login(users["bruno"])
    assert (
        client.post(
            f"/veille/abonnements/{subscriptions['theme'].pk}/", {"delete": "1"}
        ).status_code
        == 404
    )


def test_a_search_too_long_to_save_is_refused_with_a_message(users, client):
    client.force_login(users["alice"])
    target = "q=" + "é" * 400  # 402 characters, 2,402 once URL-encoded as saved
    response = client.post(
        "/veille/suivre/", {"kind": "search", "target": target, "frequency": "daily"}, follow=True
    )
    assert response.status_code == 200
    assert "Cette recherche est trop longue pour être suivie." in response.content.decode()
    assert not Subscription.objects.exists()


def test_only_approved_members_follow_and_receive_digests(users, client):
    budget = make_theme("Budget participatif", "budget")
    client.force_login(users["pending"])
    page = client.get("/themes/budget/").content.decode()
    assert "réservée aux membres" in page and 'action="/veille/suivre/"' not in page
    response = client.post(
        "/veille/suivre/", {"kind": "theme", "target": "budget", "frequency": "daily"}, follow=True
    )
    assert "réservée aux membres" in response.content.decode()
    assert not Subscription.objects.exists()
    # a subscription left from before (e.g. a member later refused) receives nothing
    _subscribe(users["pending"], kind="theme", theme=budget, frequency="daily")
    make_page(ExperiencePage, "Budget de Lille", themes=[budget])
    call_command("send_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert mail.outbox == []


def test_a_page_matching_two_subscriptions_is_sent_once(users):
    budget = make_theme("Budget participatif", "budget")
    jeunesse = Tag.objects.create(name="jeunesse", slug="jeunesse")
    _subscribe(users["alice"], kind="theme", theme=budget, frequency="daily")
    _subscribe(users["alice"], kind="tag", tag=jeunesse, frequency="daily")
    make_page(ExperiencePage, "Budget des jeunes", themes=[budget], tags=["jeunesse"])
    call_command("send_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1
    assert _sent_titles(mail.outbox[0]) == ["Budget des jeunes"]
    assert mail.outbox[0].subject == "[Praxis] Votre veille : 1 nouvelle page"


def test_subscriptions_and_digests_in_the_django_admin(users, admin_client):
    budget = make_theme("Budget participatif", "budget")
    _subscribe(users["alice"], kind="theme", theme=budget, frequency="daily")
    assert admin_client.get("/django-admin/watch/subscription/").status_code == 200
    assert admin_client.get("/django-admin/watch/digest/").status_code == 200


def test_the_follow_box_says_what_is_followed_and_stops_it(users, client):
    make_theme("Budget participatif", "budget")
    client.force_login(users["alice"])
    client.post("/veille/suivre/", {"kind": "theme", "target": "budget", "frequency": "daily"})
    page = client.get("/themes/budget/").content.decode()
    assert "Vous suivez ce thème (lettre quotidienne)." in page
    subscription = Subscription.objects.get()
    response = client.post(
        f"/veille/abonnements/{subscription.pk}/", {"delete": "1", "next": "/themes/budget/"}
    )
    assert response["Location"] == "/themes/budget/"
    assert not Subscription.objects.exists()
    assert 'action="/veille/suivre/"' in client.get("/themes/budget/").content.decode()


def test_command_reports_and_refuses_a_bad_date(users):
    import io

    from django.core.management.base import CommandError

    out = io.StringIO()
    call_command("send_digests", stdout=out)
    assert "0 lettre de veille envoyée." in out.getvalue()
    with pytest.raises(CommandError):
        call_command("send_digests", now="hier", stdout=io.StringIO())


def test_the_mail_clients_unsubscribe_button_stops_every_digest(users, client):
    """List-Unsubscribe stops the e-mails, not only their first section."""
    budget = make_theme("Budget participatif", "budget")
    jeunesse = Tag.objects.create(name="jeunesse", slug="jeunesse")
    _subscribe(users["alice"], kind="theme", theme=budget, frequency="daily")
    _subscribe(users["alice"], kind="tag", tag=jeunesse, frequency="weekly")
    _subscribe(users["bruno"], kind="theme", theme=budget, frequency="daily")
    make_page(ExperiencePage, "Budget de Lille", themes=[budget])
    make_page(JobDescriptionPage, "Poste jeunesse", tags=["jeunesse"])
    call_command("send_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    alice = next(m for m in mail.outbox if m.to == ["alice@example.org"])
    header = alice.extra_headers["List-Unsubscribe"].strip("<>")
    assert header.startswith("http://127.0.0.1:8000/veille/desabonnement/")
    assert f"Ne plus recevoir aucune lettre de veille : {header}" in alice.body
    path = header.removeprefix("http://127.0.0.1:8000")

    confirm = client.get(path).content.decode()
    assert "Ne plus recevoir aucune lettre de veille ?" in confirm
    assert "aucun des 2 thèmes, étiquettes et recherches" in confirm
    assert Subscription.objects.filter(user=users["alice"]).count() == 2

    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "vous ne recevrez plus aucune lettre de veille" in response.content.decode()
    assert not Subscription.objects.filter(user=users["alice"]).exists()
    assert Subscription.objects.filter(user=users["bruno"]).count() == 1
    assert client.post(path).status_code == 404  # replayed: nothing left to stop


def test_followed_searches_are_told_apart_by_their_filters(users, client):
    """Two searches for the same words with other filters: /veille/ (and the digests) name the
    filters as the search page does."""
    make_theme("Budget participatif", "budget")
    client.force_login(users["alice"])
    for target in ("q=quartier", "q=quartier&theme=budget&region=bretagne&region=normandie"):
        client.post("/veille/suivre/", {"kind": "search", "target": target, "frequency": "daily"})
    html = client.get("/veille/").content.decode()
    manage = " ".join(html.split())
    assert "Recherche : « quartier »" in manage
    # On a narrow screen the table scrolls in its own region, which the keyboard reaches
    assert (
        '<div class="table-scroll" role="region" aria-labelledby="watch-caption" tabindex="0">'
        in html
    )
    assert '<caption id="watch-caption">' in html
    assert (
        "Recherche : « quartier » (thème : Budget participatif ; région : Bretagne ou Normandie)"
        in manage
    )


def test_a_followed_search_whose_filter_is_gone_keeps_its_words(users):
    subscription = _subscribe(users["alice"], kind="search", query="q=quartier&region=atlantide")
    assert subscription.label() == "Recherche : « quartier »"
