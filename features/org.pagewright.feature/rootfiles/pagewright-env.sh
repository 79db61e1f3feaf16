# Pagewright environment selection, sourced by ./mvnw and by the product's start script.
# Picks a JDK >= 21 (Tycho 5 and the Eclipse 4.41 bundles are Java 21 class files) without the user setting
# JAVA_HOME, and a display for SWT (the real one, else Xvfb).

pw_java_major() { # $1 = JDK home; prints its feature version, or 0
  if [ -r "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" | head -n 1
  elif [ -x "$1/bin/java" ]; then
    "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
  else
    echo 0
  fi
}

pw_select_jdk() { # keeps a suitable JAVA_HOME, else takes the newest JDK >= 21 in /usr/lib/jvm
  if [ -n "${JAVA_HOME-}" ] && [ "$(pw_java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  pw_best="" pw_best_major=0 pw_noglob=""
  case $- in *f*) pw_noglob=1; set +f ;; esac # callers may run with globbing off (mvnw: set -f)
  for pw_home in /usr/lib/jvm/*; do
    [ -x "$pw_home/bin/javac" ] || continue
    pw_major=$(pw_java_major "$pw_home")
    if [ "${pw_major:-0}" -gt "$pw_best_major" ]; then pw_best=$pw_home pw_best_major=$pw_major; fi
  done
  [ -z "$pw_noglob" ] || set -f
  if [ "$pw_best_major" -lt 21 ]; then
    echo "pagewright: no JDK >= 21 found (JAVA_HOME unset or older, nothing suitable in /usr/lib/jvm)." >&2
    echo "pagewright: install one (e.g. Temurin 21+) under /usr/lib/jvm or set JAVA_HOME." >&2
    exit 1
  fi
  JAVA_HOME=$pw_best
  export JAVA_HOME
}

pw_java_options() { # prints the JVM options of the product's java commands (JAVA_HOME chosen by pw_select_jdk)
  # Guice's HiddenClassDefiner calls sun.misc.Unsafe::staticFieldBase, which JDK 24+ reports in four WARNING lines
  # on every start (JEP 471/498); --sun-misc-unsafe-memory-access (JDK 23+) allows it quietly. Older JDKs reject
  # the option, and do not warn.
  if [ "$(pw_java_major "$JAVA_HOME")" -ge 23 ] 2>/dev/null; then
    printf '%s' "--sun-misc-unsafe-memory-access=allow"
  fi
}

pw_missing_ui_packages() { # Debian packages SWT needs that this machine lacks
  if [ -z "${DISPLAY-}" ] && ! command -v xvfb-run >/dev/null 2>&1; then printf ' xvfb xauth'; fi
  if ! /sbin/ldconfig -p 2>/dev/null | grep -q 'libgtk-3\.so\.0'; then printf ' libgtk-3-0 fonts-dejavu-core'; fi
}

pw_ensure_ui_packages() { # installs them on fresh Debian machines (as root); otherwise says what is missing
  pw_packages=$(pw_missing_ui_packages)
  [ -z "$pw_packages" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "pagewright: installing Debian packages for the workbench and its UI tests:$pw_packages" >&2
    # shellcheck disable=SC2086 # a list of package names
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $pw_packages) >&2 ||
      { echo "pagewright: could not install$pw_packages" >&2; return 1; }
  else
    echo "pagewright: the workbench needs these Debian packages:$pw_packages (or set DISPLAY)" >&2
    return 1
  fi
}

pw_reexec_with_display() { # "$@" = the command line to re-run under xvfb-run when there is no display
  pw_ensure_ui_packages || true
  if [ -z "${DISPLAY-}" ] && [ -z "${PW_UNDER_XVFB-}" ] && command -v xvfb-run >/dev/null 2>&1; then
    PW_UNDER_XVFB=1
    export PW_UNDER_XVFB
    exec xvfb-run -a -s "-screen 0 1600x1000x24" "$@"
  fi
}
