package org.pagewright.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code help SUBCOMMAND} and {@code SUBCOMMAND --help} print the subcommand's usage, exit 0. */
class HelpTest {

	@ParameterizedTest
	@ValueSource(strings = { "check", "run", "ptdump", "diff", "compare", "import", "replay" })
	void helpSubcommandAndSubcommandHelpPrintTheSameUsage(String subcommand) {
		Cli.Result viaHelp = Cli.run("help", subcommand);
		Cli.Result viaOption = Cli.run(subcommand, "--help");

		assertEquals(0, viaHelp.exit(), viaHelp::toString);
		assertEquals(0, viaOption.exit(), viaOption::toString);
		assertTrue(viaOption.out().startsWith("Usage: pagewright-cli " + subcommand + " "), viaOption::toString);
		assertEquals(viaOption.out(), viaHelp.out());
		assertFalse(viaOption.err().contains("Missing required"), viaOption::toString);
	}

	@ParameterizedTest
	@ValueSource(strings = { "--help", "help" })
	void theTopLevelHelpListsEverySubcommand(String help) {
		Cli.Result r = Cli.run(help);

		assertEquals(0, r.exit(), r::toString);
		for (String s : new String[] { "check", "run", "ptdump", "diff", "compare", "import", "replay", "help" }) {
			assertTrue(r.out().contains("\n  " + s + " "), s + " missing from\n" + r);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "check", "ptdump", "replay" })
	void aSubcommandWithoutItsArgumentsIsAUsageErrorWithExitTwo(String subcommand) {
		Cli.Result r = Cli.run(subcommand);

		assertEquals(2, r.exit(), r::toString);
		assertTrue(r.err().startsWith("pagewright-cli: Missing required parameter"), r::toString);
		assertTrue(r.err().contains("Try 'pagewright-cli " + subcommand + " --help'"), r::toString);
	}
}
