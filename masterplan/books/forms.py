"""Forms for writing and reviewing the books."""

import re

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from regency.files import check_picture

from .models import Chapter, ChapterComment

# HTML only: pictures are uploaded on their own and the text links them
MAX_CHAPTER_MEGABYTES = 10
MAX_CHAPTER_BYTES = MAX_CHAPTER_MEGABYTES * 1024 * 1024
# what the browser sends for that much text: URL-encoding triples some characters
MAX_CHAPTER_REQUEST_BYTES = 3 * MAX_CHAPTER_BYTES + 1024 * 1024
INLINE_PICTURE = re.compile(r"""<img\b[^>]*\ssrc\s*=\s*["']?\s*data:""", re.IGNORECASE)


def chapter_too_large() -> str:
    return _(
        "The text is larger than %(megabytes)s MB of HTML, the most a chapter may hold. Nothing "
        "was saved; your text stays in the editor and in this browser. Shorten it or split it "
        "into two chapters, then save again."
    ) % {"megabytes": MAX_CHAPTER_MEGABYTES}


class ChapterEditForm(forms.Form):
    """A chapter's title and text, with the version the editor started from."""

    title = forms.CharField(label=_("Chapter title"), max_length=200)
    body = forms.CharField(label=_("Text"), required=False, widget=forms.Textarea)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        if len(body.encode()) > MAX_CHAPTER_BYTES:
            raise forms.ValidationError(chapter_too_large())
        if INLINE_PICTURE.search(body):
            # the sanitiser would drop it silently: say so while the text is still here
            raise forms.ValidationError(
                _(
                    "A picture is pasted into the text itself instead of uploaded. Wait until "
                    "its upload has finished, or insert it with the picture button, then save."
                )
            )
        return body

    def clean_title(self) -> str:
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("A chapter needs a title."))
        return title


class ChapterStateForm(forms.Form):
    state = forms.ChoiceField(label=_("State"), choices=Chapter.State.choices)


class CommentForm(forms.ModelForm):
    class Meta:
        model = ChapterComment
        fields = ["text"]
        labels = {"text": _("Your comment")}
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write a comment first."))
        return text


class NewChapterForm(forms.Form):
    title = forms.CharField(label=_("Title of the new chapter"), max_length=200)


class ChapterImageForm(forms.Form):
    """A picture for a chapter, uploaded from the editor."""

    # A FileField: check_picture reads the content; the name and declared type are not asked.
    file = forms.FileField(label=_("Image"))

    def clean_file(self) -> UploadedFile:
        image = self.cleaned_data["file"]
        check_picture(
            image,
            max_megabytes=5,
            formats=IMAGE_FORMATS,
            wrong_format=_("Use a PNG, JPEG, GIF or WebP image."),
        )
        return image


IMAGE_FORMATS = {"PNG", "JPEG", "GIF", "WEBP"}
