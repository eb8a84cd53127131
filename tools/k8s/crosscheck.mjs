// What no single object's schema can see: references between the rendered objects.

/** Created outside the render, on purpose: name → who makes it. */
export const EXTERNAL = {
  Secret: {
    "proxyfund-secrets": "the operator, by hand (k8s/base/secret.example.yaml)",
    "proxyfund-db-app": "CloudNativePG, for Cluster proxyfund-db",
    "proxyfund-tls": "cert-manager or the operator (Ingress TLS)",
  },
};

/** Quarkus's own endpoints (health, metrics, the raw API document): the internet must reach none of them. */
export const PRIVATE_PATHS = ["/q", "/q/", "/q/metrics", "/q/health", "/q/health/ready", "/q/openapi", "/Q/metrics"];

/** Whether an Ingress path sends a request for `probe` to its backend (ingress-nginx rules). */
export function routes(path, pathType, useRegex, probe) {
  if (useRegex) return new RegExp(`^${path}`, "i").test(probe); // ingress-nginx: location ~* "^<path>"
  if (pathType === "Exact") return probe === path;
  if (pathType === "Prefix") {
    const p = path.replace(/\/+$/, "");
    return p === "" || probe === p || probe.startsWith(`${p}/`);
  }
  return probe.startsWith(path); // ImplementationSpecific without regex: nginx prefix location
}

const matches = (selector, labels) =>
  Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);

/** Pod templates of the workloads, plus the pods operators create from CRDs (CloudNativePG). */
function podsOf(objects) {
  const pods = [];
  for (const o of objects) {
    const spec = o.kind === "CronJob" ? o.spec?.jobTemplate?.spec?.template : o.spec?.template;
    if (["Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob"].includes(o.kind) && spec) {
      pods.push({ owner: `${o.kind}/${o.metadata.name}`, labels: spec.metadata?.labels ?? {}, spec: spec.spec ?? {} });
    }
    if (o.kind === "Cluster" && o.apiVersion.startsWith("postgresql.cnpg.io/")) {
      pods.push({ owner: `Cluster/${o.metadata.name}`, labels: { "cnpg.io/cluster": o.metadata.name }, spec: { containers: [] } });
    }
  }
  return pods;
}

export function crossCheck(objects) {
  const problems = [];
  const named = (kind) => new Map(objects.filter((o) => o.kind === kind).map((o) => [o.metadata.name, o]));
  const services = named("Service");
  const configMaps = named("ConfigMap");
  const secrets = named("Secret");
  const pods = podsOf(objects);
  const selects = (selector) => pods.filter((p) => matches(selector, p.labels));
  const need = (what, selector) => {
    if (selector && Object.keys(selector).length && selects(selector).length === 0) {
      problems.push(`${what}: selector ${JSON.stringify(selector)} matches no pod of the render`);
    }
  };

  for (const o of objects) {
    const id = `${o.kind}/${o.metadata?.name}`;
    if (o.kind === "Service" && o.spec?.selector) {
      need(id, o.spec.selector);
      for (const port of o.spec.ports ?? []) {
        if (typeof port.targetPort === "string") {
          const has = selects(o.spec.selector).some((p) =>
            (p.spec.containers ?? []).some((c) => (c.ports ?? []).some((cp) => cp.name === port.targetPort)));
          if (!has) problems.push(`${id}: targetPort "${port.targetPort}" is no named container port of the selected pods`);
        }
      }
    }
    if (o.kind === "PodDisruptionBudget") need(id, o.spec?.selector?.matchLabels);
    if (o.kind === "StatefulSet" && !services.has(o.spec?.serviceName)) {
      problems.push(`${id}: serviceName "${o.spec?.serviceName}" is no Service of the render`);
    }
    if (o.kind === "NetworkPolicy") {
      need(id, o.spec?.podSelector?.matchLabels);
      for (const rule of [...(o.spec?.ingress ?? []), ...(o.spec?.egress ?? [])]) {
        for (const peer of [...(rule.from ?? []), ...(rule.to ?? [])]) {
          // a peer in another namespace (namespaceSelector) is outside the render: not checked
          if (peer.podSelector && !peer.namespaceSelector) need(`${id} peer`, peer.podSelector.matchLabels);
        }
      }
    }
    if (o.kind === "ServiceMonitor") {
      const sel = o.spec?.selector?.matchLabels;
      if (![...services.values()].some((s) => matches(sel, s.metadata?.labels))) {
        problems.push(`${id}: selector ${JSON.stringify(sel)} matches no Service's labels`);
      }
    }
    if (o.kind === "Ingress") {
      const useRegex = o.metadata?.annotations?.["nginx.ingress.kubernetes.io/use-regex"] === "true";
      for (const rule of o.spec?.rules ?? []) {
        for (const path of rule.http?.paths ?? []) {
          for (const probe of PRIVATE_PATHS) {
            if (routes(path.path, path.pathType, useRegex, probe)) {
              problems.push(`${id}: path "${path.path}" routes ${probe} to the internet`);
            }
          }
          const b = path.backend?.service;
          const svc = services.get(b?.name);
          if (!svc) problems.push(`${id}: backend Service "${b?.name}" is not in the render`);
          else if (b.port?.name && !(svc.spec.ports ?? []).some((p) => p.name === b.port.name)) {
            problems.push(`${id}: Service ${b.name} has no port named "${b.port.name}"`);
          }
          if (svc && (svc.spec.ports ?? []).some((p) => p.targetPort === "management" || p.targetPort === 9000)) {
            problems.push(`${id}: Service ${b.name} exposes the management port (health, metrics) to the ingress`);
          }
        }
      }
    }
  }

  const secretKnown = (name) => secrets.has(name) || EXTERNAL.Secret[name];
  for (const pod of pods) {
    for (const c of [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])]) {
      const where = `${pod.owner} container ${c.name}`;
      if (!/[:@]/.test(c.image ?? "") || /:latest$/.test(c.image)) problems.push(`${where}: image "${c.image}" is not pinned to a tag or digest`);
      for (const ref of c.envFrom ?? []) {
        if (ref.configMapRef && !configMaps.has(ref.configMapRef.name)) problems.push(`${where}: ConfigMap "${ref.configMapRef.name}" is not in the render`);
        if (ref.secretRef && !secretKnown(ref.secretRef.name)) problems.push(`${where}: Secret "${ref.secretRef.name}" is unknown`);
      }
      for (const env of c.env ?? []) {
        const s = env.valueFrom?.secretKeyRef;
        if (s && !secretKnown(s.name)) problems.push(`${where}: env ${env.name} reads unknown Secret "${s.name}"`);
        const m = env.valueFrom?.configMapKeyRef;
        if (m && !configMaps.has(m.name)) problems.push(`${where}: env ${env.name} reads unknown ConfigMap "${m.name}"`);
      }
      const portNames = new Set((c.ports ?? []).map((p) => p.name));
      for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) {
        const port = c[probe]?.httpGet?.port ?? c[probe]?.tcpSocket?.port;
        if (typeof port === "string" && !portNames.has(port)) problems.push(`${where}: ${probe} port "${port}" is no named port`);
      }
      const volumes = new Set([...(pod.spec.volumes ?? []).map((v) => v.name),
        ...(pod.owner.startsWith("StatefulSet/") ? volumeClaims(objects, pod.owner) : [])]);
      for (const m of c.volumeMounts ?? []) {
        if (!volumes.has(m.name)) problems.push(`${where}: volumeMount "${m.name}" has no volume`);
      }
    }
  }
  return problems;
}

function volumeClaims(objects, owner) {
  const s = objects.find((o) => `${o.kind}/${o.metadata.name}` === owner);
  return (s?.spec?.volumeClaimTemplates ?? []).map((t) => t.metadata?.name);
}
