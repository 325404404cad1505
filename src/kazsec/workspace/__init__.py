"""The user's workspace: their own documents (and later notes and facts), laid out like data/.

`sources/` holds each added document byte for byte, `sources.toml` what is known of it (a
file the user may read and edit; the build reads it), `kb/` their own curated files. The
bundled data is never written; everything here is the user's and is changed only by
atomic writes under a lock (two kazsec processes take turns).
"""
