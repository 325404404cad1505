"""Names in any script and romanization folded into comparable match keys."""

from kazsec.names.fold import Folded, fold, fold_key, tokens

__all__ = ["Folded", "fold", "fold_key", "tokens"]
