"""Wheel build hook: ship the built-in roles compiled, and indexed for matching.

roles/*.yaml stays the single source (and ships too, for people to read); the
hook validates every role with rolefit's own loader, so a broken role file
fails the build, and adds rolefit/roles.pickle (the role model, loaded far
faster than the YAML is read), rolefit/prepared.pickle (the matcher and role
indexes, loaded far faster than they are built; `benchmarks/tricks.py` prints
both) and rolefit/text.pickle (what reading a résumé or a posting needs: see
rolefit.texts.prepared; `benchmarks/extraction.py`).
Editable installs build all three at run time.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompiledRolesHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "compiled-roles"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        sys.path.insert(0, str(Path(self.root) / "src"))
        try:
            from rolefit.formats.roles import COMPILED_ROLES, compile_roles, load_compiled_roles
            from rolefit.scoring.assess import PREPARED, compile_prepared
            from rolefit.texts.build import compile_text
            from rolefit.texts.prepared import TEXT_PREPARED
        finally:
            sys.path.pop(0)
        self._folder = tempfile.TemporaryDirectory()
        compiled = Path(self._folder.name) / COMPILED_ROLES
        compiled_bytes = compile_roles(Path(self.root) / "roles")
        compiled.write_bytes(compiled_bytes)
        build_data["force_include"][str(compiled)] = f"rolefit/{COMPILED_ROLES}"
        # The same roles as the package will load them, indexed for matching.
        roles = load_compiled_roles(compiled_bytes)
        if roles is None:
            raise RuntimeError("the compiled roles do not load")
        prepared = Path(self._folder.name) / PREPARED
        prepared_bytes = compile_prepared(roles)
        prepared.write_bytes(prepared_bytes)
        build_data["force_include"][str(prepared)] = f"rolefit/{PREPARED}"
        # What reading a résumé or a posting needs, for that matcher (rolefit.texts.prepared).
        text_prepared = Path(self._folder.name) / TEXT_PREPARED
        text_prepared.write_bytes(compile_text(prepared_bytes, roles))
        build_data["force_include"][str(text_prepared)] = f"rolefit/{TEXT_PREPARED}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            folder.cleanup()
