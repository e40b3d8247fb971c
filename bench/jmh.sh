#!/usr/bin/env bash
# Runs the JMH benchmarks of src/test/java/dev/ringlab/bench. Arguments go to JMH, e.g.
#   bench/jmh.sh RingLookup -prof gc      bench/jmh.sh SimulatedA1      bench/jmh.sh -l
# JAVA_OPTS=-Djmh.ignoreLock=true lets it run beside another JMH (figures get noisier).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
exec java ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.openjdk.jmh.Main "$@"
