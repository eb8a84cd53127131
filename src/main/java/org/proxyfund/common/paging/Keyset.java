package org.proxyfund.common.paging;

import io.quarkus.panache.common.Parameters;
import org.proxyfund.common.validation.FieldError;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One page of a list ordered by a unique, increasing id, newest (highest id) first: the first page, the page of rows
 * older than {@code before}, or the page of rows newer than {@code after}. Keyset rather than offset paging, so a
 * page deep into a long audit log costs as little as the first, and rows added meanwhile never shift a page.
 */
public record Keyset(Long before, Long after, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** A parsed request, or the field error that explains why it is not one. */
    public record Parsed(Keyset keyset, FieldError error) {
        public boolean ok() {
            return error == null;
        }
    }

    public static Keyset first() {
        return new Keyset(null, null, DEFAULT_LIMIT);
    }

    /** From query parameters {@code before}, {@code after} and {@code limit} (all optional, at most one cursor). */
    public static Parsed parse(String before, String after, String limit) {
        Long b = cursor(before);
        Long a = cursor(after);
        if (b != null && b < 0 || a != null && a < 0) {
            return new Parsed(null, new FieldError(b != null && b < 0 ? "before" : "after", "paging.cursor.invalid",
                    "A page cursor is the positive id from a previous page's link."));
        }
        if (b != null && a != null) {
            return new Parsed(null, new FieldError("after", "paging.cursor.both", "Give either before or after, not both."));
        }
        int n = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                n = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > MAX_LIMIT) {
                return new Parsed(null, new FieldError("limit", "paging.limit.invalid", "limit is a whole number from 1 to " + MAX_LIMIT + "."));
            }
        }
        return new Parsed(new Keyset(b, a, n), null);
    }

    /** null when absent, -1 when not a positive whole number. */
    private static Long cursor(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            long v = Long.parseLong(s.strip());
            return v > 0 ? v : -1L;
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    /** A Panache query: {@code filter} (may be empty) with this page's bound on {@code id}, in this page's order. */
    public String query(String filter) {
        String bound = before != null ? "id < :cursor" : after != null ? "id > :cursor" : null;
        String where = Stream.of(filter, bound).filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" and "));
        String order = after != null ? "order by id asc" : "order by id desc";
        return where.isEmpty() ? order : where + " " + order;
    }

    /** The parameters of {@link #query}: {@code base} plus the cursor. */
    public Parameters parameters(Parameters base) {
        Long c = before != null ? before : after;
        return c == null ? base : base.and("cursor", c);
    }

    /** How many rows to fetch: one more than shown, to know whether there are more. */
    public int fetch() {
        return limit + 1;
    }

    /** The page from rows fetched with {@link #query} (up to {@link #fetch()}), newest first, with its neighbours. */
    public <T> Page<T> page(List<T> fetched, ToLongFunction<T> id) {
        boolean more = fetched.size() > limit;
        List<T> rows = new ArrayList<>(more ? fetched.subList(0, limit) : fetched);
        if (after != null) {
            Collections.reverse(rows);
        }
        boolean hasOlder = after != null || more;
        boolean hasNewer = before != null || after != null && more;
        Long older = hasOlder && !rows.isEmpty() ? id.applyAsLong(rows.get(rows.size() - 1)) : null;
        Long newer = hasNewer && !rows.isEmpty() ? id.applyAsLong(rows.get(0)) : null;
        return new Page<>(List.copyOf(rows), older, newer, before != null || after != null);
    }
}
