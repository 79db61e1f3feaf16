package org.pagewright.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;

import org.eclipse.xtext.conversion.ValueConverterException;
import org.junit.jupiter.api.Test;
import org.pagewright.lang.conversion.LayoutValueConverters.NumberConverter;
import org.pagewright.lang.conversion.LayoutValueConverters.SmallIntegerConverter;

class NumberConverterTest {

	@Test
	void hexDigitsMayBeGroupedWithUnderscores() {
		assertEquals(new BigInteger("ffff800080000000", 16), NumberConverter.parse("0xffff_8000_8000_0000"));
	}

	@Test
	void sizeUnitsAreBinary() {
		assertEquals(BigInteger.valueOf(64 * 1024), NumberConverter.parse("64K"));
		assertEquals(BigInteger.valueOf(2L << 20), NumberConverter.parse("2M"));
		assertEquals(BigInteger.ONE.shiftLeft(30), NumberConverter.parse("1G"));
		assertEquals(BigInteger.ONE.shiftLeft(40), NumberConverter.parse("1T"));
	}

	@Test
	void numbersAboveSixtyFourBitsAreKeptExactlyForValidationToReport() {
		assertEquals(BigInteger.ONE.shiftLeft(64), NumberConverter.parse("0x1_0000_0000_0000_0000"));
	}

	@Test
	void aBareHexPrefixIsNotANumber() {
		assertThrows(NumberFormatException.class, () -> NumberConverter.parse("0x__"));
	}

	@Test
	void aLevelMayHaveWhitespaceBetweenItsSignAndDigits() {
		SmallIntegerConverter converter = new SmallIntegerConverter();
		assertEquals(-1, converter.toValue("- 1", null));
		assertEquals(-1, converter.toValue("-\t1", null));
		assertEquals(3, converter.toValue("3", null));
		assertThrows(ValueConverterException.class, () -> converter.toValue("99999999999", null));
	}

	@Test
	void printingPrefersAUnitAndFallsBackToHex() {
		NumberConverter converter = new NumberConverter();
		assertEquals("64K", converter.toString(BigInteger.valueOf(65536)));
		assertEquals("0xffff800080000000", converter.toString(new BigInteger("ffff800080000000", 16)));
	}
}
