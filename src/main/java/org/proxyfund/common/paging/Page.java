package org.proxyfund.common.paging;

import java.util.List;

/**
 * One page of a list, newest first: {@code older} is the {@code before} cursor of the next page back, {@code newer}
 * the {@code after} cursor of the page before this one (null where there is none); {@code notFirst} when this is not
 * the newest page, so a link back to it is worth showing.
 */
public record Page<T>(List<T> items, Long older, Long newer, boolean notFirst) {
}
