"""The admin's image and document forms: Wagtail's own, with the file stored as validation ends.

Every admin path that uploads a file (add, edit, the multiple uploader, the chooser's upload tab)
builds its form from these (WAGTAILIMAGES_IMAGE_FORM_BASE, WAGTAILDOCS_DOCUMENT_FORM_BASE). Once
everything else is valid, the form writes the file; if the file store is refused or times out
on that write, the form is invalid with the reason in a teacher's words, and the view answers
with the form again (or the uploader's error beside the file): no row, no file, never a 500.
The save that follows writes only the row.
"""

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from challenges.media.storage import STORE_DOWN_MESSAGE, StorageUnavailable, store_now


class StoresFileWhenValid:
    def _post_clean(self):
        super()._post_clean()
        file = getattr(self.instance, "file", None)
        if self._errors or "file" not in self.fields or not file or file._committed:
            return
        try:
            store_now(file)
        except StorageUnavailable:
            self.add_error("file", STORE_DOWN_MESSAGE)


class ChallengeImageForm(StoresFileWhenValid, BaseImageForm):
    pass


class ChallengeDocumentForm(StoresFileWhenValid, BaseDocumentForm):
    pass
