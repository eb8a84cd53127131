package org.proxyfund.endpoint;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Operators never see a raw key: every credential key, protocol field, type and endpoint error code has a label in
 * English and Russian (new keys added to MonitorCredential or EndpointType fail here until they get one).
 */
@QuarkusTest
class EndpointLabelsTest {

    private final EndpointMessages en = MessageBundles.get(EndpointMessages.class);
    private final EndpointMessages ru = MessageBundles.get(EndpointMessages.class, Localized.Literal.of("ru"));

    @Test
    void shouldLabelEveryCredentialKeyShownToOperators() throws Exception {
        List<String> keys = constants(MonitorCredential.class);
        keys.remove(MonitorCredential.MONITOR_PRIVATE_KEY); // never leaves the service
        assertTrue(keys.size() >= 12, keys.toString());
        for (String k : keys) {
            assertTrue(!en.credential_label(k).equals(k) && !ru.credential_label(k).equals(k), "no label for credential key " + k);
        }
        assertEquals("Токен владения", ru.credential_label("ownershipToken"));
        assertEquals("Ссылка для Telegram, форма ee", ru.credential_label("tgLinkEe"));
    }

    @Test
    void shouldLabelEveryProtocolFieldAndType() throws Exception {
        for (String k : constants(EndpointType.class)) {
            assertTrue(!en.field_label(k).equals(k) && !ru.field_label(k).equals(k), "no label for field " + k);
            String f = "protocolFields." + k;
            assertTrue(!en.error_field(f).equals(f) && !ru.error_field(f).equals(f), "no error label for " + f);
        }
        assertEquals("HTTP CONNECT", EndpointType.HTTP_CONNECT.label());
        assertEquals("HTTP CONNECT", EndpointType.labelOf("HTTP_CONNECT"));
        for (EndpointType t : EndpointType.values()) {
            assertTrue(!t.label().contains("_"), t.label());
        }
    }

    @Test
    void shouldTranslateEveryEndpointErrorCodeIntoRussian() throws Exception {
        Properties ruErrors = new Properties();
        try (var in = getClass().getClassLoader().getResourceAsStream("org/proxyfund/operator/FieldErrors_ru.properties")) {
            ruErrors.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Pattern code = Pattern.compile("\"(endpoint\\.[a-z.-]+)\"");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/proxyfund/endpoint"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = code.matcher(Files.readString(f));
                while (m.find()) {
                    String c = m.group(1).endsWith(".") ? m.group(1).substring(0, m.group(1).length() - 1) : m.group(1);
                    if (!c.startsWith("endpoint.host.refused") && !ruErrors.containsKey(c) && !missing.contains(c)) {
                        missing.add(c);
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "endpoint error codes without Russian in FieldErrors_ru.properties");
        assertTrue(ruErrors.containsKey("endpoint.host.refused"));
    }

    private static List<String> constants(Class<?> type) throws IllegalAccessException {
        List<String> out = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            int mod = f.getModifiers();
            if (Modifier.isPublic(mod) && Modifier.isStatic(mod) && Modifier.isFinal(mod) && f.getType() == String.class) {
                out.add((String) f.get(null));
            }
        }
        return out;
    }
}
