"""The demo library built by `manage.py load_demo`: the tree and people in `people`, the
challenges as an interchange package (library.zip, read through `package`).

Everything here is invented: the trusts, schools, addresses (ZZ postcodes, 01632 960 drama
numbers, example.org addresses) and contributors. There are no pupil names anywhere.
"""
