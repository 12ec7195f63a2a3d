"""Timeline: temporal expressions found in articles and normalised to calendar periods.

`extract_events` finds and resolves expressions against an anchor (the publication date);
`estimate_publication_date` dates an article that has none from its own dates and the corpus.
"""

from analysis.timeline.extract import extract_events
from analysis.timeline.model import ReferenceEvent, TemporalEvent
from analysis.timeline.pubdate import estimate_publication_date

__all__ = ["ReferenceEvent", "TemporalEvent", "estimate_publication_date", "extract_events"]
