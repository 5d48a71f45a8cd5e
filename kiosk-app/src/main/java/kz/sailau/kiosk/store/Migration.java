package kz.sailau.kiosk.store;

import java.util.List;
import java.util.Objects;

/**
 * One step of the database schema. Each feature owns its migrations ({@code register-1}, later
 * {@code checkin-1}, {@code audit-1} ...); the application lists all of them in order when it opens the
 * database, and {@link KioskDatabase} applies the ones not yet applied, each in its own transaction.
 * A migration, once released, is never edited: a change is a new migration.
 *
 * @param id          unique, stable id, e.g. {@code register-1}
 * @param description what it does, for the migration log
 * @param statements  SQL statements, run in order
 */
public record Migration(String id, String description, List<String> statements) {

    /** @throws IllegalArgumentException on a blank id or no statements */
    public Migration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        statements = List.copyOf(statements);
        if (id.isBlank() || statements.isEmpty()) {
            throw new IllegalArgumentException("a migration needs an id and at least one statement");
        }
    }
}
