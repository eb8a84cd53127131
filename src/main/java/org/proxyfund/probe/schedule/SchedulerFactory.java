package org.proxyfund.probe.schedule;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.proxyfund.common.crypto.SecretCipher;
import org.proxyfund.endpoint.EndpointQueries;
import org.proxyfund.endpoint.OwnershipService;
import org.proxyfund.probe.Checker;
import org.proxyfund.probe.ProbeConfig;
import org.proxyfund.probe.canary.Canary;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.sql.DataSource;

/** Builds check schedulers from the application's beans: the configured one, or more with other ids (tests, benchmark). */
@ApplicationScoped
public class SchedulerFactory {

    private final ScheduleConfig config;
    private final ScheduleRepository repository;
    private final Checkers checkers;
    private final Canary canary;
    private final ProbeConfig probe;
    private final MeterRegistry registry;
    private final OwnershipGate ownership;

    public SchedulerFactory(ScheduleConfig config, DataSource dataSource, SecretCipher cipher, ObjectMapper json,
                            @Any Instance<Checker> checkers, Canary canary, ProbeConfig probe, MeterRegistry registry,
                            OwnershipService ownership, EndpointQueries endpoints) {
        this.ownership = new OwnershipGate(ownership::status);
        this.config = config;
        this.repository = new ScheduleRepository(dataSource, cipher, json, endpoints);
        this.checkers = new Checkers(checkers);
        this.canary = canary;
        this.probe = probe;
        this.registry = registry;
    }

    /** The scheduler this replica runs, with the configured settings and monitor id. */
    public CheckScheduler create() {
        return create(config, config.monitorId().orElseGet(SchedulerFactory::defaultMonitorId));
    }

    /** A scheduler with other settings and another monitor id, against the same database and beans. */
    public CheckScheduler create(ScheduleConfig settings, String monitorId) {
        return new CheckScheduler(settings, monitorId, repository, checkers, canary, probe, registry, ownership);
    }

    /** The configured settings. */
    public ScheduleConfig config() {
        return config;
    }

    /** $HOSTNAME (a pod's name) or the host name, plus a random suffix so a restarted process never reuses old leases. */
    static String defaultMonitorId() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "monitor";
            }
        }
        byte[] suffix = new byte[3];
        new SecureRandom().nextBytes(suffix);
        String id = host.length() > 90 ? host.substring(0, 90) : host;
        return id + "-" + HexFormat.of().formatHex(suffix);
    }
}
