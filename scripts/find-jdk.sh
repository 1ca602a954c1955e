# Sourced by every Sluice script: sets JAVA_HOME to a JDK 25 or newer, or exits with a message.
# Order: $JAVA_HOME if it is 25+, else the newest 25+ JDK under /usr/lib/jvm (and /opt/java).

sluice_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

sluice_find_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(sluice_java_major "$JAVA_HOME/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(sluice_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 25 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"
      best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "sluice: no JDK 25 or newer found (JAVA_HOME=${JAVA_HOME:-unset}; looked in /usr/lib/jvm and /opt)." >&2
    echo "sluice: install one (e.g. Temurin 25) or point JAVA_HOME at it." >&2
    exit 1
  fi
  export JAVA_HOME="$best"
}

sluice_find_jdk
export PATH="$JAVA_HOME/bin:$PATH"
# Maven itself on JDK 25: its bundled Guava calls sun.misc.Unsafe; allow it quietly.
export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"
if ! command -v mvn >/dev/null 2>&1; then
  echo "sluice: Maven (mvn) is needed to build Sluice; install it (e.g. apt-get install maven)." >&2
  exit 1
fi
