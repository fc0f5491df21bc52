# shellcheck shell=bash
# Build helpers shared by deploy/demo and deploy/test. Source after deploy/lib/env.sh.

# Maven and the newest JDK; installs Maven when a machine lacks it.
smartcare_build_tools() {
    if ! command -v mvn >/dev/null 2>&1; then
        echo "installing maven" >&2
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends maven >/dev/null
    fi
    smartcare_java_home
    local major
    major="$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2}')"
    if [ "${major%%.*}" -lt 22 ]; then
        echo "need a JDK 22 or newer under /usr/lib/jvm; the newest found is $JAVA_HOME ($major)" >&2
        return 1
    fi
}

smartcare_mvn() {
    mvn -B -ntp "$@"
}
