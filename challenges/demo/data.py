"""The demo library as plain data: trusts, schools, people, partnerships and challenges.

Pages are named by their path below the home page: "riverside" is a trust and
"riverside/kingfisher" one of its schools. Slugs of subjects and themes are those seeded by
challenges/migrations/0003_seed_taxonomy.py; year groups are N, R and 1 to 13. Everything is
invented; contributors are display names only, and no pupil is named anywhere.
"""

from dataclasses import dataclass

DEMO_PASSWORD = "admin-demo-2026"
SUPERUSER = "admin"

YEAR_CODES = ["N", "R", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"]


def years(spec):
    """Year group codes from a short spec: "R-2" is R, 1 and 2; "N R 5-6" is N, R, 5 and 6."""
    codes = []
    for part in spec.split():
        first, _, last = part.partition("-")
        start = YEAR_CODES.index(first)
        stop = YEAR_CODES.index(last or first)
        codes.extend(YEAR_CODES[start : stop + 1])
    return codes


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


# ---------------------------------------------------------------------------------------------
# Challenges
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Activity:
    title: str
    body: str  # simple rich text: <p>, <ul>, <ol>, <b>, <i>, <h3>
    day: str = ""  # mon to fri, or "any"; a recommended order, never a timetable
    subject: str = ""  # maths, reading, writing, phonics, handwriting or other
    age_band: str = "all"  # all, eyfs, ks1, lks2, uks2, ks3plus
    needs_screen: bool = False


@dataclass(frozen=True)
class Challenge:
    owner: str  # "trust" or "trust/school"
    title: str
    summary: str
    years: list
    subjects: list
    themes: list
    activities: list
    outcomes: list = ()
    materials: list = ()  # (item, household alternative or "")
    tags: list = ()
    kind: str = "single"
    minutes: tuple = (30, 60)  # per day for weekly and long projects
    cost: str = "free"
    adult_support: str = "some_help"
    licence: str = ""  # empty: the trust's default licence
    visibility: str = "public"
    published: bool = True
    family_guidance: str = ""
    support_ideas: str = ""
    stretch_ideas: str = ""
    safety_notes: str = ""
    share_how: str = ""  # empty: the school's default
    share_hashtag: str = ""
    contributors: list = ()
    palette: str = ""  # a key of illustrations.PALETTES; empty: from the first theme
    hero_decorative: bool = False  # otherwise the loader writes alt text for the title card


# The colours of a challenge's title card follow its first theme unless it names a palette.
THEME_PALETTES = {
    "wellbeing": "dusk",
    "life-skills": "slate",
    "general-knowledge": "sky",
    "awareness-of-the-world": "ocean",
    "community": "coral",
    "creativity": "berry",
    "physical-activity": "sunrise",
    "outdoors": "meadow",
    "kindness": "berry",
    "sustainability": "forest",
    "reading-for-pleasure": "night",
    "cooking": "citrus",
    "family-time": "earth",
}


CHALLENGES = [
    # --- Riverside Learning Trust: Kingfisher Primary Academy ---------------------------------
    Challenge(
        owner="riverside/kingfisher",
        title="Build a bug hotel",
        summary="Collect sticks, leaves and pine cones to build a five-star hotel for minibeasts, "
        "then check in on your guests over the following weeks and find out who has moved in.",
        years=years("1-4"),
        subjects=["science", "design-and-technology"],
        themes=["outdoors", "sustainability"],
        tags=["minibeasts", "habitats", "garden", "recycling"],
        minutes=(45, 90),
        adult_support="some_help",
        licence="CC-BY-4.0",
        outcomes=[
            "I can describe what a minibeast needs to survive",
            "I can choose natural materials for a purpose",
            "I can observe and record which animals live in a habitat",
        ],
        materials=[
            ("Plastic bottle or small wooden crate", "A cardboard box lined with a carrier bag"),
            ("Sticks, twigs and hollow stems", ""),
            ("Dry leaves, bark and pine cones", ""),
            ("String", "Wool or garden twine"),
        ],
        activities=[
            Activity(
                "Go on a minibeast safari",
                "<p>Look under stones, logs and plant pots. What do you find? Where were they "
                "hiding: somewhere <b>damp</b>, <b>dark</b> or <b>sheltered</b>?</p><ul><li>Draw "
                "or tally each creature you spot.</li><li>Put every stone back where you found "
                "it.</li></ul>",
                day="any",
            ),
            Activity(
                "Design and build your hotel",
                "<p>Cut the ends off a plastic bottle (a grown-up can help) or use a crate. "
                "Pack it tightly with sticks, hollow stems, leaves and pine cones so that there "
                "are lots of little gaps and tunnels.</p><p>Tie it with string and place it "
                "somewhere shady and sheltered, close to the ground.</p>",
                day="any",
            ),
            Activity(
                "Guest book",
                "<p>Check your hotel once a week for a month. Keep a guest book: the date, the "
                "weather and who you found. Which minibeast was your most frequent visitor?</p>",
                day="any",
                subject="writing",
            ),
        ],
        family_guidance="<p>Minibeasts are everywhere, even in a yard or on a balcony: a bug "
        "hotel can be as small as a yoghurt pot stuffed with twigs.</p>",
        support_ideas="<p>Use a picture sheet of common minibeasts (woodlouse, snail, spider, "
        "worm, ladybird) and tick them off.</p>",
        stretch_ideas="<p>Make a key to sort your minibeasts: does it have legs? More than six? "
        "Find out what an <i>invertebrate</i> is.</p>",
        safety_notes="<ul><li>Wash hands after handling soil, stones and minibeasts.</li><li>Be "
        "gentle: look, don't squeeze, and return creatures where you found them.</li><li>An adult "
        "should cut plastic bottles.</li></ul>",
        share_hashtag="#KingfisherBugHotel",
        contributors=["Mr A., Year 3, Kingfisher Primary"],
    ),
    Challenge(
        owner="riverside/kingfisher",
        title="Fractions with a pizza",
        summary="Make (or draw) a pizza and use it to explore halves, quarters and eighths: share "
        "it fairly, top it in fractions and work out who ate the most.",
        years=years("2-5"),
        subjects=["mathematics", "design-and-technology"],
        themes=["cooking", "family-time"],
        tags=["fractions", "food", "equivalent fractions"],
        minutes=(45, 75),
        cost="low",
        adult_support="needs_adult",
        licence="CC-BY-4.0",
        outcomes=[
            "I can find a half, a quarter and an eighth of a shape",
            "I can recognise that two quarters are equivalent to one half",
            "I can compare fractions with the same denominator",
        ],
        materials=[
            ("Ready-made pizza base or flatbread", "A paper plate to decorate instead"),
            ("Tomato purée and grated cheese", ""),
            ("Three different toppings", "Coloured paper cut into toppings"),
            ("Table knife or pizza cutter", "Scissors for the paper version"),
        ],
        activities=[
            Activity(
                "Fair shares",
                "<p>Before you cut, talk about it: how many people will share the pizza? "
                "Cut it into <b>equal</b> parts. Is a half cut into two still fair? What about "
                "three people?</p>",
                subject="maths",
                age_band="ks1",
            ),
            Activity(
                "Topping fractions",
                "<p>Top your pizza in fractions: <i>one half</i> cheese and tomato, <i>one "
                "quarter</i> peppers, <i>one quarter</i> sweetcorn. Draw a plan first and label "
                "each part.</p>",
                subject="maths",
                age_band="lks2",
            ),
            Activity(
                "Who ate the most?",
                "<p>Cut the pizza into eighths. If one person eats 3/8 and another eats 1/4, who "
                "ate more? Show it with the slices. How much is left?</p>",
                subject="maths",
                age_band="uks2",
            ),
        ],
        family_guidance="<p>Talk about fractions as you go: the words <b>equal parts</b>, "
        "<b>half</b>, <b>quarter</b> and <b>eighth</b> matter more than perfect slices.</p>",
        support_ideas="<p>Fold a paper circle in half and half again before cutting the real "
        "pizza.</p>",
        stretch_ideas="<p>Write a recipe for a pizza for six people with fractions of each "
        "ingredient.</p>",
        safety_notes="<ul><li>An adult uses the oven and cuts hot food.</li><li>Check "
        "toppings for allergies.</li></ul>",
        share_hashtag="#KingfisherFractions",
        contributors=["Mrs B., maths lead, Kingfisher Primary"],
    ),
    Challenge(
        owner="riverside/kingfisher",
        title="Shadow puppets",
        summary="Make card puppets, turn off the lights and put on a shadow show. Find out how "
        "shadows form and how to make them grow and shrink.",
        years=years("R-3"),
        subjects=["science", "art-and-design", "expressive-arts-and-design"],
        themes=["creativity", "family-time"],
        tags=["light", "shadows", "storytelling", "puppets"],
        minutes=(30, 60),
        licence="CC-BY-SA-4.0",
        outcomes=[
            "I can explain that a shadow forms when light is blocked",
            "I can make a shadow bigger or smaller",
            "I can retell a story using puppets",
        ],
        materials=[
            ("Black card", "Cereal-box card"),
            ("Lolly sticks", "Straws or pencils"),
            ("A torch", "A phone torch or a desk lamp"),
            ("Sticky tape", ""),
        ],
        activities=[
            Activity(
                "Shadow hunt",
                "<p>Shine a torch at your hand against a wall. What happens when you move closer "
                "to the torch? Further away?</p>",
            ),
            Activity(
                "Make your puppets",
                "<p>Draw the characters of a favourite story on card, cut them out and tape "
                "them to sticks. Try cutting out eyes so the light shines through.</p>",
                age_band="eyfs",
            ),
            Activity(
                "Put on a show",
                "<p>Hang a white sheet or use a bare wall. Retell the story with your puppets "
                "and a torch behind them. Can you make the wolf grow scarier?</p>",
            ),
        ],
        safety_notes="<p>Lamps get hot: an adult sets up any lamp and keeps fabric away from "
        "it.</p>",
        share_hashtag="#KingfisherShadows",
        contributors=["Miss D., Reception, Kingfisher Primary"],
        hero_decorative=True,
    ),
    Challenge(
        owner="riverside/kingfisher",
        title="Times tables treasure hunt",
        summary="Hide times-table clues around the house or garden for someone in your family "
        "to solve, with the answer to each clue leading to the next hiding place.",
        years=years("2-6"),
        subjects=["mathematics", "physical-education"],
        themes=["physical-activity", "family-time"],
        tags=["times tables", "multiplication", "treasure hunt"],
        minutes=(20, 45),
        visibility="school",
        licence="CC-BY-4.0",
        outcomes=[
            "I can recall multiplication facts quickly",
            "I can use the inverse to check an answer",
        ],
        materials=[("Paper and pens", "Sticky notes"), ("A small 'treasure'", "A drawn medal")],
        activities=[
            Activity(
                "Write your clues",
                "<p>Choose the table you are practising. Write six clues, for example "
                "<i>7 × 4 = ? Look under the cushion with this many tassels</i>, or simply number "
                "hiding places and use the answers.</p>",
                subject="maths",
            ),
            Activity(
                "Hunt!",
                "<p>Swap roles: a grown-up or sibling hides the clues and you race to solve "
                "them. Time yourself and try to beat it tomorrow.</p>",
                subject="maths",
            ),
        ],
        support_ideas="<p>Start with the 2, 5 and 10 times tables and count in steps on your "
        "fingers.</p>",
        stretch_ideas="<p>Use division clues (<i>56 ÷ 8</i>) or two-step clues.</p>",
        contributors=["Mr A., Year 3, Kingfisher Primary"],
    ),
    # --- Riverside Learning Trust: Millbrook Primary School -----------------------------------
    Challenge(
        owner="riverside/millbrook",
        title="Our planet",
        summary="A week-long family project about the Earth: a maths, reading, writing and "
        "phonics activity for every age, all on one theme, ending with a family pledge to "
        "look after our planet. Most of it needs no screen.",
        kind="weekly",
        years=years("N-6"),
        subjects=["mathematics", "english", "science", "geography", "understanding-the-world"],
        themes=["sustainability", "awareness-of-the-world", "family-time"],
        tags=["earth", "climate", "recycling", "oceans", "weekly project"],
        minutes=(30, 60),
        licence="CC-BY-SA-4.0",
        outcomes=[
            "I can describe ways my family can look after our planet",
            "I can collect and present data about my household",
            "I can write to persuade",
        ],
        materials=[
            ("A week of household recycling", ""),
            ("Paper, pencils and colouring pens", ""),
            ("A world map or globe", "An atlas from the library"),
        ],
        activities=[
            Activity(
                "Recycling sort",
                "<p>Sort a bag of clean recycling into groups: paper, plastic, metal, glass. "
                "Count each group. Which has the most?</p>",
                day="mon",
                subject="maths",
                age_band="eyfs",
            ),
            Activity(
                "Recycling tally",
                "<p>Keep a tally of everything your family recycles today. Make a pictogram "
                "where one picture stands for two items.</p>",
                day="mon",
                subject="maths",
                age_band="ks1",
            ),
            Activity(
                "Bin bar chart",
                "<p>Weigh or count what goes into each bin this week and draw a bar chart. "
                "What fraction of your rubbish is recycled?</p>",
                day="mon",
                subject="maths",
                age_band="lks2",
            ),
            Activity(
                "Percentage planet",
                "<p>About 71% of the Earth's surface is water. Shade a 10 × 10 grid to show "
                "it. Then work out the percentage of your family's rubbish that is recycled.</p>",
                day="mon",
                subject="maths",
                age_band="uks2",
            ),
            Activity(
                "Share a planet story",
                "<p>Read a picture book about animals or the outdoors together. Point to the "
                "pictures and talk: where do the animals live?</p>",
                day="tue",
                subject="reading",
                age_band="eyfs",
            ),
            Activity(
                "Fact finders",
                "<p>Read a non-fiction book about the Earth or oceans. Find three facts and "
                "tell someone at home.</p>",
                day="tue",
                subject="reading",
                age_band="ks1",
            ),
            Activity(
                "Read and retrieve",
                "<p>Read a short information text about rainforests. Answer: where are they "
                "found, why do they matter and what is harming them?</p>",
                day="tue",
                subject="reading",
                age_band="lks2",
            ),
            Activity(
                "News reader",
                "<p>Read a children's news article about the environment (ask a grown-up to "
                "find one). Summarise it in three sentences and give your opinion.</p>",
                day="tue",
                subject="reading",
                age_band="uks2",
                needs_screen=True,
            ),
            Activity(
                "Mark making: our world",
                "<p>Draw your favourite place outside and tell a grown-up about it. They can "
                "write your words underneath.</p>",
                day="wed",
                subject="writing",
                age_band="eyfs",
            ),
            Activity(
                "Label the Earth",
                "<p>Draw the Earth and label land, sea, ice and clouds. Write a sentence about "
                "why you love our planet using <b>because</b>.</p>",
                day="wed",
                subject="writing",
                age_band="ks1",
            ),
            Activity(
                "Postcard from the planet",
                "<p>Write a postcard from the Earth to the people who live on it. Use "
                "expanded noun phrases (<i>the sparkling, icy Arctic</i>).</p>",
                day="wed",
                subject="writing",
                age_band="lks2",
            ),
            Activity(
                "Persuasive letter",
                "<p>Write a letter to your local council persuading them to make one change "
                "for the planet. Use rhetorical questions and facts from Tuesday.</p>",
                day="wed",
                subject="writing",
                age_band="uks2",
            ),
            Activity(
                "Sound hunt: s for sea",
                "<p>Go on a hunt for things that start with <b>s</b>, <b>t</b> and "
                "<b>p</b>: sea, tree, plant. Say each sound, then the word.</p>",
                day="thu",
                subject="phonics",
                age_band="eyfs",
            ),
            Activity(
                "Planet phonics",
                "<p>Find and write words with <b>ea</b> and <b>ee</b> (sea, tree, clean, green). "
                "Sort them into two lists and read them aloud.</p>",
                day="thu",
                subject="phonics",
                age_band="ks1",
            ),
            Activity(
                "Prefix power",
                "<p>Add <b>re-</b>, <b>un-</b> and <b>dis-</b> to words (recycle, unplug, "
                "disappear). Write a sentence for each.</p>",
                day="thu",
                subject="phonics",
                age_band="lks2",
            ),
            Activity(
                "Suffix spotting: -tion and -sion",
                "<p>Pollution, conservation, decision: collect ten -tion and -sion words. Which "
                "rule tells you which ending to use?</p>",
                day="thu",
                subject="phonics",
                age_band="uks2",
                needs_screen=True,
            ),
            Activity(
                "Family planet pledge",
                "<p>Together, choose three things your family will do to help the planet "
                "(walk to school, switch off lights, grow something). Make a poster and stick "
                "it on the fridge.</p>",
                day="fri",
                subject="other",
            ),
        ],
        family_guidance="<p>Each child does the activities for their own age; the whole family "
        "shares the theme. You do not have to do every day, and the days are only a suggested "
        "order.</p>",
        support_ideas="<p>Younger children can talk instead of write: a grown-up can scribe "
        "their ideas.</p>",
        stretch_ideas="<p>Research one endangered animal and present a two-minute talk to your "
        "family.</p>",
        safety_notes="<p>Only sort <b>clean</b> recycling; leave out glass and sharp tins.</p>",
        share_hashtag="#MillbrookOurPlanet",
        contributors=["Miss T., Year 2 team, Millbrook", "Mr R., English lead, Millbrook"],
    ),
    Challenge(
        owner="riverside/millbrook",
        title="Den building",
        summary="Build a den indoors or outside with blankets, sticks and pegs. Plan it, test "
        "it for strength and waterproofing, then enjoy a story inside it.",
        years=years("R-6"),
        subjects=["design-and-technology", "physical-education", "expressive-arts-and-design"],
        themes=["outdoors", "creativity", "family-time"],
        tags=["forest school", "structures", "teamwork"],
        minutes=(45, 120),
        licence="CC-BY-4.0",
        outcomes=[
            "I can plan a structure and choose materials",
            "I can test and improve my design",
            "I can work as part of a team",
        ],
        materials=[
            ("Old sheets or blankets", "Towels"),
            ("Clothes pegs", "Bulldog clips"),
            ("Long sticks or broom handles", "Chairs and a table indoors"),
            ("String", ""),
        ],
        activities=[
            Activity(
                "Plan it",
                "<p>Sketch your den. How will it stand up? How many people should fit "
                "inside? Label your materials.</p>",
            ),
            Activity(
                "Build it",
                "<p>Build your den. Triangles are strong: lean sticks together at the top and "
                "tie them. Peg the sheet on tightly.</p>",
            ),
            Activity(
                "Test it",
                "<p>Does it stand up to a gentle push? A watering-can 'rain shower'? What "
                "would you change next time?</p>",
                age_band="lks2",
            ),
        ],
        support_ideas="<p>Start small: a den for a teddy under a chair.</p>",
        stretch_ideas="<p>Make your den waterproof using only natural materials, or design a "
        "door that opens and closes.</p>",
        safety_notes="<ul><li>Don't use heavy items that could fall.</li><li>Keep dens away "
        "from roads, water and fences.</li><li>An adult should supervise outdoor dens.</li></ul>",
        share_hashtag="#MillbrookDens",
        contributors=["Mrs F., forest school leader, Millbrook"],
        palette="earth",
    ),
    Challenge(
        owner="riverside/millbrook",
        title="Map your street",
        summary="Walk your street with a grown-up, notice the buildings, signs and nature, then "
        "draw a map with a key and compass directions.",
        years=years("2-6"),
        subjects=["geography", "mathematics"],
        themes=["community", "outdoors"],
        tags=["maps", "fieldwork", "local area", "compass"],
        minutes=(40, 90),
        adult_support="needs_adult",
        visibility="partners",
        licence="CC-BY-4.0",
        outcomes=[
            "I can draw a simple map with a key",
            "I can use the four points of a compass",
            "I can describe the features of my local area",
        ],
        materials=[("Clipboard and paper", "A book to lean on"), ("Pencils", "")],
        activities=[
            Activity(
                "Street walk",
                "<p>Walk along your street. Tally houses, shops, trees, lamp posts and bins. "
                "What is the most common feature?</p>",
            ),
            Activity(
                "Draw your map",
                "<p>Draw the street from above (a bird's-eye view). Use symbols and a key. "
                "Add an arrow pointing north.</p>",
            ),
            Activity(
                "Directions challenge",
                "<p>Write directions from your front door to a friend's house or the park using "
                "north, south, east and west, and left and right.</p>",
                age_band="uks2",
            ),
        ],
        safety_notes="<p>Always walk with an adult, stay on the pavement and cross at safe "
        "places.</p>",
        share_hashtag="#MillbrookMaps",
        contributors=["Mr R., geography lead, Millbrook"],
    ),
    Challenge(
        owner="riverside/millbrook",
        title="Spice up your spellings",
        summary="Ten lively ways to learn this week's spellings, from rainbow writing to spelling "
        "hopscotch. Pick any three and see which works best for you.",
        years=years("3-6"),
        subjects=["english"],
        themes=["creativity", "physical-activity"],
        tags=["spelling", "look say cover write check", "games"],
        minutes=(15, 30),
        adult_support="independent",
        licence="CC-BY-NC-4.0",
        outcomes=[
            "I can spell this week's words correctly",
            "I can choose a strategy that helps me remember spellings",
        ],
        materials=[("Coloured pencils", ""), ("Chalk", "Paper squares on the floor")],
        activities=[
            Activity(
                "Rainbow writing",
                "<p>Write each word in one colour, then trace over it in every colour of the "
                "rainbow, saying the letters as you go.</p>",
                subject="phonics",
            ),
            Activity(
                "Spelling hopscotch",
                "<p>Chalk a hopscotch grid of letters. Hop to spell each word out loud.</p>",
                subject="phonics",
            ),
            Activity(
                "Type and time",
                "<p>Type each word three times on a computer or tablet, then ask someone to "
                "test you without looking.</p>",
                subject="phonics",
                needs_screen=True,
            ),
            Activity(
                "Look, say, cover, write, check",
                "<p>The classic: look at the word, say it, cover it, write it, check it. Tick "
                "the ones you got right.</p>",
                subject="phonics",
            ),
        ],
        share_hashtag="#MillbrookSpellings",
        contributors=["Miss T., Year 2 team, Millbrook"],
    ),
    # --- Riverside Learning Trust: Weir Valley Academy (secondary) ----------------------------
    Challenge(
        owner="riverside/weir-valley",
        title="Cook a healthy meal on a budget",
        summary="Plan, cost and cook a balanced meal for your household for under £10, using "
        "the Eatwell Guide and supermarket prices.",
        years=years("7-9"),
        subjects=["design-and-technology", "mathematics", "pshe-rshe"],
        themes=["cooking", "life-skills", "family-time"],
        tags=["food technology", "budgeting", "nutrition"],
        minutes=(60, 120),
        cost="purchase",
        adult_support="some_help",
        licence="CC-BY-4.0",
        outcomes=[
            "I can plan a balanced meal using the Eatwell Guide",
            "I can cost a recipe and keep to a budget",
            "I can prepare food safely and hygienically",
        ],
        materials=[
            ("Ingredients for your chosen recipe", ""),
            ("Kitchen scales", "Cups and spoons"),
        ],
        activities=[
            Activity(
                "Plan the menu",
                "<p>Choose a main meal that includes something from each section of the "
                "Eatwell Guide. Write the ingredients and quantities.</p>",
                age_band="ks3plus",
            ),
            Activity(
                "Cost it",
                "<p>Use a supermarket website or receipt to price every ingredient. Work out the "
                "cost per portion. Can you swap anything to save money?</p>",
                age_band="ks3plus",
                needs_screen=True,
            ),
            Activity(
                "Cook and evaluate",
                "<p>Cook the meal with your household. Ask each person to score it out of 10 "
                "and suggest one improvement.</p>",
                age_band="ks3plus",
            ),
        ],
        safety_notes="<ul><li>Ask permission before using the hob or oven.</li><li>Wash hands "
        "and keep raw meat separate.</li><li>Check for allergies in your household.</li></ul>",
        share_hashtag="#WeirValleyCooks",
        contributors=["Ms P., food and nutrition, Weir Valley"],
    ),
    Challenge(
        owner="riverside/weir-valley",
        title="Letter to a future self",
        summary="Write a letter to yourself to open in five years: who you are now, what you "
        "hope for, and some advice. Seal it and give it to someone you trust to keep.",
        years=years("6-11"),
        subjects=["english", "pshe-rshe"],
        themes=["wellbeing", "family-time"],
        tags=["letter writing", "reflection", "goals", "transition"],
        minutes=(30, 60),
        adult_support="independent",
        licence="CC-BY-NC-SA-4.0",
        outcomes=[
            "I can write a personal letter in an appropriate style",
            "I can reflect on my strengths and set goals",
        ],
        materials=[("Paper and an envelope", "")],
        activities=[
            Activity(
                "Think and jot",
                "<p>Jot down: three things you are proud of, three things you worry about, "
                "three hopes for the future.</p>",
            ),
            Activity(
                "Write the letter",
                "<p>Write to yourself in five years' time. Use the first person and a warm, "
                "honest tone. Ask your future self questions.</p>",
                subject="writing",
            ),
            Activity(
                "Seal and store",
                "<p>Seal it, write the date to open it on the envelope and give it to someone "
                "you trust.</p>",
            ),
        ],
        family_guidance="<p>The letter is private: please don't read it unless invited.</p>",
        share_how="You don't need to share the letter itself: tell your tutor you have written it.",
        contributors=["Mr H., head of Year 7, Weir Valley"],
        hero_decorative=True,
    ),
    Challenge(
        owner="riverside/weir-valley",
        title="Code a times-table quiz",
        summary="Use Scratch to build a times-table quiz that asks random questions, keeps score "
        "and cheers when you get ten in a row.",
        years=years("5-9"),
        subjects=["computing", "mathematics"],
        themes=["creativity", "life-skills"],
        tags=["scratch", "coding", "variables", "times tables"],
        minutes=(45, 90),
        adult_support="independent",
        visibility="trust",
        licence="CC-BY-SA-4.0",
        outcomes=[
            "I can use variables to store a score",
            "I can use random numbers and selection in a program",
        ],
        materials=[("A computer or tablet with Scratch", "")],
        activities=[
            Activity(
                "Ask a question",
                "<p>Create two variables, <b>a</b> and <b>b</b>, and set them to random "
                "numbers from 1 to 12. Ask <i>what is a × b?</i></p>",
                needs_screen=True,
            ),
            Activity(
                "Check and score",
                "<p>Use an <b>if ... else</b> block to check the answer. Add 1 to a "
                "<b>score</b> variable when it is right.</p>",
                needs_screen=True,
            ),
            Activity(
                "Make it yours",
                "<p>Add a timer, sounds or a celebration sprite. Test your quiz on someone at "
                "home.</p>",
                needs_screen=True,
            ),
        ],
        safety_notes="<p>Don't share personal information in project names or comments.</p>",
        contributors=["Mr S., computing, Weir Valley"],
        palette="night",
    ),
    Challenge(
        owner="riverside/weir-valley",
        title="Make a knowledge organiser",
        summary="Turn a topic you are revising into a one-page knowledge organiser with key "
        "vocabulary, dates, diagrams and quiz questions.",
        years=years("9-11"),
        subjects=["science", "history"],
        themes=["life-skills", "wellbeing"],
        tags=["revision", "study skills"],
        minutes=(40, 60),
        adult_support="independent",
        published=False,  # a draft still being written
        activities=[
            Activity(
                "Choose and chunk",
                "<p>Pick one topic and split it into four boxes: key words, key facts, a "
                "diagram and questions.</p>",
                age_band="ks3plus",
            ),
            Activity(
                "Self-quiz",
                "<p>Cover the page and answer your own questions. Mark what you missed in a "
                "different colour.</p>",
                age_band="ks3plus",
            ),
        ],
        contributors=["Ms P., science, Weir Valley"],
    ),
    # --- Riverside Learning Trust: trust-wide ---------------------------------------------
    Challenge(
        owner="riverside",
        title="A week of kindness",
        summary="Five small acts of kindness, one for each day, for the whole family to do "
        "together: kind words, kind hands, kind to our planet, kind to ourselves, kind to our "
        "community.",
        kind="weekly",
        years=years("N-9"),
        subjects=["pshe-rshe", "personal-social-and-emotional-development"],
        themes=["kindness", "wellbeing", "community"],
        tags=["kindness", "anti-bullying week", "random acts of kindness"],
        minutes=(10, 30),
        licence="CC-BY-4.0",
        outcomes=[
            "I can describe how kindness makes people feel",
            "I can plan and do a kind act for someone else",
        ],
        materials=[("Paper and pens", ""), ("A jar", "A shoebox")],
        activities=[
            Activity(
                "Kind words",
                "<p>Write or draw a kind note for everyone in your home and hide them where "
                "they will be found.</p>",
                day="mon",
            ),
            Activity(
                "Kind hands",
                "<p>Do a job at home without being asked: lay the table, tidy shoes, water a "
                "plant.</p>",
                day="tue",
            ),
            Activity(
                "Kind to our planet",
                "<p>Pick up litter on a walk (with gloves) or feed the birds.</p>",
                day="wed",
            ),
            Activity(
                "Kind to ourselves",
                "<p>Write three things you like about yourself, or do something that makes you "
                "calm and happy.</p>",
                day="thu",
            ),
            Activity(
                "Kind to our community",
                "<p>Make a card for a neighbour, a care home or the school staff. Start a "
                "family kindness jar for the rest of the term.</p>",
                day="fri",
            ),
        ],
        family_guidance="<p>Talk at tea time: how did your kind act make the other person "
        "feel? How did it make you feel?</p>",
        safety_notes="<p>Wear gloves for litter picking and never touch glass or needles: tell "
        "an adult.</p>",
        share_how="Share a photo of your kindness jar with your class teacher.",
        share_hashtag="#RiversideKindness",
        contributors=["The Riverside wellbeing team"],
    ),
    Challenge(
        owner="riverside",
        title="Riverside reading passport",
        summary="Collect a stamp for every book you finish this term, choosing from ten kinds "
        "of book, from a funny story to a book of poems, and earn your reader's badge.",
        kind="long",
        years=years("R-6"),
        subjects=["english", "literacy"],
        themes=["reading-for-pleasure", "family-time"],
        tags=["reading", "library", "book challenge"],
        minutes=(15, 30),
        adult_support="independent",
        visibility="trust",
        licence="CC-BY-ND-4.0",
        outcomes=[
            "I can choose books I enjoy from different genres",
            "I can talk about a book I have read",
        ],
        materials=[("A library card", ""), ("A printed passport", "A folded sheet of paper")],
        activities=[
            Activity(
                "Get your passport",
                "<p>Make a passport with ten pages: funny, scary, true, poems, a book set in "
                "another country, a graphic novel, a classic, a book a friend chose, a book "
                "from the library and a free choice.</p>",
            ),
            Activity(
                "Read and stamp",
                "<p>For each book, write the title and one sentence about it, then ask a "
                "grown-up to sign or stamp the page.</p>",
                subject="reading",
            ),
            Activity(
                "Book talk",
                "<p>Tell someone about your favourite book so far without giving away the "
                "ending.</p>",
                subject="reading",
                age_band="ks1",
            ),
        ],
        share_how="Bring your passport to school at the end of term for your badge.",
        contributors=["Riverside English leads"],
    ),
    # --- Oakfield Academies Trust: Oak Primary School -----------------------------------------
    Challenge(
        owner="oakfield/oak",
        title="Kitchen science: rainbow milk",
        summary="Drop food colouring into milk, add a touch of washing-up liquid and watch the "
        "colours explode. Then find out why, and test whether the type of milk matters.",
        years=years("R-4"),
        subjects=["science", "understanding-the-world"],
        themes=["creativity", "cooking"],
        tags=["experiment", "kitchen science", "fair test"],
        minutes=(20, 40),
        cost="low",
        adult_support="needs_adult",
        licence="CC-BY-SA-4.0",
        outcomes=[
            "I can make a prediction and test it",
            "I can describe what I observe",
            "I can plan a fair test by changing one thing",
        ],
        materials=[
            ("Whole milk", "Any milk you have"),
            ("Food colouring", "Felt-tip pen ink dripped from a wet nib"),
            ("Washing-up liquid", ""),
            ("A plate and cotton buds", ""),
        ],
        activities=[
            Activity(
                "Make it swirl",
                "<p>Pour milk onto a plate. Add drops of different food colouring in the "
                "middle. Dip a cotton bud in washing-up liquid and touch it to the milk. What "
                "happens?</p>",
            ),
            Activity(
                "Why does it happen?",
                "<p>The washing-up liquid breaks up the fat in the milk and the colours are "
                "pushed around. Talk about it: what do you think would happen with no fat?</p>",
                age_band="ks1",
            ),
            Activity(
                "Fair test",
                "<p>Try whole, semi-skimmed and skimmed milk. Keep everything else the same. "
                "Predict, test and record which gives the best swirl.</p>",
                age_band="lks2",
            ),
        ],
        safety_notes="<ul><li>Don't drink the milk afterwards.</li><li>Food colouring stains: "
        "cover the table and wear old clothes.</li></ul>",
        share_hashtag="#OakKitchenScience",
        contributors=["Mrs K., Oak Primary"],
        palette="berry",
    ),
    Challenge(
        owner="oakfield/oak",
        title="Grow cress heads",
        summary="Grow a cress head from an eggshell or yoghurt pot, give it a face and watch "
        "its hair grow. Measure it every day and finish with an egg and cress sandwich.",
        years=years("N-2"),
        subjects=["science", "understanding-the-world", "eyfs-mathematics"],
        themes=["outdoors", "cooking", "sustainability"],
        tags=["plants", "growing", "seeds", "measuring"],
        minutes=(10, 20),
        cost="low",
        licence="CC-BY-4.0",
        outcomes=[
            "I can plant a seed and care for it",
            "I can say what a plant needs to grow",
            "I can measure and compare heights",
        ],
        materials=[
            ("Cress seeds", ""),
            ("Empty eggshells or yoghurt pots", ""),
            ("Cotton wool", "Kitchen roll"),
            ("Felt-tip pens", ""),
        ],
        activities=[
            Activity(
                "Make your head",
                "<p>Draw a face on an eggshell or pot. Fill it with damp cotton wool and "
                "sprinkle cress seeds on top.</p>",
                day="mon",
            ),
            Activity(
                "Water and wait",
                "<p>Put it on a sunny windowsill and keep the cotton wool damp. Draw what you "
                "see each day.</p>",
                day="tue",
                age_band="eyfs",
            ),
            Activity(
                "Measure the hair",
                "<p>Measure the tallest shoot each day with cubes, paper clips or a ruler. Make "
                "a simple chart.</p>",
                day="thu",
                subject="maths",
                age_band="ks1",
            ),
            Activity(
                "Haircut and sandwich",
                "<p>Give your cress head a haircut with scissors and make an egg and cress "
                "sandwich.</p>",
                day="fri",
            ),
        ],
        stretch_ideas="<p>Grow one pot in a dark cupboard. What is different after four days?</p>",
        safety_notes="<p>Check for egg allergies; an adult helps with scissors.</p>",
        share_hashtag="#OakCressHeads",
        contributors=["Mrs K., Oak Primary", "The Early Years team, Oak Primary"],
        palette="meadow",
    ),
    Challenge(
        owner="oakfield/oak",
        title="Bird watch",
        summary="Spend an hour watching the birds in your garden, park or from a window. "
        "Identify and count them, then compare with your classmates' results.",
        years=years("R-6"),
        subjects=["science", "geography", "mathematics"],
        themes=["outdoors", "awareness-of-the-world"],
        tags=["birds", "wildlife", "tally", "citizen science"],
        minutes=(30, 60),
        adult_support="some_help",
        licence="CC-BY-SA-4.0",
        outcomes=[
            "I can identify common garden birds",
            "I can record data in a tally chart",
        ],
        materials=[
            ("A bird spotter sheet", "Drawings of birds to look out for"),
            ("Binoculars", "Toilet-roll 'binoculars' to help you focus"),
        ],
        activities=[
            Activity(
                "Make a bird feeder",
                "<p>Thread Cheerios or chopped apple onto a pipe cleaner and hang it up a day "
                "before your watch.</p>",
            ),
            Activity(
                "Watch and tally",
                "<p>Sit quietly for an hour. Tally the most of each kind of bird you see at "
                "once, so you don't count the same bird twice.</p>",
                subject="maths",
            ),
            Activity(
                "Check your birds online",
                "<p>Use an online bird identifier to check any birds you weren't sure of, and "
                "listen to their songs.</p>",
                needs_screen=True,
            ),
        ],
        safety_notes="<p>Watch from a distance and never touch nests or eggs.</p>",
        share_hashtag="#OakBirdWatch",
        contributors=["Mr J., science lead, Oak Primary"],
        palette="sky",
    ),
    Challenge(
        owner="oakfield/oak",
        title="Family tree",
        summary="Talk to the people in your family and draw a family tree, past and present, "
        "in whatever shape your family is. Add a story or object that matters to your family.",
        years=years("1-6"),
        subjects=["history", "pshe-rshe"],
        themes=["family-time", "community"],
        tags=["family", "changes within living memory", "oral history"],
        minutes=(30, 60),
        visibility="school",
        licence="CC-BY-NC-4.0",
        outcomes=[
            "I can ask questions to find out about the past",
            "I can put events in chronological order",
        ],
        materials=[("Large paper", "The back of wallpaper"), ("Photos", "Drawings")],
        activities=[
            Activity(
                "Interview",
                "<p>Ask an older relative or family friend: what was school like when you were "
                "my age? What games did you play?</p>",
            ),
            Activity(
                "Draw your tree",
                "<p>Draw your family in any shape you like: a tree, a house, a constellation. "
                "Include anyone who is family to you.</p>",
            ),
        ],
        family_guidance="<p>Every family is different. Include the people who matter to your "
        "child; there is no need to show anything you would rather keep private.</p>",
        contributors=["Mrs K., Oak Primary"],
    ),
    # --- Oakfield Academies Trust: Hollybush Primary Academy ----------------------------------
    Challenge(
        owner="oakfield/hollybush",
        title="Design a board game",
        summary="Invent a board game for your family to play, with a theme, rules, a board and "
        "counters. Test it, improve it and write the instructions.",
        years=years("2-6"),
        subjects=["design-and-technology", "mathematics", "english"],
        themes=["creativity", "family-time"],
        tags=["games", "instructions", "probability", "design"],
        minutes=(60, 120),
        adult_support="independent",
        licence="CC-BY-4.0",
        outcomes=[
            "I can design a product for a specific user",
            "I can write clear instructions using imperative verbs",
            "I can evaluate and improve my design",
        ],
        materials=[
            ("A large piece of card", "A cereal box opened out"),
            ("A dice", "A spinner made from card and a pencil"),
            ("Counters", "Buttons or bottle tops"),
        ],
        activities=[
            Activity(
                "Play and think",
                "<p>Play a board game you already have. What makes it fun? What are the rules?</p>",
            ),
            Activity(
                "Design",
                "<p>Choose a theme (space, jungle, your town). Draw the board, add "
                "challenge squares and decide how to win.</p>",
            ),
            Activity(
                "Write the rules",
                "<p>Write numbered instructions starting with bossy verbs: <i>Roll</i>, "
                "<i>Move</i>, <i>Collect</i>.</p>",
                subject="writing",
                age_band="lks2",
            ),
            Activity(
                "Test and improve",
                "<p>Play it with your family. Was it fair? Too long? Change one rule and play "
                "again.</p>",
            ),
        ],
        stretch_ideas="<p>Use two dice and add the scores. Which totals come up most often? "
        "Why?</p>",
        share_hashtag="#HollybushGames",
        contributors=["Miss L., Year 4, Hollybush"],
    ),
    Challenge(
        owner="oakfield/hollybush",
        title="Kindness pebbles",
        summary="Paint pebbles with kind words and bright patterns and leave them on a walk for "
        "others to find, or start a kindness pebble snake at school.",
        years=years("R-6"),
        subjects=["art-and-design", "pshe-rshe"],
        themes=["kindness", "community", "creativity"],
        tags=["painting", "pattern", "kindness"],
        minutes=(30, 60),
        cost="low",
        visibility="partners",
        licence="CC-BY-SA-4.0",
        outcomes=["I can use pattern and colour in a design", "I can do something kind for others"],
        materials=[
            ("Smooth pebbles", ""),
            ("Acrylic paint pens", "Poster paint sealed with PVA glue"),
        ],
        activities=[
            Activity(
                "Design first",
                "<p>Sketch patterns on paper: dots, stripes, spirals. Choose a kind word or "
                "short message.</p>",
            ),
            Activity(
                "Paint and place",
                "<p>Paint your pebble, let it dry and seal it. Leave it somewhere safe on a walk "
                "for someone to find.</p>",
            ),
        ],
        safety_notes="<p>Only take pebbles from your own garden or a shop, not from beaches or "
        "parks.</p>",
        share_hashtag="#HollybushPebbles",
        contributors=["Mr N., art lead, Hollybush"],
    ),
    Challenge(
        owner="oakfield/hollybush",
        title="Fitness bingo",
        summary="Get active with a family bingo card of quick exercises: 10 star jumps, balance "
        "on one leg, dance to a song. Tick off a line, then go for a full house.",
        years=years("R-6"),
        subjects=["physical-education", "physical-development"],
        themes=["physical-activity", "wellbeing", "family-time"],
        tags=["exercise", "games", "active"],
        minutes=(15, 30),
        licence="CC-BY-4.0",
        outcomes=["I can take part in 15 minutes of activity", "I can count my repetitions"],
        materials=[("A bingo card", "Draw a 3 × 3 grid on paper")],
        activities=[
            Activity(
                "Make your card",
                "<p>Fill a 3 × 3 grid with exercises: star jumps, hop on one foot, "
                "bear crawl, touch your toes, dance, squats, run on the spot, balance, "
                "skip.</p>",
            ),
            Activity(
                "Play",
                "<p>Roll a dice or pick a square. Do the exercise and cross it off. Who gets a "
                "line first?</p>",
            ),
        ],
        safety_notes="<p>Clear a space, move any breakables and have a drink of water.</p>",
        share_hashtag="#HollybushActive",
        contributors=["Mrs O., PE lead, Hollybush"],
    ),
    Challenge(
        owner="oakfield/hollybush",
        title="Pirate treasure maps",
        summary="Draw a pirate treasure map of your home or garden with grid references, then "
        "challenge someone to find the treasure.",
        years=years("1-4"),
        subjects=["geography", "mathematics"],
        themes=["creativity", "family-time"],
        tags=["maps", "coordinates", "pirates"],
        minutes=(30, 45),
        published=False,  # waiting for the trust review
        activities=[
            Activity(
                "Draw the map",
                "<p>Draw your garden or a room from above. Add a grid with letters along the "
                "bottom and numbers up the side.</p>",
            ),
            Activity(
                "Hide the treasure",
                "<p>Hide a small treasure and give a grid reference clue (<i>C4</i>).</p>",
                subject="maths",
            ),
        ],
        contributors=["Miss L., Year 4, Hollybush"],
    ),
    # --- Oakfield Academies Trust: Ashgrove Infant and Nursery School ------------------------
    Challenge(
        owner="oakfield/ashgrove",
        title="Number hunt at home",
        summary="Hunt for numbers around the house and outside: on doors, clocks, tins and "
        "buses. Count, match and make your own number book.",
        years=years("N-R"),
        subjects=["eyfs-mathematics", "communication-and-language"],
        themes=["family-time", "general-knowledge"],
        tags=["counting", "numerals", "early maths"],
        minutes=(15, 30),
        licence="CC-BY-4.0",
        outcomes=["I can recognise numbers to 10", "I can count objects to match a number"],
        materials=[("Paper folded into a little book", ""), ("Crayons", "")],
        activities=[
            Activity(
                "Number spotting",
                "<p>Go on a number walk inside or outside. Point to every number you see and "
                "say it.</p>",
                age_band="eyfs",
            ),
            Activity(
                "Count and match",
                "<p>Collect objects to match a number: 3 spoons, 5 socks. Can you see how many "
                "without counting (subitising)?</p>",
                age_band="eyfs",
            ),
            Activity(
                "My number book",
                "<p>Make a page for each number 1 to 5 (or 10) with drawings or stickers.</p>",
                age_band="eyfs",
            ),
        ],
        family_guidance="<p>Little and often is best: five minutes while cooking or on the way "
        "to nursery counts.</p>",
        share_hashtag="#AshgroveNumbers",
        contributors=["The Early Years team, Ashgrove"],
        palette="sunrise",
    ),
    Challenge(
        owner="oakfield/ashgrove",
        title="Teddy bears' picnic",
        summary="Plan a picnic for your teddies: write an invitation, make sandwiches, share "
        "them fairly and sing together.",
        years=years("N-1"),
        subjects=[
            "personal-social-and-emotional-development",
            "communication-and-language",
            "eyfs-mathematics",
        ],
        themes=["family-time", "cooking"],
        tags=["picnic", "sharing", "invitations", "songs"],
        minutes=(30, 60),
        cost="low",
        adult_support="needs_adult",
        licence="CC-BY-4.0",
        outcomes=["I can share fairly", "I can take turns in conversation"],
        materials=[
            ("Teddies or soft toys", ""),
            ("Bread and a filling", ""),
            ("A blanket", "A towel"),
        ],
        activities=[
            Activity(
                "Invitations",
                "<p>Make marks, draw or write an invitation for each teddy.</p>",
                subject="writing",
                age_band="eyfs",
            ),
            Activity(
                "Sandwich sharing",
                "<p>Make sandwiches and cut them into halves. Is there enough for every teddy "
                "to have one piece?</p>",
                subject="maths",
            ),
            Activity(
                "Picnic songs",
                "<p>Sing 'The teddy bears' picnic' or a favourite nursery rhyme together.</p>",
            ),
        ],
        safety_notes="<ul><li>Check for allergies.</li><li>Cut grapes and cherry tomatoes "
        "lengthways for little ones.</li><li>An adult uses the knife.</li></ul>",
        share_hashtag="#AshgrovePicnic",
        contributors=["The Early Years team, Ashgrove"],
        palette="citrus",
    ),
    Challenge(
        owner="oakfield/ashgrove",
        title="Junk model rockets",
        summary="Turn boxes, tubes and bottles into a rocket ready for blast-off, then count "
        "down from ten and tell the story of your mission.",
        years=years("R-2"),
        subjects=["design-and-technology", "expressive-arts-and-design"],
        themes=["creativity", "sustainability"],
        tags=["junk modelling", "space", "recycling"],
        minutes=(30, 60),
        visibility="partners",
        licence="CC-BY-SA-4.0",
        outcomes=["I can join materials in different ways", "I can count back from 10"],
        materials=[
            ("Cardboard tubes and boxes", ""),
            ("Masking tape", "Glue"),
            ("Foil", "Paint"),
        ],
        activities=[
            Activity(
                "Build",
                "<p>Choose a tube for the body, a cone for the nose and card fins. Try tape, "
                "glue and slots to join them.</p>",
            ),
            Activity(
                "Blast off",
                "<p>Count down from 10 and launch (gently!). Where is your rocket going? Tell "
                "the story.</p>",
                age_band="eyfs",
            ),
        ],
        share_hashtag="#AshgroveRockets",
        contributors=["Mrs W., Year 1, Ashgrove"],
        palette="night",
    ),
    Challenge(
        owner="oakfield/ashgrove",
        title="Puddle jumping science",
        summary="Put on your wellies and find out which puddles make the biggest splash, and "
        "where puddles go when the sun comes out.",
        years=years("N-1"),
        subjects=["understanding-the-world"],
        themes=["outdoors", "physical-activity"],
        tags=["weather", "water", "evaporation"],
        minutes=(20, 40),
        published=False,  # a draft still being written
        activities=[
            Activity(
                "Splash test",
                "<p>Jump in big and small puddles. Which makes the biggest splash?</p>",
            ),
        ],
        contributors=["The Early Years team, Ashgrove"],
    ),
    Challenge(
        owner="oakfield/ashgrove",
        title="Sound safari",
        summary="Go on a listening walk and collect sounds: birds, traffic, wind, footsteps. "
        "Make a sound map and copy the sounds with your voice and instruments.",
        years=years("N-2"),
        subjects=["music", "communication-and-language"],
        themes=["outdoors", "creativity"],
        tags=["listening", "sounds", "phase 1 phonics"],
        minutes=(20, 40),
        licence="CC-BY-4.0",
        outcomes=["I can listen carefully and name sounds", "I can copy a sound or rhythm"],
        materials=[("Paper and a crayon", ""), ("Pots and spoons", "Any home-made shakers")],
        activities=[
            Activity(
                "Listening walk",
                "<p>Walk slowly and quietly. Stop three times, close your eyes and listen. "
                "What can you hear near and far?</p>",
            ),
            Activity(
                "Sound map",
                "<p>Draw a map of your walk with a picture for each sound.</p>",
                age_band="eyfs",
            ),
            Activity(
                "Play it back",
                "<p>Use pots, spoons and your voice to copy the sounds. Can your family guess "
                "which sound it is?</p>",
            ),
        ],
        share_hashtag="#AshgroveSounds",
        contributors=["Mrs W., Year 1, Ashgrove"],
        palette="ocean",
    ),
    # --- Oakfield Academies Trust: trust-wide -------------------------------------------------
    Challenge(
        owner="oakfield",
        title="Space week",
        summary="Blast off into a week of space learning: planet maths, alien stories, moon "
        "phonics and a family model of the solar system. Activities for every age.",
        kind="weekly",
        years=years("R-6"),
        subjects=["science", "mathematics", "english", "understanding-the-world"],
        themes=["awareness-of-the-world", "general-knowledge", "creativity"],
        tags=["space", "planets", "solar system", "weekly project"],
        minutes=(30, 60),
        licence="CC-BY-SA-4.0",
        outcomes=[
            "I can name the planets in order from the Sun",
            "I can compare large numbers",
            "I can write a story set in space",
        ],
        materials=[("Paper, card and scissors", ""), ("Fruit of different sizes", "Balls")],
        activities=[
            Activity(
                "Rocket shapes",
                "<p>Make a rocket from 2D shapes: how many triangles, rectangles and circles "
                "did you use?</p>",
                day="mon",
                subject="maths",
                age_band="eyfs",
            ),
            Activity(
                "Planet number facts",
                "<p>Order the planets by size using fruit. Count how many moons each planet "
                "has (look in a book) and compare with &lt; and &gt;.</p>",
                day="mon",
                subject="maths",
                age_band="ks1",
            ),
            Activity(
                "Big numbers in space",
                "<p>Round the distances of the planets from the Sun to the nearest million "
                "kilometres and order them.</p>",
                day="mon",
                subject="maths",
                age_band="uks2",
            ),
            Activity(
                "Space stories",
                "<p>Share a story set in space. Who are the characters? Where do they go?</p>",
                day="tue",
                subject="reading",
            ),
            Activity(
                "Alien postcard",
                "<p>Write a postcard from an alien visiting Earth. What surprises them?</p>",
                day="wed",
                subject="writing",
                age_band="ks1",
            ),
            Activity(
                "Mission log",
                "<p>Write a diary entry as an astronaut on the International Space Station, "
                "using time conjunctions and precise vocabulary.</p>",
                day="wed",
                subject="writing",
                age_band="lks2",
            ),
            Activity(
                "Moon phonics",
                "<p>Find words with <b>oo</b>: moon, zoom, spoon, soon. Write them in a rocket "
                "shape.</p>",
                day="thu",
                subject="phonics",
                age_band="ks1",
            ),
            Activity(
                "Spot the space station",
                "<p>With a grown-up, look up when the International Space Station will pass "
                "over your home and go outside to watch it.</p>",
                day="thu",
                needs_screen=True,
            ),
            Activity(
                "Family solar system",
                "<p>Make a model or a giant chalk drawing of the solar system. Can everyone "
                "say the planets in order?</p>",
                day="fri",
                subject="other",
            ),
        ],
        safety_notes="<p><b>Never look directly at the Sun</b>, even with sunglasses or "
        "binoculars.</p>",
        share_how="Email a photo to your school office, or bring your model in.",
        share_hashtag="#OakfieldSpaceWeek",
        contributors=["Oakfield science network"],
        palette="night",
    ),
    Challenge(
        owner="oakfield",
        title="Oakfield young writers' award",
        summary="Write a story of up to 500 words on the theme 'Doorways' for the trust's young "
        "writers' award. Winners from every year group are published in the trust anthology.",
        years=years("3-6"),
        subjects=["english"],
        themes=["reading-for-pleasure", "creativity"],
        tags=["creative writing", "competition", "short story"],
        minutes=(60, 120),
        adult_support="independent",
        visibility="trust",
        licence="LicenseRef-All-Rights-Reserved",
        outcomes=["I can plan, draft and edit a short story"],
        materials=[("Paper and pencil", "")],
        activities=[
            Activity(
                "Plan",
                "<p>Where does your doorway lead? Plan your story in five boxes: opening, "
                "build-up, problem, resolution, ending.</p>",
                subject="writing",
            ),
            Activity(
                "Draft and edit",
                "<p>Write your story, then read it aloud. Up-level three sentences and check "
                "your punctuation.</p>",
                subject="writing",
            ),
        ],
        share_how="Hand your story to your class teacher by the last Friday of term.",
        contributors=["Oakfield English leads"],
    ),
    # --- Northern Lights MAT: Aurora Primary Academy ------------------------------------------
    Challenge(
        owner="northern-lights/aurora",
        title="Make a weather station",
        summary="Build a rain gauge, a wind vane and a thermometer chart, then record the "
        "weather every day for four weeks and look for patterns.",
        kind="long",
        years=years("2-5"),
        subjects=["science", "geography", "mathematics"],
        themes=["outdoors", "awareness-of-the-world"],
        tags=["weather", "measuring", "data", "seasons"],
        minutes=(10, 20),
        cost="low",
        licence="CC-BY-NC-4.0",
        outcomes=[
            "I can measure rainfall and temperature",
            "I can record data in a table and a line graph",
            "I can describe patterns in the weather",
        ],
        materials=[
            ("A plastic bottle", ""),
            ("A ruler", ""),
            ("An outdoor thermometer", "The temperature from a weather forecast"),
            ("Card, a pencil and a drawing pin", ""),
        ],
        activities=[
            Activity(
                "Week 1: build your instruments",
                "<p>Cut the top off a bottle and turn it upside down inside the base to make a "
                "rain gauge. Make a wind vane from card, a pencil and a pin.</p>",
                day="any",
            ),
            Activity(
                "Weeks 2 to 4: daily readings",
                "<p>At the same time each day, record rainfall in millimetres, temperature, "
                "wind direction and cloud cover in a table.</p>",
                day="any",
                subject="maths",
            ),
            Activity(
                "Weather report",
                "<p>Draw a line graph of your temperatures. Present a weather report for your "
                "family: what was the wettest day?</p>",
                day="any",
                age_band="uks2",
            ),
        ],
        safety_notes="<p>An adult cuts the bottle. Don't climb to place your instruments.</p>",
        share_hashtag="#AuroraWeather",
        contributors=["Mr C., Year 5, Aurora"],
        palette="sky",
    ),
    Challenge(
        owner="northern-lights/aurora",
        title="Bonjour! Café français",
        summary="Turn your kitchen into a French café: make a menu, practise ordering in French "
        "and serve your family a petit déjeuner.",
        years=years("3-6"),
        subjects=["languages"],
        themes=["cooking", "general-knowledge", "family-time"],
        tags=["french", "mfl", "role play", "food"],
        minutes=(30, 60),
        cost="low",
        licence="CC-BY-NC-4.0",
        outcomes=[
            "I can greet someone and order food in French",
            "I can use numbers to 20 in French",
        ],
        materials=[("Card for a menu", ""), ("Bread, fruit or croissants", "Any breakfast food")],
        activities=[
            Activity(
                "Listen and repeat",
                "<p>Watch a short video of café phrases and copy the pronunciation: "
                "<i>Bonjour, je voudrais..., s'il vous plaît, merci</i>.</p>",
                needs_screen=True,
            ),
            Activity(
                "Make a menu",
                "<p>Write a menu in French with prices in euros: <i>un croissant, un jus "
                "d'orange, une pomme</i>.</p>",
                subject="writing",
            ),
            Activity(
                "Open the café",
                "<p>Take turns as the waiter and the customer. Can your family order only in "
                "French?</p>",
            ),
        ],
        share_hashtag="#AuroraCafe",
        contributors=["Mme V., languages lead, Aurora"],
        palette="coral",
    ),
    Challenge(
        owner="northern-lights/aurora",
        title="Recycled orchestra",
        summary="Make instruments from things in the recycling, a shaker, a drum and a "
        "rubber-band guitar, then compose a piece and perform it for your family.",
        years=years("1-4"),
        subjects=["music", "design-and-technology", "science"],
        themes=["sustainability", "creativity"],
        tags=["instruments", "sound", "pitch", "composing"],
        minutes=(45, 90),
        licence="CC-BY-SA-4.0",
        outcomes=[
            "I can make sounds that are high and low, loud and quiet",
            "I can compose and perform a short piece",
        ],
        materials=[
            ("Tubs with lids, tins and boxes", ""),
            ("Rubber bands", ""),
            ("Rice or dried pasta", "Small stones"),
        ],
        activities=[
            Activity(
                "Make instruments",
                "<p>Fill a tub with rice for a shaker, stretch rubber bands over a box for a "
                "guitar and use a tin as a drum.</p>",
            ),
            Activity(
                "Explore pitch",
                "<p>Do thick and thin rubber bands sound different? Tight and loose? Record "
                "what you find.</p>",
                age_band="lks2",
            ),
            Activity(
                "Compose and perform",
                "<p>Make a pattern with three sounds and repeat it. Draw a picture score and "
                "perform it for your family.</p>",
            ),
        ],
        safety_notes="<p>Keep rice, pasta and rubber bands away from babies and toddlers.</p>",
        share_hashtag="#AuroraOrchestra",
        contributors=["Miss E., music, Aurora"],
    ),
    Challenge(
        owner="northern-lights/aurora",
        title="Worry monsters",
        summary="Make a worry monster that eats your worries: write or draw what is bothering "
        "you, feed it to the monster and talk about it with a grown-up later.",
        years=years("R-4"),
        subjects=["pshe-rshe", "art-and-design", "personal-social-and-emotional-development"],
        themes=["wellbeing"],
        tags=["worries", "feelings", "emotional literacy"],
        minutes=(30, 45),
        visibility="school",
        licence="CC-BY-NC-4.0",
        outcomes=["I can name my feelings", "I can share a worry with a trusted adult"],
        materials=[("A tissue box or sock", ""), ("Felt, paper and glue", "")],
        activities=[
            Activity(
                "Make your monster",
                "<p>Decorate a tissue box or sock as a monster with a big mouth.</p>",
            ),
            Activity(
                "Feed the monster",
                "<p>Draw or write a worry and feed it to the monster. At bedtime, a grown-up "
                "reads it and you talk about it together.</p>",
            ),
        ],
        family_guidance="<p>If your child shares a worry that concerns you, please talk to "
        "their class teacher or the school's designated safeguarding lead.</p>",
        contributors=["Aurora pastoral team"],
        hero_decorative=True,
    ),
    # --- Northern Lights MAT: Fellside Primary School -----------------------------------------
    Challenge(
        owner="northern-lights/fellside",
        title="Festival of light: make a diya",
        summary="Find out why Hindus, Sikhs and Jains celebrate Diwali, then shape a clay diya "
        "lamp, decorate it and share a story of light overcoming darkness.",
        years=years("1-4"),
        subjects=["re", "art-and-design"],
        themes=["community", "creativity", "awareness-of-the-world"],
        tags=["diwali", "festivals", "clay", "world religions"],
        minutes=(45, 75),
        cost="purchase",
        licence="CC-BY-NC-4.0",
        outcomes=[
            "I can explain why light is important at Diwali",
            "I can shape and decorate clay",
        ],
        materials=[
            ("Air-drying clay", "Salt dough (flour, salt and water)"),
            ("Paint or sequins", ""),
            ("An LED tea light", ""),
        ],
        activities=[
            Activity(
                "The story of Rama and Sita",
                "<p>Read or listen to the story of Rama and Sita. Why did people light lamps "
                "to welcome them home?</p>",
                subject="reading",
            ),
            Activity(
                "Shape your diya",
                "<p>Roll a ball of clay, press your thumb in the middle and pinch the edge into "
                "a spout. Leave it to dry, then paint patterns.</p>",
            ),
            Activity(
                "Light and share",
                "<p>Put an LED tea light in your diya. Talk about a time when someone helped "
                "you through something difficult.</p>",
            ),
        ],
        safety_notes="<p>Use <b>LED tea lights only</b>: no real flames.</p>",
        share_hashtag="#FellsideLights",
        contributors=["Mrs G., RE lead, Fellside"],
        palette="sunrise",
    ),
    Challenge(
        owner="northern-lights/fellside",
        title="Local history detectives",
        summary="Investigate the history of your village or street using old maps, "
        "photographs, buildings and the memories of older neighbours.",
        years=years("3-6"),
        subjects=["history", "geography"],
        themes=["community", "general-knowledge"],
        tags=["local history", "sources", "maps", "enquiry"],
        minutes=(45, 90),
        adult_support="needs_adult",
        licence="CC-BY-4.0",
        outcomes=[
            "I can use different sources to find out about the past",
            "I can compare my local area now and in the past",
        ],
        materials=[("Notebook", ""), ("Camera", "Sketches")],
        activities=[
            Activity(
                "Then and now maps",
                "<p>With a grown-up, compare an old map of your area with a modern one online. "
                "What has changed? What has stayed the same?</p>",
                needs_screen=True,
            ),
            Activity(
                "Building clues",
                "<p>Walk around and look for date stones, old signs and blocked-up windows. "
                "Sketch or photograph three clues.</p>",
            ),
            Activity(
                "Interview",
                "<p>Ask an older family member or neighbour about how the area has changed. "
                "Write down three memories.</p>",
                age_band="uks2",
            ),
        ],
        safety_notes="<p>Walk with an adult and only interview people you know, with a "
        "grown-up present.</p>",
        share_hashtag="#FellsideDetectives",
        contributors=["Mr Y., history lead, Fellside"],
        palette="earth",
    ),
    Challenge(
        owner="northern-lights/fellside",
        title="Mindful minutes",
        summary="Five short calming activities for busy days: belly breathing, a body scan, a "
        "mindful snack, a senses walk and a gratitude list.",
        years=years("R-6"),
        subjects=["pshe-rshe"],
        themes=["wellbeing"],
        tags=["mindfulness", "calm", "breathing"],
        minutes=(5, 15),
        adult_support="independent",
        visibility="school",
        licence="CC-BY-ND-4.0",
        outcomes=["I can use a breathing technique to calm myself"],
        materials=[("A quiet space", "")],
        activities=[
            Activity(
                "Belly breathing",
                "<p>Lie down with a teddy on your tummy. Breathe in slowly and watch it rise; "
                "breathe out and watch it fall. Do it five times.</p>",
            ),
            Activity(
                "Five senses",
                "<p>Notice 5 things you can see, 4 you can hear, 3 you can touch, 2 you can "
                "smell and 1 you can taste.</p>",
            ),
            Activity(
                "Gratitude list",
                "<p>Before bed, write or say three good things about today.</p>",
            ),
        ],
        contributors=["Fellside wellbeing champions"],
    ),
    Challenge(
        owner="northern-lights/fellside",
        title="Balloon-powered cars",
        summary="Build a car from a plastic bottle and bottle tops that is powered by a "
        "balloon, and test how far it travels.",
        years=years("4-6"),
        subjects=["science", "design-and-technology"],
        themes=["creativity"],
        tags=["forces", "air resistance", "engineering"],
        minutes=(60, 90),
        cost="low",
        published=False,  # a draft: the safety notes are not written yet
        activities=[
            Activity(
                "Build the chassis",
                "<p>Push skewers through a bottle for axles and fix bottle tops as wheels.</p>",
            ),
        ],
        contributors=["Mr Y., Fellside"],
    ),
    # --- Northern Lights MAT: Harbour View Academy (secondary) -------------------------------
    Challenge(
        owner="northern-lights/harbour-view",
        title="Budget a family day out",
        summary="Plan a day out for your household with a budget of £60: travel, tickets, food "
        "and a rainy-day plan, with every cost shown.",
        years=years("7-9"),
        subjects=["mathematics", "citizenship"],
        themes=["life-skills", "family-time"],
        tags=["budgeting", "percentages", "timetables", "financial literacy"],
        minutes=(45, 90),
        adult_support="independent",
        licence="CC-BY-NC-4.0",
        outcomes=[
            "I can plan and keep to a budget",
            "I can calculate percentage discounts",
            "I can read a timetable",
        ],
        materials=[("Paper or a spreadsheet", "")],
        activities=[
            Activity(
                "Research",
                "<p>Choose a destination and find ticket prices, travel times and costs. "
                "Look for family tickets and discounts.</p>",
                age_band="ks3plus",
                needs_screen=True,
            ),
            Activity(
                "Budget",
                "<p>Make a table of every cost. Apply any percentage discounts. Is there money "
                "left for a treat?</p>",
                subject="maths",
                age_band="ks3plus",
            ),
            Activity(
                "Pitch",
                "<p>Present your plan to your household in two minutes. Be ready for "
                "questions.</p>",
                age_band="ks3plus",
            ),
        ],
        share_hashtag="#HarbourViewDayOut",
        contributors=["Ms Q., maths, Harbour View"],
    ),
    Challenge(
        owner="northern-lights/harbour-view",
        title="Podcast a proud moment",
        summary="Record a three-minute podcast episode about something you, your family or "
        "your community are proud of, with an introduction, an interview and a sign-off.",
        years=years("7-10"),
        subjects=["english", "computing"],
        themes=["creativity", "community"],
        tags=["podcast", "speaking and listening", "oracy", "audio editing"],
        minutes=(60, 120),
        adult_support="independent",
        licence="CC-BY-NC-SA-4.0",
        outcomes=[
            "I can plan and deliver a spoken piece for an audience",
            "I can record and edit audio",
        ],
        materials=[("A phone or tablet that records audio", "")],
        activities=[
            Activity(
                "Script",
                "<p>Plan your episode: a hook, an interview with three questions and a "
                "sign-off.</p>",
                subject="writing",
                age_band="ks3plus",
            ),
            Activity(
                "Record and edit",
                "<p>Record in a quiet room with soft furnishings. Trim the start and end and "
                "add music you have permission to use.</p>",
                age_band="ks3plus",
                needs_screen=True,
            ),
        ],
        safety_notes="<p>Don't use full names, addresses or school details in your recording, "
        "and don't upload it publicly: share it through the learning platform.</p>",
        contributors=["Mr U., English and media, Harbour View"],
        palette="dusk",
    ),
    Challenge(
        owner="northern-lights/harbour-view",
        title="Citizen science: litter survey",
        summary="Survey litter on a stretch of beach, park or street, sort it by type and "
        "find out where it came from. Share your data with the class to map the town.",
        years=years("7-9"),
        subjects=["science", "geography", "citizenship"],
        themes=["sustainability", "community", "outdoors"],
        tags=["plastic pollution", "data", "fieldwork", "coast"],
        minutes=(45, 90),
        adult_support="needs_adult",
        visibility="partners",
        licence="CC-BY-SA-4.0",
        outcomes=[
            "I can collect and categorise data in the field",
            "I can draw conclusions about sources of pollution",
        ],
        materials=[
            ("Gardening gloves", ""),
            ("A litter picker", "Tongs"),
            ("Bags for sorting", ""),
        ],
        activities=[
            Activity(
                "Survey",
                "<p>Mark out 100 metres. Collect and sort the litter into plastic, metal, "
                "glass, paper and other. Count each.</p>",
                age_band="ks3plus",
            ),
            Activity(
                "Analyse",
                "<p>Draw a pie chart of your results. What was most common? Where do you think "
                "it came from?</p>",
                subject="maths",
                age_band="ks3plus",
            ),
        ],
        safety_notes="<ul><li>Wear gloves and use a picker.</li><li><b>Never pick up sharps, "
        "needles or broken glass</b>: tell an adult.</li><li>Check tide times on the beach.</li>"
        "</ul>",
        share_hashtag="#HarbourViewLitter",
        contributors=["Dr M., geography, Harbour View"],
        palette="ocean",
    ),
    Challenge(
        owner="northern-lights/harbour-view",
        title="Rock pool survey",
        summary="At low tide, survey a rock pool: identify the seaweeds and animals, measure "
        "the water and explain how living things are adapted to the shore.",
        years=years("7-9"),
        subjects=["science", "geography"],
        themes=["outdoors", "awareness-of-the-world"],
        tags=["coast", "adaptation", "ecosystems", "fieldwork"],
        minutes=(60, 120),
        adult_support="needs_adult",
        licence="CC-BY-NC-4.0",
        outcomes=[
            "I can identify organisms using a key",
            "I can explain how organisms are adapted to their habitat",
        ],
        materials=[("A bucket", ""), ("A thermometer", ""), ("A shore identification key", "")],
        activities=[
            Activity(
                "Survey the pool",
                "<p>Sit quietly and watch for movement. Identify what you see with a key and "
                "record the water temperature.</p>",
                age_band="ks3plus",
            ),
            Activity(
                "Adaptations",
                "<p>Choose two organisms and explain how each survives being covered and "
                "uncovered by the tide twice a day.</p>",
                age_band="ks3plus",
            ),
        ],
        safety_notes="<ul><li>Check tide times and go on a falling tide with an adult.</li>"
        "<li>Rocks are slippery: wear shoes with grip.</li><li>Put every creature back where "
        "you found it.</li></ul>",
        share_hashtag="#HarbourViewRockPools",
        contributors=["Dr M., geography, Harbour View"],
        palette="ocean",
    ),
    # --- Northern Lights MAT: trust-wide ------------------------------------------------------
    Challenge(
        owner="northern-lights",
        title="Walk, jog, run: a family 5K",
        summary="A nine-week plan that takes the whole family from walking to running or "
        "jogging 5 kilometres, three short sessions a week, at your own pace.",
        kind="long",
        years=years("5-13"),
        subjects=["physical-education", "pshe-rshe"],
        themes=["physical-activity", "wellbeing", "family-time"],
        tags=["running", "fitness", "5k", "healthy lifestyle"],
        minutes=(20, 40),
        adult_support="some_help",
        licence="OGL-UK-3.0",
        outcomes=[
            "I can build up my stamina gradually",
            "I can explain how exercise helps my body and mind",
        ],
        materials=[("Comfortable trainers", ""), ("A watch or timer", "Count steps or lamp posts")],
        activities=[
            Activity(
                "Weeks 1 to 3: walk and jog",
                "<p>Three times a week: a 5-minute brisk walk, then alternate 60 seconds of "
                "jogging and 90 seconds of walking for 20 minutes.</p>",
                day="any",
            ),
            Activity(
                "Weeks 4 to 6: longer jogs",
                "<p>Build up to jogging for 5 minutes, then 8, then 10, with short walks in "
                "between.</p>",
                day="any",
            ),
            Activity(
                "Weeks 7 to 9: run 5K",
                "<p>Jog for 25 then 30 minutes. In week 9, complete your own family 5K and "
                "celebrate!</p>",
                day="any",
            ),
        ],
        family_guidance="<p>Go at the pace of the slowest runner and repeat a week if you need "
        "to. Walking is always allowed.</p>",
        safety_notes="<ul><li>Warm up and cool down.</li><li>Choose safe routes away from busy "
        "roads and wear something bright.</li><li>Stop if anything hurts.</li></ul>",
        share_how="Tell your PE teacher when you complete your 5K: there is a certificate.",
        share_hashtag="#NorthernLights5K",
        contributors=["Northern Lights PE network"],
        palette="sunrise",
    ),
    Challenge(
        owner="northern-lights",
        title="Moon diary",
        summary="Look at the Moon every clear evening for a month, draw its shape and discover "
        "the pattern of the phases from new moon to full moon and back.",
        kind="long",
        years=years("1-6"),
        subjects=["science"],
        themes=["awareness-of-the-world", "outdoors", "family-time"],
        tags=["moon", "space", "observation", "phases"],
        minutes=(5, 15),
        licence="CC-BY-4.0",
        outcomes=[
            "I can describe how the Moon's shape seems to change",
            "I can name the phases of the Moon",
        ],
        materials=[("A diary with a circle for each day", "Paper folded into boxes")],
        activities=[
            Activity(
                "Nightly observation",
                "<p>Each clear evening, look for the Moon and shade in its shape in your diary. "
                "Cloudy? Write 'cloudy' and try tomorrow.</p>",
                day="any",
            ),
            Activity(
                "Find the pattern",
                "<p>After four weeks, put your drawings in order. Label new moon, crescent, "
                "half moon, gibbous and full moon.</p>",
                day="any",
                age_band="uks2",
            ),
            Activity(
                "Biscuit moons",
                "<p>Model the phases by nibbling round biscuits or cutting paper circles.</p>",
                day="any",
                age_band="ks1",
            ),
        ],
        safety_notes="<p>Go outside at night with an adult. Never look at the Sun.</p>",
        share_hashtag="#NorthernLightsMoon",
        contributors=["Northern Lights science network"],
        palette="night",
    ),
    Challenge(
        owner="northern-lights",
        title="Healthy me week",
        summary="A week of small healthy habits for the whole family: a rainbow of food, "
        "moving more, good sleep, staying hydrated and looking after our minds.",
        kind="weekly",
        years=years("R-6"),
        subjects=["pshe-rshe", "physical-education", "science"],
        themes=["wellbeing", "physical-activity", "cooking"],
        tags=["healthy eating", "sleep", "hydration", "weekly project"],
        minutes=(15, 30),
        visibility="trust",
        licence="CC-BY-NC-4.0",
        outcomes=[
            "I can name ways to keep my body and mind healthy",
            "I can make a healthy choice",
        ],
        materials=[("Fruit and vegetables", ""), ("A water bottle", "A cup")],
        activities=[
            Activity(
                "Eat the rainbow",
                "<p>Try to eat something of every colour today. Draw a rainbow plate.</p>",
                day="mon",
            ),
            Activity(
                "Move more",
                "<p>Find 30 minutes for an activity that gets you out of breath: dance, skip, "
                "play tag.</p>",
                day="tue",
            ),
            Activity(
                "Water watch",
                "<p>Count how many cups of water you drink today. Make a tally chart for the "
                "family.</p>",
                day="wed",
                subject="maths",
                age_band="ks1",
            ),
            Activity(
                "Sleep detectives",
                "<p>Find out how much sleep children your age need. Plan a calm bedtime "
                "routine without screens.</p>",
                day="thu",
                age_band="uks2",
            ),
            Activity(
                "Happy minds",
                "<p>Make a 'happy list' of things that make you smile and stick it up at home.</p>",
                day="fri",
            ),
        ],
        safety_notes="<p>Check for allergies before trying new foods.</p>",
        share_how="Bring your rainbow plate to school for the class display.",
        contributors=["Northern Lights wellbeing leads"],
    ),
]
