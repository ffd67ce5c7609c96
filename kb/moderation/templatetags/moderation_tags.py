from django import template

from kb.accounts.roles import is_approved_member, is_contributor, is_moderator

register = template.Library()


@register.filter
def is_member(user):
    return is_approved_member(user)


@register.filter
def can_contribute(user):
    return is_contributor(user)


@register.filter
def moderates(user):
    return is_moderator(user)


@register.filter
def sheet_completeness(page):
    from kb.moderation.completeness import completeness

    return completeness(page)
