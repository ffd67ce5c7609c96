from allauth.account.signals import email_confirmed
from django.dispatch import receiver

from .emails import notify_moderators_of_signup
from .models import Profile


@receiver(email_confirmed)
def tell_moderators(sender, request, email_address, **kwargs):
    """Once the e-mail is confirmed, the pending registration goes to the moderators."""
    profile = Profile.objects.filter(user_id=email_address.user_id).first()
    if profile is not None and profile.is_pending:
        notify_moderators_of_signup(profile)
