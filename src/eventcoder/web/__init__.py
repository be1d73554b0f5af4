"""The offline dashboard: templates and static files shipped in the package (no CDN)."""
