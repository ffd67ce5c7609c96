"""Following a theme, a tag or a search; managing one's subscriptions; one-click unsubscribe."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from kb.accounts.roles import is_approved_member

from .forms import FrequencyForm, SubscribeForm
from .models import Subscription, subscriptions_of_token


def _next_url(request, default="watch:manage"):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


@login_required
@require_POST
def subscribe(request):
    if not is_approved_member(request.user):
        messages.error(
            request,
            _(
                "E-mail alerts are for members: your registration must first be approved by a moderator."
            ),
        )
        return redirect(_next_url(request, default="/"))
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        for error in form.non_field_errors() or [_("The follow form is not valid.")]:
            messages.error(request, error)
        return redirect(_next_url(request))
    data = form.cleaned_data
    subscription, created = Subscription.objects.get_or_create(
        user=request.user,
        kind=data["kind"],
        theme=data.get("theme"),
        tag=data.get("tag"),
        query=data.get("query", ""),
        defaults={"frequency": data["frequency"]},
    )
    if not created and subscription.frequency != data["frequency"]:
        subscription.frequency = data["frequency"]
        subscription.save(update_fields=["frequency"])
    messages.success(
        request,
        _("You now follow “%(label)s” (%(frequency)s digest).")
        % {
            "label": subscription.label(),
            "frequency": subscription.get_frequency_display().lower(),
        },
    )
    return redirect(_next_url(request))


@login_required
def manage(request):
    subscriptions = request.user.watch_subscriptions.select_related("theme", "tag")
    return render(
        request,
        "watch/manage.html",
        {
            "subscriptions": subscriptions,
            "frequencies": Subscription.Frequency.choices,
        },
    )


@login_required
@require_POST
def update(request, pk):
    subscription = get_object_or_404(Subscription, pk=pk, user=request.user)
    if "delete" in request.POST:
        label = subscription.label()
        subscription.delete()
        messages.success(request, _("You no longer follow “%(label)s”.") % {"label": label})
        return redirect(_next_url(request))
    form = FrequencyForm(request.POST)
    if form.is_valid():
        subscription.frequency = form.cleaned_data["frequency"]
        subscription.save(update_fields=["frequency"])
        messages.success(request, _("The frequency has been saved."))
    else:
        messages.error(request, _("This frequency does not exist."))
    return redirect(_next_url(request))


@csrf_exempt  # the signed token is the proof; mail clients post "List-Unsubscribe=One-Click"
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """From the e-mail, no log-in: the signed token names one subscription, or all of a member's
    (the List-Unsubscribe header). Opening the link (GET) asks for confirmation, so that mail
    scanners that follow links unsubscribe no one; the button, or the mail client's one-click
    (RFC 8058), POSTs."""
    subscriptions, everything = subscriptions_of_token(token)
    subscriptions = list(subscriptions)
    if not subscriptions:
        return render(request, "watch/unsubscribed.html", {"invalid": True}, status=404)
    context = {
        "everything": everything,
        "count": len(subscriptions),
        "label": subscriptions[0].label(),
    }
    if request.method == "GET":
        return render(request, "watch/unsubscribed.html", {**context, "confirm": True})
    Subscription.objects.filter(pk__in=[s.pk for s in subscriptions]).delete()
    return render(request, "watch/unsubscribed.html", context)
