"""`manage.py load_demo`: the demo library of challenges/demo/people.py, with generated pictures.

Safe to run again: trusts and schools are found by slug under the home page, challenges by slug
under their parent, users by username and partnerships by their pair of trusts; only what is
missing is created, and existing passwords are left alone.
"""

import time
from collections import Counter

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from challenges.demo import people, translations
from challenges.demo.package import open_demo_package
from challenges.interchange.importer import ImportRefused, SubsetSource, run_import
from challenges.languages.reading import language_name
from challenges.languages.translating import translate
from challenges.models import ChallengeImage, LearningChallengePage
from challenges.vocabulary import Visibility
from home.models import HomePage, Partnership, Role, SchoolPage, TrustPage
from home.roles import role_group

ADMIN_URL = "http://127.0.0.1:8000/admin/"


class Command(BaseCommand):
    help = (
        "Load the demo library: 3 trusts, their schools, a user per role, partnerships and "
        "40+ challenges from the demo package, three of them translated into Polish and Urdu. "
        "Running it again adds only what is missing."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        # One transaction: a failure leaves the database as it was (and the importer removes
        # the files it stored when an import of its own fails).
        with transaction.atomic():
            loader = DemoLoader()
            loader.load()
        elapsed = time.monotonic() - started
        self.print_summary(loader.created, elapsed)
        self.print_logins(loader.pages)

    def print_summary(self, created, elapsed):
        challenges = LearningChallengePage.objects.originals()
        published = challenges.live()
        translated = LearningChallengePage.objects.live().exclude(pk__in=challenges.values("pk"))
        by_visibility = Counter(published.values_list("visibility", flat=True))
        partnerships = Counter(Partnership.objects.values_list("status", flat=True))
        made = ", ".join(f"{count} {what}" for what, count in created.items() if count)

        write = self.stdout.write
        write(self.style.SUCCESS(f"Demo library ready in {elapsed:.1f} s."))
        write(f"  Created this run: {made or 'nothing (everything was already there)'}")
        write(f"  Trusts:       {TrustPage.objects.originals().count()}")
        write(f"  Schools:      {SchoolPage.objects.originals().count()}")
        write(
            f"  Challenges:   {challenges.count()} "
            f"({published.count()} published, {challenges.filter(live=False).count()} drafts)"
        )
        write(
            "  Published by visibility: "
            + ", ".join(f"{value} {by_visibility[value]}" for value in reversed(Visibility.values))
        )
        languages = sorted({language_name(code) for code in translated.values_list(
            "locale__language_code", flat=True)})  # fmt: skip
        write(f"  Translations: {translated.count()} published ({', '.join(languages) or 'none'})")
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
                f"Admin login: {ADMIN_URL}  user {people.SUPERUSER}  "
                f"password {people.DEMO_PASSWORD}"
            )
        )
        write("")
        rows = [(people.SUPERUSER, "Superuser", "Everything")]
        for user in people.USERS:
            where = ", ".join(pages[path].title for path in user.pages)
            rows.append((user.username, Role.Kind(user.role).label, where))
        width = max(len(username) for username, _, _ in rows) + 2
        write(f"  {'Username':<{width}}{'Role':<18}Where")
        for username, role, where in rows:
            write(f"  {username:<{width}}{role:<18}{where}")
        write("")
        write(
            f"Every demo user's password is {people.DEMO_PASSWORD} "
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
        # Hashing is deliberately slow; the demo users share one password, so hash it once.
        self.password_hash = make_password(people.DEMO_PASSWORD)

    def load(self):
        self.admin = self.ensure_superuser()
        self.ensure_trusts_and_schools()
        self.ensure_users()
        self.ensure_partnerships()
        self.load_challenges()
        self.load_translations()

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
            people.SUPERUSER, first_name="Demo", last_name="Admin", is_staff=True, is_superuser=True
        )

    def ensure_users(self):
        for demo_user in people.USERS:
            user = self._get_or_create_user(
                demo_user.username, first_name=demo_user.first_name, last_name=demo_user.last_name
            )
            kind = Role.Kind(demo_user.role)
            user.groups.add(*(role_group(self.pages[path], kind) for path in demo_user.pages))
            self.users[demo_user.username] = user

    def _user_with_role(self, role, path):
        """The first demo user holding `role` on the page at `path`."""
        for demo_user in people.USERS:
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
        for trust in people.TRUSTS:
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
        for partnership in people.PARTNERSHIPS:
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

    # Challenges -------------------------------------------------------------------------------

    def load_challenges(self):
        """The demo package, imported through the importer into each owner's school (or trust)
        as its author; what the demo has published is then published by the trust's moderator
        through Wagtail (so its version is 1, as after any first publish)."""
        handle, package = open_demo_package()
        with handle:
            by_owner = {}
            for uid in package.challenge_uids():
                document = package.read_challenge(uid)
                by_owner.setdefault(self._owner_path(document), []).append(document)
            for owner_path, documents in by_owner.items():
                self._import_owned(package, owner_path, documents)

    @staticmethod
    def _owner_path(document):
        owner = document["owner"]
        trust = next((t for t in people.TRUSTS if t.title == owner["trust"]), None)
        if trust is None:
            raise CommandError(f"The demo package names an unknown trust: {owner['trust']}")
        school = next((s for s in trust.schools if s.title == owner["school"]), None)
        return f"{trust.slug}/{school.slug}" if school else trust.slug

    def _import_owned(self, package, owner_path, documents):
        parent = self.pages[owner_path]
        is_school = isinstance(parent, SchoolPage)
        author = self._user_with_role(
            "school_editor" if is_school else "trust_moderator", owner_path
        )
        moderator = self._user_with_role("trust_moderator", owner_path.partition("/")[0])
        source = SubsetSource(package, [document["uid"] for document in documents])
        try:
            result = run_import(source, parent, user=author, keep_identity=True)
        except ImportRefused as refusal:
            raise CommandError(f"The demo package was refused: {refusal.message}") from None
        published = {document["uid"] for document in documents if document["version"] >= 1}
        for page in result.created:
            if str(page.uid) in published:
                # Wagtail's own publish, so page_published fires and bumps the version.
                page.get_latest_revision().publish(user=moderator)
        self.created["challenges"] += len(result.created)
        if result.created:
            self.created["images"] += len(
                {asset["sha256"] for document in documents for asset in document["assets"]}
            )

    # Families' languages -------------------------------------------------------------------

    def load_translations(self):
        """Published Polish and Urdu translations of three demo challenges (one a weekly
        project), made through wagtail-localize as a translator's PO file makes them and
        published by the trust's moderator."""
        for uid, languages in translations.TRANSLATIONS.items():
            original = LearningChallengePage.objects.filter(uid=uid, live=True).first()
            if original is None:
                continue
            owner = f"{original.trust.slug}/{original.school.slug}" if original.school else ""
            translator = self._user_with_role(
                "school_editor" if owner else "trust_moderator", owner or original.trust.slug
            )
            moderator_id = self._user_with_role("trust_moderator", original.trust.slug).pk
            for code, strings in languages.items():
                if (
                    LearningChallengePage.objects.translations_of(original)
                    .filter(locale__language_code=code)
                    .exists()
                ):
                    continue
                translation = translate(original, code, strings, user=translator, publish=False)
                # Read afresh: Wagtail keeps a user's page permissions on the user object, and
                # the translated tree (with the trust's rights copied to it) is newer than them.
                moderator = User.objects.get(pk=moderator_id)
                translation.get_latest_revision().publish(user=moderator)
                self.created["translations"] += 1
