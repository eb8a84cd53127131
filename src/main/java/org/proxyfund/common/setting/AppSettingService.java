package org.proxyfund.common.setting;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Reads and writes installation settings; records the first start so operators can see the service's age. */
@ApplicationScoped
@Transactional
public class AppSettingService {

    public static final String FIRST_STARTED_AT = "first_started_at";
    private static final int MAX_VALUE_LENGTH = 10_000;

    @Inject
    EntityManager em;

    void onStart(@Observes StartupEvent event) {
        // Several replicas start at once: the first insert wins, the others do nothing.
        em.createNativeQuery("INSERT INTO app_setting(name, value) VALUES (?1, ?2) ON CONFLICT (name) DO NOTHING")
                .setParameter(1, FIRST_STARTED_AT)
                .setParameter(2, OffsetDateTime.now(ZoneOffset.UTC).toString())
                .executeUpdate();
    }

    /**
     * Stores the value unless the setting exists, and returns what is stored: when several replicas start at once the
     * first insert wins and all of them read the same value.
     */
    public String putIfAbsent(String name, String value) {
        em.createNativeQuery("INSERT INTO app_setting(name, value) VALUES (?1, ?2) ON CONFLICT (name) DO NOTHING")
                .setParameter(1, name).setParameter(2, value).executeUpdate();
        return (String) em.createNativeQuery("SELECT value FROM app_setting WHERE name = ?1")
                .setParameter(1, name).getSingleResult();
    }

    // A read in its own transaction: outside one, Quarkus uses a request-scoped session whose
    // cache would return a value another transaction has since overwritten.
    public Optional<String> get(String name) {
        return AppSetting.byName(name).map(s -> s.value);
    }

    public void put(String name, String value) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("setting name must be 1 to 100 characters");
        }
        if (value == null || value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("setting value must be at most " + MAX_VALUE_LENGTH + " characters");
        }
        AppSetting s = AppSetting.byName(name).orElseGet(() -> {
            AppSetting n = new AppSetting();
            n.name = name;
            return n;
        });
        s.value = value;
        s.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        s.persist();
    }
}
