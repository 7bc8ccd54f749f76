"""The problem ledger (台账, 一(三)): problems tracked from discovery to closure in a database.

Holds the event log (append-only, hash-chained), the fold of events into each problem's state
on any day, the three lists (问题清单、责任清单、整改清单), alerts, duplicates and merges, the
evaluation indices, Excel import and export. Storage is SQLAlchemy Core over SQLite or PostgreSQL
(extra ``ledger``).

May import: ``_errors``, ``policy``, ``chain``, ``engine``, ``batch``. Not ``checks``, ``service``,
``cli`` or the facade.
"""

from ._events import CODES, Event, events_from_record
from ._fold import State
from ._ledger import Ledger, Verification
from ._store import SCHEMA_VERSION, LedgerError

__all__ = ["CODES", "SCHEMA_VERSION", "Event", "Ledger", "LedgerError", "State", "Verification", "events_from_record"]
