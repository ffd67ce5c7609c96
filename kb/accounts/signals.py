from allauth.account.signals import email_confirmed
from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from .emails import notify_moderators_of_signup
from .models import Profile
from .roles import forget_groups


@receiver(email_confirmed)
def tell_moderators(sender, request, email_address, **kwargs):
    """Once the e-mail is confirmed, the pending registration goes to the moderators."""
    profile = Profile.objects.filter(user_id=email_address.user_id).first()
    if profile is not None and profile.is_pending:
        notify_moderators_of_signup(profile)


@receiver(m2m_changed, sender=get_user_model().groups.through)
def groups_changed(sender, instance, **kwargs):
    """Forget the group names cached on a user object when its groups change."""
    if isinstance(instance, get_user_model()):
        forget_groups(instance)
