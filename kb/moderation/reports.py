"""Reports ("Signaler"): filing one, and who is told by e-mail.

A member has at most one open report per page (a constraint of ``Report``): the same text sent
again (a double click) changes nothing; another text, sent before a moderator has handled the
report, is added to it, dated. When a moderator marks a report as handled, the member who sent
it is told.
"""

from enum import Enum

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kb.accounts.emails import moderator_addresses, send_templated
from kb.public_address import absolute_url

from .models import Report


class Filed(Enum):
    NEW = "new"  # stored and e-mailed to the moderators
    ADDED = "added"  # added to the member's open report on the page
    REPEATED = "repeated"  # what their open report already says: nothing changes


def file_report(page, reporter, reason):
    """(report, Filed, told): the member's report on ``page``; ``told`` is False when a new
    report is stored but the mail server failed to send it to the moderators."""
    with transaction.atomic():
        report, created = Report.objects.select_for_update().get_or_create(
            page=page, reporter=reporter, status=Report.Status.OPEN, defaults={"reason": reason}
        )
        if not created:
            if reason.strip() in report.reason:
                return report, Filed.REPEATED, True
            added_on = date_format(timezone.localtime(), "DATETIME_FORMAT")
            report.reason += "\n\n" + _("Added on %(date)s:") % {"date": added_on} + " " + reason
            report.save(update_fields=["reason"])
            return report, Filed.ADDED, True
    told = notify_moderators_of_report(report)
    return report, Filed.NEW, told


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
        return True
    return send_templated(
        "report_handled",
        [reporter.email],
        {"report": report, "user": reporter, "page_url": absolute_url(report.page.url)},
    )


def tell_reporter_once_handled(report, previous_status):
    """After ``report`` was saved: e-mail its author if this saving marked it as handled."""
    if previous_status == Report.Status.OPEN and report.status == Report.Status.CLOSED:
        transaction.on_commit(lambda: notify_reporter_of_handling(report))
