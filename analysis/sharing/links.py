"""The links a share gives: one that opens the articles, one (private) that deletes the share."""

from __future__ import annotations

from urllib.parse import urlencode

SHARE_PARAM = "share"
DELETE_PARAM = "unshare"


def with_query(address: str, params: dict[str, list[str]]) -> str:
    """`address` (scheme, host and path, no query) with `params` as its query string."""
    query = urlencode([(key, value) for key, values in params.items() for value in values])
    return f"{address}?{query}" if query else address


def share_link(base_url: str, token: str) -> str:
    """The link that opens a share on the dashboard at `base_url`, on its default page."""
    return with_query(base_url.rstrip("/") + "/", {SHARE_PARAM: [token]})


def delete_link(base_url: str, delete_token: str) -> str:
    """The private link that offers to delete a share."""
    return with_query(base_url.rstrip("/") + "/", {DELETE_PARAM: [delete_token]})
