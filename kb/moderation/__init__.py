"""Contribution and moderation (app label "moderation").

- Public contribution forms (``forms.ContributionForm`` and one subclass per page type;
  ``views``): ``/contribuer/<experience|fiche-de-poste|charte>/nouvelle/``, edit and resubmit
  at ``/contribuer/fiche/<id>/modifier/``, "Mes contributions" at
  ``/contribuer/mes-contributions/``. Rich text goes through ``richtext.sanitise_rich_text``
  (Wagtail's whitelist); attachments through ``attachments.validate_attachment`` (extension,
  size, magic bytes) and wait in a moderators-only collection until publication; a file the
  published version no longer has (replaced, removed), or the files of an unpublished page,
  go to another moderators-only collection unless another page uses them.
  "Envoyer en relecture" starts (or resumes) the "Relecture" workflow (``workflow``); the
  moderators' decision reaches the contributor in Praxis's words (``notifications``).
- Reports ("Signaler", ``models.Report``), listed for moderators as a Wagtail snippet.
- Moderators' desks in the Wagtail admin (``admin_views``): review queue with what changed,
  tag curation (``curation``: counts, near-duplicates, merge with redirects, rename, delete),
  completeness (``completeness``); bulk actions (``bulk``): themes and tags, members-only.
- ``restrictions.make_members_only(page)``: the view restriction to approved members.
"""
