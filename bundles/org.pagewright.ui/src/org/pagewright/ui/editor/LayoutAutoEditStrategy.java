package org.pagewright.ui.editor;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentCommand;
import org.eclipse.jface.text.IAutoEditStrategy;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.TextUtilities;

/**
 * Typing in the layout editor: Enter keeps the line's indentation and indents one level after '{' (putting a
 * following '}' on its own line), a '}' typed on an empty line goes back one level, and the closers of '{', '(',
 * '[' and '"' are inserted with them (typing the closer then steps over it).
 */
public class LayoutAutoEditStrategy implements IAutoEditStrategy {
	static final String INDENT = "  "; // the formatter's indentation

	@Override
	public void customizeDocumentCommand(IDocument document, DocumentCommand command) {
		if (command.length != 0 || command.text == null) {
			return;
		}
		try {
			if (TextUtilities.endsWith(document.getLegalLineDelimiters(), command.text) != -1) {
				newLine(document, command);
			} else if (command.text.length() == 1) {
				typed(document, command, command.text.charAt(0));
			}
		} catch (BadLocationException e) {
			// the command stays as typed
		}
	}

	private static void newLine(IDocument document, DocumentCommand command) throws BadLocationException {
		IRegion line = document.getLineInformationOfOffset(command.offset);
		String before = document.get(line.getOffset(), command.offset - line.getOffset());
		String indent = before.substring(0, before.length() - before.stripLeading().length());
		boolean opens = before.stripTrailing().endsWith("{");
		boolean closesNext = command.offset < document.getLength() && document.getChar(command.offset) == '}';
		String delimiter = command.text;
		command.text = delimiter + indent + (opens ? INDENT : "");
		if (opens && closesNext) {
			command.caretOffset = command.offset + command.text.length();
			command.shiftsCaret = false;
			command.text += delimiter + indent;
		}
	}

	private static void typed(IDocument document, DocumentCommand command, char c) throws BadLocationException {
		char next = command.offset < document.getLength() ? document.getChar(command.offset) : '\n';
		if ((c == ')' || c == ']' || c == '}' || c == '"') && next == c) {
			command.text = ""; // step over the closer inserted with its opener
			command.caretOffset = command.offset + 1;
			command.shiftsCaret = false;
			return;
		}
		if (c == '}') {
			dedentClosingBrace(document, command);
			return;
		}
		String closer = switch (c) {
		case '{' -> "}";
		case '(' -> ")";
		case '[' -> ")"; // ranges are half-open: [a, b)
		case '"' -> "\"";
		default -> null;
		};
		if (closer != null && !Character.isLetterOrDigit(next) && next != '_' && !(c == '"' && insideString(document, command.offset))) {
			command.text = c + closer;
			command.caretOffset = command.offset + 1;
			command.shiftsCaret = false;
		}
	}

	private static void dedentClosingBrace(IDocument document, DocumentCommand command) throws BadLocationException {
		IRegion line = document.getLineInformationOfOffset(command.offset);
		String before = document.get(line.getOffset(), command.offset - line.getOffset());
		if (before.isBlank() && before.endsWith(INDENT)) {
			command.offset -= INDENT.length();
			command.length = INDENT.length();
		}
	}

	/** An odd number of quotes before the offset on its line. */
	private static boolean insideString(IDocument document, int offset) throws BadLocationException {
		IRegion line = document.getLineInformationOfOffset(offset);
		return document.get(line.getOffset(), offset - line.getOffset()).chars().filter(ch -> ch == '"').count() % 2 == 1;
	}
}
