"""PRAXIS_BASE_URL is the address of every link written outside a request: Wagtail's Site record
follows it after ``migrate``, and allauth's e-mails name the site Praxis at that address."""

import pytest
from django.core import mail
from django.core.management import call_command
from wagtail.models import Page, Site

from ..accounts.test_signup_and_approval import SIGNUP, sign_up

pytestmark = pytest.mark.django_db


def test_migrate_gives_wagtails_site_the_public_address(settings):
    home = Page.objects.get(depth=2)
    settings.WAGTAILADMIN_BASE_URL = "https://praxis.example.org/"
    call_command("migrate", verbosity=0, interactive=False)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("praxis.example.org", 443)
    assert home.get_full_url() == "https://praxis.example.org/"

    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    call_command("migrate", verbosity=0, interactive=False)
    assert Page.objects.get(pk=home.pk).get_full_url() == "http://127.0.0.1:8000/"


def test_account_emails_greet_from_praxis_at_its_address(client, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://praxis.example.org"
    sign_up(client)
    (confirmation,) = [m for m in mail.outbox if SIGNUP["email"] in m.to]
    lines = confirmation.body.strip().splitlines()
    assert lines[0] == "Bonjour, c'est Praxis !"
    assert lines[-1] == "praxis.example.org"
