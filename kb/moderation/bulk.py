"""Bulk actions on pages selected in the Wagtail page listing: edit of their themes and tags,
members-only restriction; what every page bulk action confirms."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction
from wagtail.models import Page

from kb.accounts.roles import is_moderator
from kb.permissions import pages_listed_in_admin
from practices.models import PracticePage, Theme
from search import indexing

from .tagging import split_tags


class ListedPagesBulkAction:
    """A page bulk action that confirms, and acts on, only the pages listed to the person, and
    only pages selected by their ID.

    The selected pages are IDs in the confirmation's address; Wagtail lists by their title those
    the person may not act on, other people's drafts included."""

    @classmethod
    def get_queryset(cls, model, object_ids):
        """The selected pages; an ID that is not a number (only a made-up address has one)
        selects nothing, instead of failing in the database (a 404 when nothing is left)."""
        return super().get_queryset(model, [pk for pk in object_ids if str(pk).isdigit()])

    def get_actionable_objects(self):
        pages, without_access = super().get_actionable_objects()
        selected = [*pages, *without_access["items_with_no_access"]]
        listed = set(
            pages_listed_in_admin(
                Page.objects.filter(pk__in=[page.pk for page in selected]), self.request.user
            ).values_list("pk", flat=True)
        )
        return [page for page in pages if page.pk in listed], {
            "items_with_no_access": [
                page for page in without_access["items_with_no_access"] if page.pk in listed
            ]
        }


class ClassificationForm(forms.Form):
    add_themes = forms.ModelMultipleChoiceField(
        label=_("Themes to add"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    remove_themes = forms.ModelMultipleChoiceField(
        label=_("Themes to remove"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    add_tags = forms.CharField(
        label=_("Tags to add"),
        required=False,
        help_text=_("Separated by commas."),
    )
    remove_tags = forms.CharField(
        label=_("Tags to remove"),
        required=False,
        help_text=_("Separated by commas."),
    )

    def clean(self):
        cleaned = super().clean()
        cleaned["add_tags"] = split_tags(cleaned.get("add_tags", ""))
        cleaned["remove_tags"] = split_tags(cleaned.get("remove_tags", ""))
        both = set(cleaned.get("add_themes") or []) & set(cleaned.get("remove_themes") or [])
        if both:
            raise forms.ValidationError(_("The same theme cannot be both added and removed."))
        if not any(cleaned.get(name) for name in self.fields):
            raise forms.ValidationError(_("Choose at least one theme or tag."))
        return cleaned


def apply_classification(page, add_themes=(), remove_themes=(), add_tags=(), remove_tags=()):
    """Change the themes and tags of ``page`` in memory; return True if anything changed."""
    themes = set(page.themes.all())
    new_themes = (themes | set(add_themes)) - set(remove_themes)
    tags = {tag.name.lower(): tag.name for tag in page.tags.all()}
    new_tags = dict(tags)
    for name in remove_tags:
        new_tags.pop(name.lower(), None)
    for name in add_tags:
        new_tags.setdefault(name.lower(), name)
    if new_themes == themes and new_tags.keys() == tags.keys():
        return False
    page.themes.set(list(new_themes))
    page.tags.set(list(new_tags.values()))
    return True


def classify(page, user, **changes):
    """Apply the changes to the page with a revision; a pending draft is not published."""
    draft = page.get_latest_revision_as_object()
    if not apply_classification(draft, **changes):
        return False
    if page.live and not page.has_unpublished_changes:
        draft.save_revision(user=user, log_action=True).publish(user=user, log_action=True)
        return True
    draft.save_revision(user=user, log_action=True)
    if page.live:
        # The live content too, from a fresh copy (the row now points to the new revision).
        live = type(page).objects.get(pk=page.pk)
        if apply_classification(live, **changes):
            live.save(clean=False)
    return True


class ClassificationBulkAction(ListedPagesBulkAction, PageBulkAction):
    display_name = _("Themes and tags")
    action_type = "praxis_classification"
    aria_label = _("Change the themes and tags of the selected pages")
    template_name = "moderation/admin/bulk_classification.html"
    action_priority = 80
    form_class = ClassificationForm

    def check_perm(self, page):
        return is_moderator(self.request.user) and isinstance(page.specific, PracticePage)

    def get_execution_context(self):
        context = super().get_execution_context()
        return {**context, "user": self.request.user, **self.cleaned_form.cleaned_data}

    @classmethod
    def execute_action(cls, objects, user=None, **changes):
        count = 0
        with indexing.batched():
            for page in objects:
                if classify(page.specific, user, **changes):
                    count += 1
        return count, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "Themes and tags changed on %(count)d page.",
            "Themes and tags changed on %(count)d pages.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class MembersOnlyForm(forms.Form):
    members_only = forms.TypedChoiceField(
        label=_("Visibility"),
        choices=[
            ("1", _("Reserved for approved members")),
            ("0", _("Public (remove the members-only restriction)")),
        ],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )


class MembersOnlyBulkAction(ListedPagesBulkAction, PageBulkAction):
    """Mark the selected pages members-only (view restriction to the three groups), or public."""

    display_name = _("Reserve for members")
    action_type = "praxis_members_only"
    aria_label = _("Reserve the selected pages for members, or make them public")
    template_name = "moderation/admin/bulk_members_only.html"
    action_priority = 81
    form_class = MembersOnlyForm

    def check_perm(self, page):
        return is_moderator(self.request.user)

    def get_execution_context(self):
        return {"members_only": self.cleaned_form.cleaned_data["members_only"]}

    @classmethod
    def execute_action(cls, objects, members_only=True, **kwargs):
        from wagtail.models import PageViewRestriction

        from .restrictions import make_members_only

        for page in objects:
            if members_only:
                make_members_only(page)
            else:
                for restriction in PageViewRestriction.objects.filter(
                    page=page, restriction_type=PageViewRestriction.GROUPS
                ):
                    restriction.delete()
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        if self.cleaned_form.cleaned_data["members_only"]:
            message = ngettext(
                "%(count)d page is now reserved for members.",
                "%(count)d pages are now reserved for members.",
                num_parent_objects,
            )
        else:
            message = ngettext(
                "%(count)d page is no longer reserved for members.",
                "%(count)d pages are no longer reserved for members.",
                num_parent_objects,
            )
        return message % {"count": num_parent_objects}
