"""An unexpected error shows a visitor a short message and an id; the traceback goes to the log."""

import logging
import re
import tomllib

import pytest
from streamlit.runtime.scriptrunner_utils.exceptions import RerunException, StopException
from streamlit.testing.v1 import AppTest

from geo.model import stats
from tests.harness import ROOT
from ui import widgets


def test_a_failing_page_shows_an_error_id_and_no_traceback_or_path(monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError(f"secret detail in {ROOT / 'geo' / 'stats.py'}")

    monkeypatch.setattr(stats, "headline", broken)  # a fault no visitor can cause; stands for any bug
    with caplog.at_level(logging.ERROR, logger="channel_routes"):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    messages = [e.value for e in at.error]
    shown = [m for m in messages if m.startswith("Something went wrong showing this page.")]
    assert len(shown) == 1, messages
    error_id = re.search(r"Error id: ([0-9a-f]{8})\.", shown[0]).group(1)
    everything = " ".join(str(e.value) for e in (*at.error, *at.markdown, *at.caption, *at.title))
    assert "Traceback" not in everything and str(ROOT) not in everything and "secret detail" not in everything
    logged = caplog.text
    assert f"Error id {error_id}" in logged and "secret detail" in logged and "Traceback" in logged
    assert at.sidebar.radio(key="period_mode").value == "Range"  # the rest of the app still stands


@pytest.mark.parametrize("control", [StopException(), RerunException(None)])
def test_streamlit_control_flow_passes_through(control):
    with pytest.raises(type(control)), widgets.errors_logged_not_shown():
        raise control


def test_streamlit_itself_never_shows_error_details():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"
