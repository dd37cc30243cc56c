"""Every model of masterplan, from its four rooms: migrations and older imports use this face.

Each room keeps its own models in ``masterplan/<room>/models.py``; the app label stays
"masterplan", so the database tables are those of before."""

from .books.models import (  # noqa: F401
    Book,
    Chapter,
    ChapterComment,
    ChapterRevision,
    RenderJob,
)
from .commitments.models import (  # noqa: F401
    CommitmentSheet,
    CommitmentSheetQuerySet,
    Signatory,
    Signature,
    SigningEvent,
    SigningNonce,
)
from .inputs.models import (  # noqa: F401
    FundingSource,
    InputKind,
    InputWindow,
    ReadinessComponent,
    ReviewComment,
    Worksheet,
    WorksheetEntry,
    WorksheetQuerySet,
    WorksheetStateChange,
    default_readiness_components,
)
from .roadmap.models import (  # noqa: F401
    EvaluationYear,
    QuickWinOrigin,
    RoadmapItem,
    RoadmapItemQuerySet,
    RoadmapRealisation,
)
