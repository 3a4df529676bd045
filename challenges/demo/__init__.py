"""The demo library built by `manage.py load_demo`: content in `data`, pictures in `illustrations`.

Everything here is invented: the trusts, schools, addresses (ZZ postcodes, 01632 960 drama
numbers, example.org addresses) and contributors. There are no pupil names anywhere.
"""
