package org.proxyfund.probe.relay;

import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.Detail;
import org.proxyfund.probe.DownReason;
import org.proxyfund.probe.canary.Canary;
import org.proxyfund.probe.canary.CanaryFrames;

import java.security.MessageDigest;
import java.util.List;
import java.util.random.RandomGenerator;

/** The connections one relaying check makes through an endpoint, each judged on its own (see {@link RelayCheck}). */
final class RelayProbes {

    /** The canary connection: its outcome, the address that answered, and a note when a second address was needed. */
    record CanaryProbe(RelayConnection.Outcome outcome, Detail note) {
    }

    /** What the user-target connections showed. */
    enum TargetState {
        /** A Telegram DC proved its key through the endpoint. */
        REACHED,
        /** The endpoint itself could not be reached. */
        UNREACHABLE,
        /** Not through the endpoint, although the monitor reaches the DC directly: the endpoint relays only to the canary. */
        NOT_RELAYED,
        /** Neither through the endpoint nor directly: Telegram is out of the monitor's reach, so it proves nothing. */
        INCONCLUSIVE
    }

    /** The user-target connections' verdict, with what the operator should read. */
    record TargetProbe(TargetState state, RelayConnection.Outcome outcome, Detail detail) {
    }

    private final RelayConnection connection;
    private final CanaryFrames canary;
    private final TelegramTargets targets;
    private final List<RelayCheck.CanaryAddress> canaries;
    private final RandomGenerator random;

    RelayProbes(RelayConnection connection, CanaryFrames canary, TelegramTargets targets, List<RelayCheck.CanaryAddress> canaries,
                RandomGenerator random) {
        this.connection = connection;
        this.canary = canary;
        this.targets = targets;
        this.canaries = canaries;
        this.random = random;
    }

    /** A fresh nonce to a canary address; a relay failure is tried against a second address before it counts. */
    CanaryProbe canary(RelayCheck.Handshake issued) {
        RelayCheck.CanaryAddress first = canaries.get(random.nextInt(canaries.size()));
        RelayConnection.Outcome a = viaCanary(issued, first);
        if (a.ok() || a.unreachable() || !relayFailure(a.failure()) || canaries.size() < 2) return new CanaryProbe(a, null);
        List<RelayCheck.CanaryAddress> others = canaries.stream().filter(c -> !c.equals(first)).toList();
        RelayCheck.CanaryAddress second = others.get(random.nextInt(others.size()));
        RelayConnection.Outcome b = viaCanary(issued, second);
        if (b.ok()) {
            return new CanaryProbe(b, Detail.of("canary_second_reached", first.text(), a.failure().detailCode(), second.text()));
        }
        CheckResult both = CheckResult.down(a.failure().reason(),
                Detail.of("canary_second_failed", a.failure().detailCode(), second.text(), b.failure().detailCode()));
        return new CanaryProbe(new RelayConnection.Outcome(both, b.unreachable(), null), null);
    }

    /** A user target at random through the endpoint; failing that, another; failing both, the monitor's own look. */
    TargetProbe userTargets(RelayCheck.Handshake issued) {
        UserTarget a = targets.pick(random);
        RelayConnection.Outcome first = viaTarget(issued, a);
        if (first.ok()) return reached(a, first);
        if (first.unreachable()) return new TargetProbe(TargetState.UNREACHABLE, first, first.failure().detailCode());
        UserTarget b = targets.other(a, random);
        if (b != null) {
            RelayConnection.Outcome second = viaTarget(issued, b);
            if (second.ok()) return reached(b, second);
            if (second.unreachable()) return new TargetProbe(TargetState.UNREACHABLE, second, second.failure().detailCode());
        }
        if (targets.provesDirectly(a) || (b != null && targets.provesDirectly(b))) {
            Detail failure = first.failure().detailCode();
            return new TargetProbe(TargetState.NOT_RELAYED, first, b == null ? Detail.of("target_not_relayed", a.address(), failure)
                    : Detail.of("target_not_relayed_two", a.address(), b.address(), failure));
        }
        return new TargetProbe(TargetState.INCONCLUSIVE, first, b == null ? Detail.of("target_inconclusive", a.address())
                : Detail.of("target_inconclusive_two", a.address(), b.address()));
    }

    /** Whether the endpoint relays our nonce to the canary for a client using this handshake (no or a wrong credential). */
    boolean relaysFor(RelayCheck.Handshake handshake) {
        return viaCanary(handshake, canaries.get(random.nextInt(canaries.size()))).ok();
    }

    private RelayConnection.Outcome viaCanary(RelayCheck.Handshake handshake, RelayCheck.CanaryAddress address) {
        byte[] frame = canary.newFrame();
        return connection.run(handshake, address.host(), address.port(), (in, out) -> {
            out.write(frame);
            out.flush();
            byte[] answer = in.readNBytes(Canary.ANSWER_BYTES);
            return MessageDigest.isEqual(answer, canary.expectedAnswer(frame)) ? null
                    : CheckResult.down(DownReason.RELAY_FAILED, Detail.of("canary_answer_missing"));
        });
    }

    private RelayConnection.Outcome viaTarget(RelayCheck.Handshake handshake, UserTarget target) {
        return connection.run(handshake, target.host(), target.port(),
                (in, out) -> TelegramProof.run(in, out, target, targets.keys(), targets.maxReplyBytes()));
    }

    private static TargetProbe reached(UserTarget target, RelayConnection.Outcome outcome) {
        return new TargetProbe(TargetState.REACHED, outcome, Detail.of("target_reached", target.dc(), target.address()));
    }

    private static boolean relayFailure(CheckResult failure) {
        return failure.reason() == DownReason.RELAY_FAILED || failure.reason() == DownReason.TIMEOUT;
    }
}
