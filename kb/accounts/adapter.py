from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse


class AccountAdapter(DefaultAccountAdapter):
    def get_email_verification_redirect_url(self, email_address):
        """After confirming their e-mail, people land on their profile, which shows their status."""
        return reverse("accounts:profile")
