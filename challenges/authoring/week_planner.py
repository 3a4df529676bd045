"""The week planner: a weekly project's activity slots as a grid (days down, subjects across, one
column group per age band), each slot's title and text edited in place.

It saves a revision of the same page as the editor does: the same block validation as a draft
save, the same permission and lock checks, one save per page at a time
(challenges/admin_scope/views.py), and the `after_edit_page` hooks. Activities outside the grid
(no weekday, another subject, a second activity in one slot) are kept as they are and listed for
the editor.
"""

import re
from html import unescape

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import escape, strip_tags
from wagtail import hooks
from wagtail.blocks import StreamValue
from wagtail.models import Page
from wagtail.rich_text import RichText

from challenges.authoring.starters import EMPTY_ACTIVITY, WEEKDAYS, WEEKLY_SUBJECTS, slot_title
from challenges.models import LearningChallengePage
from challenges.vocabulary import ActivitySubject, AgeBand, Day

BAND_ORDER = list(AgeBand.values)
# Tags a body may hold and still be edited as plain text in a cell (paragraphs and line breaks).
PLAIN_TAGS = re.compile(r"</?p>|<br\s*/?>", re.IGNORECASE)


def cell_key(day, subject, band):
    return f"{day}-{subject}-{band}"


def body_as_text(body):
    """The text of a body made only of paragraphs, or None when it has other formatting."""
    source = getattr(body, "source", body) or ""
    if "<" in PLAIN_TAGS.sub("", source):
        return None
    text = re.sub(r"</p>\s*<p>", "\n\n", source, flags=re.IGNORECASE)
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.IGNORECASE)
    return unescape(strip_tags(text)).strip()


def text_as_body(text):
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text.strip()) if part.strip()]
    return RichText(
        "".join(f"<p>{escape(part).replace(chr(10), '<br/>')}</p>" for part in paragraphs)
    )


class WeekGrid:
    """The page's activities as a list of [block type, value, id], and the grid's slots in it."""

    def __init__(self, activities):
        self.blocks = [[child.block_type, dict(child.value), child.id] for child in activities]
        self.index()

    def index(self):
        self.cells = {}
        self.others = []
        for position, (block_type, value, _id) in enumerate(self.blocks):
            day, subject = value.get("day"), value.get("subject")
            key = cell_key(day, subject, value.get("age_band") or AgeBand.ALL)
            in_grid = block_type == "activity" and day in Day.values and day != Day.ANY
            if in_grid and subject in WEEKLY_SUBJECTS and key not in self.cells:
                self.cells[key] = position
            elif block_type == "activity":
                self.others.append(value)

    @property
    def bands(self):
        present = {key.rsplit("-", 1)[1] for key in self.cells}
        return [band for band in BAND_ORDER if band in present]

    def value(self, key):
        position = self.cells.get(key)
        return None if position is None else self.blocks[position][1]

    def add(self, day, subject, band, **fields):
        """A new slot, placed after the same day and subject of another band, else after its
        day's last slot, else at the end."""
        value = {
            **EMPTY_ACTIVITY,
            "title": slot_title(day, subject),
            "day": day,
            "subject": subject,
            "age_band": band,
            **fields,
        }
        same_slot = [
            self.cells[cell_key(day, subject, other)]
            for other in BAND_ORDER
            if cell_key(day, subject, other) in self.cells
        ]
        same_day = [position for key, position in self.cells.items() if key.startswith(f"{day}-")]
        anchor = max(same_slot or same_day or [len(self.blocks) - 1])
        self.blocks.insert(anchor + 1, ["activity", value, None])
        self.index()
        return value

    def remove_band(self, band):
        doomed = {position for key, position in self.cells.items() if key.endswith(f"-{band}")}
        self.blocks = [
            block for position, block in enumerate(self.blocks) if position not in doomed
        ]
        self.index()
        return len(doomed)

    def stream(self, stream_block):
        children = stream_block.child_blocks
        return StreamValue(
            stream_block,
            [
                (block_type, children[block_type].normalize(value), block_id)
                for block_type, value, block_id in self.blocks
            ],
        )


def _slot_label(day, subject, band):
    return f"{Day(day).label}, {ActivitySubject(subject).label}, {AgeBand(band).label}"


def apply_typed(grid, data):
    """Each slot's title and text as typed; an empty slot gets an activity once something is
    typed in it. Returns the number of slots changed."""
    changed = 0
    for day in WEEKDAYS:
        for subject in WEEKLY_SUBJECTS:
            for band in BAND_ORDER:
                key = cell_key(day, subject, band)
                title, text = data.get(f"{key}-title"), data.get(f"{key}-body")
                if title is None and text is None:
                    continue
                title, text = (title or "").strip(), (text or "").strip()
                value = grid.value(key)
                if value is None:
                    if title or text:
                        grid.add(day, subject, band, title=title or slot_title(day, subject),
                                 body=text_as_body(text))  # fmt: skip
                        changed += 1
                    continue
                new_title = title or slot_title(day, subject)
                if new_title != value.get("title"):
                    value["title"] = new_title
                    changed += 1
                if data.get(f"{key}-body") is not None and text != body_as_text(value.get("body")):
                    value["body"] = text_as_body(text)
                    changed += 1
    return changed


def grid_errors(grid, error):
    """The stream block's errors, by slot key and field (title, body), in words."""
    by_position = {position: key for key, position in grid.cells.items()}
    errors, elsewhere = {}, []
    for position, block_error in getattr(error, "block_errors", {}).items():
        children = getattr(block_error, "block_errors", {}) or {"title": block_error}
        key = by_position.get(position)
        for field, field_error in children.items():
            words = " ".join(getattr(field_error, "messages", [str(field_error)]))
            if key is not None and field in ("title", "body"):
                errors.setdefault(key, {})[field] = words
            else:
                elsewhere.append(words)
    for message in getattr(error, "non_block_errors", []) or []:
        elsewhere.extend(getattr(message, "messages", [str(message)]))
    return errors, elsewhere


def _editable_page_or_refuse(user, page_id):
    """The challenge, if this user may edit it; 404 when they may not even see it, as elsewhere."""
    challenge = get_object_or_404(LearningChallengePage, pk=page_id)
    if challenge.permissions_for_user(user).can_edit():
        return challenge
    if LearningChallengePage.objects.visible_to(user).filter(pk=challenge.pk).exists():
        raise PermissionDenied
    raise Http404


def _lock_message(page, user):
    lock = page.get_lock()
    if lock is not None and lock.for_user(user):
        return lock.get_message(user) or "This page is locked: it cannot be changed now."
    return None


ACTION_MESSAGES = {
    "save": "The week is saved as a draft.",
    "save_and_edit": "The week is saved as a draft.",
}


def week_planner(request, page_id):
    challenge = _editable_page_or_refuse(request.user, page_id)
    if request.method == "POST":
        return _post(request, challenge)
    grid = WeekGrid(challenge.get_latest_revision_as_object().activities)
    return _render(request, challenge, grid)


def _post(request, challenge):
    lock_message = _lock_message(challenge, request.user)
    if lock_message:
        messages.error(request, f"Nothing was saved. {lock_message} Your text is still below.")
        draft = challenge.get_latest_revision_as_object()
        grid = WeekGrid(draft.activities)
        apply_typed(grid, request.POST)
        return _render(request, challenge, grid, locked=True, status=409)

    try:
        with transaction.atomic():
            done = _save_week(request, challenge)
    except WeekNotSaved as refusal:
        return _render(
            request,
            challenge,
            refusal.grid,
            errors=refusal.errors,
            problem=refusal.problem,
            status=400,
        )

    messages.success(request, done or ACTION_MESSAGES["save"])
    if request.POST.get("action") == "save_and_edit":
        return redirect("wagtailadmin_pages:edit", challenge.pk)
    return redirect("challenges_week_planner", challenge.pk)


class WeekNotSaved(Exception):
    """Raised inside the transaction, so nothing of the attempt is written."""

    def __init__(self, grid, problem, errors=None):
        super().__init__(problem)
        self.grid, self.problem, self.errors = grid, problem, errors or {}


def _save_week(request, challenge):
    # The same lock as the editor's saves: one save per page at a time, on the newest draft.
    Page.objects.select_for_update().only("pk").get(pk=challenge.pk)
    draft = LearningChallengePage.objects.get(pk=challenge.pk).get_latest_revision_as_object()
    grid = WeekGrid(draft.activities)
    apply_typed(grid, request.POST)
    done, problem = _structural_action(request.POST, grid)
    if problem:
        raise WeekNotSaved(grid, problem)

    stream_block = LearningChallengePage._meta.get_field("activities").stream_block
    try:
        # A draft save's validation, as the editor's "Save draft" (required fields deferred).
        draft.activities = stream_block.clean_deferred(grid.stream(stream_block))
    except ValidationError as error:
        errors, elsewhere = grid_errors(grid, error)
        problem = " ".join(["Nothing was saved: fix what is marked.", *elsewhere])
        raise WeekNotSaved(grid, problem, errors) from error

    if not draft.live:
        draft.save()
    draft.save_revision(user=request.user, log_action=True, clean=False)
    for hook in hooks.get_hooks("after_edit_page"):
        hook(request, draft)
    return done


def _structural_action(data, grid):
    """Adds or removes a band across every slot, or copies a slot to another band. Returns the
    message to show, or a problem in words (nothing is then saved)."""
    action = data.get("action", "save")
    if action == "add_band":
        band = data.get("band_to_add", "")
        if band not in AgeBand.values:
            return None, "Choose the age band to add."
        if band in grid.bands:
            return None, f"{AgeBand(band).label} is already in the week."
        for day in WEEKDAYS:
            for subject in WEEKLY_SUBJECTS:
                if grid.value(cell_key(day, subject, band)) is None:
                    grid.add(day, subject, band)
        return f"{AgeBand(band).label} added: a slot on every day for every subject.", None
    if action == "remove_band":
        band = data.get("band_to_remove", "")
        if band not in grid.bands:
            return None, "Choose one of the week's age bands to remove."
        removed = grid.remove_band(band)
        return (
            f"{AgeBand(band).label} removed from the week ({removed} slots). The earlier version "
            "is kept in the page's history.",
            None,
        )
    if action.startswith("copy:"):
        source_key, _, target_band = action[5:].partition(":")
        source = grid.value(source_key)
        if source is None or target_band not in AgeBand.values:
            return None, "That slot cannot be copied: reload the planner and try again."
        day, subject, band = source_key.split("-")
        target = grid.value(cell_key(day, subject, target_band))
        if target is None:
            grid.add(day, subject, target_band, title=source["title"], body=source["body"])
        else:
            target["title"], target["body"] = source["title"], source["body"]
        where = f"{Day(day).label}, {ActivitySubject(subject).label}"
        return (
            f"{where} copied from {AgeBand(band).label} to {AgeBand(target_band).label}.",
            None,
        )
    return None, None


def _render(request, challenge, grid, errors=None, problem=None, locked=False, status=200):
    errors = errors or {}
    bands = grid.bands
    data = request.POST if request.method == "POST" else {}
    rows = []
    for day in WEEKDAYS:
        cells = []
        for band in bands:
            for subject in WEEKLY_SUBJECTS:
                key = cell_key(day, subject, band)
                value = grid.value(key) or {}
                text = body_as_text(value.get("body"))
                default_title = slot_title(day, subject)
                # A title left as it came shows as the field's placeholder, and stays if left empty.
                title = value.get("title", "")
                title = "" if title == default_title else title
                cells.append(
                    {
                        "key": key,
                        "label": _slot_label(day, subject, band),
                        "title": data.get(f"{key}-title", title),
                        "text": data.get(f"{key}-body", text) if text is not None else None,
                        "formatted": value.get("body") if text is None else None,
                        "exists": bool(value),
                        "errors": errors.get(key, {}),
                        "copy_to": [
                            (other, AgeBand(other).label) for other in bands if other != band
                        ],
                    }
                )
        rows.append({"day": Day(day).label, "cells": cells})
    if problem:
        messages.error(request, problem)
    return TemplateResponse(
        request,
        "challenges/admin/week_planner.html",
        {
            "page": challenge,
            "page_title": f"Week planner: {challenge.title}",
            "header_icon": "table",
            "bands": [(band, AgeBand(band).label) for band in bands],
            "subjects": [ActivitySubject(subject).label for subject in WEEKLY_SUBJECTS],
            "rows": rows,
            "bands_to_add": [(band, label) for band, label in AgeBand.choices if band not in bands],
            "others": [
                {"title": value.get("title") or "(untitled)", "day": value.get("day")}
                for value in grid.others
            ],
            "locked": locked or bool(_lock_message(challenge, request.user)),
            "edit_url": reverse("wagtailadmin_pages:edit", args=[challenge.pk]),
            "history_url": reverse("wagtailadmin_pages:history", args=[challenge.pk]),
        },
        status=status,
    )
