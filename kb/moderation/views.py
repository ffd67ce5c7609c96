"""Public contribution views: propose, edit and resubmit a sheet; "Mes contributions"; reports."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from kb.accounts.adapter import display_name
from kb.accounts.roles import is_approved_member, is_contributor

from .attachments import atomic_removing_stored_files
from .completeness import completeness, latest_completeness
from .forms import (
    CONTRIBUTION_FORMS,
    AlreadyProposedError,
    ReportForm,
    StaleFormError,
    form_class_for_page,
)
from .reports import Filed, file_report
from .workflow import IN_REVIEW, contribution_status, submit_for_review

ACTIONS = ("preview", "draft", "submit")


def _refuse(request, message, status=403):
    return render(request, "contribute/refused.html", {"message": message}, status=status)


def _contributor_or_refusal(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not is_contributor(request.user):
        return _refuse(
            request,
            _(
                "Proposing a sheet is for contributors only. If you are a member, ask a moderator "
                "to let you contribute."
            ),
        )
    return None


def _parent_for(form_class):
    """The section (index page) new sheets of this type go under."""
    return form_class.page_model.index_model().objects.first()


def _edit_conflict(revision):
    """Who saved the version a contributor's form would have overwritten, and when."""
    return {
        "author": display_name(revision.user) if revision.user else _("A moderator"),
        "date": date_format(localtime(revision.created_at), "DATETIME_FORMAT"),
    }


def _handle(request, form_class, *, page=None, parent=None, kind):
    editing = page.get_latest_revision_as_object() if page is not None else None
    preview = conflict = None
    if request.method == "POST":
        action = request.POST.get("action")
        if action not in ACTIONS:
            action = "draft"
        form = form_class(request.POST, request.FILES, page=editing)
        if form.is_valid():
            if action == "preview":
                preview = _preview_of(form, page, form_class)
            else:
                try:
                    with atomic_removing_stored_files():
                        saved = form.save(user=request.user, parent=parent)
                        if action == "submit":
                            submit_for_review(saved, request.user)
                except AlreadyProposedError as error:
                    messages.info(
                        request,
                        _(
                            "This form had already been sent: the sheet “%(title)s” was saved "
                            "only once."
                        )
                        % {"title": error.page.draft_title},
                    )
                    return redirect("contribute:mine")
                except StaleFormError as stale:
                    form.rebase_on(stale.revision)
                    conflict = _edit_conflict(stale.revision)
                    form.add_error(
                        None,
                        _(
                            "%(author)s changed this sheet on %(date)s, after you opened this "
                            "form: nothing was saved, so as not to overwrite their version. What "
                            "you typed is kept below."
                        )
                        % conflict,
                    )
                except ValidationError as error:
                    for message in error.messages:
                        form.add_error(None, message)
                except LookupError:
                    form.add_error(
                        None,
                        _(
                            "No review workflow is set up for this section: nothing was saved. "
                            "Let a moderator know."
                        ),
                    )
                else:
                    if action == "submit":
                        messages.success(
                            request,
                            _(
                                "Your sheet “%(title)s” has been sent for review. You will be "
                                "notified by email of the moderators' decision."
                            )
                            % {"title": saved.draft_title},
                        )
                        return redirect("contribute:mine")
                    messages.success(
                        request,
                        _("Draft saved. You can pick it up again in “My contributions”."),
                    )
                    return redirect("contribute:edit", page_id=saved.pk)
        if preview is None:
            form.ask_for_files_again()
    else:
        form = form_class(page=editing)
    return render(
        request,
        "contribute/form.html",
        {
            "form": form,
            "kind": kind,
            "type_label": form_class.page_model._meta.verbose_name,
            "contribution": page,
            "preview": preview,
            "conflict": conflict,
            "completeness": completeness(editing) if editing is not None else None,
        },
        status=200,
    )


def _preview_of(form, page, form_class):
    """An unsaved copy of the page with the form's data, for the preview (nothing is stored)."""
    draft = form_class.page_model() if page is None else page.get_latest_revision_as_object()
    form.apply_to(draft)
    return {
        "page": draft,
        "tags": form.cleaned_data["tags"],
        "themes": form.cleaned_data["themes"],
        "attachments": [upload.name for upload in form.cleaned_data.get("attachments") or []],
    }


def create(request, kind):
    form_class = CONTRIBUTION_FORMS.get(kind)
    if form_class is None:
        raise Http404
    refusal = _contributor_or_refusal(request)
    if refusal:
        return refusal
    parent = _parent_for(form_class)
    if parent is None:
        return _refuse(request, _("The section for this type of sheet does not exist yet."), 404)
    return _handle(request, form_class, parent=parent, kind=kind)


def _own_page(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    kind, form_class = form_class_for_page(page)
    if form_class is None:
        raise Http404
    if page.owner_id != request.user.pk:
        return (
            None,
            None,
            None,
            _refuse(request, _("You can only edit the sheets you proposed.")),
        )
    return page, kind, form_class, None


def edit(request, page_id):
    refusal = _contributor_or_refusal(request)
    if refusal:
        return refusal
    page, kind, form_class, refusal = _own_page(request, page_id)
    if refusal:
        return refusal
    status, label, _comment = contribution_status(page)
    if status == IN_REVIEW:
        return _refuse(
            request,
            _(
                "This sheet is under review: you will be able to edit it once the moderators have "
                "given their opinion."
            ),
            409,
        )
    if page.locked and page.locked_by_id != request.user.pk:
        return _refuse(request, _("This sheet is locked by a moderator."), 409)
    return _handle(request, form_class, page=page, kind=kind)


CONTRIBUTIONS_PAGE_SIZE = 20


def my_contributions(request):
    refusal = _contributor_or_refusal(request)
    if refusal:
        return refusal
    sheets = (
        Page.objects.type(*(form_class.page_model for form_class in CONTRIBUTION_FORMS.values()))
        .filter(owner=request.user)
        .order_by(F("latest_revision_created_at").desc(nulls_last=True), "-pk")
        .specific()
        .select_related("latest_revision", for_specific_subqueries=True)
        .prefetch_workflow_states()
        .prefetch_related("themes", "tags", for_specific_subqueries=True)
    )
    page_obj = Paginator(sheets, CONTRIBUTIONS_PAGE_SIZE).get_page(request.GET.get("page"))
    pages = list(page_obj.object_list)
    rows = []
    for page, page_completeness in zip(pages, latest_completeness(pages), strict=True):
        code, label, comment = contribution_status(page)
        rows.append(
            {
                "page": page,
                "status": code,
                "label": label,
                "comment": comment,
                "completeness": page_completeness,
            }
        )
    return render(
        request,
        "contribute/mine.html",
        {
            "rows": rows,
            "page_obj": page_obj,
            "kinds": [(k, f.page_model._meta.verbose_name) for k, f in CONTRIBUTION_FORMS.items()],
        },
    )


@require_POST
def report(request, page_id):
    if not request.user.is_authenticated:
        return redirect_to_login(request.POST.get("next") or reverse("contribute:mine"))
    if not is_approved_member(request.user):
        return _refuse(request, _("Only members can report content."))
    page = get_object_or_404(Page.objects.live(), pk=page_id)
    if any(not r.accept_request(request) for r in page.get_view_restrictions()):
        raise Http404
    form = ReportForm(request.POST)
    if not form.is_valid():
        for error in form.errors["reason"]:
            messages.error(request, error)
    else:
        _report, filed, told = file_report(page, request.user, form.cleaned_data["reason"])
        if filed is Filed.NEW and not told:
            messages.warning(
                request,
                _(
                    "Thank you: your report is recorded, but the e-mail to the moderators could "
                    "not be sent. They will find it among the reports to handle."
                ),
            )
        elif filed is Filed.NEW:
            messages.success(
                request, _("Thank you: your report has been passed on to the moderators.")
            )
        elif filed is Filed.ADDED:
            messages.success(
                request,
                _(
                    "You had already reported this page: what you wrote has been added to your "
                    "report, which the moderators are looking into."
                ),
            )
        else:
            messages.info(
                request,
                _(
                    "You have already reported this page: the moderators are looking into it. "
                    "You will be told by email once it is handled."
                ),
            )
    return redirect(page.url)
