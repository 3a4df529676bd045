"""Admin wiring for challenges: taxonomy snippets and choosers that respect school boundaries."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail import hooks
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import LearningChallengePage, Subject, Theme
from .visibility import visible_to


class SubjectViewSet(SnippetViewSet):
    model = Subject
    icon = "tag"
    list_display = ["name", "slug", "group"]
    list_filter = ["group"]
    search_fields = ["name"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    menu_label = "Taxonomy"
    menu_icon = "folder-open-inverse"
    items = (SubjectViewSet, ThemeViewSet)


register_snippet(TaxonomyViewSetGroup)


def restrict_to_what_user_may_see(pages, user):
    """Other schools' challenges appear only when the user may read them live, never as drafts."""
    if user.is_superuser:
        return pages
    challenge_type = ContentType.objects.get_for_model(LearningChallengePage)
    explorable = PagePermissionPolicy().explorable_instances(user).values("pk")
    visible = visible_to(user).values("pk")
    return pages.filter(~Q(content_type=challenge_type) | Q(pk__in=explorable) | Q(pk__in=visible))


@hooks.register("construct_page_chooser_queryset")
def chooser_respects_schools(pages, request):
    return restrict_to_what_user_may_see(pages, request.user)


@hooks.register("construct_explorer_page_queryset")
def explorer_respects_schools(parent_page, pages, request):
    return restrict_to_what_user_may_see(pages, request.user)


@hooks.register("construct_reports_menu")
def hide_cross_school_reports(request, menu_items):
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]
