"""Embed views: counted in the cache, flushed to `EmbedView` rows, and the admin report."""
