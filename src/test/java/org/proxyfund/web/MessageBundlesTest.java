package org.proxyfund.web;

import org.proxyfund.common.testing.PlainLane;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every text of every message bundle (each {@code @MessageBundle} interface in the compiled classes) has its Russian
 * in {@code messages/<bundle>_ru.properties}, and the Russian files name no text that does not exist.
 */
@PlainLane
class MessageBundlesTest {

    @Test
    void shouldHaveRussianForEveryMessageOfEveryBundle() throws Exception {
        List<Class<?>> bundles = bundles();
        assertTrue(bundles.size() >= 10, "found the bundles: " + bundles);
        List<String> problems = new ArrayList<>();
        for (Class<?> bundle : bundles) {
            problems.addAll(problems(bundle, russian(bundle.getAnnotation(MessageBundle.class).value())));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void shouldReportAMessageWithoutRussianAndAStrayRussianKey() throws Exception {
        Class<?> ep = Class.forName("org.proxyfund.endpoint.EndpointMessages");
        Properties ru = russian("ep");
        assertEquals(List.of(), problems(ep, ru));
        ru.remove("retire_button");
        ru.setProperty("retire_buton", "Вывести из работы");
        assertEquals(List.of("ep.retire_button has no Russian text", "ep_ru.properties names retire_buton, which the bundle does not have"),
                problems(ep, ru));
        assertEquals(List.of("EndpointMessages: messages/ep_ru.properties is missing"), problems(ep, null));
    }

    private static List<String> problems(Class<?> bundle, Properties ru) {
        String name = bundle.getAnnotation(MessageBundle.class).value();
        List<String> problems = new ArrayList<>();
        if (ru == null) {
            problems.add(bundle.getSimpleName() + ": messages/" + name + "_ru.properties is missing");
            return problems;
        }
        Set<String> keys = new TreeSet<>();
        for (Method m : bundle.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Message.class)) {
                keys.add(m.getName());
                String text = ru.getProperty(m.getName());
                if (text == null || text.isBlank()) {
                    problems.add(name + "." + m.getName() + " has no Russian text");
                }
            }
        }
        for (String k : new TreeSet<>(ru.stringPropertyNames())) {
            if (!keys.contains(k)) {
                problems.add(name + "_ru.properties names " + k + ", which the bundle does not have");
            }
        }
        return problems;
    }

    private static Properties russian(String bundle) throws IOException {
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream("messages/" + bundle + "_ru.properties")) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    private static List<Class<?>> bundles() throws IOException {
        Path classes = Path.of("target", "classes");
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("org/proxyfund"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> c = Class.forName(name, false, MessageBundlesTest.class.getClassLoader());
                    if (c.isInterface() && c.isAnnotationPresent(MessageBundle.class)) {
                        out.add(c);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // not loadable outside Quarkus: not a bundle interface
                }
            }
        }
        return out;
    }
}
