"""Submitting contributions to the "Relecture" workflow, and reading their status back."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import TaskState, WorkflowState

DRAFT, IN_REVIEW, CHANGES_REQUESTED, PUBLISHED, PUBLISHED_WITH_DRAFT = (
    "draft",
    "in_review",
    "changes_requested",
    "published",
    "published_with_draft",
)
STATUS_LABELS = {
    DRAFT: _("Draft"),
    IN_REVIEW: _("Under review"),
    CHANGES_REQUESTED: _("Changes requested"),
    PUBLISHED: pgettext_lazy("sheet status", "Published"),
    PUBLISHED_WITH_DRAFT: _("Published — new version in draft"),
}


def submit_for_review(page, user):
    """Start (or resume, or restart) the page's workflow on its latest revision."""
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=user)
        return
    if state is not None:
        state.cancel(user=user)
    workflow = page.get_workflow()
    if workflow is None:
        raise LookupError("No workflow for this page")
    workflow.start(page, user)


def moderator_comment(state, decision):
    """The comment the moderator left with the latest ``decision`` of this workflow run.

    ``decision`` is ``TaskState.STATUS_APPROVED`` or ``TaskState.STATUS_REJECTED`` (changes
    requested). Quoted in the e-mail to the contributor.
    """
    decided = (
        TaskState.objects.filter(workflow_state=state, status=decision)
        .order_by("-finished_at", "-pk")
        .first()
    )
    return decided.specific.get_comment() if decided else ""


def contribution_status(page):
    """(code, label, moderator's comment) of one of the contributor's pages."""
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        # Wagtail keeps the rejected task as the current one until the page is resubmitted:
        # read with the state (``prefetch_workflow_states``), not once more for each page.
        comment = state.current_task_state.specific.get_comment()
        return CHANGES_REQUESTED, STATUS_LABELS[CHANGES_REQUESTED], comment
    if state is not None:
        return IN_REVIEW, STATUS_LABELS[IN_REVIEW], ""
    if page.live:
        code = PUBLISHED_WITH_DRAFT if page.has_unpublished_changes else PUBLISHED
        return code, STATUS_LABELS[code], ""
    return DRAFT, STATUS_LABELS[DRAFT], ""
