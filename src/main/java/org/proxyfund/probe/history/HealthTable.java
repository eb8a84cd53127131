package org.proxyfund.probe.history;

import java.util.List;

/**
 * One page of the admin health table and how it was asked for.
 *
 * @param page 1-based page number, clamped to the last page
 * @param descending sort direction
 */
public record HealthTable(List<HealthRow> rows, long total, int page, int size, HealthSort sort, boolean descending) {

    /** Largest page size a request may ask for. */
    public static final int MAX_SIZE = 200;

    /** Page size when none is asked for. */
    public static final int DEFAULT_SIZE = 50;

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    public int previousPage() {
        return page - 1;
    }

    public int nextPage() {
        return page + 1;
    }

    public String dir() {
        return descending ? "desc" : "asc";
    }

    /** The direction a column header should link to: the other way round if the table is sorted by it already. */
    public String nextDir(String key) {
        return sort.key().equals(key) && !descending ? "desc" : "asc";
    }

    /** The aria-sort value of a column header. */
    public String ariaSort(String key) {
        return !sort.key().equals(key) ? "none" : descending ? "descending" : "ascending";
    }

    /** A page or size query parameter; anything but a plain number gives the default. */
    public static int number(String text, int fallback) {
        if (text == null || !text.strip().matches("\\d{1,9}")) {
            return fallback;
        }
        return Integer.parseInt(text.strip());
    }
}
