"""The lecture builder: renders the chapters of the manifest and assembles the lecture."""
