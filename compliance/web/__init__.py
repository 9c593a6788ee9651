"""`compliance serve`: the page and the JSON API, calling the same library functions as the CLI.

``create_app`` builds the Flask application (used by the tests through its
test client); ``server.serve`` runs it on waitress for the district office.
"""

from .app import create_app

__all__ = ["create_app"]
