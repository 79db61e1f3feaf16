package org.pagewright.arm64;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class KernelVersionTest {

    @Test
    void parsesReleaseStringsAndUnameForms() {
        assertEquals(new KernelVersion(7, 0, 1), KernelVersion.parse("7.0.1"));
        assertEquals(new KernelVersion(6, 12, 117), KernelVersion.parse("6.12.117+deb12-arm64"));
        assertEquals(new KernelVersion(6, 18, 0), KernelVersion.parse("v6.18"));
    }

    @Test
    void rejectsTextThatIsNotAVersionWithAClearMessage() {
        assertTrue(KernelVersion.tryParse("linux").isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelVersion.parse("7"));
        assertTrue(e.getMessage().contains("major.minor"));
    }

    @Test
    void comparesNumericallyNotLexically() {
        assertTrue(KernelVersion.parse("6.12").atLeast(6, 9));
        assertFalse(KernelVersion.parse("6.9").atLeast(6, 12));
        assertTrue(KernelVersion.V7_0_1.atLeast(7, 0, 1));
        assertFalse(KernelVersion.V7_0.atLeast(KernelVersion.V7_0_1));
    }
}
