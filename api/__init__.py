"""The HTTP API of orgmodel (FastAPI): build it with :func:`api.app.create_app`.

Kept empty of imports so that ``orgmodel`` commands registered from :mod:`api.cli` start
without loading FastAPI.
"""
