"""``python -m voice fetch | say TEXT OUT.wav [--voice kokoro|flite] | accept ID TEXT``."""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

from . import artefacts
from .recordings import SentenceId, accept_recording
from .synth import synthesize


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m voice", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("fetch", help="assemble and check the Kokoro model and voice in the cache")
    say = sub.add_parser("say", help="speak TEXT into OUT (a 24 kHz mono wav)")
    say.add_argument("text")
    say.add_argument("out", type=Path)
    say.add_argument("--voice", choices=["kokoro", "flite"], default="kokoro")
    acc = sub.add_parser("accept", help="mark the recording of sentence ID as reading TEXT")
    acc.add_argument("id", help="chapter/beat/NN, e.g. sparsity/norm-curves/01")
    acc.add_argument("text")
    args = parser.parse_args(argv)
    try:
        if args.command == "fetch":
            for path in artefacts.fetch():
                print(f"ok  {path}")
        elif args.command == "say":
            start = time.perf_counter()
            speech = synthesize(args.text, args.voice)
            took = time.perf_counter() - start
            args.out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(speech.path, args.out)
            how = "from the cache" if speech.cached else f"synthesized in {took:.1f} s"
            print(f"{args.out}: {speech.duration:.2f} s, {args.voice}, {how}\n"
                  f"words: {speech.words}")
        else:
            print(f"ok  {accept_recording(SentenceId.parse(args.id), args.text)}")
    except (artefacts.ArtefactError, FileNotFoundError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
