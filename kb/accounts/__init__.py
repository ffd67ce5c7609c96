"""Accounts of professionals (app label "accounts").

- Sign-up through django-allauth (``/comptes/signup/``) with the professional fields of
  ``forms.SignupForm``; the e-mail must be confirmed; the ``Profile`` is then *pending*.
- Moderators approve or refuse in the Wagtail admin ("Inscriptions", ``/admin/inscriptions/``);
  the person gets the decision and the moderator's message by e-mail. Approved people join
  "Membres"; a moderator can then make them "Contributeurs". A refusal takes back only these two
  groups: the registration of a moderator or an administrator cannot be refused there.
- ``roles`` says who is an approved member, a contributor, a moderator (used by
  ``kb.permissions.can_see_contact_details``).
- Log-in is rate-limited by allauth (``ACCOUNT_RATE_LIMITS`` in the settings).
"""
