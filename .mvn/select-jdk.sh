# Sourced by ./mvnw and .ci/run (POSIX sh): point JAVA_HOME at a JDK 21 or newer.
# Machines often have an older default `java` with a newer JDK installed beside it,
# so look for one rather than asking every newcomer to set JAVA_HOME by hand.

pf_java_major() {
  "$1/bin/java" -version 2>&1 | sed -n '1s/.*version "\(1\.\)\{0,1\}\([0-9]*\).*/\2/p'
}

pf_select_jdk() {
  pf_min=21
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    pf_v=$(pf_java_major "$JAVA_HOME")
    if [ "${pf_v:-0}" -ge "$pf_min" ]; then return 0; fi
  fi
  pf_best="" pf_best_v=0
  for pf_home in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* \
    "${HOME:-/nonexistent}"/.sdkman/candidates/java/* "${HOME:-/nonexistent}"/.jdks/* \
    /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$pf_home/bin/javac" ] || continue
    pf_v=$(pf_java_major "$pf_home")
    if [ "${pf_v:-0}" -gt "$pf_best_v" ]; then pf_best="$pf_home" pf_best_v="$pf_v"; fi
  done
  if [ "$pf_best_v" -ge "$pf_min" ]; then
    JAVA_HOME="$pf_best"
    export JAVA_HOME
    return 0
  fi
  pf_path_java=$(command -v javac 2>/dev/null || true)
  if [ -n "$pf_path_java" ]; then
    pf_path_home=$(dirname "$(dirname "$(readlink -f "$pf_path_java")")")
    pf_v=$(pf_java_major "$pf_path_home")
    if [ "${pf_v:-0}" -ge "$pf_min" ]; then JAVA_HOME="$pf_path_home"; export JAVA_HOME; return 0; fi
  fi
  echo "proxyfund needs a JDK $pf_min or newer, and none was found (JAVA_HOME, /usr/lib/jvm, /opt/java, ~/.sdkman, ~/.jdks)." >&2
  echo "Install one, e.g. 'apt-get install openjdk-21-jdk-headless' or Eclipse Temurin 21+, or set JAVA_HOME to it." >&2
  return 1
}

# ./mvnw runs with `set -f` (no globbing); the search below needs globs.
case $- in *f*) pf_noglob=1; set +f ;; *) pf_noglob=0 ;; esac
pf_select_jdk || exit 1
if [ "$pf_noglob" = 1 ]; then set -f; fi
