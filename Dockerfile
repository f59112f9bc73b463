# The orgmodel API (and the one-shot loader): python:3.11-slim, the package installed in place
# (pip install -e .) so that it finds the data folder (data/: KLE, synonyms, Albertslund).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1

WORKDIR /app
COPY pyproject.toml README.md ./
COPY orgmodel ./orgmodel
COPY api ./api
COPY viz ./viz
COPY data ./data
RUN pip install -e . \
    && useradd --system --uid 10001 --home-dir /app orgmodel \
    && mkdir -p /var/lib/orgmodel && chown orgmodel /var/lib/orgmodel

USER orgmodel
EXPOSE 8000
CMD ["orgmodel", "serve", "--host", "0.0.0.0", "--port", "8000"]
