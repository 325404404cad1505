"""Where built data lives: the knowledge store (TinyDB JSON) and atomic writes."""

from kazsec.store.atomic import atomic_write_text
from kazsec.store.knowledge import REQUIRED_FIELDS, Store, check_replaceable, write_store

__all__ = ["REQUIRED_FIELDS", "Store", "atomic_write_text", "check_replaceable", "write_store"]
