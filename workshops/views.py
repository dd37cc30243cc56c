from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from regency.models import Programme


@login_required
def workshop_list(request):
    """The four Bimtek of the current programme, with dates, venue and target outputs."""
    programme = Programme.current()
    workshops = programme.workshops.all() if programme else []
    return render(
        request, "workshops/workshop_list.html", {"programme": programme, "workshops": workshops}
    )
