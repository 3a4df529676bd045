"""`manage.py load_demo`: the demo library of challenges/demo/data.py, with generated pictures.

Safe to run again: trusts and schools are found by slug under the home page, challenges by slug
under their parent, users by username and partnerships by their pair of trusts; only what is
missing is created, and existing passwords are left alone.
"""

import time
from collections import Counter
from io import BytesIO

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Collection
from wagtail.utils.file import hash_filelike

from challenges.demo import data
from challenges.demo.illustrations import hero_jpeg, palette_description
from challenges.models import (
    ChallengeContributor,
    ChallengeImage,
    LearningChallengePage,
    Subject,
    Theme,
    YearGroup,
)
from challenges.vocabulary import Visibility
from home.models import HomePage, Partnership, Role, SchoolPage, TrustPage
from home.roles import role_group

IMAGE_CREDIT = "Illustration: Learning Challenge Library demo"
IMAGE_LICENCE = "CC-BY-4.0"
ADMIN_URL = "http://127.0.0.1:8000/admin/"


class Command(BaseCommand):
    help = (
        "Load the demo library: 3 trusts, their schools, a user per role, partnerships and "
        "40+ challenges with generated pictures. Running it again adds only what is missing."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        # One transaction: a failure leaves the database as it was (generated image files
        # already written to storage stay behind, unreferenced).
        with transaction.atomic():
            loader = DemoLoader()
            loader.load()
        elapsed = time.monotonic() - started
        self.print_summary(loader.created, elapsed)
        self.print_logins(loader.pages)

    def print_summary(self, created, elapsed):
        challenges = LearningChallengePage.objects.all()
        published = challenges.live()
        by_visibility = Counter(published.values_list("visibility", flat=True))
        partnerships = Counter(Partnership.objects.values_list("status", flat=True))
        made = ", ".join(f"{count} {what}" for what, count in created.items() if count)

        write = self.stdout.write
        write(self.style.SUCCESS(f"Demo library ready in {elapsed:.1f} s."))
        write(f"  Created this run: {made or 'nothing (everything was already there)'}")
        write(f"  Trusts:       {TrustPage.objects.count()}")
        write(f"  Schools:      {SchoolPage.objects.count()}")
        write(
            f"  Challenges:   {challenges.count()} "
            f"({published.count()} published, {challenges.filter(live=False).count()} drafts)"
        )
        write(
            "  Published by visibility: "
            + ", ".join(f"{value} {by_visibility[value]}" for value in reversed(Visibility.values))
        )
        write(f"  Images:       {ChallengeImage.objects.count()}")
        write(f"  Users:        {User.objects.count()}")
        write(
            f"  Partnerships: {partnerships[Partnership.Status.ACCEPTED]} accepted, "
            f"{partnerships[Partnership.Status.REQUESTED]} requested"
        )

    def print_logins(self, pages):
        write = self.stdout.write
        write("")
        write(
            self.style.SUCCESS(
                f"Admin login: {ADMIN_URL}  user {data.SUPERUSER}  password {data.DEMO_PASSWORD}"
            )
        )
        write("")
        rows = [(data.SUPERUSER, "Superuser", "Everything")]
        for user in data.USERS:
            where = ", ".join(pages[path].title for path in user.pages)
            rows.append((user.username, Role.Kind(user.role).label, where))
        width = max(len(username) for username, _, _ in rows) + 2
        write(f"  {'Username':<{width}}{'Role':<18}Where")
        for username, role, where in rows:
            write(f"  {username:<{width}}{role:<18}{where}")
        write("")
        write(
            f"Every demo user's password is {data.DEMO_PASSWORD} "
            "(accounts that already existed keep their own)."
        )


class DemoLoader:
    """Creates whatever part of the demo library is missing, counting what it made."""

    def __init__(self):
        self.home = HomePage.objects.first()
        if self.home is None:
            raise CommandError("There is no home page: run `manage.py migrate` first.")
        self.created = Counter()
        self.admin = None  # the superuser: creates the trusts and schools
        self.pages = {}  # "trust" or "trust/school" -> page
        self.users = {}  # username -> User
        self.collections = {}  # "trust" or "trust/school" -> Collection
        self.year_groups = {year.code: year for year in YearGroup.objects.all()}
        self.subjects = {subject.slug: subject for subject in Subject.objects.all()}
        self.themes = {theme.slug: theme for theme in Theme.objects.all()}
        # Hashing is deliberately slow; the demo users share one password, so hash it once.
        self.password_hash = make_password(data.DEMO_PASSWORD)

    def load(self):
        self.admin = self.ensure_superuser()
        self.ensure_trusts_and_schools()
        self.ensure_users()
        self.ensure_partnerships()
        for challenge in data.CHALLENGES:
            self.ensure_challenge(challenge)

    # People -------------------------------------------------------------------------------------

    def _get_or_create_user(self, username, **defaults):
        user, created = User.objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org", **defaults}
        )
        if created or not user.has_usable_password():
            user.password = self.password_hash
            user.save(update_fields=["password"])
        self.created["users"] += created
        return user

    def ensure_superuser(self):
        return self._get_or_create_user(
            data.SUPERUSER, first_name="Demo", last_name="Admin", is_staff=True, is_superuser=True
        )

    def ensure_users(self):
        for demo_user in data.USERS:
            user = self._get_or_create_user(
                demo_user.username, first_name=demo_user.first_name, last_name=demo_user.last_name
            )
            kind = Role.Kind(demo_user.role)
            user.groups.add(*(role_group(self.pages[path], kind) for path in demo_user.pages))
            self.users[demo_user.username] = user

    def _user_with_role(self, role, path):
        """The first demo user holding `role` on the page at `path`."""
        for demo_user in data.USERS:
            if demo_user.role == role and path in demo_user.pages:
                return self.users[demo_user.username]
        raise CommandError(f"The demo data has no {role} for {path}.")

    # Trusts, schools and partnerships ----------------------------------------------------------

    def _add_published(self, parent, page_class, slug, **fields):
        page = page_class.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            # Creating a trust or school sets up its groups, permissions, collections and
            # workflow (home/signals.py).
            page = page_class(slug=slug, owner=self.admin, **fields)
            parent.add_child(instance=page)
            page.save_revision(user=self.admin).publish(user=self.admin)
            self.created["trusts" if page_class is TrustPage else "schools"] += 1
        return page

    def ensure_trusts_and_schools(self):
        for trust in data.TRUSTS:
            trust_page = self._add_published(
                self.home,
                TrustPage,
                trust.slug,
                title=trust.title,
                intro=trust.intro,
                contact_email=trust.contact_email,
                website=trust.website,
                default_licence=trust.default_licence,
                default_visibility=trust.default_visibility,
            )
            self.pages[trust.slug] = trust_page
            for school in trust.schools:
                self.pages[f"{trust.slug}/{school.slug}"] = self._add_published(
                    trust_page,
                    SchoolPage,
                    school.slug,
                    title=school.title,
                    intro=school.intro,
                    contact_email=school.contact_email,
                    phone=school.phone,
                    address=school.address,
                    website=school.website,
                    accent_colour=school.accent_colour,
                    default_share_how=school.default_share_how,
                )

    def ensure_partnerships(self):
        for partnership in data.PARTNERSHIPS:
            requester = self.pages[partnership.requester]
            partner = self.pages[partnership.partner]
            # A pair of trusts has at most one partnership, whichever of them asked.
            if Partnership.objects.filter(
                requester__in=[requester, partner], partner__in=[requester, partner]
            ).exists():
                continue
            request = Partnership.objects.create(
                requester=requester,
                partner=partner,
                requested_by=self._user_with_role("trust_admin", partnership.requester),
            )
            if partnership.accepted:
                partner_admin = self._user_with_role("trust_admin", partnership.partner)
                request.respond(partner_admin, accept=True)
            self.created["partnerships"] += 1

    # Challenges ---------------------------------------------------------------------------------

    def ensure_challenge(self, challenge):
        parent = self.pages[challenge.owner]
        slug = slugify(challenge.title)
        if LearningChallengePage.objects.child_of(parent).filter(slug=slug).exists():
            return

        # A school's editor writes its challenges, the trust's moderator the trust-wide ones;
        # the trust's moderator publishes them all.
        is_school = isinstance(parent, SchoolPage)
        author_role = "school_editor" if is_school else "trust_moderator"
        author = self._user_with_role(author_role, challenge.owner)
        trust_path = challenge.owner.partition("/")[0]
        moderator = self._user_with_role("trust_moderator", trust_path)
        palette = challenge.palette or data.THEME_PALETTES[challenge.themes[0]]

        page = LearningChallengePage(
            title=challenge.title,
            slug=slug,
            owner=author,
            live=False,  # as in the editor: a new page is a draft until its revision is published
            summary=challenge.summary,
            kind=challenge.kind,
            year_groups=self._terms(self.year_groups, challenge.years, "year group"),
            subjects=self._terms(self.subjects, challenge.subjects, "subject"),
            themes=self._terms(self.themes, challenge.themes, "theme"),
            duration_min_minutes=challenge.minutes[0],
            duration_max_minutes=challenge.minutes[1],
            cost=challenge.cost,
            adult_support=challenge.adult_support,
            outcomes=[{"type": "outcome", "value": text} for text in challenge.outcomes],
            materials=[
                {"type": "material", "value": {"item": item, "household_alternative": alternative}}
                for item, alternative in challenge.materials
            ],
            activities=[self._activity_block(activity) for activity in challenge.activities],
            support_ideas=challenge.support_ideas,
            stretch_ideas=challenge.stretch_ideas,
            family_guidance=challenge.family_guidance,
            safety_notes=challenge.safety_notes,
            share_how=challenge.share_how or (parent.default_share_how if is_school else ""),
            share_hashtag=challenge.share_hashtag,
            licence=challenge.licence,  # empty: LearningChallengePage.save uses the trust's
            visibility=challenge.visibility,
            contributors=[ChallengeContributor(display_name=n) for n in challenge.contributors],
            hero_image=self._hero_image(challenge, slug, parent, palette),
            hero_image_decorative=challenge.hero_decorative,
            hero_image_alt=""
            if challenge.hero_decorative
            else (
                f"Illustrated title card reading “{challenge.title}”, on a "
                f"{palette_description(palette)} background with soft shapes."
            ),
        )
        page.tags.set(challenge.tags)
        parent.add_child(instance=page)  # validates the page (full_clean) before saving it
        revision = page.save_revision(user=author, log_action=True)
        if challenge.published:
            # Wagtail's own publish, so page_published fires and bumps the version.
            revision.publish(user=moderator)
        self.created["challenges"] += 1

    @staticmethod
    def _terms(known, wanted, kind):
        missing = [value for value in wanted if value not in known]
        if missing:
            raise CommandError(f"Unknown {kind} in the demo data: {', '.join(missing)}")
        return [known[value] for value in wanted]

    @staticmethod
    def _activity_block(activity):
        return {
            "type": "activity",
            "value": {
                "title": activity.title,
                "day": activity.day,
                "subject": activity.subject,
                "age_band": activity.age_band,
                "needs_screen": activity.needs_screen,
                "body": activity.body,
            },
        }

    # Pictures -----------------------------------------------------------------------------------

    def _collection(self, owner_path):
        """The collection home/roles.py made for the school (inside its trust's), or the nearest
        one that exists: the trust's, else the root."""
        if owner_path not in self.collections:
            trust_path, _, school_slug = owner_path.partition("/")
            names = [self.pages[trust_path].title]
            if school_slug:
                names.append(self.pages[owner_path].title)
            collection = Collection.get_first_root_node()
            for name in names:
                child = collection.get_children().filter(name=name).first()
                if child is None:
                    break
                collection = child
            self.collections[owner_path] = collection
        return self.collections[owner_path]

    def _hero_image(self, challenge, slug, parent, palette):
        title = f"{challenge.title} ({parent.title})"
        image = ChallengeImage.objects.filter(title=title).first()
        if image is not None:
            return image
        jpeg = hero_jpeg(
            challenge.title,
            f"Learning challenge · {parent.title}",
            palette,
            seed=f"{challenge.owner}/{slug}",
        )
        image = ChallengeImage(
            title=title,
            file=ImageFile(BytesIO(jpeg), name=f"demo-{slug}.jpg"),
            credit=IMAGE_CREDIT,
            licence=IMAGE_LICENCE,
            collection=self._collection(challenge.owner),
            file_size=len(jpeg),
            file_hash=hash_filelike(BytesIO(jpeg)),
        )
        image.save()
        self.created["images"] += 1
        return image
