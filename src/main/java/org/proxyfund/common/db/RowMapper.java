package org.proxyfund.common.db;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps the current row of a result set to a value; may throw SQLException like the JDBC getters it calls. */
@FunctionalInterface
public interface RowMapper<T> {

    T map(ResultSet rs) throws SQLException;
}
