"""The one place where data becomes terminal text: domain rows in, rich `Text` out.

The CLI and the TUI render through these functions alike; every string that comes from
the data or from the user is made inert here (`render.text.inert`), never read as markup.
"""
