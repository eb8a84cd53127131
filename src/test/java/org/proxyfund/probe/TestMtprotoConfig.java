package org.proxyfund.probe;

/** MTProto check settings for tests that build the checker directly. */
record TestMtprotoConfig(short dcId, int maxReplyBytes) implements MtprotoConfig {

    TestMtprotoConfig(short dcId) {
        this(dcId, 4096);
    }
}
