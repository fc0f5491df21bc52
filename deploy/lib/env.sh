# shellcheck shell=bash
# SmartCare local-services environment. Source it, do not execute it:
#
#     . deploy/lib/env.sh            # then: smartcare_java_home
#
# Every variable below can be overridden by the environment; values already set win.
# Generated secrets are created once by `deploy/services up` into
# $SMARTCARE_STATE_DIR/secrets.env (mode 600, root) and read from there when that file is readable.
# This file only defines variables and functions: it does not change shell options, so it is
# safe to source from an interactive shell and from scripts running with `set -euo pipefail`.

# The one project-owned state directory: server data, configs, logs and generated secrets.
export SMARTCARE_STATE_DIR="${SMARTCARE_STATE_DIR:-/var/lib/smartcare}"
# Paths below it are always derived from it (not overridable), so that pointing
# SMARTCARE_STATE_DIR elsewhere can never mix two instances' files.
export SMARTCARE_SECRETS_FILE="$SMARTCARE_STATE_DIR/secrets.env"

# Loopback-only ports of our own PostgreSQL cluster and Mosquitto instance.
export SMARTCARE_PG_PORT="${SMARTCARE_PG_PORT:-55432}"
export SMARTCARE_MQTT_PORT="${SMARTCARE_MQTT_PORT:-51883}"

# Names that are fixed by the scripts but may be overridden.
export SMARTCARE_DB_NAME="${SMARTCARE_DB_NAME:-smartcare}"
export SMARTCARE_DB_USER="${SMARTCARE_DB_USER:-smartcare}"
export SMARTCARE_DB_URL="${SMARTCARE_DB_URL:-jdbc:postgresql://127.0.0.1:$SMARTCARE_PG_PORT/$SMARTCARE_DB_NAME}"
export SMARTCARE_MQTT_URL="${SMARTCARE_MQTT_URL:-tcp://127.0.0.1:$SMARTCARE_MQTT_PORT}"
export SMARTCARE_MQTT_USER="${SMARTCARE_MQTT_USER:-smartcare-service}"
export SMARTCARE_MQTT_ADMIN_USER="${SMARTCARE_MQTT_ADMIN_USER:-smartcare-admin}"
# The service's JVM: a bounded heap and the serial collector keep its whole footprint (heap, metaspace, code,
# threads) under the 512 MB a city instance is sized for, and cost least CPU on a 2-core host (bench/README.md).
# Out of heap, the process exits instead of living on with dead ingest workers: unacknowledged messages stay with
# the broker for the restarted instance (seen once: bench/README.md, "Paho's acknowledgement queue").
export SMARTCARE_SERVICE_JVM_OPTS="${SMARTCARE_SERVICE_JVM_OPTS:--Xmx256m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}"

# PostgreSQL 15 binaries (Debian layout); our cluster's and Mosquitto instance's directories.
export SMARTCARE_PG_BIN="/usr/lib/postgresql/15/bin"
export SMARTCARE_PG_DIR="$SMARTCARE_STATE_DIR/pg"
export SMARTCARE_MQTT_DIR="$SMARTCARE_STATE_DIR/mosquitto"

# The generated secrets (hex strings, so they need no quoting anywhere).
SMARTCARE_SECRET_VARS="SMARTCARE_DB_PASSWORD SMARTCARE_MQTT_PASSWORD SMARTCARE_MQTT_ADMIN_PASSWORD SMARTCARE_JWT_SECRET SMARTCARE_CAMERA_GRANT_SECRET"

# Read KEY=VALUE lines of the secrets file for the known keys that the environment leaves empty.
# The file is parsed, never sourced, so it cannot run code.
smartcare_load_secrets() {
    local file="${1:-$SMARTCARE_SECRETS_FILE}" key value var
    [ -r "$file" ] || return 0
    while IFS='=' read -r key value || [ -n "$key" ]; do
        case "$key" in ''|'#'*) continue ;; esac
        value="${value%\"}"; value="${value#\"}"
        for var in $SMARTCARE_SECRET_VARS; do
            if [ "$key" = "$var" ] && [ -z "${!var:-}" ]; then
                printf -v "$var" '%s' "$value"
                export "${var?}"
            fi
        done
    done < "$file"
}
smartcare_load_secrets "$SMARTCARE_SECRETS_FILE"

# Find the newest JDK under /usr/lib/jvm by the JAVA_VERSION of each `release` file (major version
# compared numerically, then the full version), export JAVA_HOME and put $JAVA_HOME/bin first on PATH.
# Prefers full JDKs (bin/javac); falls back to runtimes when no JDK is installed.
smartcare_java_home() {
    local root="${SMARTCARE_JVM_ROOT:-/usr/lib/jvm}" rel dir ver major best="" best_key="" key need
    for need in javac java; do
        for rel in "$root"/*/release; do
            [ -f "$rel" ] || continue
            dir="$(cd "$(dirname "$rel")" && pwd -P)"
            [ -x "$dir/bin/$need" ] || continue
            ver="$(sed -n 's/^JAVA_VERSION="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$rel" | head -n 1)"
            [ -n "$ver" ] || continue
            major="${ver%%[.+-]*}"
            if [ "$major" = "1" ]; then          # 1.8.0_412 style
                major="${ver#1.}"; major="${major%%[.+_-]*}"
            fi
            case "$major" in ''|*[!0-9]*) continue ;; esac
            # Sortable key: zero-padded major, then the full version for `sort -V`.
            key="$(printf '%05d %s' "$major" "$ver")"
            if [ -z "$best" ] || [ "$(printf '%s\n%s\n' "$best_key" "$key" | sort -V | tail -n 1)" = "$key" ]; then
                best="$dir"; best_key="$key"
            fi
        done
        [ -n "$best" ] && break
    done
    if [ -z "$best" ]; then
        echo "smartcare_java_home: no JDK with a release file under $root" >&2
        return 1
    fi
    export JAVA_HOME="$best"
    local p=":$PATH:"
    while case "$p" in *":$JAVA_HOME/bin:"*) true ;; *) false ;; esac; do
        p="${p/:$JAVA_HOME\/bin:/:}"
    done
    p="${p#:}"; p="${p%:}"
    export PATH="$JAVA_HOME/bin${p:+:$p}"
}
