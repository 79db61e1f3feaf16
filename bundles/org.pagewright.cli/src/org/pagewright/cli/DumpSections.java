package org.pagewright.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pagewright.arm64.capture.KernelPageTablesText;
import org.pagewright.arm64.layout.RunTimeAreas;
import org.pagewright.arm64.ptdump.DumpComparison;
import org.pagewright.arm64.ptdump.PtdumpRow;

/**
 * A real kernel_page_tables compared with a simulated one section by section (the {@code ---[ … ]---} markers):
 * the share of lines reproduced byte for byte (DumpComparison's longest common subsequence) and the share of the
 * real dump's mapped bytes that the simulation maps at the same level with the same attributes.
 */
final class DumpSections {

	/** A range line: start, end, size, level, then the attribute columns (none for an empty entry). */
	private static final Pattern RANGE = Pattern.compile("^0x\\S+-0x\\S+\\s+\\S+\\s+(\\S+)\\s*(.*)$");

	/**
	 * One section's agreement.
	 *
	 * @param mappedBytes bytes the real dump shows mapped (a line with attribute columns)
	 * @param agreeingBytes those of them the simulation maps at the same level with the same attributes
	 */
	record Section(String marker, DumpComparison lines, long mappedBytes, long agreeingBytes, int runTimeLines) {
		boolean agrees() {
			return lines.identical();
		}

		double byteShare() {
			return mappedBytes == 0 ? 1.0 : (double) agreeingBytes / mappedBytes;
		}
	}

	private DumpSections() {
	}

	/**
	 * The sections of the real dump whose marker starts with one of {@code only} (all when empty); lines that
	 * start in {@code runTime} (content only run time makes: modules, vmalloc) are counted, not compared.
	 */
	static List<Section> compare(KernelPageTablesText real, List<PtdumpRow> simulated, List<String> only,
			RunTimeAreas runTime) {
		Map<String, List<PtdumpRow.Range>> bySection = new LinkedHashMap<>();
		for (PtdumpRow row : simulated) {
			if (row instanceof PtdumpRow.Range r && !runTime.contains(r.start())) {
				bySection.computeIfAbsent(r.section(), k -> new ArrayList<>()).add(r);
			}
		}
		List<Section> out = new ArrayList<>();
		for (KernelPageTablesText.Block block : real.blocks()) {
			// an end marker followed directly by the next one has no lines of its own to compare
			if (block.marker().isEmpty() || block.lines().isEmpty() || !selected(block.marker(), only)) {
				continue;
			}
			List<PtdumpRow.Range> sim = bySection.getOrDefault(block.marker(), List.of());
			List<KernelPageTablesText.RangeLine> judged = block.lines().stream()
					.filter(l -> !runTime.contains(l.start())).toList();
			DumpComparison lines = DumpComparison.compare(text(sim.stream().map(PtdumpRow.Range::text).toList()),
					text(judged.stream().map(KernelPageTablesText.RangeLine::text).toList()));
			long mapped = 0;
			long agreeing = 0;
			for (KernelPageTablesText.RangeLine line : judged) {
				Matcher m = RANGE.matcher(line.text());
				if (m.matches() && !m.group(2).isBlank()) {
					mapped += line.end() - line.start();
					agreeing += sameMapping(line, m.group(1), columns(m.group(2)), sim);
				}
			}
			out.add(new Section(block.marker(), lines, mapped, agreeing, block.lines().size() - judged.size()));
		}
		return out;
	}

	/** Bytes of a real line that simulated ranges map at the same level with the same attribute columns. */
	private static long sameMapping(KernelPageTablesText.RangeLine line, String level, String columns,
			List<PtdumpRow.Range> sim) {
		long bytes = 0;
		for (PtdumpRow.Range r : sim) {
			long start = max(line.start(), r.start());
			long end = min(last(line.end()), last(r.end()));
			if (Long.compareUnsigned(start, end) <= 0 && r.level().equals(level)
					&& columns(r.attributes()).equals(columns)) {
				bytes += end - start + 1;
			}
		}
		return bytes;
	}

	/** The last byte of a range ending at {@code end} (0 = the top of the address space). */
	private static long last(long end) {
		return end - 1;
	}

	private static long max(long a, long b) {
		return Long.compareUnsigned(a, b) >= 0 ? a : b;
	}

	private static long min(long a, long b) {
		return Long.compareUnsigned(a, b) <= 0 ? a : b;
	}

	private static String columns(String attributes) {
		return attributes.strip().replaceAll("\\s+", " ");
	}

	private static boolean selected(String marker, List<String> only) {
		return only.isEmpty() || only.stream().anyMatch(o -> marker.toLowerCase().startsWith(o.toLowerCase()));
	}

	private static String text(List<String> lines) {
		return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
	}

	/** Bytes in the largest binary unit that divides them, as ptdump's size column does ("2M", "7288K"). */
	static String size(long bytes) {
		String[] units = { "", "K", "M", "G", "T", "P" };
		int u = 0;
		while (u < units.length - 1 && bytes != 0 && (bytes & 1023) == 0) {
			bytes >>>= 10;
			u++;
		}
		return bytes + units[u];
	}
}
