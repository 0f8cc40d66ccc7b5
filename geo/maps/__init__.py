"""Maps: folium builders, elements, style, popups and charts."""
