"""The explorer's export key: the open entry's dossier written to the user's exports folder.
Mixed into the explorer screen, above the notebook's actions."""

from __future__ import annotations

from kazsec.errors import KazsecError
from kazsec.render.text import inert
from kazsec.tui.screens.notebook_actions import NotebookActions


class ExportActions(NotebookActions):
    """Export what the explorer has open."""

    def action_export_dossier(self) -> None:
        """Write the open person's, body's or event's dossier (Markdown) and say where."""
        from kazsec.export.dossier import DOSSIER_KINDS, write_dossier
        from kazsec.paths import exports_dir

        library = self.library
        entity = getattr(self, "entity_id", None)
        if library is None or not entity or library.kind_of(entity) not in DOSSIER_KINDS:
            self.notify("Open a person, body or event first.", markup=False)
            return
        try:
            path = write_dossier(library, entity, exports_dir())
        except (KazsecError, OSError) as exc:  # a full disk, a folder not ours: said, not raised
            self.notify(
                inert(f"Could not write the dossier: {exc}"), markup=False, severity="error"
            )
            return
        self.notify(inert(f"Dossier written to {path}"), markup=False, timeout=8)
