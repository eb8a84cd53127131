package org.proxyfund.wallet.node;

import io.quarkus.qute.TemplateGlobal;

/** What every page may say about the local regtest node; the texts are in {@link LocalNodeMessages}. */
public final class LocalNodeGlobals {

    private LocalNodeGlobals() {
    }

    /** Why the dev profile's wallet has no local node ({@link LocalNodeProblem} name), or empty. */
    @TemplateGlobal
    static String localNodeProblem() {
        return LocalNode.problem().map(Enum::name).orElse("");
    }
}
