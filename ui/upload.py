"""The reader's own incident file: read once per file, kept in the session
only, with every refused row and its reason shown. A file with no usable row
leaves the previous upload in use."""

from __future__ import annotations

import streamlit as st

from geo.data.upload import UploadResult, read_upload
from geo.i18n import _, format_number, ngettext
from geo.maps.popups import md_text, text_table

UPLOAD = "upload_result"
UPLOAD_STATE = (UPLOAD, "upload_id", "upload_bytes", "upload_attempt", "f_source")


def uploaded() -> UploadResult | None:
    """The session's upload in use, or None."""
    return st.session_state.get(UPLOAD)


def upload_section() -> None:
    """Choose a file, see what was accepted and refused, get it back, or forget it."""
    st.subheader(_("Your own data"))
    st.caption(_("Upload incidents for this session only: the IOM Global Figures file (Coordinates as "
                 "'lat, lon'), the IOM website download (Number Dead, Incident Date like "
                 "'Tue, 01/27/2026 - 12:00'), a CSV with date, latitude, longitude, dead, missing, or "
                 "GeoJSON points. The shipped data is never changed."))
    file = st.file_uploader(_("Incident file (CSV or GeoJSON)"), type=["csv", "geojson", "json"], key="upload_file")
    if file is not None and st.session_state.get("upload_id") != file.file_id:
        st.session_state.upload_id = file.file_id
        attempt = read_upload(file.name, file.getvalue())
        st.session_state.upload_attempt = attempt
        if attempt.rows is not None:  # a file with no usable row leaves the previous upload in place
            st.session_state.upload_bytes = (file.name, file.getvalue())
            st.session_state[UPLOAD] = attempt
        st.rerun()
    result, attempt = uploaded(), st.session_state.get("upload_attempt")
    shown = attempt if attempt is not None else result
    if shown is None:
        return
    upload_message(shown, result if result is not shown else None)
    if result is None or result.rows is None or "upload_bytes" not in st.session_state:
        return
    name, data = st.session_state.upload_bytes
    st.download_button(_("Download your file back (unchanged)"), data, file_name=name, key="upload_back")
    if st.button(_("Forget my upload"), key="upload_forget"):
        for key in UPLOAD_STATE:
            st.session_state.pop(key, None)
        st.rerun()


def upload_message(result: UploadResult, in_use: UploadResult | None) -> None:
    """The outcome of the last file: counts that add up and every refused row with its reason."""
    if result.error:
        st.error(md_text(result.error))
    elif result.accepted:
        st.success(md_text(result.summary()))
    else:
        st.warning(md_text(result.summary() + " " + _("Nothing was loaded from this file.")))
    if in_use is not None and in_use.rows is not None:
        st.info(md_text(_("Still in use: your earlier file {file} ({count} rows).").format(
            file=in_use.file, count=format_number(in_use.accepted))))
    if result.issues:
        problems = len(result.issues)
        st.markdown("**" + ngettext("Rejected rows ({count} problem)", "Rejected rows ({count} problems)",
                                    problems).format(count=format_number(problems)) + "**")
        st.table(text_table(result.issue_table()))
