package org.pagewright.lang.addresses;

import java.util.List;
import java.util.Optional;

/**
 * The kernel command-line words that change arm64 mappings, with the values the kernel accepts: the one table the
 * validator, its quick fixes and completion read.
 */
public final class MmCmdlineWords {

	/**
	 * A word and the values the kernel accepts for it.
	 *
	 * @param values the accepted values; empty for a flag or a number
	 * @param numeric a number is expected (milliseconds for kfence.sample_interval)
	 * @param examples values completion offers for a number
	 */
	public record Word(String key, List<String> values, boolean numeric, List<String> examples) {

		public boolean accepts(String value) {
			return numeric ? value.matches("[0-9]+") : values.isEmpty() || values.contains(value);
		}

		/** The values offered to a user: every accepted one, or the examples of a number. */
		public List<String> offered() {
			return numeric ? examples : values;
		}

		/** What completion offers for the whole word: each offered value as {@code key=value}, or the bare flag. */
		public List<String> proposals() {
			return offered().isEmpty() ? List.of(key) : offered().stream().map(v -> key + "=" + v).toList();
		}
	}

	private static final List<Word> WORDS = List.of(
			// asm/setup.h arch_parse_debug_rodata (what each word means per version: the engine's KernelConfig)
			word("rodata", "on", "off", "full", "noalias"),
			// mm/mm_init.c early_debug_pagealloc (kstrtobool)
			word("debug_pagealloc", "on", "off"),
			// mm/kfence/core.c: the sample interval in milliseconds, 0 disables KFENCE
			new Word("kfence.sample_interval", List.of(), true, List.of("0", "100")),
			// arch/arm64/kernel/cpufeature.c parse_kpti (kstrtobool)
			word("kpti", "0", "1", "on", "off"),
			// mm/kasan/hw_tags.c early_kasan_flag
			word("kasan", "on", "off"),
			// arch/arm64/kernel/pi/idreg-override.c aliases
			word("nokaslr"), word("arm64.nolva"), word("arm64.nomte"), word("arm64.nobti"));

	private MmCmdlineWords() {
	}

	private static Word word(String key, String... values) {
		return new Word(key, List.of(values), false, List.of());
	}

	public static Optional<Word> of(String key) {
		return WORDS.stream().filter(w -> w.key().equals(key)).findFirst();
	}

	/** Every word, by key. */
	public static List<Word> all() {
		return WORDS.stream().sorted(java.util.Comparator.comparing(Word::key)).toList();
	}
}
