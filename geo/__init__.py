"""Channel Routes: data, measurement, routing and maps. Never imports streamlit."""
