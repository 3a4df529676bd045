"""The admin's image and document forms: Wagtail's own, with the file stored as validation ends.

Every admin path that uploads a file (add, edit, the multiple uploader, the chooser's upload tab)
builds its form from these (WAGTAILIMAGES_IMAGE_FORM_BASE, WAGTAILDOCS_DOCUMENT_FORM_BASE). Once
everything else is valid, the form writes the file; if the file store is refused or times out
on that write, the form is invalid with the reason in a teacher's words, and the view answers
with the form again (or the uploader's error beside the file): no row, no file, never a 500.
The save that follows writes only the row. A replaced file is deleted once the new row is
saved; if the store fails on that delete the edit stands and the old file is left for a
cleanup. A save that fails after the new file was stored deletes it again.
"""

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from challenges.media.storage import (
    STORE_DOWN_MESSAGE,
    StorageUnavailable,
    delete_or_leave,
    store_now,
)


class StoresFileWhenValid:
    def _post_clean(self):
        super()._post_clean()
        file = getattr(self.instance, "file", None)
        if self._errors or "file" not in self.fields or not file or file._committed:
            return
        try:
            self.stored_name = store_now(file)
        except StorageUnavailable:
            self.add_error("file", STORE_DOWN_MESSAGE)

    def save(self, commit=True):
        replaced = self.original_file if commit and "file" in self.changed_data else None
        if replaced:
            # Wagtail's save deletes the old file at once, and a failing delete answered 500
            # (rolling back the edit, and leaving the new file stored for nothing).
            self.original_file = None
        try:
            instance = super().save(commit=commit)
        except BaseException:
            if getattr(self, "stored_name", None):
                delete_or_leave(self.instance.file.storage, self.stored_name)
            raise
        if replaced:
            if hasattr(instance, "renditions"):  # an image's thumbnails of the old file
                instance.renditions.all().delete()
            delete_or_leave(replaced.storage, replaced.name)
        return instance


class ChallengeImageForm(StoresFileWhenValid, BaseImageForm):
    pass


class ChallengeDocumentForm(StoresFileWhenValid, BaseDocumentForm):
    pass
