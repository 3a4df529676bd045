"""The demo library's tree and people: trusts, schools, users and partnerships.

The challenges themselves are an interchange package (challenges/demo/library.zip) that
`load_demo` imports through the importer. Pages are named by their path below the home page:
"riverside" is a trust and "riverside/kingfisher" one of its schools. Everything is invented
(ZZ postcodes, 01632 960 drama numbers, example.org addresses); no pupil is named anywhere.
"""

from dataclasses import dataclass

DEMO_PASSWORD = "admin-demo-2026"
SUPERUSER = "admin"


# ---------------------------------------------------------------------------------------------
# Trusts and schools
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class School:
    slug: str
    title: str
    intro: str
    contact_email: str
    phone: str
    address: str
    accent_colour: str
    default_share_how: str

    @property
    def website(self):
        return f"https://{self.slug}.example.org/"


@dataclass(frozen=True)
class Trust:
    slug: str
    title: str
    intro: str
    contact_email: str
    website: str
    default_licence: str
    default_visibility: str
    schools: tuple


TRUSTS = [
    Trust(
        slug="riverside",
        title="Riverside Learning Trust",
        intro="Three schools along the River Ash, from nursery to sixth form, sharing what works "
        "for families.",
        contact_email="hello@riverside-trust.example.org",
        website="https://riverside-trust.example.org/",
        default_licence="CC-BY-4.0",
        default_visibility="trust",
        schools=(
            School(
                slug="kingfisher",
                title="Kingfisher Primary Academy",
                intro="A two-form entry primary academy with a nursery, on the edge of Ashbridge.",
                contact_email="office@kingfisher.example.org",
                phone="01632 960114",
                address="Kingfisher Way\nAshbridge\nZZ1 4KP",
                accent_colour="1D70B8",
                default_share_how="Email a photo of your work to office@kingfisher.example.org "
                "with your child's class (not their name) in the subject line, or bring it in "
                "to show your teacher.",
            ),
            School(
                slug="millbrook",
                title="Millbrook Primary School",
                intro="A one-form entry village primary school with a forest school area.",
                contact_email="office@millbrook.example.org",
                phone="01632 960231",
                address="Mill Lane\nAshbridge\nZZ1 7MB",
                accent_colour="00703C",
                default_share_how="Share a photo on your class page of the school's learning "
                "platform, or bring your work to the Friday celebration assembly.",
            ),
            School(
                slug="weir-valley",
                title="Weir Valley Academy",
                intro="An 11 to 18 secondary academy serving Ashbridge and the villages of the "
                "Weir Valley.",
                contact_email="enquiries@weir-valley.example.org",
                phone="01632 960478",
                address="Valley Road\nLower Ashbridge\nZZ2 3WV",
                accent_colour="6F2C91",
                default_share_how="Hand your work to your form tutor or upload it to the "
                "assignment on the school's learning platform.",
            ),
        ),
    ),
    Trust(
        slug="oakfield",
        title="Oakfield Academies Trust",
        intro="Primary and infant schools in and around Kelderby, working together on early "
        "reading, outdoor learning and family engagement.",
        contact_email="info@oakfield-trust.example.org",
        website="https://oakfield-trust.example.org/",
        default_licence="CC-BY-SA-4.0",
        default_visibility="partners",
        schools=(
            School(
                slug="oak",
                title="Oak Primary School",
                intro="A friendly primary school at the heart of Kelderby, with its own allotment.",
                contact_email="office@oak.example.org",
                phone="01632 960302",
                address="Church Street\nKelderby\nZZ4 2OK",
                accent_colour="A33B20",
                default_share_how="Send a photo to office@oak.example.org or pop your work in "
                "the 'Look what I did!' box in the school reception.",
            ),
            School(
                slug="hollybush",
                title="Hollybush Primary Academy",
                intro="A three-form entry primary academy on the Hollybush estate.",
                contact_email="admin@hollybush.example.org",
                phone="01632 960355",
                address="Hollybush Road\nKelderby\nZZ4 6HB",
                accent_colour="2E7D32",
                default_share_how="Upload a photo to your class page on the learning platform "
                "or bring it in for the class display.",
            ),
            School(
                slug="ashgrove",
                title="Ashgrove Infant and Nursery School",
                intro="Nursery, Reception and Key Stage 1 in a leafy corner of Kelderby.",
                contact_email="office@ashgrove.example.org",
                phone="01632 960389",
                address="Grove Avenue\nKelderby\nZZ4 9AG",
                accent_colour="C2185B",
                default_share_how="Show your key worker or class teacher at drop-off, or email "
                "a photo to office@ashgrove.example.org.",
            ),
        ),
    ),
    Trust(
        slug="northern-lights",
        title="Northern Lights MAT",
        intro="A coastal multi-academy trust of primary and secondary schools from Northholme "
        "to Saltwick Bay.",
        contact_email="contact@northern-lights.example.org",
        website="https://northern-lights.example.org/",
        default_licence="CC-BY-NC-4.0",
        default_visibility="trust",
        schools=(
            School(
                slug="aurora",
                title="Aurora Primary Academy",
                intro="A primary academy with a resourced provision for pupils with speech, "
                "language and communication needs.",
                contact_email="office@aurora.example.org",
                phone="01632 960512",
                address="Aurora Crescent\nNorthholme\nZZ7 1AU",
                accent_colour="00838F",
                default_share_how="Email a photo to office@aurora.example.org or share it with "
                "your teacher in the home-school reading record.",
            ),
            School(
                slug="fellside",
                title="Fellside Primary School",
                intro="A small rural primary school with mixed-age classes.",
                contact_email="office@fellside.example.org",
                phone="01632 960547",
                address="Back Lane\nFellside\nZZ7 8FS",
                accent_colour="5D4037",
                default_share_how="Bring your work to school for the 'Fellside Finds' display, "
                "or ask a grown-up to email office@fellside.example.org.",
            ),
            School(
                slug="harbour-view",
                title="Harbour View Academy",
                intro="An 11 to 16 academy overlooking the harbour at Saltwick Bay.",
                contact_email="reception@harbour-view.example.org",
                phone="01632 960588",
                address="Harbour Road\nSaltwick Bay\nZZ8 2HV",
                accent_colour="0D47A1",
                default_share_how="Submit your work to the matching assignment on the learning "
                "platform, or hand it to your tutor.",
            ),
        ),
    ),
]


# ---------------------------------------------------------------------------------------------
# People and partnerships
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    role: str  # a home.models.Role.Kind value
    pages: tuple  # the schools (school editors) or the trust (moderators, admins)


USERS = [
    DemoUser(
        "editor.kingfisher",
        "Kingfisher",
        "Editor",
        "school_editor",
        ("riverside/kingfisher",),
    ),
    DemoUser("editor.millbrook", "Millbrook", "Editor", "school_editor", ("riverside/millbrook",)),
    DemoUser(
        "editor.weirvalley",
        "Weir Valley",
        "Editor",
        "school_editor",
        ("riverside/weir-valley",),
    ),
    DemoUser("editor.oak", "Oak", "Editor", "school_editor", ("oakfield/oak",)),
    DemoUser("editor.hollybush", "Hollybush", "Editor", "school_editor", ("oakfield/hollybush",)),
    DemoUser("editor.ashgrove", "Ashgrove", "Editor", "school_editor", ("oakfield/ashgrove",)),
    DemoUser("editor.aurora", "Aurora", "Editor", "school_editor", ("northern-lights/aurora",)),
    DemoUser(
        "editor.fellside",
        "Fellside",
        "Editor",
        "school_editor",
        ("northern-lights/fellside",),
    ),
    DemoUser(
        "editor.harbourview",
        "Harbour View",
        "Editor",
        "school_editor",
        ("northern-lights/harbour-view",),
    ),
    # A teacher who works part of the week at each of two schools of the same trust.
    DemoUser(
        "teacher.shared",
        "Shared",
        "Teacher",
        "school_editor",
        ("riverside/kingfisher", "riverside/millbrook"),
    ),
    DemoUser("moderator.riverside", "Riverside", "Moderator", "trust_moderator", ("riverside",)),
    DemoUser("moderator.oakfield", "Oakfield", "Moderator", "trust_moderator", ("oakfield",)),
    DemoUser(
        "moderator.northernlights",
        "Northern Lights",
        "Moderator",
        "trust_moderator",
        ("northern-lights",),
    ),
    DemoUser("trustadmin.riverside", "Riverside", "Trust admin", "trust_admin", ("riverside",)),
    DemoUser("trustadmin.oakfield", "Oakfield", "Trust admin", "trust_admin", ("oakfield",)),
    DemoUser(
        "trustadmin.northernlights",
        "Northern Lights",
        "Trust admin",
        "trust_admin",
        ("northern-lights",),
    ),
]


@dataclass(frozen=True)
class DemoPartnership:
    requester: str
    partner: str
    accepted: bool


PARTNERSHIPS = [
    DemoPartnership("riverside", "oakfield", accepted=True),
    DemoPartnership("northern-lights", "riverside", accepted=False),  # waiting for an answer
]
