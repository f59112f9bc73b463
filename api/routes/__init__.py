"""The API's routers: health, queries, node and edge edits, audit and export."""
