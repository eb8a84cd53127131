package org.proxyfund.operator;

import io.restassured.path.json.JsonPath;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;

/** Every path that can change something: the API's from its OpenAPI document, the pages' from the JAX-RS resources. */
final class WritePaths {

    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");

    private WritePaths() {
    }

    /** "METHOD /path" for every write operation in {@code /q/openapi}. */
    static Set<String> api() {
        Map<String, Map<String, Object>> paths = JsonPath.from(given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString()).getMap("paths");
        Set<String> out = new TreeSet<>();
        paths.forEach((path, ops) -> ops.keySet().stream().filter(WRITES::contains)
                .forEach(m -> out.add(m.toUpperCase() + " " + path)));
        return out;
    }

    /** "METHOD /path" for every write method of a JAX-RS resource outside /api (the pages, whatever their forms). */
    static Set<String> pages() throws IOException {
        return resources(false);
    }

    /** "METHOD /path" for every write method of a JAX-RS resource under /api (test-only resources aside). */
    static Set<String> apiResources() throws IOException {
        Set<String> out = resources(true);
        out.removeIf(op -> op.contains(" /api/v1/test-only/"));
        return out;
    }

    private static Set<String> resources(boolean api) throws IOException {
        Path root = Path.of("target/classes");
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root.resolve("org/proxyfund"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$")).toList()) {
                String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, WritePaths.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                jakarta.ws.rs.Path base = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (base == null) {
                    continue;
                }
                for (Method m : type.getDeclaredMethods()) {
                    String verb = m.isAnnotationPresent(POST.class) ? "POST" : m.isAnnotationPresent(PUT.class) ? "PUT"
                            : m.isAnnotationPresent(DELETE.class) ? "DELETE" : m.isAnnotationPresent(PATCH.class) ? "PATCH" : null;
                    if (verb == null) {
                        continue;
                    }
                    jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
                    String path = join(base.value(), sub == null ? "" : sub.value());
                    if (path.startsWith("/api/") == api) {
                        out.add(verb + " " + path);
                    }
                }
            }
        }
        return out;
    }

    private static String join(String a, String b) {
        String s = ("/" + a + "/" + b).replaceAll("/+", "/");
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** Fills path parameters: {@code {id}} and the like from {@code values}, anything else 1. */
    static String fill(String path, Map<String, String> values) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/", -1)) {
            if (p.startsWith("{") && p.contains(":")) {
                // a parameter with a pattern, such as {action:publish|rotate|revoke}: its first alternative
                parts.add(p.substring(p.indexOf(':') + 1, p.length() - 1).split("\\|")[0]);
            } else {
                parts.add(p.startsWith("{") ? values.getOrDefault(p, "1") : p);
            }
        }
        return String.join("/", parts);
    }
}
