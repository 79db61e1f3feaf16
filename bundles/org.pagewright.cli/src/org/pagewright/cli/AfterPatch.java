package org.pagewright.cli;

import picocli.CommandLine.Option;

/** `--after N` of the subcommands that show one state: the revision after patch N, by default the last. */
final class AfterPatch {

	@Option(names = "--after", paramLabel = "N", description = "after patch N (0 = baseline; default: the last)")
	Integer patch;
}
