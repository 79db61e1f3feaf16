#!/bin/sh
# Prepares the materialized product's command line for a fast start; this module's build runs it after
# materialize-products. usage: train-cli.sh PRODUCT_DIR LAYOUT
#  1. cli-lib/: unsigned copies of the signed jars a `check` run loads. The JDK's AOT cache takes no class from a
#     signed jar, nor any class whose supertype is in one, so EMF's EObject kept every model class, validator and
#     scope provider out of it; pagewright-cli puts these copies before plugins/ on its class path.
#  2. pagewright-cli.aot: the AOT cache (JDK 25+), trained by one `check` run with those copies.
set -eu
product=$(cd "$1" && pwd)
layout=$2
. "$product/pagewright-env.sh"
pw_select_jdk
rm -rf "$product/cli-lib" "$product/pagewright-cli.aot"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

JDK_JAVA_OPTIONS="-Xlog:class+load=info:file=$work/classes.log" sh "$product/pagewright-cli" check "$layout" >/dev/null

mkdir "$product/cli-lib"
sed -n 's|.* source: file:.*/plugins/\([^/]*\.jar\)$|\1|p' "$work/classes.log" | sort -u >"$work/jars"
while read -r name; do
  signed="$product/plugins/$name"
  "$JAVA_HOME/bin/jar" tf "$signed" | grep -q '^META-INF/[^/]*\.SF$' || continue
  rm -rf "$work/jar" && mkdir "$work/jar"
  (cd "$work/jar" && "$JAVA_HOME/bin/jar" xf "$signed")
  rm -f "$work"/jar/META-INF/*.SF "$work"/jar/META-INF/*.RSA "$work"/jar/META-INF/*.DSA "$work"/jar/META-INF/*.EC
  "$JAVA_HOME/bin/jar" cfm "$work/unsigned.jar" "$work/jar/META-INF/MANIFEST.MF" -C "$work/jar" .
  mv "$work/unsigned.jar" "$product/cli-lib/$name"
  echo "train-cli: unsigned copy of $name"
done <"$work/jars"

PAGEWRIGHT_CLI_AOT_TRAINING=1 sh "$product/pagewright-cli" check "$layout"
