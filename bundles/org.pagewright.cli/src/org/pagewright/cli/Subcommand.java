package org.pagewright.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A Pagewright subcommand: writes to the command line's own streams, so that callers and tests can capture them. */
abstract class Subcommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	PrintWriter out() {
		return spec.commandLine().getOut();
	}

	PrintWriter err() {
		return spec.commandLine().getErr();
	}
}
