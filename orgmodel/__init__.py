"""orgmodel: the organisation of Albertslund Kommune as a validated knowledge graph."""
