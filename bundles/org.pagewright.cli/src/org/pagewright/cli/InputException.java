package org.pagewright.cli;

/** Input the command cannot use (a missing file, a capture without the needed sections): one line, exit 2. */
final class InputException extends Exception {
	private static final long serialVersionUID = 1L;

	InputException(String message) {
		super(message);
	}
}
