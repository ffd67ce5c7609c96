"""The curated vocabularies of Praxis: codes are stable identifiers, labels are French."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuthorityType(models.TextChoices):
    COMMUNE = "commune", _("Municipality")
    INTERCOMMUNALITY = "intercommunality", _("Inter-municipal body")
    DEPARTMENT = "department", _("Department")
    REGION = "region", _("Region")
    STATE = "state", _("State")
    ASSOCIATION = "association", _("Association / collective")
    PUBLIC_BODY = "public_body", _("Public body")
    OTHER = "other", _("Other")


class Region(models.TextChoices):
    AUVERGNE_RHONE_ALPES = "auvergne-rhone-alpes", _("Auvergne-Rhône-Alpes")
    BOURGOGNE_FRANCHE_COMTE = "bourgogne-franche-comte", _("Bourgogne-Franche-Comté")
    BRETAGNE = "bretagne", _("Brittany")
    CENTRE_VAL_DE_LOIRE = "centre-val-de-loire", _("Centre-Val de Loire")
    CORSE = "corse", _("Corsica")
    GRAND_EST = "grand-est", _("Grand Est")
    HAUTS_DE_FRANCE = "hauts-de-france", _("Hauts-de-France")
    ILE_DE_FRANCE = "ile-de-france", _("Île-de-France")
    NORMANDIE = "normandie", _("Normandy")
    NOUVELLE_AQUITAINE = "nouvelle-aquitaine", _("Nouvelle-Aquitaine")
    OCCITANIE = "occitanie", _("Occitanie")
    PAYS_DE_LA_LOIRE = "pays-de-la-loire", _("Pays de la Loire")
    PROVENCE_ALPES_COTE_D_AZUR = "provence-alpes-cote-d-azur", _("Provence-Alpes-Côte d'Azur")
    GUADELOUPE = "guadeloupe", _("Guadeloupe")
    MARTINIQUE = "martinique", _("Martinique")
    GUYANE = "guyane", _("French Guiana")
    LA_REUNION = "la-reunion", _("Réunion")
    MAYOTTE = "mayotte", _("Mayotte")
    NATIONAL = "national", _("National")
    INTERNATIONAL = "international", _("International")


class ParticipationMethod(models.TextChoices):
    NEIGHBOURHOOD_COUNCIL = "neighbourhood_council", _("Neighbourhood council")
    CITIZENS_COUNCIL = "citizens_council", _("Citizens' council")
    PARTICIPATORY_BUDGET = "participatory_budget", _("Participatory budget")
    CITIZENS_WORKSHOP = "citizens_workshop", _("Citizens' workshop")
    CITIZENS_CONFERENCE = "citizens_conference", _("Citizens' conference")
    EXPLORATORY_WALK = "exploratory_walk", _("Exploratory walk")
    SORTITION = "sortition", _("Sortition")
    DIGITAL_CONSULTATION = "digital_consultation", _("Online consultation")
    PUBLIC_DEBATE = "public_debate", _("Public debate")
    USER_COMMITTEE = "user_committee", _("Users' committee")
    DEVELOPMENT_COUNCIL = "development_council", _("Development council")
    COLLECTIVE_ACTION = "collective_action", _("Citizens' collective / empowerment")


class ParticipationLevel(models.TextChoices):
    INFORMATION = "information", _("Information")
    CONSULTATION = "consultation", _("Consultation")
    CONCERTATION = "concertation", _("Concertation")
    CO_CONSTRUCTION = "co_construction", _("Co-construction")
    CO_DECISION = "co_decision", _("Co-decision")


class CharterKind(models.TextChoices):
    MANIFESTO = "manifesto", _("Manifesto")
    PRACTICAL_GUIDE = "practical_guide", _("Practical guide")
    REFERENCE_DOCUMENT = "reference_document", _("Reference document")


class CharterAuthor(models.TextChoices):
    ELECTED = "elected", _("Elected officials")
    SERVICES = "services", _("Council services")
    CITIZENS = "citizens", _("Citizens")


class CharterRole(models.TextChoices):
    REFERENCE = "reference", _("Reference document")
    OPERATING_FRAMEWORK = "operating_framework", _("Operating framework")
    GUARANTEE_FRAMEWORK = "guarantee_framework", _("Guarantee framework")


class JobCategory(models.TextChoices):
    A = "A", _("Category A")
    B = "B", _("Category B")
    C = "C", _("Category C")


class JobSector(models.TextChoices):
    """The filières of the French territorial civil service."""

    ADMINISTRATIVE = "administrative", _("Administrative")
    TECHNICAL = "technical", _("Technical")
    ANIMATION = "animation", _("Community work")
    CULTURAL = "cultural", _("Cultural")
    SOCIAL = "social", _("Social")
    MEDICO_SOCIAL = "medico_social", _("Medico-social")
    SPORTS = "sports", _("Sports")
    MUNICIPAL_POLICE = "municipal_police", _("Municipal police")
    OTHER = "other", _("Other / contract staff")


class JobStatus(models.TextChoices):
    EXAMPLE = "example", _("Example")
    OPEN = "open", _("Open position")
    FILLED = "filled", _("Filled position")
