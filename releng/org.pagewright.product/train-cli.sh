#!/bin/sh
# Prepares the materialized product's command line for a fast start; this module's build runs it after
# materialize-products. usage: train-cli.sh PRODUCT_DIR EXAMPLES_DIR
#  1. cli-lib/: unsigned copies of the signed jars a `check` of the examples loads. The JDK's AOT cache takes no
#     class from a signed jar, nor any class whose supertype is in one, so EMF's EObject kept every model class,
#     validator and scope provider out of it; pagewright-cli puts these copies before plugins/ on its class path.
#  2. pagewright-cli.aot: the AOT cache (JDK 25+), trained by one `check` of the examples (every kind of step and
#     check) and of a generated large layout (the parser's, linker's and validator's hot paths, many times).
set -eu
product=$(cd "$1" && pwd)
examples=$2
. "$product/pagewright-env.sh"
pw_select_jdk
rm -rf "$product/cli-lib" "$product/pagewright-cli.aot"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

JDK_JAVA_OPTIONS="-Xlog:class+load=info:file=$work/classes.log" sh "$product/pagewright-cli" check "$examples" >/dev/null

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

# 2,000 symbols and 60,000 checks of three kinds, all holding
awk 'BEGIN {
  print "platform train {\n  arch arm64\n  granule 4K\n  va_bits 48\n  kernel 6.18\n  dram bank0 at 0x4000_0000 size 64M\n}"
  print "image img {\n  load phys 0x4020_0000 virt 0xffff_8000_8000_0000\n  symbol _text = 0xffff800080000000"
  print "  symbol data_start = _text + 8M\n  symbol data_end = data_start + 2M\n  symbol _end = data_end"
  for (i = 0; i < 2000; i++) printf "  symbol page%d = _text + %d\n", i, i * 4096
  print "}\npolicy base on train with img {\n  boot {"
  print "    bank_map: map [0xffff000000000000, +64M) phys 0x4000_0000 pgprot_tagged(PAGE_KERNEL) NO_EXEC_MAPPINGS | NO_BLOCK_MAPPINGS"
  print "  }\n}\nseries unmap on base {\n  patch 1 \"unmap the data alias\" {"
  print "    after bank_map: set_memory_valid lm_alias[data_start, data_end) invalid\n  }\n}\nchecks trained on unmap after 1 {"
  for (i = 0; i < 20000; i++) {
    printf "  read lm_alias(page%d) expect ok\n  write lm_alias(page%d + 8) expect ok\n", i % 2000, i % 2000
    print "  read lm_alias(data_start) expect fault level 3 translation"
  }
  print "}"
}' >"$work/large.layout"
PAGEWRIGHT_CLI_AOT_TRAINING=1 sh "$product/pagewright-cli" check "$examples" "$work/large.layout"
