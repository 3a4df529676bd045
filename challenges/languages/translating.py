"""The translator's side, through wagtail-localize: a challenge's translation into a language,
made the way a volunteer's PO file makes it, and whether it is behind its English original."""

from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource


def translation_into(original, code, content=None):
    """wagtail-localize's Translation of `original` into language `code` (made when missing),
    from the original's current content (or `content`, e.g. its newest draft)."""
    locale, _ = Locale.objects.get_or_create(language_code=code)
    if content is not None:
        source, _ = TranslationSource.update_or_create_from_instance(content)
    else:
        source, created = TranslationSource.get_or_create_from_instance(original)
        if not created:
            source.update_from_db()  # translate what the original says now
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    return translation


def translate(original, code, strings, user=None, publish=True, content=None):
    """Translate `original` into `code` as a PO file does: each English string found in
    `strings` takes its translation, anything else falls back to the English. Saves (and with
    `publish`, publishes) the translated page and returns it."""
    translation = translation_into(original, code, content)
    po = translation.export_po()
    for entry in po:
        if entry.msgid in strings:
            entry.msgstr = strings[entry.msgid]
    translation.import_po(po, user=user)
    # wagtail-localize publishes when the transaction commits; publish now, in this one.
    translation.save_target(user=user, publish=False)
    page = translation.get_target_instance()
    if publish:
        page.get_latest_revision().publish(user=user)
    return type(page).objects.get(pk=page.pk)


def english_is_newer(page):
    """True when `page` is a translation whose English original was published after it: the
    translation may no longer say what the original says (wagtail-localize's editor then shows
    the changed segments once the original is synced)."""
    if not page.is_translation or page.last_published_at is None:
        return False
    original = page.original()
    if original is page or original.last_published_at is None:
        return False
    return original.last_published_at > page.last_published_at


def translation_into_locale(page):
    """wagtail-localize's Translation that made `page` (a translation), or None."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id
        )
        .select_related("source")
        .first()
    )
