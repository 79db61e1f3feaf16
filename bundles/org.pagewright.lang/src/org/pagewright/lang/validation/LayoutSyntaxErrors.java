package org.pagewright.lang.validation;

import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.Token;
import org.antlr.runtime.TokenStream;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;
import org.pagewright.lang.parser.antlr.internal.InternalLayoutParser;

/**
 * A call the language does not have ({@code lm_alais(x)}) parses as a name followed by a '(' the
 * parser does not expect; its message says so instead of listing the tokens that could have followed the name.
 */
public class LayoutSyntaxErrors extends SyntaxErrorMessageProvider {

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
		RecognitionException e = context.getRecognitionException();
		if (e != null && e.token != null && "(".equals(e.token.getText()) && e.input instanceof TokenStream tokens) {
			Token previous = previousVisible(tokens, e.token.getTokenIndex());
			if (previous != null && previous.getType() == InternalLayoutParser.RULE_ID) {
				return new SyntaxErrorMessage("'" + previous.getText() + "(' is not a call of the language"
						+ CallKeywords.hintFor(previous.getText(), CallKeywords.ALL), null);
			}
		}
		return super.getSyntaxErrorMessage(context);
	}

	private static Token previousVisible(TokenStream tokens, int index) {
		for (int i = index - 1; i >= 0; i--) {
			Token token = tokens.get(i);
			if (token.getChannel() == Token.DEFAULT_CHANNEL) {
				return token;
			}
		}
		return null;
	}
}
