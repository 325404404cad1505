"""Names in any script and romanization folded into comparable match keys, and sorted."""

from kazsec.names.fold import Folded, fold, fold_key, tokens
from kazsec.names.sorting import sort_key

__all__ = ["Folded", "fold", "fold_key", "sort_key", "tokens"]
