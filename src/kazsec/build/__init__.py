"""The build side: compile data/ into a store, fingerprint its inputs, keep it current, check it.

Nothing here is imported when the app or a read-only command starts, except the
freshness check (`kazsec.build.freshness`), which hashes files and imports no pipeline.
"""
