"""The source corpus: metadata, the repair pipeline and the passages it yields."""
