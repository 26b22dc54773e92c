"""`judge serve`: the practice app in the browser, a thin page over the same library.

`app.create_app` assembles it: `security` guards every request (Host, token cookie, Origin,
CSP), `jobs` runs judgements on a worker thread and streams their cases, `api` answers the
page's requests, and `static/` holds the page itself with its vendored scripts.
"""
