"""What each admin user may see named in Wagtail's admin: pages, images, documents and tags.

Wagtail's own views check what a user may *do*; several of them still name what the user may
not see (a chooser returning any page by id, a bulk screen listing refused items, a message with
a draft title). These small subclasses and filters keep the admin to what the user may read:
challenges they may edit (drafts included) or read live, and media in their collections.
Titles are handled in one place, `home/viewer.py`.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from taggit.models import Tag
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views import chooser
from wagtail.admin.views.pages import bulk_actions as page_bulk
from wagtail.admin.views.pages import workflow
from wagtail.admin.views.pages.move import MoveConfirmView
from wagtail.admin.views.tags import TAGS_AUTOCOMPLETE_LIMIT
from wagtail.admin.viewsets.pages import PageViewSet, page_viewset_registry
from wagtail.documents import get_document_model
from wagtail.documents.views import bulk_actions as document_bulk
from wagtail.images import get_image_model
from wagtail.images.views import bulk_actions as image_bulk
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

from challenges.admin_scope.views import ChallengeCreateView, ChallengeEditView
from challenges.models import LearningChallengePage

MEDIA_ACTIONS = ["add", "change", "delete", "choose"]


# Who may see what ---------------------------------------------------------------------------


def restrict_to_what_user_may_see(pages, user):
    """Challenges appear when the user may edit them (drafts included) or read them live;
    the tree above them (home, trusts, schools) is not secret."""
    if user.is_superuser:
        return pages
    challenge_type = ContentType.objects.get_for_model(LearningChallengePage)
    explorable = PagePermissionPolicy().explorable_instances(user).values("pk")
    visible = LearningChallengePage.objects.visible_to(user).values("pk")
    return pages.filter(~Q(content_type=challenge_type) | Q(pk__in=explorable) | Q(pk__in=visible))


def may_see_page(user, page_id):
    return restrict_to_what_user_may_see(Page.objects.filter(pk=page_id), user).exists()


def media_user_may_see(model, user):
    """Images or documents in a collection where the user holds any permission."""
    policy = policy_registry.get_by_type(model)
    return policy.instances_user_has_any_permission_for(user, MEDIA_ACTIONS)


def media_user_may_choose(items, user):
    """An image or document showing pupils is offered only where the user may change it (their
    own school's collection, or a moderator's trust), never through a choose-only collection."""
    if user.is_superuser:
        return items
    policy = policy_registry.get_by_type(items.model)
    own = policy.collections_user_has_permission_for(user, "change")
    # A list of ids, not a subquery: the chooser's search results take only indexed filters.
    others_showing_pupils = items.model.objects.filter(shows_pupils=True).exclude(
        collection__in=own
    )
    return items.exclude(id__in=list(others_showing_pupils.values_list("pk", flat=True)))


def tags_user_may_see(user):
    """Tags on challenges, images or documents the user may see: never a tag that exists only on
    another school's draft or another trust's files."""
    if user.is_superuser:
        return Tag.objects.all()
    challenges = restrict_to_what_user_may_see(LearningChallengePage.objects.all(), user)
    media_tags = Q()
    for model in (get_image_model(), get_document_model()):
        media_tags |= Q(
            taggit_taggeditem_items__content_type=ContentType.objects.get_for_model(model),
            taggit_taggeditem_items__object_id__in=media_user_may_see(model, user).values("pk"),
        )
    return Tag.objects.filter(
        Q(challenges_challengetag_items__content_object__in=challenges.values("pk")) | media_tags
    ).distinct()


# Page chooser ---------------------------------------------------------------------------------


def with_what_chooser_rows_show(pages):
    """Each chooser row shows its updated date (latest revision), status (workflow), locale and,
    in search, its parent: fetched with the rows, not one row at a time."""
    related = ("latest_revision", "locale")
    pages = pages.select_related(*related).select_related(*related, for_specific_subqueries=True)
    return pages.prefetch_workflow_states().annotate_approved_schedule()


def name_the_parents_at_once(pages):
    """Treebeard caches a page's parent on the page: fill that cache for a list in one query."""
    Page.objects.annotate_parent_page(pages)
    for page in pages:
        page._cached_parent_obj = page._parent_page


class TitleColumnOfChildren(chooser.PageTitleColumn):
    """The title cell names the row's parent, which in "browse" is the page browsed: known."""

    def __init__(self, *args, parent, **kwargs):
        super().__init__(*args, **kwargs)
        self.parent = parent

    def get_cell_context_data(self, instance, parent_context):
        if instance.path != self.parent.path:
            instance._cached_parent_obj = self.parent
        return super().get_cell_context_data(instance, parent_context)


class BrowseView(chooser.BrowseView):
    """Wagtail's chooser filters the children but names any parent given by id."""

    def get(self, request, parent_page_id=None):
        if parent_page_id is not None and not may_see_page(request.user, parent_page_id):
            raise Http404
        return super().get(request, parent_page_id)

    @property
    def columns(self):
        return [
            TitleColumnOfChildren(
                column.name,
                label=column.label,
                is_multiple_choice=column.is_multiple_choice,
                parent=self.parent_page,
            )
            if type(column) is chooser.PageTitleColumn
            else column
            for column in super().columns
        ]


class SearchView(chooser.SearchView):
    """Wagtail's chooser search asks each listed page for its parent, one query per row."""

    def get(self, request):
        response = super().get(request)
        name_the_parents_at_once(response.context_data["pages"].object_list)
        return response


class ChosenMultipleView(chooser.ChosenMultipleView):
    """Wagtail answers any id list with titles, URLs and parents; the chooser's queryset hooks
    decide here too, and the root (which has no parent) is never a choice."""

    def get(self, request):
        pks = [pk for pk in request.GET.getlist("id") if pk.isdigit()]
        pages = Page.objects.filter(pk__in=pks, depth__gt=1)
        for hook in hooks.get_hooks("construct_page_chooser_queryset"):
            pages = hook(pages, request)
        result = [
            {
                "id": page.pk,
                "parentId": page.get_parent().pk,
                "adminTitle": page.get_admin_display_title(),
                "editUrl": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                "url": page.url,
            }
            for page in pages.specific()
        ]
        return self.render_chosen_response(result)


def tag_autocomplete(request, app_name=None, model_name=None):
    """Wagtail's autocomplete offers every tag in the instance; offer only visible ones."""
    if app_name and model_name and (app_name, model_name) != ("taggit", "tag"):
        raise Http404  # every tagged model here uses taggit's Tag
    term = request.GET.get("term", "")
    if not term:
        return JsonResponse([], safe=False)
    names = (
        tags_user_may_see(request.user)
        .filter(name__istartswith=term)
        .order_by("name")
        .values_list("name", flat=True)[:TAGS_AUTOCOMPLETE_LIMIT]
    )
    return JsonResponse(list(names), safe=False)


def explorer_of_visible_pages(view_name):
    """Wagtail's explorer opens any page below the user's explorable root, and a user with roles
    in two schools has their common ancestor as root (the trust, or the home page across
    trusts): a challenge they may not see answers 404 like a missing one. (The explorer of a
    challenge is routed by its parent type, so this cannot live in ChallengePageViewSet.)"""
    routed = page_viewset_registry.as_view(view_name, parent_page_id_kwarg="parent_page_id")

    def explore(request, parent_page_id):
        if not may_see_page(request.user, parent_page_id):
            raise Http404
        return routed(request, parent_page_id=parent_page_id)

    return explore


# URL overrides, mounted before Wagtail's admin URLs (library/urls.py): same paths, same names.
admin_overrides = [
    ("choose-page/", require_admin_access(BrowseView.as_view())),
    ("choose-page/<int:parent_page_id>/", require_admin_access(BrowseView.as_view())),
    ("choose-page/chosen-multiple/", require_admin_access(ChosenMultipleView.as_view())),
    ("choose-page/search/", require_admin_access(SearchView.as_view())),
    ("tag-autocomplete/", require_admin_access(tag_autocomplete)),
    ("tag-autocomplete/<slug:app_name>/<slug:model_name>/", require_admin_access(tag_autocomplete)),
    ("pages/<int:parent_page_id>/", require_admin_access(explorer_of_visible_pages("index"))),
    (
        "pages/<int:parent_page_id>/results/",
        require_admin_access(explorer_of_visible_pages("index_results")),
    ),
]


# Page views routed by page type (Wagtail's PageViewSet) -------------------------------------------


class MoveConfirmIfAllowedView(MoveConfirmView):
    """Wagtail checks the move only on POST; on GET it renders both titles (and a slug message)
    for any page id. Check first, as the POST would."""

    def dispatch(self, request, page_to_move_id, destination_id, *args, **kwargs):
        page = get_object_or_404(Page, id=page_to_move_id)
        destination = get_object_or_404(Page, id=destination_id)
        if not page.permissions_for_user(request.user).can_move_to(destination):
            raise PermissionDenied
        return super().dispatch(request, page_to_move_id, destination_id, *args, **kwargs)


class NamesThePageOnlyToEditors:
    """Wagtail's "not awaiting moderation" messages name the newest draft title of any page id;
    name it only to someone who may edit the page."""

    def add_not_in_moderation_error(self):
        if self.object.permissions_for_user(self.request.user).can_edit():
            return super().add_not_in_moderation_error()
        messages.error(self.request, "This page is not awaiting moderation.")

    def add_error_message(self):  # the preview's "not awaiting moderation in that task"
        if self.object.permissions_for_user(self.request.user).can_edit():
            return super().add_error_message()
        messages.error(self.request, "This page is not awaiting moderation in that task.")


def _names_the_page_only_to_editors(view_class):
    return type(view_class.__name__, (NamesThePageOnlyToEditors, view_class), {})


class ChallengePageViewSet(PageViewSet):
    model = LearningChallengePage
    # A submit that fails only the submission rules still saves the draft (admin_views.py).
    add_view_class = ChallengeCreateView
    edit_view_class = ChallengeEditView
    move_confirm_view_class = MoveConfirmIfAllowedView
    workflow_preview_view_class = _names_the_page_only_to_editors(
        workflow.PreviewRevisionForTaskView
    )
    workflow_action_view_class = _names_the_page_only_to_editors(workflow.WorkflowActionView)
    collect_workflow_action_data_view_class = _names_the_page_only_to_editors(
        workflow.CollectWorkflowActionDataView
    )
    confirm_workflow_cancellation_view_class = _names_the_page_only_to_editors(
        workflow.ConfirmWorkflowCancellationView
    )


# Bulk actions ----------------------------------------------------------------------------------


class NamesOnlyVisibleItems:
    """Wagtail's bulk screens list the selected items a user may not act on by title; list only
    those the user may see, and answer 404 when nothing selected is visible (as for a bad id)."""

    def visible_items(self, items):
        return items

    def get_actionable_objects(self):
        objects, refused = super().get_actionable_objects()
        no_access = refused.get("items_with_no_access", [])
        refused["items_with_no_access"] = self.visible_items(no_access)
        if not objects and no_access and not refused["items_with_no_access"]:
            raise Http404
        return objects, refused


class PageBulkActionNamesOnlyVisible(NamesOnlyVisibleItems):
    def visible_items(self, pages):
        visible = set(
            restrict_to_what_user_may_see(
                Page.objects.filter(pk__in=[page.pk for page in pages]), self.request.user
            ).values_list("pk", flat=True)
        )
        # Specific instances, so the title shown is the one home/viewer.py decides on.
        return [page.specific_deferred for page in pages if page.pk in visible]


class MediaBulkActionNamesOnlyVisible(NamesOnlyVisibleItems):
    def visible_items(self, items):
        visible = set(
            media_user_may_see(self.model, self.request.user)
            .filter(pk__in=[item.pk for item in items])
            .values_list("pk", flat=True)
        )
        return [item for item in items if item.pk in visible]


def bulk_actions_naming_only_visible_items():
    """Subclasses of Wagtail's page, image and document bulk actions (same type, same model),
    registered after Wagtail's so the registry keeps ours."""
    pages = [page_bulk.DeleteBulkAction, page_bulk.MoveBulkAction]
    pages += [page_bulk.PublishBulkAction, page_bulk.UnpublishBulkAction]
    media = [
        getattr(module, name)
        for module in (image_bulk, document_bulk)
        for name in ("AddTagsBulkAction", "AddToCollectionBulkAction", "DeleteBulkAction")
    ]
    return [type(cls.__name__, (PageBulkActionNamesOnlyVisible, cls), {}) for cls in pages] + [
        type(cls.__name__, (MediaBulkActionNamesOnlyVisible, cls), {}) for cls in media
    ]
