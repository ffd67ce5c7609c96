"""Sign-up (the professional fields on top of allauth's e-mail and password), profile and decisions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from practices.choices import AuthorityType

from .models import Profile
from .roles import rights_beyond_registration


class ProfessionalFieldsMixin(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=255,
        help_text=_("Local authority, association, public body… where you work."),
    )
    job_title = forms.CharField(label=_("Job role"), max_length=255)
    authority_type = forms.ChoiceField(
        label=_("Organisation type"), choices=[("", "---------"), *AuthorityType.choices]
    )


class SignupForm(ProfessionalFieldsMixin):
    """Used by allauth as ACCOUNT_SIGNUP_FORM_CLASS: its fields come before e-mail and password."""

    motivation = forms.CharField(
        label=_("Why do you want to join Praxis?"),
        help_text=_("One or two sentences, read by the moderators who approve registrations."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def signup(self, request, user):
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.save(update_fields=["first_name", "last_name"])
        Profile.objects.update_or_create(
            user=user,
            defaults={
                "organisation": self.cleaned_data["organisation"],
                "job_title": self.cleaned_data["job_title"],
                "authority_type": self.cleaned_data["authority_type"],
                "motivation": self.cleaned_data["motivation"],
                "status": Profile.Status.PENDING,
            },
        )


class ProfileForm(ProfessionalFieldsMixin):
    """What a person may change on their own profile (not the approval status)."""

    def __init__(self, *args, user, **kwargs):
        self.user = user
        profile = getattr(user, "praxis_profile", None)
        initial = {"first_name": user.first_name, "last_name": user.last_name}
        if profile:
            initial.update(
                organisation=profile.organisation,
                job_title=profile.job_title,
                authority_type=profile.authority_type,
            )
        super().__init__(*args, initial=initial, **kwargs)

    def save(self):
        data = self.cleaned_data
        self.user.first_name = data["first_name"]
        self.user.last_name = data["last_name"]
        self.user.save(update_fields=["first_name", "last_name"])
        Profile.objects.update_or_create(
            user=self.user,
            defaults={
                "organisation": data["organisation"],
                "job_title": data["job_title"],
                "authority_type": data["authority_type"],
            },
        )


STALE_PAGE = _(
    "This decision page was incomplete (an old copy of the page?): nothing was changed or sent. "
    "Check the current status above and send your decision again."
)


class DecisionForm(forms.Form):
    """A moderator's decision on ``profile``'s registration."""

    APPROVE, REFUSE = "approve", "refuse"

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(APPROVE, _("Approve the registration")), (REFUSE, _("Refuse the registration"))],
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("Message sent to the person"),
        help_text=_("Required when refusing: explain why."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    # The status the moderator saw: a decision taken meanwhile by another one is not overwritten.
    # A form without it (an old copy of the page, a replayed request) decides nothing.
    seen_status = forms.ChoiceField(
        choices=Profile.Status.choices,
        widget=forms.HiddenInput,
        error_messages={
            "required": STALE_PAGE,
            "invalid_choice": STALE_PAGE,
        },
    )

    def __init__(self, *args, profile, **kwargs):
        self.profile = profile
        kwargs.setdefault("initial", {"seen_status": profile.status})
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == self.REFUSE:
            if not cleaned.get("message", "").strip():
                self.add_error(
                    "message", _("Explain to the person why their registration is refused.")
                )
            if rights := rights_beyond_registration(self.profile.user):
                self.add_error("decision", kept_rights_message(self.profile, rights, refused=True))
        unchanged = {self.APPROVE: Profile.Status.APPROVED, self.REFUSE: Profile.Status.REFUSED}
        if unchanged.get(cleaned.get("decision")) == self.profile.status:
            # Deciding the same again would only send the person the same e-mail twice.
            self.add_error(
                "decision",
                _("This registration is already %(status)s: nothing to change or send.")
                % {"status": self.profile.get_status_display().lower()},
            )
        return cleaned

    def full_clean(self):
        super().full_clean()
        if self.is_bound and self.has_error("seen_status"):
            # Sent again, the page decides on the status it shows now (above the form).
            self.data = self.data.copy()
            self.data["seen_status"] = self.profile.status


def kept_rights_message(profile, rights, refused=False):
    """Why ``profile``'s registration cannot be refused: ``rights`` (what
    ``rights_beyond_registration`` found) are not the registration desk's to take back."""
    if refused:
        message = _(
            "%(name)s has rights that a registration does not give (%(rights)s): their "
            "registration cannot be refused here, and nothing was changed or sent. An "
            "administrator can first take these rights back in Settings › Users."
        )
    else:
        message = _(
            "%(name)s has rights that a registration does not give (%(rights)s): their "
            "registration cannot be refused here. An administrator can first take these rights "
            "back in Settings › Users."
        )
    return message % {"name": profile, "rights": ", ".join(rights)}
