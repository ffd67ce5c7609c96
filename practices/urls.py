from django.urls import path

from practices import exports, feeds, jobs, territories, views

app_name = "practices"

urlpatterns = [
    path("themes/", views.theme_list, name="theme_list"),
    path("themes/<slug:slug>/", views.theme_detail, name="theme"),
    path("etiquettes/<str:slug>/", views.tag_detail, name="tag"),
    path("donnees/", exports.opendata, name="opendata"),
    path("export/recherche.csv", exports.export_search, name="export_search"),
    path("export/<str:model_name>.csv", exports.export_listing, name="export_listing"),
    path("export/themes/<slug:slug>.csv", exports.export_theme, name="export_theme"),
    path("export/etiquettes/<str:slug>.csv", exports.export_tag, name="export_tag"),
    *(path(route, view, name=name) for route, view, name in feeds.feed_urls()),
    path("metiers/", jobs.statistics, name="job_statistics"),
    path("metiers/comparer/", jobs.compare, name="job_compare"),
    path("territoires/", territories.territories, name="territories"),
]
