"""Casualty figures as reported (who said how many were killed, injured, missing, displaced or
detained, where and when) and the incidents that group one event's reports across sources."""

from analysis.casualties.deathcount import death_count
from analysis.casualties.extract import extract_casualties
from analysis.casualties.figure import CasualtyFigure, figures_to_rows
from analysis.casualties.incidents import assign_incidents, group_incidents
from analysis.casualties.reports import (
    ArticleFigure,
    IncidentFigures,
    article_figure,
    incident_figures,
)

__all__ = [
    "ArticleFigure", "CasualtyFigure", "IncidentFigures", "article_figure", "assign_incidents", "death_count", "extract_casualties", "figures_to_rows",
    "group_incidents", "incident_figures",
]
