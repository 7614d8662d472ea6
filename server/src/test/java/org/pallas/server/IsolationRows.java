package org.pallas.server;

import java.util.List;

/**
 * Rows of the tenant-isolation matrix contributed by a module. Put a class implementing this (with a
 * no-argument constructor) anywhere under {@code org.pallas.server} in the test sources; the matrix
 * finds it. Every request mapping of the application must be covered by at least one row.
 */
public interface IsolationRows {
    List<IsolationRow> rows();
}
