package org.pagewright.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.ITokenScanner;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.xtext.parser.antlr.ITokenDefProvider;
import org.eclipse.xtext.parser.antlr.Lexer;
import org.eclipse.xtext.parser.antlr.LexerBindings;
import org.pagewright.ui.LayoutLanguage;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.name.Names;

/** Colours the layout language by the tokens of its own lexer: keywords, numbers, strings and comments. */
class LayoutTokenScanner implements ITokenScanner {

	static final IToken KEYWORD = token(new Color(127, 0, 85), SWT.BOLD);
	static final IToken NUMBER = token(new Color(0, 0, 192), SWT.NORMAL);
	static final IToken STRING = token(new Color(42, 0, 255), SWT.NORMAL);
	static final IToken COMMENT = token(new Color(63, 127, 95), SWT.ITALIC);
	static final IToken DEFAULT = new org.eclipse.jface.text.rules.Token(null);

	private final Map<Integer, String> tokenNames;
	private final Lexer lexer;
	private final List<CommonToken> tokens = new ArrayList<>();
	private int next;
	private CommonToken current;
	private int rangeStart;
	private int rangeEnd;

	LayoutTokenScanner() {
		Injector injector = LayoutLanguage.injector();
		tokenNames = injector.getInstance(ITokenDefProvider.class).getTokenDefMap();
		lexer = injector.getInstance(Key.get(Lexer.class, Names.named(LexerBindings.RUNTIME)));
	}

	private static IToken token(Color colour, int style) {
		return new org.eclipse.jface.text.rules.Token(new TextAttribute(colour, null, style));
	}

	@Override
	public void setRange(IDocument document, int offset, int length) {
		// Lex from the start so that a range starting inside a comment is coloured as one; documents are small.
		// Tokens are clipped to the range: the viewer rejects styles outside the region it repairs.
		tokens.clear();
		next = 0;
		rangeStart = offset;
		rangeEnd = offset + length;
		lexer.setCharStream(new ANTLRStringStream(document.get()));
		for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
			CommonToken token = (CommonToken) t;
			if (token.getStopIndex() >= offset && token.getStartIndex() < offset + length) {
				tokens.add(token);
			}
		}
	}

	@Override
	public IToken nextToken() {
		if (next >= tokens.size()) {
			return org.eclipse.jface.text.rules.Token.EOF;
		}
		current = tokens.get(next++);
		return classify(tokenNames.get(current.getType()));
	}

	static IToken classify(String name) {
		if (name == null) {
			return DEFAULT;
		}
		if (name.startsWith("'") && Character.isLetter(name.charAt(1))) {
			return KEYWORD;
		}
		return switch (name) {
		case "RULE_HEX", "RULE_INT", "RULE_SIZED" -> NUMBER;
		case "RULE_STRING" -> STRING;
		case "RULE_ML_COMMENT", "RULE_SL_COMMENT" -> COMMENT;
		default -> DEFAULT;
		};
	}

	@Override
	public int getTokenOffset() {
		return Math.max(current.getStartIndex(), rangeStart);
	}

	@Override
	public int getTokenLength() {
		return Math.min(current.getStopIndex() + 1, rangeEnd) - getTokenOffset();
	}
}
