"""Forms for writing and reviewing the books."""

from django import forms
from django.utils.translation import gettext_lazy as _

from regency.files import check_picture

from .models import Chapter, ChapterComment


class ChapterEditForm(forms.Form):
    """A chapter's title and text, with the version the editor started from."""

    title = forms.CharField(label=_("Chapter title"), max_length=200)
    body = forms.CharField(label=_("Text"), required=False, widget=forms.Textarea)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def clean_title(self):
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

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write a comment first."))
        return text


class NewChapterForm(forms.Form):
    title = forms.CharField(label=_("Title of the new chapter"), max_length=200)


class ChapterImageForm(forms.Form):
    """A picture for a chapter, uploaded from the editor."""

    file = forms.ImageField(label=_("Image"))

    def clean_file(self):
        image = self.cleaned_data["file"]
        check_picture(
            image,
            max_megabytes=5,
            formats=set(IMAGE_FORMATS),
            wrong_format=_("Use a PNG, JPEG, GIF or WebP image."),
        )
        return image


IMAGE_FORMATS = {"PNG": "png", "JPEG": "jpg", "GIF": "gif", "WEBP": "webp"}
