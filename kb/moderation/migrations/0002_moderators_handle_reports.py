"""Moderators see and handle reports (through the Wagtail snippet listing)."""

from django.db import migrations

CODENAMES = ["view_report", "change_report", "delete_report"]


def grant(apps, schema_editor):
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    create_permissions(global_apps.get_app_config("moderation"), verbosity=0)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    moderators = Group.objects.filter(name="Modérateurs").first()
    if moderators is None:
        return
    moderators.permissions.add(
        *Permission.objects.filter(content_type__app_label="moderation", codename__in=CODENAMES)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for group in Group.objects.filter(name="Modérateurs"):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="moderation", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0001_initial"),
        ("practices", "0002_roles_and_review_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
