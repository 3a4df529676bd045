"""Admin wiring for challenges: taxonomy snippets and choosers that respect school boundaries."""

from django.contrib import messages
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.search import SearchArea
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from challenges.admin_scope.privacy import (
    ChallengePageViewSet,
    bulk_actions_naming_only_visible_items,
    media_user_may_choose,
    restrict_to_what_user_may_see,
)
from challenges.admin_scope.views import (
    can_take_offline,
    copy_challenge,
    new_challenge,
    new_challenge_from_starter,
    parents_for_new_challenges,
    take_offline,
)
from challenges.authoring.week_planner import week_planner
from challenges.channels.website_kit import may_open_kit, schools_with_kits, website_kit
from challenges.embed_stats.report import may_see_report
from challenges.embed_stats.views import embed_views_report
from challenges.languages.views import may_submit_translation, submit_translation
from challenges.models import LearningChallengePage, Subject, Theme
from challenges.models.adaptations import adaptation_banner
from challenges.sharing.adapt import adapt_view, adaptable_search, user_may_adapt
from challenges.sharing.notify import changed_count_phrase
from challenges.sharing.upstream import pending_updates
from challenges.sharing.upstream_views import check_library_now, update_detail, updates_index
from home.models import SchoolPage


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


@hooks.register("construct_page_chooser_queryset")
def chooser_respects_schools(pages, request):
    return restrict_to_what_user_may_see(pages, request.user)


@hooks.register("construct_explorer_page_queryset")
def explorer_respects_schools(parent_page, pages, request):
    return restrict_to_what_user_may_see(pages, request.user)


@hooks.register("register_admin_viewset")
def register_challenge_page_viewset():
    return ChallengePageViewSet()


# After Wagtail's own registrations (order 0), so the bulk action registry keeps ours.
for bulk_action in bulk_actions_naming_only_visible_items():
    hooks.register("register_bulk_action", bulk_action, order=100)


@hooks.register("construct_image_chooser_queryset")
def image_chooser_offers_only_usable_images(images, request):
    return media_user_may_choose(images, request.user)


@hooks.register("construct_document_chooser_queryset")
def document_chooser_offers_only_usable_documents(documents, request):
    return media_user_may_choose(documents, request.user)


@hooks.register("construct_reports_menu")
def hide_cross_school_reports(request, menu_items):
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


class TakeOfflineMenuItem(ActionMenuItem):
    """For editors who cannot publish (moderators have Wagtail's own Unpublish)."""

    label = "Take offline now"
    name = "action-take-offline"
    icon_name = "warning"

    def is_shown(self, context):
        page = context.get("page")
        if context["view"] != "edit" or not isinstance(page, LearningChallengePage):
            return False
        tester = self.get_user_page_permissions_tester(context)
        return can_take_offline(context["request"].user, page) and not tester.can_unpublish()

    def get_url(self, parent_context):
        return reverse("challenges_take_offline", args=[parent_context["page"].pk])


@hooks.register("register_page_action_menu_item")
def register_take_offline_menu_item():
    return TakeOfflineMenuItem(order=60)


@hooks.register("register_admin_urls")
def register_challenge_admin_urls():
    return [
        path(
            "challenges/<int:page_id>/take-offline/", take_offline, name="challenges_take_offline"
        ),
        path("challenges/new/", new_challenge, name="challenges_new"),
        path("challenges/new/<int:parent_id>/", new_challenge, name="challenges_new_in"),
        path(
            "challenges/new/<int:parent_page_id>/<slug:starter>/",
            new_challenge_from_starter,
            name="challenges_new_from_starter",
        ),
        path(
            "challenges/new/<int:parent_id>/copy/<int:page_id>/",
            copy_challenge,
            name="challenges_copy",
        ),
        path("challenges/<int:page_id>/week/", week_planner, name="challenges_week_planner"),
    ]


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def open_week_planner_after_saving(request, page):
    """The editor's "Save and open the week planner": saved like "Save draft", then the planner."""
    if request.POST.get("open-week-planner") and page.specific_class is LearningChallengePage:
        return redirect("challenges_week_planner", page.pk)
    return None


@hooks.register("register_page_header_buttons")
def week_planner_in_page_header_buttons(page, user, view_name, next_url=None):
    """The editor's way to the week planner (the planner links back to the editor)."""
    if page.specific_class is LearningChallengePage and page.permissions_for_user(user).can_edit():
        yield Button(
            "Week planner",
            reverse("challenges_week_planner", args=[page.pk]),
            icon_name="table",
            priority=30,
        )


@hooks.register("before_create_page")
def offer_starting_points(request, parent_page, page_class):
    """The ⊕ beside a school opens "New challenge" (starting points), not a blank form."""
    if (
        issubclass(page_class, LearningChallengePage)
        and request.method == "GET"
        and not hasattr(request, "challenge_starter")
    ):
        return redirect("challenges_new_in", parent_page.pk)
    return None


class NewChallengePanel(Component):
    name = "new_challenge"
    order = 10
    template_name = "challenges/admin/new_challenge_panel.html"

    def get_context_data(self, parent_context=None):
        return {"url": reverse("challenges_new")}


@hooks.register("construct_homepage_panels")
def add_new_challenge_button(request, panels):
    if parents_for_new_challenges(request.user):
        panels.insert(0, NewChallengePanel())


# Embed usage report ------------------------------------------------------------------------------


class EmbedViewsMenuItem(MenuItem):
    """Shown to trust moderators, trust admins and superusers; school editors have no report."""

    def is_shown(self, request):
        return may_see_report(request.user)


@hooks.register("register_reports_menu_item")
def register_embed_views_menu_item():
    return EmbedViewsMenuItem(
        "Embed views",
        reverse("challenges_embed_views"),
        name="embed-views",
        icon_name="code",
        order=1300,
    )


@hooks.register("register_admin_urls")
def register_embed_views_admin_urls():
    return [path("challenges/embed-views/", embed_views_report, name="challenges_embed_views")]


# A school's website kit: from the school in the explorer, and from the dashboard ---------------


@hooks.register("register_admin_urls")
def register_website_kit_admin_urls():
    return [
        path("schools/<int:school_id>/website-kit/", website_kit, name="challenges_website_kit"),
    ]


def _website_kit_button(page, user, priority):
    if page.specific_class is SchoolPage and may_open_kit(user, page):
        yield Button(
            "Website kit",
            reverse("challenges_website_kit", args=[page.pk]),
            icon_name="code",
            priority=priority,
        )


@hooks.register("register_page_listing_more_buttons")
def website_kit_in_listing_more_buttons(page, user, next_url=None):
    yield from _website_kit_button(page, user, priority=15)


@hooks.register("register_page_header_buttons")
def website_kit_in_page_header_buttons(page, user, view_name, next_url=None):
    yield from _website_kit_button(page, user, priority=25)


class WebsiteKitPanel(Component):
    name = "website_kit"
    order = 30
    template_name = "challenges/admin/website_kit_panel.html"

    def __init__(self, schools):
        self.schools = schools

    def get_context_data(self, parent_context=None):
        return {
            "kits": [
                (school, reverse("challenges_website_kit", args=[school.pk]))
                for school in self.schools
            ]
        }


@hooks.register("construct_homepage_panels")
def add_website_kit_panel(request, panels):
    schools = schools_with_kits(request.user)
    if schools:
        panels.append(WebsiteKitPanel(schools))


# Adapt for my school -----------------------------------------------------------------------------


@hooks.register("register_admin_urls")
def register_adapt_admin_urls():
    return [
        path("challenges/<int:page_id>/adapt/", adapt_view, name="challenges_adapt"),
        path("challenges/updates/", updates_index, name="challenges_upstream_index"),
        path("challenges/to-adapt/", adaptable_search, name="challenges_adaptable_search"),
        path("challenges/<int:page_id>/upstream/", update_detail, name="challenges_upstream"),
        path(
            "challenges/partner-libraries/<int:library_id>/check/",
            check_library_now,
            name="challenges_check_library",
        ),
    ]


# Families' languages: a translation goes to the trust's review like any other change -------------


@hooks.register("register_admin_urls")
def register_translation_admin_urls():
    return [
        path(
            "challenges/<int:page_id>/submit-translation/",
            submit_translation,
            name="challenges_submit_translation",
        ),
    ]


def _submit_translation_button(page, user, priority):
    if page.specific_class is LearningChallengePage:
        page = page.specific_deferred
        if may_submit_translation(user, page):
            yield Button(
                "Submit translation for review",
                reverse("challenges_submit_translation", args=[page.pk]),
                icon_name="site",
                priority=priority,
            )


@hooks.register("register_page_listing_more_buttons")
def submit_translation_in_listing_more_buttons(page, user, next_url=None):
    yield from _submit_translation_button(page, user, priority=20)


@hooks.register("register_page_header_buttons")
def submit_translation_in_page_header_buttons(page, user, view_name, next_url=None):
    yield from _submit_translation_button(page, user, priority=30)


class FollowedChangesPanel(Component):
    """The dashboard tells an adapting school's editors that originals they follow changed."""

    name = "followed_changes"
    order = 20
    template_name = "challenges/admin/followed_changes_panel.html"

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context=None):
        return {
            "count": self.count,
            "phrase": changed_count_phrase(self.count),
            "url": reverse("challenges_upstream_index"),
        }


@hooks.register("construct_homepage_panels")
def add_followed_changes_panel(request, panels):
    if not user_may_adapt(request.user):
        return
    count = len(pending_updates(request.user))
    if count:
        panels.insert(0, FollowedChangesPanel(count))


class UpstreamMenuItem(MenuItem):
    def is_shown(self, request):
        return user_may_adapt(request.user)


@hooks.register("register_reports_menu_item")
def register_upstream_menu_item():
    return UpstreamMenuItem(
        "Updates from originals",
        reverse("challenges_upstream_index"),
        name="upstream-updates",
        icon_name="history",
        order=1310,
    )


def _adapt_button(page, user, priority):
    # The view itself checks visibility, licence and the chosen school.
    if page.specific_class is LearningChallengePage and user_may_adapt(user):
        yield Button(
            "Adapt for my school",
            reverse("challenges_adapt", args=[page.pk]),
            icon_name="copy",
            priority=priority,
        )


@hooks.register("register_page_listing_more_buttons")
def adapt_in_listing_more_buttons(page, user, next_url=None):
    yield from _adapt_button(page, user, priority=25)


@hooks.register("register_page_header_buttons")
def adapt_in_page_header_buttons(page, user, view_name, next_url=None):
    yield from _adapt_button(page, user, priority=35)


class AdaptableSearchArea(SearchArea):
    def is_shown(self, request):
        return user_may_adapt(request.user)


@hooks.register("register_admin_search_area")
def register_adaptable_search_area():
    return AdaptableSearchArea(
        "Challenges to adapt",
        reverse("challenges_adaptable_search"),
        name="challenges-to-adapt",
        icon_name="copy",
        order=150,
    )


# The editor's script (character counts, "Copied") and the admin styles of our panels ----------


@hooks.register("insert_editor_js")
def editor_js():
    return format_html(
        '<script src="{}" defer></script><script src="{}" defer></script>',
        static("js/editor.js"),
        static("js/save_after_autosave.js"),
    )


@hooks.register("insert_global_admin_css")
def editor_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/editor.css"))


# Packages: export download and import screens (challenges/interchange/wagtail_hooks.py).
from challenges.interchange import wagtail_hooks as interchange_hooks  # noqa: E402, F401


@hooks.register("before_edit_page")
def say_what_an_adaptation_is(request, page):
    """Until first published, an adaptation's editor names its original and the fields to check."""
    if request.method != "GET" or page.specific_class is not LearningChallengePage:
        return None
    banner = adaptation_banner(page.specific)
    if banner:
        messages.warning(request, banner)
    return None
