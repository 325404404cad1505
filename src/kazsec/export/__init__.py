"""What a store holds, written out in formats other tools read (FollowTheMoney, ...).

Pure domain code (no Textual): each format is a module that turns a Library into text.
"""
