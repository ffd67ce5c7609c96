"""The profile page, the e-mail confirmation page, and the moderators' registration desk (in the
Wagtail admin)."""

from allauth.account import app_settings as allauth_settings
from allauth.account.models import EmailAddress
from allauth.account.views import ConfirmEmailView as AllauthConfirmEmailView
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import Group
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .adapter import display_name
from .emails import notify_decision, notify_promotion
from .forms import DecisionForm, ProfileForm, kept_rights_message
from .models import Profile
from .roles import (
    CONTRIBUTORS,
    MEMBERS,
    MODERATORS,
    REGISTRATION_GROUPS,
    forget_groups,
    is_moderator,
    rights_beyond_registration,
)


@login_required
def profile(request):
    user = request.user
    if request.method == "POST":
        form = ProfileForm(request.POST, user=user)
        if form.is_valid():
            form.save()
            messages.success(request, _("Your profile has been saved."))
            return redirect("accounts:profile")
    else:
        form = ProfileForm(user=user)
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "profile": Profile.objects.filter(user=user).first(),
            "group_names": list(user.groups.values_list("name", flat=True)),
        },
    )


class ConfirmEmailView(AllauthConfirmEmailView):
    """allauth's confirmation page, which tells why a link no longer confirms anything.

    allauth says "expired or invalid" to everyone, and answers a second POST with a 404. Opening
    the link again once confirmed (a second click, the e-mail read again) is the common case: the
    page says the address is already confirmed. An expired link explains how to get a new one
    (logging in sends it)."""

    def post(self, *args, **kwargs):
        try:
            return super().post(*args, **kwargs)
        except Http404:
            self.object = None
            return self.render_to_response(self.get_context_data())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.object:
            context["link_state"], context["email"] = _spent_link_state(self.kwargs["key"])
        return context


def _spent_link_state(key):
    """("confirmed" | "expired" | "invalid", the address or "") of a key allauth refused.

    allauth's keys (HMAC) sign the pk of the EmailAddress."""
    try:
        pk = signing.loads(key, salt=allauth_settings.SALT)
    except signing.BadSignature:
        return "invalid", ""
    address = EmailAddress.objects.filter(pk=pk).first() if isinstance(pk, int) else None
    if address is None:
        return "invalid", ""
    return ("confirmed" if address.verified else "expired"), address.email


def _moderator_only(request):
    if not is_moderator(request.user):
        raise PermissionDenied


def registrations(request):
    _moderator_only(request)
    status = request.GET.get("statut", Profile.Status.PENDING)
    if status not in Profile.Status.values:
        status = Profile.Status.PENDING
    profiles = Profile.objects.filter(status=status).select_related("user", "decided_by")
    page_obj = Paginator(profiles, 50).get_page(request.GET.get("p"))
    return render(
        request,
        "accounts/admin/registrations.html",
        {
            "page_obj": page_obj,
            "status": status,
            "statuses": Profile.Status.choices,
            "verified": set(
                EmailAddress.objects.filter(
                    verified=True, user__in=[profile.user_id for profile in page_obj.object_list]
                ).values_list("user_id", flat=True)
            ),
            "contributors": set(
                Group.objects.get(name=CONTRIBUTORS).user_set.values_list("pk", flat=True)
            ),
            "moderators": set(
                Group.objects.get(name=MODERATORS).user_set.values_list("pk", flat=True)
            ),
        },
    )


def decide(request, profile_id):
    _moderator_only(request)
    profile = get_object_or_404(Profile.objects.select_related("user"), pk=profile_id)
    if request.method == "POST":
        form = DecisionForm(request.POST, profile=profile)
        if form.is_valid():
            try:
                profile = _record_decision(profile.pk, form.cleaned_data, request.user)
            except DecisionNotRecorded as not_recorded:
                messages.error(request, str(not_recorded))
                return redirect("accounts_admin:decide", profile_id)
            told = notify_decision(profile)
            if profile.status == Profile.Status.APPROVED:
                messages.success(
                    request, _("%(name)s's registration is approved.") % {"name": profile}
                )
            else:
                messages.success(
                    request, _("%(name)s's registration is refused.") % {"name": profile}
                )
            if not told:
                messages.warning(
                    request,
                    _(
                        "The decision is recorded, but the e-mail to %(email)s could not be "
                        "sent: let them know another way."
                    )
                    % {"email": profile.user.email},
                )
            return redirect("accounts_admin:registrations")
    else:
        form = DecisionForm(profile=profile)
    rights = rights_beyond_registration(profile.user)
    return render(
        request,
        "accounts/admin/decide.html",
        {
            "profile": profile,
            "form": form,
            "email_verified": EmailAddress.objects.filter(
                user=profile.user, verified=True
            ).exists(),
            "kept_rights": kept_rights_message(profile, rights) if rights else "",
        },
    )


class DecisionNotRecorded(Exception):
    """Nothing was changed (nor is anything to be e-mailed); the message says why."""


def _record_decision(profile_id, data, moderator):
    """Record the decision and the groups that follow from it, and return the profile.

    Raises ``DecisionNotRecorded`` when the status is no longer the one the moderator saw (two
    moderators answering the same e-mail), or when a refusal would take away rights that the
    registration did not give (moderators, administrators: the form says so first; checked again
    here, under the lock). A refusal only takes back the groups of the registration desk."""
    with transaction.atomic():
        profile = Profile.objects.select_for_update().select_related("user").get(pk=profile_id)
        if profile.status != data["seen_status"]:
            raise DecisionNotRecorded(
                _(
                    "Another moderator decided on this registration in the meantime: "
                    "nothing was changed or sent. Read their decision before changing it."
                )
            )
        approve = data["decision"] == DecisionForm.APPROVE
        user = profile.user
        if not approve and (rights := rights_beyond_registration(user)):
            raise DecisionNotRecorded(kept_rights_message(profile, rights, refused=True))
        profile.status = Profile.Status.APPROVED if approve else Profile.Status.REFUSED
        profile.decision_message = data["message"].strip()
        profile.decided_by = moderator
        profile.decided_at = timezone.now()
        profile.save()
        if approve:
            user.groups.add(Group.objects.get(name=MEMBERS))
        else:
            user.groups.remove(*Group.objects.filter(name__in=REGISTRATION_GROUPS))
        forget_groups(user)
    return profile


@require_POST
def promote(request, user_id):
    """Make an approved member a contributor (or take the role back)."""
    _moderator_only(request)
    user = get_object_or_404(get_user_model(), pk=user_id)
    group_names = set(user.groups.values_list("name", flat=True))
    contributors = Group.objects.get(name=CONTRIBUTORS)
    if request.POST.get("retirer"):
        user.groups.remove(contributors)
        messages.success(
            request, _("%(name)s is no longer a contributor.") % {"name": display_name(user)}
        )
    elif MEMBERS not in group_names:
        messages.error(
            request,
            _("Only a member whose registration is approved can become a contributor."),
        )
    else:
        user.groups.add(contributors)
        told = notify_promotion(user)
        messages.success(request, _("%(name)s can now contribute.") % {"name": display_name(user)})
        if not told:
            messages.warning(
                request,
                _(
                    "The role is granted, but the e-mail to %(email)s could not be sent: "
                    "let them know another way."
                )
                % {"email": user.email},
            )
    return redirect(reverse("accounts_admin:registrations") + "?statut=approved")
