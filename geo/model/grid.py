"""The density grid's cells: squares of a fixed size in degrees, numbered by row and column.

The incidents map's density view sums dead and missing per cell, on the server
(:func:`geo.maps.incident_map.density_cells`) and in the browser (each marker carries
its cell, :func:`geo.maps.route_map.incident_columns`); both take the cell from here.
"""

from __future__ import annotations

import numpy as np

GRID_DEG = 0.1  # about 11 × 7 km at the Strait


def grid_cells(lat, lon, size: float = GRID_DEG) -> tuple[np.ndarray, np.ndarray]:
    """The row and column of the cell holding each point (``floor(lat / size)``, ``floor(lon / size)``).

    >>> rows, cols = grid_cells([50.71, 50.79, -0.05], [1.61, 1.69, -0.01])
    >>> rows.tolist(), cols.tolist()
    ([507, 507, -1], [16, 16, -1])
    """
    return (np.floor(np.asarray(lat, dtype=float) / size).astype(int),
            np.floor(np.asarray(lon, dtype=float) / size).astype(int))
