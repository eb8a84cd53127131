package org.proxyfund.wallet.node;

/** Why the local regtest node does not run; each has a text saying what to install or where to look. */
public enum LocalNodeProblem {
    /** No {@code node} (Node.js) on the PATH. */
    NODEJS_MISSING,
    /** Node.js is there but bcoin is not installed in tools/bcoin. */
    BCOIN_MISSING,
    /** The node was started and exited, or never answered. */
    FAILED
}
