"""Compact choice widgets for the Essentials tab: checkboxes in rows by group."""

from django import forms


class GroupedCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes of model choices in one row per group (year groups by key stage, subjects by
    kind), so a long list fits on a few lines."""

    def __init__(self, group_of=None, attrs=None):
        classes = "compact-choices " + (
            "compact-choices--grouped" if group_of else "compact-choices--columns"
        )
        super().__init__(attrs={"class": classes, **(attrs or {})})
        self.group_of = group_of

    def optgroups(self, name, value, attrs=None):
        groups = super().optgroups(name, value, attrs)
        if self.group_of is None:
            return groups
        regrouped, order = {}, []
        for _group, options, _index in groups:
            for option in options:
                instance = getattr(option["value"], "instance", None)
                label = self.group_of(instance) if instance is not None else ""
                if label not in regrouped:
                    regrouped[label] = []
                    order.append(label)
                regrouped[label].append(option)
        return [(label, regrouped[label], index) for index, label in enumerate(order)]
