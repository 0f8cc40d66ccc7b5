"""Data: schemas, loading, uploads and updates."""
