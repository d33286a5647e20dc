"""The lecture's chapters (one Scene per file) and the modules they share (style, components)."""
