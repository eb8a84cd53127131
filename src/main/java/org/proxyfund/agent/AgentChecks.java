package org.proxyfund.agent;

import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.HostGuard;
import org.proxyfund.endpoint.MonitorCredential;
import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.CheckTarget;
import org.proxyfund.probe.Checker;
import org.proxyfund.probe.httpconnect.HttpConnectChecker;
import org.proxyfund.probe.shadowsocks.ShadowsocksChecker;
import org.proxyfund.probe.socks5.Socks5Checker;
import org.proxyfund.vantage.AgentResult;
import org.proxyfund.vantage.AgentWork;

import java.time.Instant;

/**
 * Runs one leased check with the project's own checker for its protocol, relaying the leased canary frames, and
 * turns the outcome into the result the agent reports. Thread-safe: a new checker per check (its canary is the
 * check's own frames).
 */
final class AgentChecks {

    private final HostGuard guard;
    private final AgentSettings settings;

    AgentChecks(AgentSettings settings) {
        this.settings = settings;
        this.guard = new HostGuard(settings);
    }

    AgentResult run(AgentWork work, String canaryHost, int canaryPort) {
        Instant started = Instant.now();
        CheckResult r;
        try {
            EndpointType type = EndpointType.valueOf(work.type());
            LeasedCanary canary = new LeasedCanary(canaryHost, canaryPort, work.frames());
            Checker checker = switch (type) {
                case SOCKS5 -> new Socks5Checker(guard, canary, settings);
                case HTTP_CONNECT -> new HttpConnectChecker(guard, canary, settings);
                case SHADOWSOCKS -> new ShadowsocksChecker(guard, canary, settings);
                default -> null;
            };
            r = checker == null ? CheckResult.unknown("agents do not check " + type)
                    : checker.check(new CheckTarget(work.host(), work.port(), work.fields(), new MonitorCredential(type, work.credential())));
        } catch (RuntimeException e) {
            r = CheckResult.unknown("the agent failed: " + e.getClass().getSimpleName());
        }
        return new AgentResult(work.leaseId(), r.status().name(), r.reason() == null ? null : r.reason().name(),
                r.latency() == null ? null : (int) r.latency().toMillis(), r.detail(), started, r.code() == null ? null : r.code().key());
    }
}
