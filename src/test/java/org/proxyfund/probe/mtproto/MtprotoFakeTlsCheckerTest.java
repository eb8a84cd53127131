package org.proxyfund.probe.mtproto;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;
import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.DownReason;

import java.time.Clock;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The MTProto checker in the ee (fake-TLS) form, for an endpoint with a fake-TLS domain. */
@PlainLane
class MtprotoFakeTlsCheckerTest extends MtprotoCheckerContract {

    @Override
    String domain() {
        return "cdn.example.org";
    }

    /** ee: the server's HMAC proved it knows the secret, so a close afterwards is a relay failure. */
    @Override
    DownReason reasonWhenTheDataCentreIsUnreachable() {
        return DownReason.RELAY_FAILED;
    }

    @Test
    void shouldBeAuthRejectedWhenTheHelloCarriesATimeTheProxyRefuses() {
        Clock anHourBehind = Clock.offset(Clock.systemUTC(), Duration.ofHours(-1));
        MtprotoChecker checker = new MtprotoChecker(guard, config, new TestMtprotoConfig(DC_ID), anHourBehind);
        CheckResult result = checker.check(target(issued));
        assertEquals(DownReason.AUTH_REJECTED, result.reason(), result.detail());
    }
}
