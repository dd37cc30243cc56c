"""Every URL answers where it did before masterplan was split into rooms (issue 12).

The paths are those of the flat layout; only the names moved into the rooms' namespaces
(``masterplan:inputs:``, ``masterplan:books:``, ``masterplan:commitments:``). A URL added or
moved on purpose is added here too.
"""

from django.urls import URLResolver, get_resolver

URLS = [
    # issue 13: the secretariat's people pages, and setting a password by e-mail
    ("people/", "people:list"),
    ("people/new/", "people:add"),
    ("people/import/", "people:import"),
    ("people/changes/", "people:changes"),
    ("people/<int:person_id>/", "people:detail"),
    ("people/<int:person_id>/edit/", "people:edit"),
    ("people/<int:person_id>/deactivate/", "people:deactivate"),
    ("people/<int:person_id>/reactivate/", "people:reactivate"),
    ("people/<int:person_id>/invite/", "people:invite"),
    ("accounts/password/reset/", "password_reset"),
    ("accounts/password/reset/sent/", "password_reset_done"),
    ("accounts/password/set/<uidb64>/<token>/", "password_reset_confirm"),
    ("commitments/<int:sheet_id>/pdf/again/", "masterplan:commitments:pdf_again"),  # issue 11
    ("accounts/imports/<int:job_id>/", "import_job"),  # added with import jobs (issue 11)
    ("", "masterplan:home"),
    ("accounts/login/", "login"),
    ("accounts/logout/", "logout"),
    ("accounts/password/", "password_change"),
    ("accounts/password/done/", "password_change_done"),
    ("books/", "masterplan:books:book_list"),
    ("books/<int:book_id>/", "masterplan:books:book_detail"),
    ("books/<int:book_id>/chapters/new/", "masterplan:books:chapter_add"),
    ("books/<int:book_id>/render/", "masterplan:books:render_book"),
    ("books/images/", "masterplan:books:chapter_image_upload"),
    ("books/images/<str:name>", "masterplan:books:chapter_image"),
    ("books/roadmap/new/", "masterplan:books:roadmap_book_add"),
    ("books/whole/render/", "masterplan:books:masterplan_render"),
    ("chapters/<int:chapter_id>/", "masterplan:books:chapter_detail"),
    ("chapters/<int:chapter_id>/comments/", "masterplan:books:comment_add"),
    ("chapters/<int:chapter_id>/diff/", "masterplan:books:chapter_diff"),
    ("chapters/<int:chapter_id>/edit/", "masterplan:books:chapter_edit"),
    ("chapters/<int:chapter_id>/history/", "masterplan:books:chapter_history"),
    ("chapters/<int:chapter_id>/move/<str:direction>/", "masterplan:books:chapter_move"),
    ("chapters/<int:chapter_id>/preview/", "masterplan:books:chapter_preview"),
    (
        "chapters/<int:chapter_id>/revisions/<int:version>/restore/",
        "masterplan:books:revision_restore",
    ),
    ("chapters/<int:chapter_id>/state/", "masterplan:books:chapter_state"),
    ("comments/<int:comment_id>/resolve/", "masterplan:books:comment_resolve"),
    ("commitments/", "masterplan:commitments:list"),
    ("commitments/<int:sheet_id>/", "masterplan:commitments:detail"),
    ("commitments/<int:sheet_id>/edit/", "masterplan:commitments:edit"),
    ("commitments/<int:sheet_id>/issue/", "masterplan:commitments:issue"),
    ("commitments/<int:sheet_id>/pdf/", "masterplan:commitments:pdf"),
    ("commitments/<int:sheet_id>/pdf/status/", "masterplan:commitments:pdf_status"),
    ("commitments/<int:sheet_id>/remind/", "masterplan:commitments:remind"),
    ("commitments/<int:sheet_id>/sign/", "masterplan:commitments:sign"),
    ("commitments/<int:sheet_id>/void/", "masterplan:commitments:void"),
    ("commitments/new/", "masterplan:commitments:create"),
    ("commitments/verify/", "masterplan:commitments:verify"),
    ("i18n/setlang/", "set_language"),
    ("inputs/", "masterplan:inputs:windows"),
    ("inputs/entries/<int:entry_id>/", "masterplan:inputs:entry_edit"),
    ("inputs/entries/<int:entry_id>/autosave/", "masterplan:inputs:entry_autosave"),
    ("inputs/entries/<int:entry_id>/delete/", "masterplan:inputs:entry_delete"),
    ("inputs/windows/<int:window_id>/", "masterplan:inputs:window"),
    ("inputs/windows/<int:window_id>/deadline/", "masterplan:inputs:deadline"),
    ("inputs/windows/<int:window_id>/export/", "masterplan:inputs:window_export"),
    ("inputs/windows/<int:window_id>/readiness/", "masterplan:inputs:readiness"),
    ("inputs/windows/<int:window_id>/remind/", "masterplan:inputs:remind"),
    ("inputs/windows/new/", "masterplan:inputs:window_new"),
    ("inputs/worksheets/<int:worksheet_id>/", "masterplan:inputs:worksheet"),
    ("inputs/worksheets/<int:worksheet_id>/<slug:action>/", "masterplan:inputs:worksheet_action"),
    ("inputs/worksheets/<int:worksheet_id>/comments/", "masterplan:inputs:worksheet_comment"),
    ("inputs/worksheets/<int:worksheet_id>/entries/", "masterplan:inputs:entry_new"),
    ("inputs/worksheets/<int:worksheet_id>/export/", "masterplan:inputs:worksheet_export"),
    ("inputs/worksheets/<int:worksheet_id>/import/", "masterplan:inputs:worksheet_import"),
    ("publik/", "masterplan:public"),
    ("quickwins/", "quickwins:list"),
    ("quickwins/<int:quick_win_id>/", "quickwins:detail"),
    ("quickwins/<int:quick_win_id>/pilih/", "quickwins:toggle_selected"),
    ("quickwins/<int:quick_win_id>/ubah/", "quickwins:edit"),
    ("quickwins/baru/", "quickwins:create"),
    ("quickwins/foto/<int:photo_id>/", "quickwins:photo"),
    ("quickwins/publik/", None),
    ("renders/<int:job_id>/", "masterplan:books:job_status"),
    ("renders/<int:job_id>/download/", "masterplan:books:job_download"),
    ("roadmap/", "masterplan:roadmap:list"),
    ("roadmap/evaluation/", "masterplan:roadmap:evaluation"),
    ("roadmap/items/<int:item_id>/", "masterplan:roadmap:item"),
    ("roadmap/items/<int:item_id>/edit/", "masterplan:roadmap:edit"),
    ("roadmap/items/<int:item_id>/quick-win/", "masterplan:roadmap:quick_win"),
    ("roadmap/items/<int:item_id>/report/", "masterplan:roadmap:report_item"),
    ("roadmap/items/new/", "masterplan:roadmap:create"),
    ("roadmap/monitoring/", "masterplan:roadmap:monitoring"),
    ("roadmap/promote/", "masterplan:roadmap:promote"),
    ("roadmap/publish/", "masterplan:roadmap:publish"),
    ("roadmap/quick-wins/<int:quick_win_id>/origin/", "masterplan:roadmap:quick_win_origin"),
    ("roadmap/report/", "masterplan:roadmap:report"),
    ("workshops/", "workshops:list"),
    ("workshops/<int:workshop_id>/", "workshops:detail"),
    ("workshops/<int:workshop_id>/agenda/", "workshops:agenda_add"),
    ("workshops/<int:workshop_id>/edit/", "workshops:edit"),
    ("workshops/<int:workshop_id>/follow-ups/", "workshops:follow_up_add"),
    ("workshops/<int:workshop_id>/invite/", "workshops:invite"),
    ("workshops/<int:workshop_id>/letters/", "workshops:letters_request"),
    ("workshops/<int:workshop_id>/mentors/", "workshops:mentor_add"),
    ("workshops/<int:workshop_id>/minutes/", "workshops:minutes"),
    ("workshops/<int:workshop_id>/outputs/", "workshops:output_add"),
    ("workshops/<int:workshop_id>/photos/", "workshops:gallery"),
    ("workshops/check-in/<str:token>/", "workshops:checkin"),
    ("workshops/days/<int:day_id>/attendance-list/", "workshops:attendance_list_request"),
    ("workshops/days/<int:day_id>/door/", "workshops:door"),
    ("workshops/days/<int:day_id>/tick/<int:participant_id>/", "workshops:tick"),
    ("workshops/days/<int:day_id>/walk-in/", "workshops:walk_in"),
    ("workshops/days/<int:day_id>/who-came/", "workshops:who_came"),
    ("workshops/delete/<str:kind>/<int:item_id>/", "workshops:item_delete"),
    ("workshops/follow-ups/<int:follow_up_id>/toggle/", "workshops:follow_up_toggle"),
    ("workshops/invitations/<int:invitation_id>/letter/", "workshops:my_letter"),
    ("workshops/my-invitations/", "workshops:my_invitations"),
    ("workshops/outputs/<int:output_id>/", "workshops:output_edit"),
    ("workshops/outputs/<int:output_id>/evidence/", "workshops:output_evidence"),
    ("workshops/participants/", "workshops:participants"),
    ("workshops/participants/<int:participant_id>/", "workshops:participant_edit"),
    ("workshops/participants/add/", "workshops:participant_add"),
    ("workshops/participants/export/", "workshops:participant_export"),
    ("workshops/participants/import/", "workshops:participant_import"),
    ("workshops/photos/<int:photo_id>/delete/", "workshops:photo_delete"),
    ("workshops/photos/<int:photo_id>/full/", "workshops:photo"),
    ("workshops/photos/<int:photo_id>/thumb/", "workshops:photo_thumb"),
    ("workshops/prints/<int:job_id>/", "workshops:print_status"),
    ("workshops/prints/<int:job_id>/download/", "workshops:print_download"),
]


def walk(resolver, prefix="", namespace=""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from walk(pattern, prefix + str(pattern.pattern), inner)
        else:
            yield (
                prefix + str(pattern.pattern),
                (namespace + pattern.name if pattern.name else None),
            )


def test_every_path_and_its_name_are_those_of_before():
    ours = (row for row in walk(get_resolver()) if not row[0].startswith(("admin/", "^media/")))
    found = sorted(ours, key=str)
    assert found == sorted(URLS, key=str)
