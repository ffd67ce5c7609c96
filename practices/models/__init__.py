"""Praxis's content types. Other code imports them from here."""

from .base import PracticeIndexPage, PracticePage, practice_page_models
from .charter import CharterIndexPage, CharterPage, CharterPageTag
from .event import EventIndexPage, EventPage, EventPageTag
from .experience import ExperienceIndexPage, ExperiencePage, ExperiencePageTag
from .job import JobDescriptionIndexPage, JobDescriptionPage, JobDescriptionPageTag
from .taxonomy import Theme
from .workshop import WorkshopOutcomeIndexPage, WorkshopOutcomePage, WorkshopOutcomePageTag

__all__ = [
    "CharterIndexPage",
    "CharterPage",
    "CharterPageTag",
    "EventIndexPage",
    "EventPage",
    "EventPageTag",
    "ExperienceIndexPage",
    "ExperiencePage",
    "ExperiencePageTag",
    "JobDescriptionIndexPage",
    "JobDescriptionPage",
    "JobDescriptionPageTag",
    "PracticeIndexPage",
    "PracticePage",
    "Theme",
    "WorkshopOutcomeIndexPage",
    "WorkshopOutcomePage",
    "WorkshopOutcomePageTag",
    "practice_page_models",
]
