"""Where built data lives: the knowledge store (TinyDB JSON) and atomic writes."""

from kazsec.store.atomic import atomic_write_text
from kazsec.store.knowledge import Store, check_replaceable, write_store

__all__ = ["Store", "atomic_write_text", "check_replaceable", "write_store"]
