package org.proxyfund.common.setting;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads and writes through the Flyway-made schema on a real PostgreSQL. */
@QuarkusTest
class AppSettingServiceTest {

    @Inject
    AppSettingService settings;

    @Inject
    EntityManager em;

    @Test
    void shouldRecordWhenTheInstallationFirstStarted() {
        String first = settings.get(AppSettingService.FIRST_STARTED_AT).orElseThrow();
        assertTrue(OffsetDateTime.parse(first).isBefore(OffsetDateTime.now().plusSeconds(1)));
    }

    @Test
    void shouldStoreAndOverwriteASetting() {
        settings.put("test.greeting", "hello");
        assertEquals("hello", settings.get("test.greeting").orElseThrow());
        settings.put("test.greeting", "привет");
        assertEquals("привет", settings.get("test.greeting").orElseThrow());
    }

    @Test
    void shouldRefuseOversizedValuesWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings.put("test.big", "x".repeat(10_001)));
        assertTrue(e.getMessage().contains("at most 10000"));
    }

    @Test
    void shouldRunOnTheMigratedSchemaOfARealPostgres() {
        Object version = em.createNativeQuery("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1")
                .getSingleResult();
        assertTrue(version.toString().matches("\\d+(\\.\\d+)*"), "Flyway applied migrations: " + version);
        String server = em.createNativeQuery("SELECT version()").getSingleResult().toString();
        assertTrue(server.startsWith("PostgreSQL"), server);
    }
}
