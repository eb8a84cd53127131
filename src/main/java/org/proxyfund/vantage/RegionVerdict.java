package org.proxyfund.vantage;

/**
 * What an endpoint looks like from inside one region, by the latest results of the region's agents:
 * UP (every network that answered sees it up), DOWN (a quorum of networks sees it down, and so does the central
 * monitor outside), BLOCKED (a quorum of networks sees it down while it is up from outside), PARTIAL (down from some
 * networks, up from others), UNKNOWN (too few networks to tell).
 */
public enum RegionVerdict {
    UP, DOWN, BLOCKED, PARTIAL, UNKNOWN
}
