package org.pagewright.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU names a user may give instead of a MIDR_EL1 value: implementer and part numbers from the kernel's
 * arch/arm64/include/asm/cputype.h (MIDR: implementer [31:24], variant [23:20], architecture [19:16] = 0xf,
 * part [15:4], revision [3:0]). The rules that read the MIDR (BBML2/BBML3 allow-list, kpti_safe_list) stay in the
 * engine; this is only the spelling.
 */
final class CpuModels {
	private record Model(int implementer, int part) {
	}

	private static final Map<String, Model> MODELS = new LinkedHashMap<>();
	static {
		arm("cortex-a35", 0xd04);
		arm("cortex-a53", 0xd03);
		arm("cortex-a55", 0xd05);
		arm("cortex-a57", 0xd07);
		arm("cortex-a72", 0xd08);
		arm("cortex-a73", 0xd09);
		arm("cortex-a75", 0xd0a);
		arm("cortex-a76", 0xd0b);
		arm("cortex-a77", 0xd0d);
		arm("cortex-a78", 0xd41);
		arm("cortex-a510", 0xd46);
		arm("cortex-a520", 0xd80);
		arm("cortex-a710", 0xd47);
		arm("cortex-a715", 0xd4d);
		arm("cortex-a720", 0xd81);
		arm("cortex-a725", 0xd87);
		arm("cortex-x1", 0xd44);
		arm("cortex-x2", 0xd48);
		arm("cortex-x3", 0xd4e);
		arm("cortex-x4", 0xd82);
		arm("cortex-x925", 0xd85);
		arm("neoverse-n1", 0xd0c);
		arm("neoverse-n2", 0xd49);
		arm("neoverse-n3", 0xd8e);
		arm("neoverse-v1", 0xd40);
		arm("neoverse-v2", 0xd4f);
		arm("neoverse-v3", 0xd84);
		arm("neoverse-v3ae", 0xd83);
		MODELS.put("ampereone", new Model(0xc0, 0xac3));
		MODELS.put("ampereone-ac04", new Model(0xc0, 0xac4));
		MODELS.put("qemu-max", new Model(0x00, 0x051)); // QEMU's -cpu max reports implementer 0, part 0x051
	}

	private static final Pattern NAME = Pattern.compile("([a-z0-9-]+)(?::r(\\d+)p(\\d+))?");

	private CpuModels() {
	}

	private static void arm(String name, int part) {
		MODELS.put(name, new Model(0x41, part));
	}

	/** The MIDR of {@code name[:rVpR]} (revision r0p0 when not given), if the name is known. */
	static Optional<Long> midr(String spelling) {
		Matcher m = NAME.matcher(spelling.toLowerCase());
		if (!m.matches() || !MODELS.containsKey(m.group(1))) {
			return Optional.empty();
		}
		Model model = MODELS.get(m.group(1));
		long variant = m.group(2) == null ? 0 : Long.parseLong(m.group(2)) & 0xf;
		long revision = m.group(3) == null ? 0 : Long.parseLong(m.group(3)) & 0xf;
		return Optional.of((long) model.implementer() << 24 | variant << 20 | 0xfL << 16 | (long) model.part() << 4
				| revision);
	}

	/** "Cortex-A715 r0p0" for a known MIDR, else empty. */
	static Optional<String> name(long midr) {
		int implementer = (int) ((midr >>> 24) & 0xff);
		int part = (int) ((midr >>> 4) & 0xfff);
		return MODELS.entrySet().stream()
				.filter(e -> e.getValue().implementer() == implementer && e.getValue().part() == part).findFirst()
				.map(e -> e.getKey() + " r" + ((midr >>> 20) & 0xf) + "p" + (midr & 0xf));
	}

	static String names() {
		return String.join(", ", MODELS.keySet());
	}
}
