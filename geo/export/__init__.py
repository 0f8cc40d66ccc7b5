"""Export: the explainer, its story and metadata, embeds, pictures and downloads."""
