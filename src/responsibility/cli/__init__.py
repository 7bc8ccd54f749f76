"""The cli wing: the ``responsibility`` command.

Holds the command group and the commands ``validate``, ``schemas``, ``who``, ``test``,
``diff`` (``_cli``), ``graph`` (``_graph``) and ``assess`` (``_assess``), and table
rendering (``_render_table``). ``run`` is the console script (``main``, then the process's end).

May import every wing below it (``policy``, ``chain``, ``engine``, ``batch``, ``checks``,
``ledger``, ``service``). Must not import the facade (``responsibility._api``,
``responsibility/__init__``): it uses the wings directly.
"""

from ._cli import main, run

__all__ = ["main", "run"]
