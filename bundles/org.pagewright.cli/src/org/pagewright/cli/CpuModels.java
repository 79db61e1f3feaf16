package org.pagewright.cli;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.pagewright.arm64.CpuModel;

/**
 * CPU names a user may give instead of a MIDR_EL1 value: {@code name[:rVpR]}, the name one of the engine's
 * {@link CpuModel} spellings. The rules that read the MIDR stay in the engine; this is only the parsing.
 */
final class CpuModels {
	private static final Pattern NAME = Pattern.compile("([a-z0-9-]+)(?::r(\\d+)p(\\d+))?");

	private CpuModels() {
	}

	/** The MIDR of {@code name[:rVpR]} (revision r0p0 when not given), if the name is known. */
	static Optional<Long> midr(String spelling) {
		Matcher m = NAME.matcher(spelling.toLowerCase());
		if (!m.matches()) {
			return Optional.empty();
		}
		int variant = m.group(2) == null ? 0 : (int) (Long.parseLong(m.group(2)) & 0xf);
		int revision = m.group(3) == null ? 0 : (int) (Long.parseLong(m.group(3)) & 0xf);
		return CpuModel.bySpelling(m.group(1)).map(model -> model.midr(variant, revision));
	}

	/** "cortex-a715 r0p0" for a known MIDR, else empty. */
	static Optional<String> name(long midr) {
		return CpuModel.of(midr).map(m -> m.spelling() + " r" + ((midr >>> 20) & 0xf) + "p" + (midr & 0xf));
	}

	static String names() {
		return Arrays.stream(CpuModel.values()).map(CpuModel::spelling).collect(Collectors.joining(", "));
	}
}
