"""The realistic library's "Public bug hotel" (conftest.py's `realistic_library`) in Urdu, every
family-facing string, as a parent who reads Urdu would translate it: for the browser tests and
journey 7 of the Urdu embed and printout."""

URDU = {
    "Public bug hotel": "کیڑوں کا ہوٹل",
    "Public bug hotel: a challenge for the whole family.": (
        "کیڑوں کا ہوٹل: پورے گھرانے کے لیے ایک سرگرمی۔"
    ),
    "A bug hotel made of stacked pallets, pine cones and bamboo canes": (
        "لکڑی کے تختوں، چیڑ کے کون اور بانس کی چھڑیوں سے بنا کیڑوں کا ہوٹل"
    ),
    "I can name three minibeasts that live in my garden.": (
        "میں اپنے باغ میں رہنے والے تین ننھے کیڑوں کے نام بتا سکتا ہوں۔"
    ),
    "I can build a safe place for insects to shelter.": (
        "میں کیڑوں کے چھپنے کے لیے ایک محفوظ جگہ بنا سکتا ہوں۔"
    ),
    "Bamboo canes": "بانس کی چھڑیاں",
    "hollow plant stems": "پودوں کے کھوکھلے تنے",
    "Pine cones": "چیڑ کے کون",
    "A magnifying glass": "محدب شیشہ",
    "a phone camera": "فون کا کیمرا",
    "Go on a minibeast hunt": "ننھے کیڑوں کی تلاش پر چلیں",
    "Look under <b>stones</b> and logs. Count what you find.": (
        "<b>پتھروں</b> اور لکڑی کے ٹکڑوں کے نیچے دیکھیں۔ جو کچھ ملے اسے گنیں۔"
    ),
    "Build your bug hotel": "اپنا کیڑوں کا ہوٹل بنائیں",
    "Stack the materials in a dry, sheltered spot.": (
        "سامان کو کسی خشک اور ڈھکی ہوئی جگہ پر تہہ در تہہ رکھیں۔"
    ),
    "Canes at the top": "چھڑیاں اوپر",
    "Cones at the bottom": "کون نیچے",
    "Research a minibeast": "کسی ننھے کیڑے کے بارے میں جانیں",
    "Find out what your minibeast eats and write three facts.": (
        "معلوم کریں کہ آپ کا کیڑا کیا کھاتا ہے اور اس کے بارے میں تین باتیں لکھیں۔"
    ),
    "Keep a bug diary for a week.": "ایک ہفتے تک کیڑوں کی ڈائری رکھیں۔",
    "Talk about why insects matter. <i>No need to buy anything.</i>": (
        "بات کریں کہ کیڑے کیوں اہم ہیں۔ <i>کچھ خریدنے کی ضرورت نہیں۔</i>"
    ),
    "Wash hands after touching soil. Do not pick up stinging insects.": (
        "مٹی چھونے کے بعد ہاتھ دھوئیں۔ ڈنک مارنے والے کیڑوں کو ہاتھ نہ لگائیں۔"
    ),
    "Email a photo of your bug hotel to the school office.": (
        "اپنے کیڑوں کے ہوٹل کی تصویر اسکول کے دفتر کو ای میل کریں۔"
    ),
}

# Fonts with Urdu's glyphs (Debian's fonts-noto-core); the site's CSS asks for them in this order.
URDU_FONTS = ("Noto Nastaliq Urdu", "Noto Naskh Arabic", "Noto Sans Arabic")


def fonts_rendering(frame_or_page, selector):
    """The fonts Chromium really drew `selector`'s text with ({family: glyph count}), from the
    DevTools protocol: a family that is missing a glyph falls back, and boxes come from a
    last-resort font, so this names what a family sees on screen."""
    page = getattr(frame_or_page, "page", frame_or_page)
    session = page.context.new_cdp_session(frame_or_page)
    try:
        session.send("DOM.enable")
        session.send("CSS.enable")
        root = session.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
        node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})
        fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
    finally:
        session.detach()
    return {font["familyName"]: font["glyphCount"] for font in fonts}
