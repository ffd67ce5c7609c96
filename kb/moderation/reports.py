"""Reports ("Signaler"): filing one, and who is told by e-mail.

A member has at most one open report per page (a constraint of ``Report``): sending it again,
by a double click or days later, changes nothing until a moderator has handled the first one.
When a moderator marks a report as handled, the member who sent it is told.
"""

from django.db import transaction
from django.urls import reverse

from kb.accounts.emails import moderator_addresses, send_templated
from kb.public_address import absolute_url

from .models import Report


def file_report(page, reporter, reason):
    """(report, created): the member's new report on ``page``, e-mailed to the moderators, or
    their report on it that is still open (then nothing is stored nor sent)."""
    report, created = Report.objects.get_or_create(
        page=page, reporter=reporter, status=Report.Status.OPEN, defaults={"reason": reason}
    )
    if created:
        notify_moderators_of_report(report)
    return report, created


def notify_moderators_of_report(report):
    url = absolute_url(reverse("wagtailsnippets_moderation_report:edit", args=[report.pk]))
    return send_templated(
        "report_to_moderate",
        moderator_addresses(),
        {"report": report, "page_url": absolute_url(report.page.url), "url": url},
    )


def notify_reporter_of_handling(report):
    reporter = report.reporter
    if reporter is None or not reporter.is_active:
        return 0
    return send_templated(
        "report_handled",
        [reporter.email],
        {"report": report, "user": reporter, "page_url": absolute_url(report.page.url)},
    )


def tell_reporter_once_handled(report, previous_status):
    """After ``report`` was saved: e-mail its author if this saving marked it as handled."""
    if previous_status == Report.Status.OPEN and report.status == Report.Status.CLOSED:
        transaction.on_commit(lambda: notify_reporter_of_handling(report))
