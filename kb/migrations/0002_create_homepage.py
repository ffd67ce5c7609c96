"""Replace Wagtail's placeholder "Welcome" page with Praxis's home page and make it the default site."""

from django.db import migrations

HOME_TITLE = "Praxis — pratiques et métiers de la participation"


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("kb.HomePage")

    root = Page.objects.get(depth=1)
    placeholder_type = ContentType.objects.get(model="page", app_label="wagtailcore")
    Page.objects.filter(content_type=placeholder_type, slug="home", depth=2).delete()
    if HomePage.objects.exists():
        return
    homepage_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="kb")
    homepage = HomePage.objects.create(
        title=HOME_TITLE,
        draft_title=HOME_TITLE,
        slug="accueil",
        content_type=homepage_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/accueil/",
        locale_id=root.locale_id,
        live=True,
        intro=(
            "<p>Praxis est le centre de ressources et d'échange des professionnels de la démocratie "
            "participative : des fiches d'expérience, des chartes, des fiches de poste et les "
            "restitutions de leurs rencontres, partagées entre pairs.</p>"
        ),
    )
    Page.objects.filter(pk=root.pk).update(numchild=1)
    Site.objects.filter(is_default_site=True).delete()
    Site.objects.create(hostname="localhost", port=80, root_page=homepage, is_default_site=True)


def remove_homepage(apps, schema_editor):
    apps.get_model("kb.HomePage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("kb", "0001_initial"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
