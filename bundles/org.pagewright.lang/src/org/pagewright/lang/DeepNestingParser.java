package org.pagewright.lang;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;

import org.antlr.runtime.CharStream;
import org.eclipse.xtext.nodemodel.impl.NodeModelBuilder;
import org.eclipse.xtext.parser.IParseResult;
import org.pagewright.lang.parser.antlr.LayoutParser;

/**
 * The generated parser on a deep stack (3,000 nested parentheses parse instead of overflowing the stack), reading a
 * file that starts with a UTF-8 byte-order mark as the text after it (editors on Windows write one).
 */
public class DeepNestingParser extends LayoutParser {
	private static final char BOM = '\uFEFF';

	@Override
	public IParseResult doParse(Reader reader) {
		PushbackReader in = new PushbackReader(reader, 1);
		try {
			int first = in.read();
			if (first >= 0 && first != BOM) {
				in.unread(first);
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return super.doParse(in);
	}

	@Override
	protected IParseResult doParse(String ruleName, CharStream in, NodeModelBuilder nodeModelBuilder,
			int initialLookAhead) {
		return DeepStack.call(() -> super.doParse(ruleName, in, nodeModelBuilder, initialLookAhead));
	}
}
