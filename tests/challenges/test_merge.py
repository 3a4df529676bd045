"""The merge rule, as a specification: base is the original when adapted (or last pulled),
theirs the original now, ours the adaptation now. Plain values: no database."""

import pytest

from challenges.sharing.merge import (
    BOTH,
    KEEP_BOTH,
    KEEP_OURS,
    OURS,
    SAME,
    TAKE_THEIRS,
    THEIRS,
    match_activities,
    merge_activities,
    resolve,
    three_way,
    unsettled,
)


def merged(base, theirs, ours, choices=None):
    return merge_activities(match_activities(base, theirs, ours), choices)


BASE = [("a1", "Count sticks"), ("a2", "Read a story"), ("a3", "Write a list")]


# A field -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "base, theirs, ours, state",
    [
        ("old", "old", "old", SAME),  # nobody changed it
        ("old", "new", "old", THEIRS),  # only the original changed it: take theirs
        ("old", "old", "mine", OURS),  # only we changed it: keep ours
        ("old", "new", "new", SAME),  # both made the same change: nothing to ask
        ("old", "new", "mine", BOTH),  # both changed it differently: ask
    ],
)
def test_who_changed_a_field(base, theirs, ours, state):
    assert three_way(base, theirs, ours) == state


def test_a_field_takes_theirs_only_when_only_they_changed_it_or_someone_chose_it():
    assert resolve(THEIRS, "new", "old") == "new"
    assert resolve(OURS, "old", "mine") == "mine"
    assert resolve(BOTH, "new", "mine") == "mine"  # not yet chosen: ours stays
    assert resolve(BOTH, "new", "mine", TAKE_THEIRS) == "new"
    assert resolve(BOTH, "new", "mine", KEEP_OURS) == "mine"


# Activities, matched by id -----------------------------------------------------------------------


def test_an_activity_changed_upstream_and_another_changed_here_both_survive_without_a_question():
    theirs = [("a1", "Count sticks in twos"), ("a2", "Read a story"), ("a3", "Write a list")]
    ours = [("a1", "Count sticks"), ("a2", "Read a story"), ("a3", "Write a list of bugs")]
    merges = match_activities(BASE, theirs, ours)
    assert unsettled(merges) == []
    assert merge_activities(merges) == [
        ("a1", "Count sticks in twos"), ("a2", "Read a story"), ("a3", "Write a list of bugs"),
    ]  # fmt: skip


def test_the_same_activity_changed_on_both_sides_asks_once_and_each_answer_does_what_it_says():
    theirs = [("a1", "Count sticks in twos"), ("a2", "Read a story"), ("a3", "Write a list")]
    ours = [("a1", "Count leaves"), ("a2", "Read a story"), ("a3", "Write a list")]
    merges = match_activities(BASE, theirs, ours)
    assert [m.id for m in unsettled(merges)] == ["a1"]
    assert merge_activities(merges)[0] == ("a1", "Count leaves")  # unanswered: ours stays
    assert merge_activities(merges, {"a1": TAKE_THEIRS})[0] == ("a1", "Count sticks in twos")
    assert merge_activities(merges, {"a1": KEEP_OURS})[0] == ("a1", "Count leaves")
    both = merge_activities(merges, {"a1": KEEP_BOTH})
    assert [content for _, content in both[:2]] == ["Count leaves", "Count sticks in twos"]
    # The original's version keeps the id (later updates reach it); ours becomes our own.
    assert both[1][0] == "a1" and both[0][0] not in {"a1", "a2", "a3"}
    assert unsettled(merges, {"a1": KEEP_BOTH}) == []


def test_an_activity_added_upstream_arrives_after_the_one_it_follows_there():
    theirs = [("a1", "Count sticks"), ("new", "Measure a leaf"), ("a2", "Read a story"),
              ("a3", "Write a list")]  # fmt: skip
    ours = [("a3", "Write a list"), ("a1", "Count sticks"), ("a2", "Read a story")]  # reordered
    assert [i for i, _ in merged(BASE, theirs, ours)] == ["a3", "a1", "new", "a2"]


def test_an_activity_added_here_stays():
    ours = [*BASE, ("mine", "Our school garden")]
    assert merged(BASE, BASE, ours) == ours


def test_an_activity_removed_upstream_goes_unless_we_changed_it():
    theirs = [("a1", "Count sticks"), ("a3", "Write a list")]
    assert [i for i, _ in merged(BASE, theirs, BASE)] == ["a1", "a3"]

    ours = [("a1", "Count sticks"), ("a2", "Read our story"), ("a3", "Write a list")]
    merges = match_activities(BASE, theirs, ours)
    (clash,) = unsettled(merges)
    assert clash.id == "a2" and clash.change == "removed"
    assert [i for i, _ in merge_activities(merges)] == ["a1", "a2", "a3"]  # unanswered: kept
    assert [i for i, _ in merge_activities(merges, {"a2": TAKE_THEIRS})] == ["a1", "a3"]
    assert [c for _, c in merge_activities(merges, {"a2": KEEP_BOTH})][1] == "Read our story"


def test_an_activity_we_removed_stays_removed_unless_they_changed_it():
    ours = [("a1", "Count sticks"), ("a3", "Write a list")]
    assert merged(BASE, BASE, ours) == ours

    theirs = [("a1", "Count sticks"), ("a2", "Read a longer story"), ("a3", "Write a list")]
    merges = match_activities(BASE, theirs, ours)
    assert [m.id for m in unsettled(merges)] == ["a2"]
    assert [i for i, _ in merge_activities(merges)] == ["a1", "a3"]  # unanswered: still gone
    assert ("a2", "Read a longer story") in merge_activities(merges, {"a2": TAKE_THEIRS})
    assert [i for i, _ in merge_activities(merges, {"a2": KEEP_OURS})] == ["a1", "a3"]


def test_an_activity_removed_on_both_sides_is_gone_without_a_question():
    both_removed = [("a1", "Count sticks"), ("a3", "Write a list")]
    merges = match_activities(BASE, both_removed, both_removed)
    assert unsettled(merges) == [] and merge_activities(merges) == both_removed


def test_unchanged_activities_are_marked_same():
    merges = match_activities(BASE, BASE, BASE)
    assert {m.state for m in merges} == {SAME}
    assert merge_activities(merges) == BASE
