package org.proxyfund.common.http;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Every JAX-RS route of the service, read from the compiled resource classes (target/classes), so none is missed. */
final class RouteCatalog {

    /** One method and path template, e.g. {@code GET /endpoints/{id}}. */
    record Route(String method, String template) {
        boolean api() {
            return template.startsWith("/api/");
        }

        String path(Map<String, String> params) {
            String p = template;
            for (Map.Entry<String, String> e : params.entrySet()) {
                p = p.replace("{" + e.getKey() + "}", e.getValue());
            }
            return p.replaceAll("\\{[^}]+}", "1");
        }
    }

    private static final Map<Class<? extends Annotation>, String> VERBS = Map.of(
            GET.class, "GET", POST.class, "POST", PUT.class, "PUT", DELETE.class, "DELETE", PATCH.class, "PATCH");

    private RouteCatalog() {
    }

    static List<Route> all() throws IOException {
        java.nio.file.Path classes = java.nio.file.Path.of("target", "classes");
        List<Route> routes = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("org/proxyfund"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = load(name);
                Path root = c == null ? null : c.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method m : c.getDeclaredMethods()) {
                    for (Map.Entry<Class<? extends Annotation>, String> verb : VERBS.entrySet()) {
                        if (m.isAnnotationPresent(verb.getKey())) {
                            Path sub = m.getAnnotation(Path.class);
                            routes.add(new Route(verb.getValue(), join(root.value(), sub == null ? "" : sub.value())));
                        }
                    }
                }
            }
        }
        routes.sort(Comparator.comparing(Route::template).thenComparing(Route::method));
        return routes;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static String join(String a, String b) {
        String s = ("/" + a + "/" + b).replaceAll("/+", "/");
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
