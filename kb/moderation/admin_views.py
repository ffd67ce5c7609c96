"""Moderators' desks in the Wagtail admin: the review queue and tag curation."""

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.decorators.http import require_POST
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision, TaskState

from kb.accounts.roles import is_moderator

from .attachments import page_document_ids
from .completeness import RECOMMENDED, completeness, latest_versions, restored_versions
from .curation import (
    CurationError,
    delete_unused_tag,
    merge_tags,
    rename_tag,
    tags_with_counts,
    use_counts,
)


def _moderator_only(request):
    if not is_moderator(request.user):
        raise PermissionDenied


# Review queue ---------------------------------------------------------------------------------


IGNORED_KEYS = {
    "pk",
    "id",
    "path",
    "depth",
    "numchild",
    "url_path",
    "draft_title",
    "live",
    "has_unpublished_changes",
    "latest_revision",
    "latest_revision_created_at",
    "live_revision",
    "first_published_at",
    "last_published_at",
    "owner",
    "locked",
    "locked_at",
    "locked_by",
    "content_type",
    "page_ptr",
    "translation_key",
    "locale",
    "expired",
    "alias_of",
    "wagtail_admin_comments",
}


def changed_fields(page, revision):
    """Labels of the fields that differ between the live version and ``revision``."""
    live = page.live_revision
    if live is None or revision is None:
        return []
    before, after = live.content, revision.content
    labels = []
    for key in sorted(set(before) | set(after)):
        if key in IGNORED_KEYS or before.get(key) == after.get(key):
            continue
        if key == "tagged_items":
            before_tags = sorted(item.get("tag") for item in before.get(key) or [])
            after_tags = sorted(item.get("tag") for item in after.get(key) or [])
            if before_tags != after_tags:
                labels.append(pgettext("taxonomy", "tags"))
            continue
        try:
            labels.append(str(type(page)._meta.get_field(key).verbose_name))
        except Exception:  # noqa: BLE001, S112 - an unknown key is not worth showing
            continue
    return labels


def reviews_in_progress():
    """The review tasks of the pages waiting for a moderator's decision."""
    return TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS,
        workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
    )


def review_queue(request):
    """Pages waiting for a moderator, with a link to what changed since the live version.

    The pages, the versions under review and their attachments are read for all rows at once:
    the number of queries does not grow with the number of pages waiting."""
    _moderator_only(request)
    # The revision before the one under review, which the row of a new sheet compares it with.
    previous_revision = (
        Revision.page_revisions.filter(
            object_id=OuterRef("workflow_state__object_id"), pk__lt=OuterRef("revision_id")
        )
        .order_by("-pk")
        .values("pk")[:1]
    )
    task_states = list(
        reviews_in_progress()
        .select_related("workflow_state__requested_by", "revision", "task")
        .annotate(previous_revision_id=Subquery(previous_revision))
        .order_by("started_at")
    )
    pages = {
        str(page.pk): page
        for page in Page.objects.filter(
            pk__in=[state.workflow_state.object_id for state in task_states]
        )
        .specific()
        .select_related("live_revision", for_specific_subqueries=True)
    }
    task_states = [state for state in task_states if state.workflow_state.object_id in pages]
    under_review = restored_versions(
        [pages[state.workflow_state.object_id] for state in task_states],
        [state.revision for state in task_states],
    )
    attachments = [page_document_ids(version) for version in under_review]
    documents = get_document_model().objects.in_bulk(set().union(*attachments))
    rows = []
    for task_state, version, document_ids in zip(
        task_states, under_review, attachments, strict=True
    ):
        page = pages[task_state.workflow_state.object_id]
        if page.live and page.live_revision_id:
            compare = reverse(
                "wagtailadmin_pages:revisions_compare",
                args=[page.pk, "live", task_state.revision_id],
            )
        elif task_state.previous_revision_id:
            compare = reverse(
                "wagtailadmin_pages:revisions_compare",
                args=[page.pk, task_state.previous_revision_id, task_state.revision_id],
            )
        else:
            compare = None
        rows.append(
            {
                "changed_fields": changed_fields(page, task_state.revision),
                "completeness": completeness(version),
                "attachments": [documents[pk] for pk in sorted(document_ids) if pk in documents],
                "page": page,
                "task_state": task_state,
                "submitter": task_state.workflow_state.requested_by,
                "compare_url": compare,
                "is_new": not page.live,
                "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
            }
        )
    return render(request, "moderation/admin/review_queue.html", {"rows": rows})


# Tags -----------------------------------------------------------------------------------------


class MergeForm(forms.Form):
    source = forms.ModelChoiceField(
        label=gettext_lazy("Tag to merge (it will disappear)"),
        queryset=Tag.objects.order_by(Lower("name")),
    )
    target = forms.ModelChoiceField(
        label=gettext_lazy("Tag to keep"), queryset=Tag.objects.order_by(Lower("name"))
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("source") and cleaned.get("source") == cleaned.get("target"):
            self.add_error("target", _("A tag cannot be merged with itself."))
        return cleaned


class RenameForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("New name"), max_length=100)


def tag_list(request):
    _moderator_only(request)
    tags = tags_with_counts()
    only_duplicates = request.GET.get("doublons") == "1"
    if only_duplicates:
        tags = [tag for tag in tags if tag.duplicates]
    return render(
        request,
        "moderation/admin/tags.html",
        {
            "tags": tags,
            "only_duplicates": only_duplicates,
            "merge_form": MergeForm(initial=request.GET or None),
        },
    )


@require_POST
def tag_merge(request):
    _moderator_only(request)
    form = MergeForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("moderation_admin:tags")
    source, target = form.cleaned_data["source"], form.cleaned_data["target"]
    if not request.POST.get("confirm"):
        return render(
            request,
            "moderation/admin/tag_merge_confirm.html",
            {"source": source, "target": target, "count": use_counts().get(source.pk, 0)},
        )
    source_name = source.name
    try:
        pages = merge_tags(source, target, request.user)
    except CurationError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("“%(source)s” has been merged into “%(target)s” (%(count)s pages).")
            % {"source": source_name, "target": target.name, "count": len(pages)},
        )
    return redirect("moderation_admin:tags")


def tag_rename(request, tag_id):
    _moderator_only(request)
    tag = get_object_or_404(Tag, pk=tag_id)
    form = RenameForm(request.POST or None, initial={"name": tag.name})
    if request.method == "POST" and form.is_valid():
        try:
            rename_tag(tag, form.cleaned_data["name"])
        except CurationError as error:
            form.add_error("name", str(error))
        else:
            messages.success(request, _("The tag has been renamed."))
            return redirect("moderation_admin:tags")
    return render(request, "moderation/admin/tag_rename.html", {"tag": tag, "form": form})


@require_POST
def tag_delete(request, tag_id):
    _moderator_only(request)
    tag = get_object_or_404(Tag, pk=tag_id)
    try:
        delete_unused_tag(tag)
    except CurationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The tag “%(name)s” has been deleted.") % {"name": tag.name})
    return redirect("moderation_admin:tags")


# Completeness ---------------------------------------------------------------------------------

COMPLETENESS_TYPES = {
    "experience": "ExperiencePage",
    "fiche-de-poste": "JobDescriptionPage",
    "charte": "CharterPage",
}


def completeness_list(request):
    """Sheets with how complete they are, filtered by type and threshold, sorted by percent."""
    _moderator_only(request)
    kind = request.GET.get("type", "")
    try:
        below = int(request.GET.get("moins_de", "101"))
    except ValueError:
        below = 101
    descending = request.GET.get("tri") == "desc"
    rows = []
    for model in RECOMMENDED:
        if kind in COMPLETENESS_TYPES and model.__name__ != COMPLETENESS_TYPES[kind]:
            continue
        pages = list(
            model.objects.select_related("latest_revision")
            .prefetch_related("themes", "tags")
            .order_by("pk")
        )
        for page, current in zip(pages, latest_versions(pages), strict=True):
            result = completeness(current)
            if result.percent < below:
                rows.append({"page": page, "title": current.title, "completeness": result})
    rows.sort(key=lambda row: (row["completeness"].percent, row["title"]), reverse=descending)
    return render(
        request,
        "moderation/admin/completeness.html",
        {
            "rows": rows,
            "kind": kind,
            "below": below,
            "descending": descending,
            "types": [
                ("experience", _("Experience sheets")),
                ("fiche-de-poste", _("Job descriptions")),
                ("charte", _("Charters")),
            ],
        },
    )
