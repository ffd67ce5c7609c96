"""The three roles of Praxis and the "Relecture" workflow.

- Membres: approved professionals; no admin access (they read members-only content).
- Contributeurs: create pages and edit their own drafts, submit them for review; never publish.
- Modérateurs: edit, publish, lock and unlock every page; curate themes, tags and documents.

Wagtail's own placeholder groups ("Moderators", "Editors") and workflow are replaced.
"""

from django.db import migrations

MEMBERS, CONTRIBUTORS, MODERATORS = "Membres", "Contributeurs", "Modérateurs"
WORKFLOW_NAME = "Relecture"
TASK_NAME = "Validation par un modérateur"

PAGE_PERMISSIONS = {
    CONTRIBUTORS: ["add_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
MODEL_PERMISSIONS = {
    CONTRIBUTORS: [("wagtailadmin", "admin", "access_admin")],
    MODERATORS: [
        ("wagtailadmin", "admin", "access_admin"),
        ("practices", "theme", "add_theme"),
        ("practices", "theme", "change_theme"),
        ("practices", "theme", "delete_theme"),
        ("taggit", "tag", "add_tag"),
        ("taggit", "tag", "change_tag"),
        ("taggit", "tag", "delete_tag"),
    ],
}
# Documents and images are permitted per collection (granted here on the root collection).
COLLECTION_PERMISSIONS = {
    CONTRIBUTORS: [
        ("wagtaildocs", "document", "add_document"),
        ("wagtaildocs", "document", "choose_document"),
        ("wagtailimages", "image", "add_image"),
        ("wagtailimages", "image", "choose_image"),
    ],
    MODERATORS: [
        ("wagtaildocs", "document", "add_document"),
        ("wagtaildocs", "document", "change_document"),
        ("wagtaildocs", "document", "choose_document"),
        ("wagtaildocs", "document", "delete_document"),
        ("wagtailimages", "image", "add_image"),
        ("wagtailimages", "image", "change_image"),
        ("wagtailimages", "image", "choose_image"),
    ],
}


def _ensure_permissions_exist():
    """Permissions are normally created after all migrations ran; this one needs them now."""
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    for label in (
        "wagtailcore",
        "wagtailadmin",
        "wagtaildocs",
        "wagtailimages",
        "practices",
        "taggit",
    ):
        create_permissions(global_apps.get_app_config(label), verbosity=0)


def _permission(apps, app_label, model, codename):
    Permission = apps.get_model("auth.Permission")
    try:
        return Permission.objects.get(
            content_type__app_label=app_label, content_type__model=model, codename=codename
        )
    except Permission.DoesNotExist:
        raise LookupError(f"{app_label}.{model}.{codename}") from None


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    ContentType = apps.get_model("contenttypes.ContentType")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")

    _ensure_permissions_exist()
    Group.objects.filter(name__in=["Moderators", "Editors"]).delete()
    Workflow.objects.filter(name="Moderators approval").delete()
    GroupApprovalTask.objects.filter(name="Moderators approval").delete()

    root = Page.objects.get(depth=1)
    groups = {
        name: Group.objects.get_or_create(name=name)[0]
        for name in (MEMBERS, CONTRIBUTORS, MODERATORS)
    }
    for name, codenames in PAGE_PERMISSIONS.items():
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=groups[name],
                page=root,
                permission=_permission(apps, "wagtailcore", "page", codename),
            )
    for name, permissions in MODEL_PERMISSIONS.items():
        groups[name].permissions.add(*(_permission(apps, *spec) for spec in permissions))
    root_collection = Collection.objects.get(depth=1)
    for name, permissions in COLLECTION_PERMISSIONS.items():
        for spec in permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=groups[name], collection=root_collection, permission=_permission(apps, *spec)
            )

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.set([groups[MODERATORS]])
    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.filter(page=root).delete()
    WorkflowPage.objects.create(page=root, workflow=workflow)


def remove_roles(apps, schema_editor):
    apps.get_model("wagtailcore.Workflow").objects.filter(name=WORKFLOW_NAME).delete()
    apps.get_model("wagtailcore.GroupApprovalTask").objects.filter(name=TASK_NAME).delete()
    apps.get_model("auth.Group").objects.filter(
        name__in=[MEMBERS, CONTRIBUTORS, MODERATORS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0001_initial"),
        ("kb", "0002_create_homepage"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0006_formstate"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
