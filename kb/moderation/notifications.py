"""The e-mails of moderation: to the moderators when a sheet is proposed, to its contributor when
a moderator approves it or requests changes.

Wagtail's workflow notifiers send it (recipients, notification preferences, language), but a
sheet proposed through the public forms gets Praxis's own templates
(``templates/moderation/email/contribution_*``): the wording of "My contributions", the
moderator's comment, and links on the public address to the sheet or to its edit form
(``/contribuer/fiche/<id>/modifier/``) instead of the Wagtail admin. Moderators, who work in the
admin, keep Wagtail's e-mails.

Wagtail logs an e-mail that fails to send, but lets through a mail server that fails as the
connection opens (an SMTP error other than a refused connection), which would answer the
contributor proposing a sheet, or the moderator deciding on it, with an error page: Praxis's
notifiers log it by "praxis.mail", and the proposal or the decision stands.
"""

from django.urls import reverse
from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
    WorkflowStateSubmissionEmailNotifier,
)
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from kb.accounts.roles import is_contributor, is_moderator
from kb.mail import MAIL_ERRORS, logger
from kb.public_address import absolute_url

from .workflow import moderator_comment


def edits_on_the_public_site(page, user):
    """Whether ``user`` works on ``page`` through the public forms (/contribuer/…): their own
    sheet of a type those forms handle, and they are a contributor, not a moderator."""
    from .forms import form_class_for_page

    return (
        user is not None
        and page.owner_id == user.pk
        and is_contributor(user)
        and not is_moderator(user)
        and form_class_for_page(page)[1] is not None
    )


class MailFailuresLogged:
    """Mixin for a Wagtail e-mail notifier: a mail server failing as the connection opens is
    logged by "praxis.mail" instead of failing the request that sent the e-mail."""

    event = ""  # what the e-mail tells (for the log; a contributor's templates are named after it)

    def send_emails(self, template_set, context, recipients, **kwargs):
        try:
            return super().send_emails(template_set, context, recipients, **kwargs)
        except MAIL_ERRORS:
            logger.exception(
                "E-mail not sent to %s: %s of %s",
                ", ".join(sorted(recipient.email for recipient in recipients)),
                self.event,
                context.get("object"),
            )
            return False


class ContributorDecisionNotifier(MailFailuresLogged):
    """Mixin for a Wagtail workflow-state notifier: Praxis's templates for a contributor."""

    task_status = ""  # the TaskState status of that decision, whose comment is quoted

    def _to_contributor(self, workflow_state):
        page = workflow_state.content_object
        return isinstance(page, Page) and edits_on_the_public_site(
            page.specific, workflow_state.requested_by
        )

    def get_template_set(self, workflow_state, **kwargs):
        if not self._to_contributor(workflow_state):
            return super().get_template_set(workflow_state, **kwargs)
        base = f"moderation/email/contribution_{self.event}"
        return {"subject": f"{base}_subject.txt", "text": f"{base}.txt", "html": f"{base}.html"}

    def get_context(self, workflow_state, **kwargs):
        context = super().get_context(workflow_state, **kwargs)
        if self._to_contributor(workflow_state):
            page = context["page"]
            context.update(
                comment=moderator_comment(workflow_state, self.task_status),
                page_url=absolute_url(page.url),
                edit_url=absolute_url(reverse("contribute:edit", args=[page.pk])),
                contributions_url=absolute_url(reverse("contribute:mine")),
            )
        return context


class ApprovalNotifier(ContributorDecisionNotifier, WorkflowStateApprovalEmailNotifier):
    event = "approved"
    task_status = TaskState.STATUS_APPROVED


class ChangesRequestedNotifier(ContributorDecisionNotifier, WorkflowStateRejectionEmailNotifier):
    event = "changes_requested"
    task_status = TaskState.STATUS_REJECTED


class SubmissionNotifier(MailFailuresLogged, WorkflowStateSubmissionEmailNotifier):
    event = "submission"


class TaskSubmissionNotifier(MailFailuresLogged, GroupApprovalTaskStateSubmissionEmailNotifier):
    event = "submission for review"


# Under Wagtail's dispatch uids (kept here: a signal holds its receivers by weak reference).
NOTIFIERS = (
    (
        workflow_approved,
        WorkflowState,
        ApprovalNotifier(),
        "workflow_state_approved_email_notification",
    ),
    (
        workflow_rejected,
        WorkflowState,
        ChangesRequestedNotifier(),
        "workflow_state_rejected_email_notification",
    ),
    (
        workflow_submitted,
        WorkflowState,
        SubmissionNotifier(),
        "workflow_state_submitted_email_notification",
    ),
    (
        task_submitted,
        TaskState,
        TaskSubmissionNotifier(),
        "group_approval_task_submitted_email_notification",
    ),
)


def replace_wagtail_notifiers():
    """Connect these notifiers in place of Wagtail's: whichever of the two apps is ready first,
    only Praxis's notifiers stay connected."""
    for signal, sender, notifier, uid in NOTIFIERS:
        signal.disconnect(sender=sender, dispatch_uid=uid)
        signal.connect(notifier, sender=sender, dispatch_uid=uid)
