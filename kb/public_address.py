"""The site's public address: ``PRAXIS_BASE_URL`` (``settings.WAGTAILADMIN_BASE_URL``).

One setting for every absolute link Praxis writes outside a request: the account and moderation
e-mails, the alert digests, and what Wagtail builds from its default Site record (the "page
approved" e-mail of the workflow, the sitemap, ``page.full_url``). That record follows the setting
after each ``migrate`` (``sync_default_site``), so a deployment sets the address once, in its
environment.
"""

from types import SimpleNamespace
from urllib.parse import urlsplit

from django.conf import settings
from django.db import connections


def base_url():
    """The public address, without a trailing slash: "https://praxis.example.org"."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(path):
    return base_url() + path


def host_and_port():
    """(host name, port) of the public address; the port is the scheme's when it has none."""
    address = urlsplit(base_url())
    return address.hostname or "", address.port or (443 if address.scheme == "https" else 80)


def mail_site():
    """What e-mails call the site (allauth's ``current_site``): its name and its host."""
    return SimpleNamespace(name=settings.WAGTAIL_SITE_NAME, domain=urlsplit(base_url()).netloc)


def sync_default_site(using="default", **kwargs):
    """Give Wagtail's default Site the host and port of the public address (a ``post_migrate``
    receiver: the migration that creates the Site can only write a placeholder).

    Wagtail derives a Site's scheme from its port: https on 443, http otherwise."""
    if "wagtailcore_site" not in connections[using].introspection.table_names():
        return  # wagtailcore migrated back to zero
    from wagtail.models import Site

    hostname, port = host_and_port()
    if not hostname:
        return
    for site in Site.objects.using(using).filter(is_default_site=True):
        if (site.hostname, site.port) != (hostname, port):
            site.hostname, site.port = hostname, port
            site.save(using=using)  # through save(): Wagtail forgets its cached site root paths
