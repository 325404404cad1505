"""The curated knowledge base: loading, citation anchoring and mention linking."""
