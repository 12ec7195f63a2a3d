"""NLP pipeline selection and entity mentions.

    nlp = load_pipeline()                 # trained spaCy pipeline if installed, else offline
    pipeline_description(nlp)             # "parallax-offline 1 (rule-based: ...)"
    find_mentions(nlp, texts)             # per text: [RawMention(start, end, text, label)]
"""

from analysis.nlp.mentions import DROPPED_LABELS, RawMention, find_mentions
from analysis.nlp.offline import build_offline_pipeline, is_offline
from analysis.nlp.selection import ENV_VAR, TRAINED_PIPELINES, load_pipeline, pipeline_description

__all__ = [
    "DROPPED_LABELS", "ENV_VAR", "RawMention", "TRAINED_PIPELINES", "build_offline_pipeline",
    "find_mentions", "is_offline", "load_pipeline", "pipeline_description",
]
