package org.proxyfund.probe.schedule;

import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.probe.CheckTarget;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * One endpoint leased by this monitor: what to check and the lease to prove when recording.
 *
 * @param endpointId     the endpoint
 * @param type           its protocol (picks the checker)
 * @param target         host, port, fields and decrypted credential; null when the stored data could not be read
 * @param unreadable     why the target is null (recorded as UNKNOWN), else null
 * @param nextCheckAt    when it was due; the next due time is counted from here
 * @param leaseExpiresAt the lease's expiry as stored: it doubles as the lease token when recording
 * @param lag            how late it was leased (now minus due time)
 * @param leasedNanos    System.nanoTime() just before the lease was taken: the lease ends no sooner than this plus its
 *                       duration, so a check finished before then is still recorded
 */
public record LeasedCheck(long endpointId, EndpointType type, CheckTarget target, String unreadable,
                          OffsetDateTime nextCheckAt, OffsetDateTime leaseExpiresAt, Duration lag, long leasedNanos) {
}
