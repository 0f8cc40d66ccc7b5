"""Model: period, filters, figures, places, measurement, routing and corridors."""
