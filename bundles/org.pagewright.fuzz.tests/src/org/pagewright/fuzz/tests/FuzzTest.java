package org.pagewright.fuzz.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzzing pass in the build: seeded generated and mutated layouts through parse, validate, compile, run and
 * judge, and mutated captures through parse and replay, in one JVM. Per input: no uncaught Throwable, nothing logged
 * at ERROR, done within 2 s, every error located in the checked file. {@code -Dfuzz.inputs=N} sets the budget (CI:
 * 5,000), {@code -Dfuzz.seed=S} replays a run (the seed is printed).
 */
class FuzzTest {
	/** The per-input limit of issue 13. */
	static final long LIMIT_MILLIS = 2000;

	@TempDir
	Path scratch;

	@Test
	void noInputCrashesHangsOrGivesAnUnlocatedError() {
		int inputs = Integer.getInteger("fuzz.inputs", 5000);
		long given = Long.getLong("fuzz.seed", 0L);
		long seed = given != 0 ? given : System.nanoTime();
		System.out.println("fuzz: seed " + seed + " (replay with -Dfuzz.seed=" + seed + "), " + inputs + " inputs");
		Random random = new Random(seed);
		Pipeline pipeline = new Pipeline(scratch);
		Mutator mutator = new Mutator(random);
		RandomLayouts generator = new RandomLayouts(random);
		List<Pipeline.Input> seeds = Seeds.layouts();
		List<String> captures = Seeds.captures();
		Watchdog watchdog = new Watchdog(LIMIT_MILLIS);

		List<String> failures = new ArrayList<>();
		int crashes = 0;
		int hangs = 0;
		int ran = 0;
		int engineRuns = 0;
		long slowestNanos = 0;
		String slowest = "";
		long start = System.nanoTime();
		for (int n = 0; n < inputs && failures.size() < 20; n++) {
			int kind = random.nextInt(20);
			Pipeline.Input input = kind == 0 ? null
					: kind < 8 ? generator.next(n) : mutator.mutate(seeds.get(random.nextInt(seeds.size())));
			String capture = input == null ? mutator.mutateCapture(captures.get(random.nextInt(captures.size()))) : null;
			Pipeline.Outcome outcome = watchdog.run(() -> input == null ? pipeline.capture(capture) : pipeline.layout(input));
			if (outcome == null || outcome.nanos() > LIMIT_MILLIS * 1_000_000) {
				// confirm on a second run, so that a pause of the shared build machine is not taken for a hang
				outcome = watchdog.run(() -> input == null ? pipeline.capture(capture) : pipeline.layout(input));
				if (outcome == null || outcome.nanos() > LIMIT_MILLIS * 1_000_000) {
					hangs++;
					failures.add("hang (> " + LIMIT_MILLIS + " ms): " + describe(input, capture));
					continue;
				}
			}
			ran++;
			engineRuns += outcome.verdicts() > 0 ? 1 : 0;
			if (outcome.nanos() > slowestNanos) {
				slowestNanos = outcome.nanos();
				slowest = input == null ? "a mutated capture" : input.name();
			}
			List<String> violations = Invariants.violations(input, outcome);
			if (!violations.isEmpty()) {
				crashes += outcome.crash() != null ? 1 : 0;
				failures.add(violations + " for " + describe(input, capture));
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("fuzz: %d inputs in %.1f s (%.0f inputs/s), %d reached the engine's checks, crashes %d, "
				+ "hangs %d, slowest %.0f ms (%s), seed %d%n", ran + hangs, seconds, (ran + hangs) / seconds,
				engineRuns, crashes, hangs, slowestNanos / 1e6, slowest, seed);
		assertTrue(failures.isEmpty(), () -> "seed " + seed + ": " + String.join("\n", failures));
	}

	private static String describe(Pipeline.Input input, String capture) {
		if (input == null) {
			return "a mutated capture of " + capture.length() + " chars";
		}
		String text = input.mainText();
		return input.name() + ":\n" + (text.length() > 1500 ? text.substring(0, 1500) + "…" : text);
	}
}
