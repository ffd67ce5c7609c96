"""Sending the watch digests: one e-mail per member and day, with what is new since the last one.

Idempotent: a ``Digest`` row per (member, day) is created before sending, in the same
transaction as the subscriptions' high-water marks; a second run the same day finds it and
sends nothing.
"""

import datetime
import logging
from collections import defaultdict

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import ngettext, override

from kb.accounts.roles import APPROVED_GROUPS
from kb.public_address import base_url

from .matching import subscription_pages
from .models import Digest, Subscription, unsubscribe_all_path

logger = logging.getLogger("praxis.watch")

WEEK = datetime.timedelta(days=7)


def is_due(subscription, today):
    if subscription.last_sent_on is None:
        return True
    if subscription.frequency == Subscription.Frequency.WEEKLY:
        return today - subscription.last_sent_on >= datetime.timedelta(days=7)
    return today > subscription.last_sent_on


def send_digests(now=None, stdout=None):
    """Send the digests due at ``now``; return the number of e-mails sent."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    by_user = defaultdict(list)
    approved = Q(user__is_superuser=True) | Q(user__groups__name__in=APPROVED_GROUPS)
    subscriptions = (
        Subscription.objects.filter(approved, user__is_active=True)
        .distinct()
        .exclude(user__email="")
        .select_related("user", "theme", "tag")
        .order_by("user_id", "pk")
    )
    for subscription in subscriptions:
        if is_due(subscription, today):
            by_user[subscription.user].append(subscription)
    sent = 0
    for user, due in by_user.items():
        try:
            if _send_to(user, due, now, today):
                sent += 1
        except Exception:
            logger.exception("Digest for user %s failed", user.pk)
    return sent


def _send_to(user, due, now, today):
    with transaction.atomic():
        try:
            with transaction.atomic():
                digest = Digest.objects.create(user=user, day=today)
        except IntegrityError:
            return False  # already sent today
        sections = []
        seen = set()  # a page matching several subscriptions is listed once, in the first
        for subscription in due:
            pages = [
                page
                for page in subscription_pages(subscription, subscription.since(), now)
                if page.pk not in seen
            ]
            seen.update(page.pk for page in pages)
            if pages:
                sections.append({"subscription": subscription, "pages": pages})
        Subscription.objects.filter(pk__in=[s.pk for s in due]).update(
            last_sent_at=now, last_sent_on=today
        )
        count = sum(len(section["pages"]) for section in sections)
        digest.item_count = count
        if not sections:
            digest.save(update_fields=["item_count"])
            return False
        message = _build_message(user, sections, count)
        message.send()
        digest.sent_at = timezone.now()
        digest.save(update_fields=["item_count", "sent_at"])
        return True


def _build_message(user, sections, count):
    root = base_url()
    with override(settings.LANGUAGE_CODE):
        for section in sections:
            subscription = section["subscription"]
            section["label"] = subscription.label()
            section["unsubscribe_url"] = root + subscription.unsubscribe_path()
            section["items"] = [
                {"title": page.title, "url": page.get_full_url(), "summary": page.summary}
                for page in section["pages"]
            ]
        context = {
            "user": user,
            "sections": sections,
            "count": count,
            "manage_url": root + "/veille/",
            "unsubscribe_all_url": root + unsubscribe_all_path(user),
        }
        subject = ngettext(
            "[Praxis] Your alerts: %(count)s new page",
            "[Praxis] Your alerts: %(count)s new pages",
            count,
        ) % {"count": count}
        text = render_to_string("watch/digest_email.txt", context)
        html = render_to_string("watch/digest_email.html", context)
    message = EmailMultiAlternatives(subject, text, to=[user.email])
    message.attach_alternative(html, "text/html")
    message.extra_headers["List-Unsubscribe"] = f"<{context['unsubscribe_all_url']}>"
    message.extra_headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return message


def describe(count):
    return ngettext("%(count)s alert digest sent.", "%(count)s alert digests sent.", count) % {
        "count": count
    }
