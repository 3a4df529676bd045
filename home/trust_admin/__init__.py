"""The trust admin's screens, for trust admins who are not superusers: `screen` (the one
screen and its scoping), `people`, `partners`, `languages`, their `forms`, and `urls`."""
