package org.pagewright.lang.conversion;

import java.math.BigInteger;
import java.util.regex.Pattern;

import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.conversion.impl.AbstractNullSafeConverter;
import org.eclipse.xtext.nodemodel.INode;

import com.google.inject.Singleton;

/**
 * Numbers of the layout language: decimal, hexadecimal with {@code _} separators, and sizes with a binary unit
 * ({@code 64K}, {@code 2M}, {@code 1G}, {@code 1T}). Values are kept as {@link BigInteger} so that a number above
 * 64 bits is reported by validation instead of silently wrapping.
 * <p>
 * A singleton, as DefaultTerminalConverters is: Guice does not inherit its {@code @Singleton}, and without it every
 * injection (the parser's element factory and the linking helper of each new resource) got its own instance, which
 * registers its converters again, by reflection and a walk of the grammar, on its first number or name.
 */
@Singleton
public class LayoutValueConverters extends DefaultTerminalConverters {

	@ValueConverter(rule = "Number")
	public IValueConverter<BigInteger> number() {
		return new NumberConverter();
	}

	@ValueConverter(rule = "Size")
	public IValueConverter<BigInteger> size() {
		return new NumberConverter();
	}

	/** Patch numbers, totals and va_bits: a number too large says so instead of Java's "For input string". */
	@Override
	@ValueConverter(rule = "INT")
	public IValueConverter<Integer> INT() {
		return new SmallIntegerConverter();
	}

	@ValueConverter(rule = "PatchNumber")
	public IValueConverter<Integer> patchNumber() {
		return new SmallIntegerConverter();
	}

	@ValueConverter(rule = "Level")
	public IValueConverter<Integer> level() {
		return new SmallIntegerConverter();
	}

	/** Patch numbers and translation levels: small signed decimals; too large is a diagnostic, not an exception. */
	public static final class SmallIntegerConverter extends AbstractNullSafeConverter<Integer> {

		/** The rule may have hidden whitespace between the sign and the digits ({@code - 5}). */
		private static final Pattern WHITESPACE = Pattern.compile("\\s");

		@Override
		protected Integer internalToValue(String text, INode node) throws ValueConverterException {
			try {
				return Integer.valueOf(withoutWhitespace(text));
			} catch (NumberFormatException e) {
				throw new ValueConverterException("'" + text + "' is not a number from " + Integer.MIN_VALUE + " to "
						+ Integer.MAX_VALUE, node, null);
			}
		}

		/** The text itself when it has no whitespace, as nearly every level and patch number: no copy per token. */
		private static String withoutWhitespace(String text) {
			for (int i = 0; i < text.length(); i++) {
				if (Character.isWhitespace(text.charAt(i))) {
					return WHITESPACE.matcher(text).replaceAll("");
				}
			}
			return text;
		}

		@Override
		protected String internalToString(Integer value) {
			return value.toString();
		}
	}

	/** Parses a number literal; the inverse writes hexadecimal for large values and a unit where one fits. */
	public static final class NumberConverter extends AbstractNullSafeConverter<BigInteger> {

		private static final String UNITS = "KMGT";

		@Override
		protected BigInteger internalToValue(String text, INode node) throws ValueConverterException {
			try {
				return parse(text);
			} catch (NumberFormatException e) {
				throw new ValueConverterException("'" + text + "' is not a number", node, null);
			}
		}

		@Override
		protected String internalToString(BigInteger value) {
			for (int unit = UNITS.length() - 1; unit >= 0; unit--) {
				BigInteger scale = BigInteger.ONE.shiftLeft(10 * (unit + 1));
				if (value.signum() > 0 && value.mod(scale).signum() == 0 && value.divide(scale).bitLength() <= 16) {
					return value.divide(scale) + UNITS.substring(unit, unit + 1);
				}
			}
			return value.bitLength() > 16 ? "0x" + value.toString(16) : value.toString();
		}

		/** Parses {@code 0x4020_0000}, {@code 4096} or {@code 64K}; throws {@link NumberFormatException} otherwise. */
		public static BigInteger parse(String text) {
			String t = text.strip();
			if (t.startsWith("0x") || t.startsWith("0X")) {
				String digits = t.substring(2).replace("_", "");
				if (digits.isEmpty()) {
					throw new NumberFormatException(text);
				}
				return new BigInteger(digits, 16);
			}
			int unit = t.isEmpty() ? -1 : UNITS.indexOf(t.charAt(t.length() - 1));
			if (unit >= 0) {
				return new BigInteger(t.substring(0, t.length() - 1)).shiftLeft(10 * (unit + 1));
			}
			return new BigInteger(t);
		}
	}
}
