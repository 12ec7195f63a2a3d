"""Compare page: the side-by-side article markup (pure HTML builders) and the charts.

Every piece of article text, title, source and entity name is escaped with html.escape before
it becomes HTML or a plotly label; the builders take plain strings and DataFrames and return a
string, so that escaping is tested without a browser.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from dashboard.charts.common import (
    LABEL_COLORS,
    empty_figure,
    layout,
    safe,
    short,
    type_name,
    wrap,
)

FIGURE_COLOR = "#7d3c98"
DATE_COLOR = "#1f618d"
ENTITY_FALLBACK = "#888888"
MAX_CHART_ENTITIES = 25
LEGEND_TYPES = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")  # the entity types the legend explains
# Marks win over one another in this order when their spans overlap.
_PRIORITY = {"figure": 0, "date": 1, "entity": 2}


def _escape(text) -> str:
    return html.escape(str(text), quote=True)


def tone_background(compound: float) -> str:
    """A translucent red (negative) or green (positive) as strong as the sentiment; neutral is
    left white so the marks stay readable."""
    value = max(-1.0, min(1.0, float(compound or 0.0)))
    if abs(value) < 0.05:
        return "transparent"
    alpha = 0.08 + 0.30 * abs(value)
    rgb = "192,57,43" if value < 0 else "30,132,73"
    return f"rgba({rgb},{alpha:.2f})"


def _candidate_marks(mentions: pd.DataFrame, casualties: pd.DataFrame, events: pd.DataFrame) -> list[dict]:
    """Every figure, date and entity of one article as a mark, figures first, then dates, then
    entities, each kind by position: read from the frames once per article, not once per
    sentence (filtering three frames per sentence took 20 ms a sentence, 1 s for two articles)."""
    found: list[dict] = []
    for frame, kind in ((casualties, "figure"), (events, "date"), (mentions, "entity")):
        if frame is None or frame.empty:
            continue
        for row in frame.to_dict("records"):
            if not pd.isna(row["start"]) and not pd.isna(row["end"]):
                found.append({"kind": kind, "start": int(row["start"]), "end": int(row["end"]), "row": row})
    found.sort(key=lambda m: (_PRIORITY[m["kind"]], m["start"]))
    return found


def _marks(start: int, end: int, candidates: list[dict]) -> list[dict]:
    """Non-overlapping marks inside text[start:end] among `candidates` (_candidate_marks), the
    earlier in their order winning an overlap."""
    kept: list[dict] = []
    for mark in candidates:
        if not (start <= mark["start"] and mark["end"] <= end) or mark["end"] <= mark["start"]:
            continue
        if all(mark["end"] <= k["start"] or mark["start"] >= k["end"] for k in kept):
            kept.append(mark)
    return sorted(kept, key=lambda m: m["start"])


def _mark_html(text: str, mark: dict) -> str:
    row, inner = mark["row"], _escape(text)
    if mark["kind"] == "entity":
        color = LABEL_COLORS.get(str(row.get("label")), ENTITY_FALLBACK)
        tip = _escape(f"{type_name(row.get('label'))}: {row.get('entity')}")
        return (f'<span class="px-ent" title="{tip}" style="border-bottom:2px solid {color};'
                f'color:{color};font-weight:600">{inner}</span>')
    if mark["kind"] == "figure":
        value = row.get("value")
        stated = "" if value is None or pd.isna(value) else f" ({int(value)})"
        tip = _escape(f"{row.get('category')}{stated}, {row.get('qualifier')}")
        return (f'<span class="px-fig" title="{tip}" style="outline:2px solid {FIGURE_COLOR};'
                f'border-radius:3px;padding:0 2px;color:{FIGURE_COLOR};font-weight:700">{inner}</span>')
    when = row.get("date")
    tip = _escape(f"date: {pd.Timestamp(when):%a %-d %b %Y}" if when is not None and not pd.isna(when) else "date")
    return (f'<span class="px-date" title="{tip}" style="border-bottom:2px dotted {DATE_COLOR};'
            f'color:{DATE_COLOR};font-weight:600">{inner}</span>')


def sentence_html(text: str, start: int, end: int, compound: float, mentions: pd.DataFrame,
                  casualties: pd.DataFrame, events: pd.DataFrame, statement=None) -> str:
    """One sentence of `text` (offsets index it), shaded by tone, its marks wrapped, tagged with
    its statement number ("S3": the same statement in the other columns) or "only" when no
    other side reports it."""
    return _sentence_markup(text, start, end, compound, _candidate_marks(mentions, casualties, events), statement)


def _sentence_markup(text: str, start: int, end: int, compound: float, candidates: list[dict], statement) -> str:
    """sentence_html over the article's marks already read (_candidate_marks)."""
    pieces, cursor = [], start
    for mark in _marks(start, end, candidates):
        pieces.append(_escape(text[cursor:mark["start"]]))
        pieces.append(_mark_html(text[mark["start"]:mark["end"]], mark))
        cursor = mark["end"]
    pieces.append(_escape(text[cursor:end]))
    shared = statement is not None and not pd.isna(statement)
    tag = (f'<sup class="px-tag" style="color:#555;font-weight:700">S{int(statement)}</sup>' if shared else
           '<sup class="px-tag" style="color:#b9770e;font-weight:700">only</sup>')
    tip = _escape(f"sentiment {float(compound or 0):+.2f}" + (f" · statement S{int(statement)}" if shared else
                                                              " · matched to no sentence of another side"))
    return (f'<span class="px-sent" title="{tip}" style="background:{tone_background(compound)};'
            f'border-radius:3px;padding:1px 0">{"".join(pieces)}</span>{tag}')


def article_html(text: str, sentences: pd.DataFrame, mentions: pd.DataFrame, casualties: pd.DataFrame,
                 events: pd.DataFrame, statement_of: Mapping[int, object] | None = None,
                 title: str | None = None, caption: str | None = None) -> str:
    """One article as HTML paragraphs: every piece of text escaped, sentences shaded and
    tagged, entities, figures and dates marked. `sentences`/`mentions`/... are this article's
    rows; `statement_of` maps sent_id to its statement number (missing: only this side)."""
    statement_of = statement_of or {}
    parts = []
    if title:
        parts.append(f'<div style="font-weight:700;margin:0 0 2px 0">{_escape(title)}</div>')
    if caption:
        parts.append(f'<div style="color:#666;font-size:0.85em;margin-bottom:6px">{_escape(caption)}</div>')
    candidates = _candidate_marks(mentions, casualties, events)
    ordered = sentences.sort_values("start")
    for _, paragraph in ordered.groupby("paragraph", sort=True):
        body = " ".join(_sentence_markup(text, int(r["start"]), int(r["end"]), r["compound"], candidates,
                                         statement_of.get(int(r["sent_id"])))
                        for r in paragraph.to_dict("records"))
        parts.append(f'<p style="margin:0 0 0.7em 0;line-height:1.6">{body}</p>')
    return "".join(parts)


def column_html(blocks: Sequence[str], height: int = 640) -> str:
    """A scrolling column around already-built article blocks (which escaped their text)."""
    return (f'<div class="px-col" style="max-height:{int(height)}px;overflow-y:auto;padding:8px 10px;'
            f'border:1px solid #ddd;border-radius:6px;font-size:0.93em">' + "<hr>".join(blocks) + "</div>")


def legend_html() -> str:
    """What the marks mean, drawn with the very same styles."""
    chips = [f'<span style="border-bottom:2px solid {c};color:{c};font-weight:600">{_escape(type_name(lab))}</span>'
             for lab, c in LABEL_COLORS.items() if lab in LEGEND_TYPES]
    return ('<div style="font-size:0.85em;color:#444">Entities: ' + "&ensp;".join(chips)
            + f' · <span style="outline:2px solid {FIGURE_COLOR};border-radius:3px;padding:0 2px;'
            f'color:{FIGURE_COLOR};font-weight:700">casualty figure</span>'
            + f' · <span style="border-bottom:2px dotted {DATE_COLOR};color:{DATE_COLOR};font-weight:600">date</span>'
            + f' · <span style="background:{tone_background(-0.8)}">negative</span> / '
            + f'<span style="background:{tone_background(0.8)}">positive</span> sentence'
            + ' · <sup style="font-weight:700">S3</sup> statement 3 (same number in every column)'
            + ' · <sup style="color:#b9770e;font-weight:700">only</sup> matched to no sentence of another side</div>')


def summary_html(findings: Sequence[str]) -> str:
    """The plain-words findings as an escaped bullet list."""
    if not findings:
        return "<p>Nothing to compare.</p>"
    return '<ul style="margin:0;padding-left:1.2em">' + "".join(
        f'<li style="margin-bottom:4px">{_escape(f)}</li>' for f in findings) + "</ul>"


# --- charts ------------------------------------------------------------------------------------

def _colors(labels: Sequence[str]) -> dict[str, str]:
    palette = px.colors.qualitative.Safe
    return {safe(label): palette[i % len(palette)] for i, label in enumerate(labels)}


def framing_chart(framing: pd.DataFrame, side_labels: Sequence[str], top: int = 10) -> go.Figure:
    """Distinctive words per side: log-odds z-scores (Monroe et al. 2008), one panel per side,
    the 1.96 line marking a difference unlikely by chance."""
    if framing.empty:
        return empty_figure("No distinctive words: the sides use the same vocabulary.")
    data = framing.sort_values("z", ascending=False).groupby("side", sort=True).head(top).copy()
    data["label"] = data["label"].map(safe)
    data["term"] = data["term"].map(safe)
    data["hover"] = [f"<b>{t}</b><br>z = {z:.2f}<br>{f} use(s) here, {r} in the other sides"
                     for t, z, f, r in zip(data["term"], data["z"], data["focus"], data["rest"])]
    order = [safe(label) for label in side_labels if safe(label) in set(data["label"])]
    columns = min(3, max(1, len(order)))
    fig = px.bar(data.iloc[::-1], x="z", y="term", color="label", facet_col="label", facet_col_wrap=columns,
                 orientation="h", custom_data=["hover"], category_orders={"label": order},
                 color_discrete_map=_colors(side_labels), labels={"z": "log-odds z", "term": ""},
                 facet_col_spacing=0.12, facet_row_spacing=0.12)
    fig.update_traces(hovertemplate="%{customdata[0]}<extra></extra>")
    fig.update_yaxes(matches=None, showticklabels=True)
    reach = max(2.3, float(data["z"].max()) * 1.1)  # the significance line always in view
    fig.update_xaxes(matches=None, showticklabels=True, range=[0, reach], title_text="")
    fig.for_each_annotation(lambda a: a.update(text=f"<b>{a.text.split('=', 1)[-1]}</b>"))
    fig.add_vline(x=1.96, line_dash="dot", line_color="#999")
    rows = -(-len(order) // columns)
    fig.update_layout(showlegend=False,
                      title={"text": "Distinctive words per side (weighted log-odds z; dotted: z = 1.96)", "y": 0.99,
                                 "yanchor": "top"})
    layout(fig, height=110 + rows * (26 * top + 60))
    fig.update_layout(margin={"t": 80})
    return fig


def overlap_chart(overlap: pd.DataFrame, side_labels: Sequence[str]) -> go.Figure:
    """Share of each side's sentences (row) that another side (column) also reports."""
    if overlap.empty:
        return empty_figure("Pick at least two sides.")
    labels = [short(label, 30) for label in side_labels]
    n = len(side_labels)
    z = [[None] * n for _ in range(n)]
    text = [[""] * n for _ in range(n)]
    for row in overlap.itertuples(index=False):
        z[row.side][row.other] = row.share
        text[row.side][row.other] = f"{row.shared}/{row.sentences}"
    fig = go.Figure(go.Heatmap(z=z, x=labels, y=labels, text=text, texttemplate="%{text}", zmin=0, zmax=1,
                               colorscale="Blues", colorbar={"title": "share"},
                               hovertemplate="%{y}: %{text} of its sentences also in %{x}<extra></extra>"))
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(title="Statements shared (row side's sentences also reported by column side)")
    return layout(fig, height=140 + 45 * n)


def statement_tone_chart(statements: pd.DataFrame, side_labels: Sequence[str], limit: int = 20) -> go.Figure:
    """Each aligned statement as a row, each side's sentence as a dot at its sentiment: the same
    fact told warmer or colder. Widest gaps first; sides are offset a little within a row so
    equal scores stay visible."""
    if statements.empty:
        return empty_figure("No statement is shared by two sides.")
    spread = statements.groupby("statement")["tone_spread"].first().sort_values(ascending=False)
    keep = list(spread.index[:limit])
    first_text = statements.groupby("statement")["text"].first()
    names = {s: f"S{int(s)}: {short(first_text[s], 44)}" for s in keep}
    position = {s: len(keep) - 1 - i for i, s in enumerate(keep)}
    colors = _colors(side_labels)
    n = max(len(side_labels), 1)
    fig = go.Figure()
    for side, label in enumerate(side_labels):
        own = statements[(statements["side"] == side) & statements["statement"].isin(keep)]
        if own.empty:
            continue
        offset = (side - (n - 1) / 2) * (0.5 / n)
        fig.add_trace(go.Scatter(
            x=own["compound"], y=[position[s] + offset for s in own["statement"]], mode="markers", name=safe(label),
            marker={"size": 12, "color": colors[safe(label)], "line": {"width": 1, "color": "white"}},
            customdata=[f"<b>{safe(label)}</b> ({c:+.2f})<br>{wrap(t)}" for c, t in zip(own["compound"], own["text"])],
            hovertemplate="%{customdata}<extra></extra>"))
    fig.update_yaxes(tickvals=[position[s] for s in keep], ticktext=[names[s] for s in keep],
                     range=[-0.6, len(keep) - 0.4], showgrid=True)
    fig.update_xaxes(range=[-1.05, 1.05], zeroline=True, title_text="sentence sentiment (VADER compound)")
    fig.update_layout(title="Tone of each shared statement, by side",
                      legend={"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom"})
    layout(fig, height=190 + 36 * len(keep))
    fig.update_layout(margin={"t": 90})
    return fig


def figures_chart(figures: pd.DataFrame, side_labels: Sequence[str]) -> go.Figure:
    """Each disagreement on a figure as a row, each side's number as a dot (with a bar to its
    upper bound when it gives a range)."""
    if figures.empty:
        return empty_figure("The selected sides give no conflicting casualty figures.")
    data = figures.copy()
    data["row"] = data["matched_by"].map(safe) + " · " + data["category"].map(safe)
    data["value"] = data["low"].astype(float)
    data["upper"] = (data["high"].fillna(data["low"]).astype(float) - data["value"]).clip(lower=0)
    data["label"] = data["label"].map(safe)
    data["hover"] = [f"<b>{label}</b>: {safe(figure)}<br>{wrap(text)}" for label, figure, text in zip(data["label"], data["figure"], data["text"])]
    fig = px.scatter(data, x="value", y="row", color="label", error_x="upper", custom_data=["hover"],
                     color_discrete_map=_colors(side_labels), labels={"value": "figure reported", "row": "", "label": ""})
    fig.update_traces(marker={"size": 13, "line": {"width": 1, "color": "white"}},
                      hovertemplate="%{customdata[0]}<extra></extra>")
    fig.update_xaxes(rangemode="tozero")
    rows = data["row"].nunique()
    fig.update_layout(title="Casualty figures the sides disagree on", legend={"orientation": "h", "y": -0.25})
    return layout(fig, height=200 + 40 * rows)


def coverage_chart(coverage: pd.DataFrame, side_labels: Sequence[str], limit: int = MAX_CHART_ENTITIES) -> go.Figure:
    """Entity x side mentions for the most widely named entities: who names whom."""
    if coverage.empty:
        return empty_figure("No entities in the selected articles.")
    top = coverage.head(limit)
    columns = [str(i) for i in range(len(side_labels))]
    z = top[columns].to_numpy(dtype=float)
    # The type goes in the hover; on the axis only where one name has two types (two rows).
    repeated = top["entity"].duplicated(keep=False)
    names = [f"{short(e, 32)} ({safe(type_name(lab))})" if twice else short(e, 32)
             for e, lab, twice in zip(top["entity"], top["label"], repeated)]
    kinds = [[safe(type_name(lab))] * len(side_labels) for lab in top["label"]]
    fig = go.Figure(go.Heatmap(z=z, x=[short(s, 28) for s in side_labels], y=names, colorscale="Oranges",
                               text=z.astype(int), texttemplate="%{text}", colorbar={"title": "mentions"},
                               customdata=kinds,
                               hovertemplate="%{y} (%{customdata}) · %{x}: %{z:.0f} mention(s)<extra></extra>"))
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(title=f"Who names whom (top {len(top)} entities)")
    return layout(fig, height=140 + 24 * len(top))
