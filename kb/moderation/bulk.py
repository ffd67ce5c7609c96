"""Bulk edit of the themes and tags of pages selected in the Wagtail page listing."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction

from kb.accounts.roles import is_moderator
from practices.models import PracticePage, Theme

from .tagging import split_tags


class ClassificationForm(forms.Form):
    add_themes = forms.ModelMultipleChoiceField(
        label=_("Thèmes à ajouter"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    remove_themes = forms.ModelMultipleChoiceField(
        label=_("Thèmes à retirer"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    add_tags = forms.CharField(
        label=_("Étiquettes à ajouter"),
        required=False,
        help_text=_("Séparées par des virgules."),
    )
    remove_tags = forms.CharField(
        label=_("Étiquettes à retirer"),
        required=False,
        help_text=_("Séparées par des virgules."),
    )

    def clean(self):
        cleaned = super().clean()
        cleaned["add_tags"] = split_tags(cleaned.get("add_tags", ""))
        cleaned["remove_tags"] = split_tags(cleaned.get("remove_tags", ""))
        both = set(cleaned.get("add_themes") or []) & set(cleaned.get("remove_themes") or [])
        if both:
            raise forms.ValidationError(
                _("Un même thème ne peut pas être à la fois ajouté et retiré.")
            )
        if not any(cleaned.get(name) for name in self.fields):
            raise forms.ValidationError(_("Choisissez au moins un thème ou une étiquette."))
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


class ClassificationBulkAction(PageBulkAction):
    display_name = _("Thèmes et étiquettes")
    action_type = "praxis_classification"
    aria_label = _("Modifier les thèmes et étiquettes des pages choisies")
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
        for page in objects:
            if classify(page.specific, user, **changes):
                count += 1
        return count, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "Thèmes et étiquettes modifiés sur %(count)d page.",
            "Thèmes et étiquettes modifiés sur %(count)d pages.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class MembersOnlyForm(forms.Form):
    members_only = forms.TypedChoiceField(
        label=_("Visibilité"),
        choices=[
            ("1", _("Réservées aux membres validés")),
            ("0", _("Publiques (retirer la restriction aux membres)")),
        ],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )


class MembersOnlyBulkAction(PageBulkAction):
    """Mark the selected pages members-only (view restriction to the three groups), or public."""

    display_name = _("Réserver aux membres")
    action_type = "praxis_members_only"
    aria_label = _("Réserver les pages choisies aux membres, ou les rendre publiques")
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
                "%(count)d page est désormais réservée aux membres.",
                "%(count)d pages sont désormais réservées aux membres.",
                num_parent_objects,
            )
        else:
            message = ngettext(
                "%(count)d page n'est plus réservée aux membres.",
                "%(count)d pages ne sont plus réservées aux membres.",
                num_parent_objects,
            )
        return message % {"count": num_parent_objects}
