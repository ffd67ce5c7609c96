"""The curated vocabularies of Praxis: codes are stable identifiers, labels are French."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuthorityType(models.TextChoices):
    COMMUNE = "commune", _("Commune")
    INTERCOMMUNALITY = "intercommunality", _("Intercommunalité")
    DEPARTMENT = "department", _("Département")
    REGION = "region", _("Région")
    STATE = "state", _("État")
    ASSOCIATION = "association", _("Association / collectif")
    PUBLIC_BODY = "public_body", _("Établissement public")
    OTHER = "other", _("Autre")


class Region(models.TextChoices):
    AUVERGNE_RHONE_ALPES = "auvergne-rhone-alpes", _("Auvergne-Rhône-Alpes")
    BOURGOGNE_FRANCHE_COMTE = "bourgogne-franche-comte", _("Bourgogne-Franche-Comté")
    BRETAGNE = "bretagne", _("Bretagne")
    CENTRE_VAL_DE_LOIRE = "centre-val-de-loire", _("Centre-Val de Loire")
    CORSE = "corse", _("Corse")
    GRAND_EST = "grand-est", _("Grand Est")
    HAUTS_DE_FRANCE = "hauts-de-france", _("Hauts-de-France")
    ILE_DE_FRANCE = "ile-de-france", _("Île-de-France")
    NORMANDIE = "normandie", _("Normandie")
    NOUVELLE_AQUITAINE = "nouvelle-aquitaine", _("Nouvelle-Aquitaine")
    OCCITANIE = "occitanie", _("Occitanie")
    PAYS_DE_LA_LOIRE = "pays-de-la-loire", _("Pays de la Loire")
    PROVENCE_ALPES_COTE_D_AZUR = "provence-alpes-cote-d-azur", _("Provence-Alpes-Côte d'Azur")
    GUADELOUPE = "guadeloupe", _("Guadeloupe")
    MARTINIQUE = "martinique", _("Martinique")
    GUYANE = "guyane", _("Guyane")
    LA_REUNION = "la-reunion", _("La Réunion")
    MAYOTTE = "mayotte", _("Mayotte")
    NATIONAL = "national", _("National")
    INTERNATIONAL = "international", _("International")


class ParticipationMethod(models.TextChoices):
    NEIGHBOURHOOD_COUNCIL = "neighbourhood_council", _("Conseil de quartier")
    CITIZENS_COUNCIL = "citizens_council", _("Conseil citoyen")
    PARTICIPATORY_BUDGET = "participatory_budget", _("Budget participatif")
    CITIZENS_WORKSHOP = "citizens_workshop", _("Atelier citoyen")
    CITIZENS_CONFERENCE = "citizens_conference", _("Conférence de citoyens")
    EXPLORATORY_WALK = "exploratory_walk", _("Marche exploratoire")
    SORTITION = "sortition", _("Tirage au sort")
    DIGITAL_CONSULTATION = "digital_consultation", _("Concertation numérique")
    PUBLIC_DEBATE = "public_debate", _("Débat public")
    USER_COMMITTEE = "user_committee", _("Comité d'usagers")
    DEVELOPMENT_COUNCIL = "development_council", _("Conseil de développement")
    COLLECTIVE_ACTION = "collective_action", _("Collectif citoyen / pouvoir d'agir")


class ParticipationLevel(models.TextChoices):
    INFORMATION = "information", _("Information")
    CONSULTATION = "consultation", _("Consultation")
    CONCERTATION = "concertation", _("Concertation")
    CO_CONSTRUCTION = "co_construction", _("Co-construction")
    CO_DECISION = "co_decision", _("Co-décision")


class CharterKind(models.TextChoices):
    MANIFESTO = "manifesto", _("Manifeste")
    PRACTICAL_GUIDE = "practical_guide", _("Guide pratique")
    REFERENCE_DOCUMENT = "reference_document", _("Document de référence")


class CharterAuthor(models.TextChoices):
    ELECTED = "elected", _("Élus")
    SERVICES = "services", _("Services")
    CITIZENS = "citizens", _("Citoyens")


class CharterRole(models.TextChoices):
    REFERENCE = "reference", _("Document de référence")
    OPERATING_FRAMEWORK = "operating_framework", _("Cadre de fonctionnement")
    GUARANTEE_FRAMEWORK = "guarantee_framework", _("Cadre de garantie")


class JobCategory(models.TextChoices):
    A = "A", _("Catégorie A")
    B = "B", _("Catégorie B")
    C = "C", _("Catégorie C")


class JobSector(models.TextChoices):
    """The filières of the French territorial civil service."""

    ADMINISTRATIVE = "administrative", _("Administrative")
    TECHNICAL = "technical", _("Technique")
    ANIMATION = "animation", _("Animation")
    CULTURAL = "cultural", _("Culturelle")
    SOCIAL = "social", _("Sociale")
    MEDICO_SOCIAL = "medico_social", _("Médico-sociale")
    SPORTS = "sports", _("Sportive")
    MUNICIPAL_POLICE = "municipal_police", _("Police municipale")
    OTHER = "other", _("Autre / contractuel")


class JobStatus(models.TextChoices):
    EXAMPLE = "example", _("Exemple")
    OPEN = "open", _("Poste ouvert")
    FILLED = "filled", _("Poste pourvu")
