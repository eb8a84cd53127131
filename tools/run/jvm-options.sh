# Sourced by ./run and tools/bench/startup.sh (POSIX sh), after .mvn/select-jdk.sh: the JVM options of a ./run start.
# pf_jvm_options APP_DIR sets PF_JVM_OPTS, and PF_JVM_RECORDING=1 when this start records the start-up cache.
#
# - A small footprint for a trial on one machine: the serial collector (no parallel GC threads, a heap that stays
#   small), a heap that starts small and is bounded, and only the quick JIT tier (C1): a trial wants a fast start, not peak throughput.
# - A start-up cache of the packaged application (the aot-jar packaging puts every class on the class path, where
#   the JVM can cache it): on JDK 25 and newer an AOT cache (JEP 483/514/515: classes loaded and linked, method
#   profiles), recorded by the first start after a build and written when that service stops; on JDK 19 to 24 a
#   dynamic CDS archive the JVM creates and refreshes by itself. A cache that no longer matches the jars (a new
#   build) is recorded again; the JVM never uses a stale one.
pf_jvm_options() {
  pf_app=$1
  PF_JVM_RECORDING=0
  PF_JVM_OPTS="-XX:+UseSerialGC -Xms32m -Xmx256m -XX:TieredStopAtLevel=1"
  pf_major=$(pf_java_major "$JAVA_HOME")
  if [ "${pf_major:-0}" -ge 25 ]; then
    pf_cache="$pf_app/app.aot"
    if [ -f "$pf_cache" ] && [ "$pf_cache" -nt "$pf_app/quarkus-run.jar" ]; then
      PF_JVM_OPTS="$PF_JVM_OPTS -XX:AOTCache=$pf_cache"
    else
      rm -f "$pf_cache"
      PF_JVM_OPTS="$PF_JVM_OPTS -XX:AOTCacheOutput=$pf_cache"
      PF_JVM_RECORDING=1
    fi
    # The JVM's notes on classes it leaves out of the cache (signed jars, proxies) are not the user's concern.
    PF_JVM_OPTS="$PF_JVM_OPTS -Xlog:aot*=off -Xlog:cds*=off"
  elif [ "${pf_major:-0}" -ge 19 ]; then
    PF_JVM_OPTS="$PF_JVM_OPTS -XX:SharedArchiveFile=$pf_app/app-cds.jsa -XX:+AutoCreateSharedArchive -Xlog:cds*=off"
  fi
}
