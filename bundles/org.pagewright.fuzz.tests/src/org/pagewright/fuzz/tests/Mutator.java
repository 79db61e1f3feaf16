package org.pagewright.fuzz.tests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded mutations of a layout or capture, the operators that found the bugs of issue 13: byte flips, line edits,
 * keyword swaps, truncation, extreme numbers, granule and va_bits swaps, DRAM banks, missing and duplicate names,
 * imports, deep nesting, long chains and large files.
 */
final class Mutator {
	static final List<String> KEYWORDS = List.of("platform", "image", "policy", "series", "checks", "patch", "granule",
			"va_bits", "kernel", "cmdline", "cpu", "dram", "at", "size", "load", "phys", "virt", "symbol", "secret",
			"boot", "runtime", "hibernation_prepare", "snapshot", "post_hibernation", "restore", "map", "map_mem",
			"map_kernel", "mark_rodata_ro", "kfence_pool", "free_initmem", "swsusp_save", "set_memory_valid",
			"set_memory_ro", "set_memory_x", "update_mapping_prot", "valid", "invalid", "after", "before", "on",
			"replace", "remove", "change", "flags", "prot", "read", "write", "exec", "expect", "ok", "fault", "level",
			"ptdump", "no_leak", "leaks", "wx_clean", "hibernation", "saves", "skips", "table_pages", "lm_alias",
			"page_address", "PAGE_KERNEL", "PAGE_KERNEL_RO", "PAGE_KERNEL_EXEC", "NO_BLOCK_MAPPINGS", "import", "{",
			"}", "[", ")", "(", ",", "+", "-", ":", "=", "|", "&~", "\"", "with", "in", "via", "linear");
	static final List<String> NUMBERS = List.of("0", "1", "-1", "3K", "4K", "64K", "2M", "1G", "1T", "256T", "16E",
			"0x0", "0xffff_ffff_ffff_ffff", "0x1_0000_0000_0000_0000", "0x1_0000_0000_0000", "0xffff_0000_0000_0000",
			"0x4000_0000", "99999999999", "99999999999999999999", "2147483648", "0x10_0000_0000_0000", "4096",
			"0xffff_8000_8000_0100");
	static final List<String> GRANULES = List.of("4K", "16K", "64K", "0", "3K", "128K", "1G");
	static final List<String> VA_BITS = List.of("36", "39", "42", "47", "48", "52", "0", "-5", "64", "99");

	private final Random random;

	Mutator(Random random) {
		this.random = random;
	}

	Pipeline.Input mutate(Pipeline.Input seed) {
		Map<String, String> files = new LinkedHashMap<>(seed.files());
		String key = files.keySet().iterator().next();
		int rounds = 1 + random.nextInt(3);
		String text = files.get(key);
		String op = "";
		for (int i = 0; i < rounds; i++) {
			int choice = random.nextInt(16);
			op += (op.isEmpty() ? "" : "+") + choice;
			text = switch (choice) {
				case 0 -> flipByte(text);
				case 1 -> deleteLine(text);
				case 2 -> duplicateLine(text);
				case 3 -> swapLines(text);
				case 4 -> swapKeyword(text);
				case 5 -> truncate(text);
				case 6 -> replaceNumber(text);
				case 7 -> replaceAfter(text, "granule ", GRANULES);
				case 8 -> replaceAfter(text, "va_bits ", VA_BITS);
				case 9 -> addDram(text);
				case 10 -> renameIdentifier(text);
				case 11 -> importSomething(text, files);
				case 12 -> deepen(text);
				case 13 -> insertAt(text, pick(KEYWORDS) + " ");
				case 14 -> mutateImported(files, key);
				default -> replaceAfter(text, "kernel ", List.of("6.1", "6.12", "6.18", "7.0.1", "7.3", "99.99",
						"1.2.3.4.5", "99999999999.1", "5"));
			};
		}
		files.put(key, text);
		return new Pipeline.Input(seed.name() + " ~" + op, files);
	}

	String mutateCapture(String capture) {
		int choice = random.nextInt(6);
		return switch (choice) {
			case 0 -> flipByte(capture);
			case 1 -> deleteLine(capture);
			case 2 -> duplicateLine(capture);
			case 3 -> truncate(capture);
			case 4 -> replaceHex(capture);
			default -> swapLines(capture);
		};
	}

	private <T> T pick(List<T> list) {
		return list.get(random.nextInt(list.size()));
	}

	private String flipByte(String text) {
		if (text.isEmpty()) {
			return text;
		}
		char[] c = text.toCharArray();
		int i = random.nextInt(c.length);
		c[i] = random.nextInt(4) == 0 ? (char) random.nextInt(0x250) : (char) (32 + random.nextInt(95));
		return new String(c);
	}

	private List<String> lines(String text) {
		return new ArrayList<>(Arrays.asList(text.split("\n", -1)));
	}

	private String deleteLine(String text) {
		List<String> l = lines(text);
		l.remove(random.nextInt(l.size()));
		return String.join("\n", l);
	}

	private String duplicateLine(String text) {
		List<String> l = lines(text);
		int i = random.nextInt(l.size());
		l.add(i, l.get(i));
		return String.join("\n", l);
	}

	private String swapLines(String text) {
		List<String> l = lines(text);
		int i = random.nextInt(l.size());
		int j = random.nextInt(l.size());
		String t = l.get(i);
		l.set(i, l.get(j));
		l.set(j, t);
		return String.join("\n", l);
	}

	private String swapKeyword(String text) {
		String from = pick(KEYWORDS);
		int at = text.indexOf(from, random.nextInt(Math.max(1, text.length())));
		at = at < 0 ? text.indexOf(from) : at;
		return at < 0 ? text : text.substring(0, at) + pick(KEYWORDS) + text.substring(at + from.length());
	}

	private String truncate(String text) {
		return text.isEmpty() ? text : text.substring(0, random.nextInt(text.length()));
	}

	private String insertAt(String text, String what) {
		int at = text.isEmpty() ? 0 : random.nextInt(text.length());
		return text.substring(0, at) + what + text.substring(at);
	}

	/** A number token (decimal, hex or size) replaced by an extreme one. */
	private String replaceNumber(String text) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b(0x[0-9a-fA-F_]+|\\d+[KMGTE]?)\\b").matcher(text);
		List<int[]> spans = new ArrayList<>();
		while (m.find()) {
			spans.add(new int[] {m.start(), m.end()});
		}
		if (spans.isEmpty()) {
			return text;
		}
		int[] s = pick(spans);
		return text.substring(0, s[0]) + pick(NUMBERS) + text.substring(s[1]);
	}

	private String replaceHex(String text) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("0x[0-9a-f]+|\\b\\d+\\b").matcher(text);
		List<int[]> spans = new ArrayList<>();
		while (m.find() && spans.size() < 20000) {
			spans.add(new int[] {m.start(), m.end()});
		}
		if (spans.isEmpty()) {
			return text;
		}
		int[] s = pick(spans);
		String n = pick(List.of("0xffffffffffffffff", "0x0", "99999999999999999999", "0x10000000000000000", "-1", "7"));
		return text.substring(0, s[0]) + n + text.substring(s[1]);
	}

	private String replaceAfter(String text, String word, List<String> values) {
		int at = text.indexOf(word);
		if (at < 0) {
			return text;
		}
		int from = at + word.length();
		int to = from;
		while (to < text.length() && !Character.isWhitespace(text.charAt(to))) {
			to++;
		}
		return text.substring(0, from) + pick(values) + text.substring(to);
	}

	private String addDram(String text) {
		int at = text.indexOf("dram ");
		String bank = "dram fz" + random.nextInt(1000) + " at " + pick(NUMBERS) + " size " + pick(NUMBERS) + "\n  ";
		return at < 0 ? text : text.substring(0, at) + bank + text.substring(at);
	}

	/** An identifier renamed (a reference now names nothing) or a definition duplicated. */
	private String renameIdentifier(String text) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b[a-z_][a-z0-9_]{2,}\\b").matcher(text);
		List<int[]> spans = new ArrayList<>();
		while (m.find() && spans.size() < 5000) {
			spans.add(new int[] {m.start(), m.end()});
		}
		if (spans.isEmpty()) {
			return text;
		}
		int[] s = pick(spans);
		String name = text.substring(s[0], s[1]);
		return text.substring(0, s[0]) + (random.nextBoolean() ? name + "_x" : pick(List.of("_text", "_end",
				"swapper_pg_dir", "map_mem", "boot", "bank0"))) + text.substring(s[1]);
	}

	private String importSomething(String text, Map<String, String> files) {
		String target = pick(List.of("does-not-exist.layout", "", "/dev/null", "/tmp", "main.layout", "other.layout",
				"../", "broken.layout"));
		if (target.equals("broken.layout")) {
			files.put("broken.layout", "platform broken {\n  granule 3K\n  dram b at zz size\n}\n");
		}
		return "import \"" + target + "\"\n" + text;
	}

	private String mutateImported(Map<String, String> files, String main) {
		List<String> others = files.keySet().stream().filter(k -> !k.equals(main)).toList();
		if (!others.isEmpty()) {
			String k = pick(others);
			String t = files.get(k);
			files.put(k, switch (random.nextInt(4)) {
				case 0 -> replaceNumber(t);
				case 1 -> deleteLine(t);
				case 2 -> flipByte(t);
				default -> replaceAfter(t, "va_bits ", VA_BITS);
			});
		}
		return files.get(main);
	}

	/** Deep nesting: parentheses, a long sum, or a long symbol chain, as a new symbol of the first image. */
	private String deepen(String text) {
		int depth = 50 + random.nextInt(3000);
		String symbols = switch (random.nextInt(3)) {
			case 0 -> "symbol deep = " + "(".repeat(depth) + "_text" + ")".repeat(depth);
			case 1 -> "symbol deep = _text" + " + 0".repeat(depth);
			default -> {
				StringBuilder b = new StringBuilder("symbol deep0 = _text");
				for (int i = 1; i < depth; i++) {
					b.append("\n  symbol deep").append(i).append(" = deep").append(i - 1).append(" + 0");
				}
				yield b.toString();
			}
		};
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("image \\w+ \\{\\n").matcher(text);
		return m.find() ? text.substring(0, m.end()) + "  " + symbols + "\n" + text.substring(m.end()) : text;
	}
}
