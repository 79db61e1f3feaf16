package org.pagewright.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: the same pipeline as the workbench and the Maven build. Exit codes: 0 all held, 1 something
 * failed (a diagnostic, a check, a capture not reproduced), 2 the command could not run (usage, unreadable input).
 */
@Command(name = "pagewright-cli", mixinStandardHelpOptions = true, version = "Pagewright 0.1.0",
		description = "Checks layout files and replays real kernels' page-table captures.",
		subcommands = { CheckCommand.class, ReplayCommand.class })
public class PagewrightCommand {

	static final int FAILED = 1;
	static final int CANNOT_RUN = 2;

	public static void main(String[] args) {
		System.exit(commandLine().execute(args));
	}

	/** The command line with Pagewright's exit codes for usage errors and unexpected exceptions. */
	public static CommandLine commandLine() {
		CommandLine cli = new CommandLine(new PagewrightCommand());
		cli.setExitCodeExceptionMapper(e -> CANNOT_RUN);
		cli.setParameterExceptionHandler((e, args) -> {
			e.getCommandLine().getErr().println("pagewright-cli: " + e.getMessage());
			e.getCommandLine().usage(e.getCommandLine().getErr());
			return CANNOT_RUN;
		});
		return cli;
	}
}
