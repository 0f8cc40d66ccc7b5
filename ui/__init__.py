"""The Streamlit side: caching, URL state, widgets and the in-place map; geo never imports it."""
