package org.proxyfund.feed;

import java.time.Instant;

/** One entry of an operator's feed: a stable id (a tag URI), a title and a text, when it happened, a page to open. */
record FeedEntry(String id, String title, String text, Instant updated, String link) {
}
