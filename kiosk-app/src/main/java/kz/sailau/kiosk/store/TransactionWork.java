package kz.sailau.kiosk.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done inside one database transaction.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface TransactionWork<T> {

    /**
     * Runs the work; throwing anything rolls the whole transaction back.
     *
     * @param connection the connection, inside the transaction; do not commit, roll back or close it
     */
    T run(Connection connection) throws SQLException;
}
