"""The URL holds the view: every page keeps its query string in step with its
widgets, so a copied link reopens the same view. A bad value in a link gets a
message and the default, never an error; the message stays until the reader
changes what it is about (a rerun from the map or a chart does not hide it)."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from geo.i18n import _
from geo.maps.popups import md_text
from geo.model.filters import url_choice


def query_values(key: str) -> list[str]:
    """Every value of a repeated query parameter."""
    return list(st.query_params.get_all(key))


def sync_query(wanted: dict[str, object], keys: tuple[str, ...]) -> None:
    """Make the query string hold ``wanted`` for ``keys`` (lists repeat the key),
    leaving every other parameter (the period's) alone."""
    current = {k: (query_values(k) if len(query_values(k)) != 1 else query_values(k)[0])
               for k in keys if k in st.query_params}
    if current == wanted:
        return
    for key in keys:
        if key in st.query_params and key not in wanted:
            del st.query_params[key]
    for key, value in wanted.items():
        st.query_params[key] = value


LINK_NOTES = "link_notes"


def keep_link_note(key: str, note: str | None, value: object) -> None:
    """Remember ``note`` about a link's bad value, which was replaced by ``value``."""
    if note:
        st.session_state.setdefault(LINK_NOTES, {})[key] = (note, value)


def show_link_note(key: str, value: object, place=None) -> None:
    """Show the note kept for ``key`` while its setting still holds the value
    it was given; forget it once the reader has chosen something else."""
    notes = st.session_state.get(LINK_NOTES, {})
    if key not in notes:
        return
    note, given = notes[key]
    if value != given:
        del notes[key]
        return
    (place or st).warning(md_text(note))


def url_radio(label: str, choices: Mapping[str, str], *, param: str, state_key: str, default: str) -> str:
    """A horizontal radio whose choice lives in the URL as ``param`` (left out
    at ``default``). ``choices`` maps each value to its untranslated label.

    The link is read on the session's first run; a value that is not a choice
    shows the usual message and the default."""
    if state_key not in st.session_state:
        choice, note = url_choice(param, st.query_params.get(param, default), choices, default)
        st.session_state[state_key] = choice
        keep_link_note(param, note, choice)
    show_link_note(param, st.session_state[state_key])
    chosen = st.radio(label, list(choices), key=state_key, format_func=lambda value: _(choices[value]),
                      horizontal=True)
    sync_query({} if chosen == default else {param: chosen}, (param,))
    return chosen
