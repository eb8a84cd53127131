-- proxyfund schema, written only here (Flyway). Hibernate validates it and never generates it.

-- Facts about this installation that outlive a restart (schema owner, first start, ...).
CREATE TABLE app_setting (
    name        TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 100),
    value       TEXT NOT NULL CHECK (length(value) <= 10000),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
