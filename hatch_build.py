"""Wheel build hook: ship the built-in roles pre-compiled to JSON.

roles/*.yaml stays the single source (and ships too, for people to read); the
hook validates every role with rolefit's own loader, so a broken role file
fails the build, and adds rolefit/roles.json, which loads in well under a
millisecond where the YAML takes tens. Editable installs read the YAML.
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
            from rolefit.roles import COMPILED_ROLES, compile_roles
        finally:
            sys.path.pop(0)
        self._folder = tempfile.TemporaryDirectory()
        compiled = Path(self._folder.name) / COMPILED_ROLES
        compiled.write_text(compile_roles(Path(self.root) / "roles"), encoding="utf-8")
        build_data["force_include"][str(compiled)] = f"rolefit/{COMPILED_ROLES}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            folder.cleanup()
